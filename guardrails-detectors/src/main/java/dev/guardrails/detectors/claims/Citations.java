package dev.guardrails.detectors.claims;

import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.Source;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.List;
import java.util.Locale;

/**
 * Finds citations in an answer and reports those no source can vouch for: URLs and DOIs that
 * appear in no source, malformed DOIs, and numbered references ("[12]") when there are no sources
 * or the number exceeds their count. One linear pass with bounded look-ahead. Stateless and
 * thread-safe.
 */
final class Citations {

  private static final int MAX_URL = 512;

  private Citations() {}

  /**
   * The sources' texts lower-cased, one per line, built on first use: only an answer with a link or
   * DOI needs them.
   */
  private static final class SourcesLower {
    private final List<Source> sources;
    private String joined;

    SourcesLower(List<Source> sources) {
      this.sources = sources;
    }

    boolean isEmpty() {
      return sources.isEmpty();
    }

    boolean contains(String key) {
      if (joined == null) {
        StringBuilder b = new StringBuilder();
        for (Source src : sources) {
          b.append(src.text().toLowerCase(Locale.ROOT)).append('\n');
        }
        joined = b.toString();
      }
      return joined.contains(key);
    }
  }

  static void scan(AnalyzedText text, List<Source> sources, String id, FindingType type, FindingSink out) {
    scan(text, sources, id, type, out, true);
  }

  /**
   * The pass; {@code skip} false visits every char (the reference the skipping is tested against).
   * With {@code skip}, the pass goes from one place a citation may start to the next: every form
   * holds a fixed char at a fixed offset from its start ({@code ':'} 4 or 5 chars into
   * {@code http://} and {@code https://}, 3 into {@code doi:}; {@code '.'} 3 into {@code www.}; the
   * {@code '['} of a numbered reference), which the JDK's vectorized {@code indexOf} finds, so the
   * chars in between, where the per-char loop would test and move on, are not read.
   */
  static void scan(AnalyzedText text, List<Source> sources, String id, FindingType type, FindingSink out, boolean skip) {
    int sourceCount = sources.size();
    SourcesLower sourcesLower = null;
    String s = text.normalized();
    int n = s.length();
    int i = 0;
    int colon = -2; // the next ':' at or after i + 3 (-1: none left; -2: not looked for yet)
    int dot = -2; // the next '.' at or after i + 3
    int bracket = -2; // the next '[' at or after i
    while (i < n) {
      if (skip) {
        if (colon != -1 && colon < i + 3) {
          colon = s.indexOf(':', i + 3);
        }
        if (dot != -1 && dot < i + 3) {
          dot = s.indexOf('.', i + 3);
        }
        if (bracket != -1 && bracket < i) {
          bracket = s.indexOf('[', i);
        }
        int next = colon >= 0 ? Math.max(i, colon - 5) : n;
        next = dot >= 0 ? Math.min(next, dot - 3) : next;
        next = bracket >= 0 ? Math.min(next, bracket) : next;
        if (next >= n) {
          break;
        }
        i = next;
      }
      if (sourcesLower == null) {
        sourcesLower = new SourcesLower(sources);
      }
      char c = s.charAt(i);
      if ((c == 'h' || c == 'H') && (s.startsWith("http://", i) || s.startsWith("https://", i)) && boundary(s, i)) {
        int e = tokenEnd(s, i);
        report(text, i, e, urlKey(s, i, e), sourcesLower, id, type, out, "link that no source contains");
        i = e;
      } else if ((c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4) && boundary(s, i)) {
        int e = tokenEnd(s, i);
        report(text, i, e, urlKey(s, i, e), sourcesLower, id, type, out, "link that no source contains");
        i = e;
      } else if ((c == 'd' || c == 'D') && s.regionMatches(true, i, "doi:", 0, 4) && boundary(s, i)) {
        int a = i + 4;
        while (a < n && s.charAt(a) == ' ') {
          a++;
        }
        int e = tokenEnd(s, a);
        if (!validDoi(s, a, e)) {
          Span sp = text.toOriginal(i, Math.max(e, i + 4));
          out.accept(Finding.of(id, type, sp.start(), sp.end(), 0.9, "malformed DOI"));
        } else {
          report(text, i, e, s.substring(a, e).toLowerCase(Locale.ROOT), sourcesLower, id, type, out, "DOI that no source contains");
        }
        i = Math.max(e, i + 4);
      } else if (c == '[' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        int e = i + 1;
        int num = 0;
        while (e < n && e - i < 5 && Character.isDigit(s.charAt(e))) {
          num = num * 10 + (s.charAt(e) - '0');
          e++;
        }
        if (e < n && s.charAt(e) == ']') {
          if (num > sourceCount) {
            Span sp = text.toOriginal(i, e + 1);
            out.accept(Finding.of(id, type, sp.start(), sp.end(), sourceCount == 0 ? 0.7 : 0.85,
                "numbered reference with no matching source"));
          }
          i = e + 1;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
  }

  private static void report(AnalyzedText text, int a, int e, String key, SourcesLower sourcesLower, String id, FindingType type,
      FindingSink out, String message) {
    if (e <= a || (!sourcesLower.isEmpty() && !key.isEmpty() && sourcesLower.contains(key))) {
      return;
    }
    Span sp = text.toOriginal(a, e);
    out.accept(Finding.of(id, type, sp.start(), sp.end(), sourcesLower.isEmpty() ? 0.6 : 0.8, message));
  }

  /** A URL compared without scheme, "www." and trailing slash, lower-cased. */
  private static String urlKey(String s, int a, int e) {
    String u = s.substring(a, e).toLowerCase(Locale.ROOT);
    if (u.startsWith("https://")) {
      u = u.substring(8);
    } else if (u.startsWith("http://")) {
      u = u.substring(7);
    }
    if (u.startsWith("www.")) {
      u = u.substring(4);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** A DOI is "10." + 4 to 9 digits + "/" + a non-empty suffix. */
  static boolean validDoi(String s, int a, int e) {
    if (e - a < 7 || !s.startsWith("10.", a)) {
      return false;
    }
    int i = a + 3;
    int digits = 0;
    while (i < e && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    return digits >= 4 && digits <= 9 && i < e - 1 && s.charAt(i) == '/';
  }

  private static boolean boundary(String s, int i) {
    return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
  }

  /** End of a URL-like token: stops at whitespace, closing brackets and quotes, trims final punctuation. */
  private static int tokenEnd(String s, int a) {
    int e = a;
    int n = s.length();
    while (e < n && e - a < MAX_URL) {
      char c = s.charAt(e);
      if (Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == ')' || c == ']' || c == '\u201D') {
        break;
      }
      e++;
    }
    while (e > a && ".,;:!?'".indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    return e;
  }
}
