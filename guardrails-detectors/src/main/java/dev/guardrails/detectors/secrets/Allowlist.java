package dev.guardrails.detectors.secrets;

import com.google.re2j.Pattern;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gitleaks allowlist as {@link GitleaksRules} applies it to chat text: regexes on the secret,
 * the match or the line (read at most {@link #LINE_REACH} chars each side), and stopwords,
 * case-insensitive substrings of the secret; {@code AND} allowlists need both.
 *
 * <p>Immutable and thread-safe.
 */
final class Allowlist {
  static final Allowlist NONE = new Allowlist(List.of(), List.of(), "secret", false);

  /** How far a line-target allowlist reads on each side of a match when the line is longer. */
  static final int LINE_REACH = 512;

  private final List<Pattern> regexes;
  private final List<String> stopwords;
  private final String target;
  private final boolean and;

  /** Stopwords by their first char (ASCII); a stopword starting above ASCII goes under 0 and is checked everywhere. */
  private final String[][] byFirst = new String[128][];

  /** Returns the regexes, in file order. */
  List<Pattern> regexes() {
    return regexes;
  }

  /** Returns the stopwords, lower case. */
  List<String> stopwords() {
    return stopwords;
  }

  /** Returns what the regexes read: {@code secret}, {@code match} or {@code line}. */
  String target() {
    return target;
  }

  /** Returns true when regexes and stopwords must both hit (gitleaks' {@code condition = "AND"}). */
  boolean and() {
    return and;
  }

  Allowlist(List<Pattern> regexes, List<String> stopwords, String target, boolean and) {
    this.regexes = regexes;
    this.stopwords = stopwords;
    java.util.Map<Integer, List<String>> m = new java.util.HashMap<>();
    for (String w : stopwords) {
      if (!w.isEmpty()) {
        char f = w.charAt(0);
        m.computeIfAbsent(f < 128 ? (int) f : -1, x -> new ArrayList<>()).add(w);
      }
    }
    for (java.util.Map.Entry<Integer, List<String>> e : m.entrySet()) {
      if (e.getKey() >= 0) {
        byFirst[e.getKey()] = e.getValue().toArray(new String[0]);
      }
    }
    this.wideStopwords = m.getOrDefault(-1, List.of());
    this.target = target;
    this.and = and;
  }

  boolean allows(String s, int ss, int se, int ms, int me) {
    if (regexes.isEmpty() && stopwords.isEmpty()) {
      return false;
    }
    boolean re = !regexes.isEmpty() && regexHit(s, ss, se, ms, me);
    boolean stop = !stopwords.isEmpty() && stopHit(s, ss, se);
    if (and) {
      return (regexes.isEmpty() || re) && (stopwords.isEmpty() || stop);
    }
    return re || stop;
  }

  private boolean regexHit(String s, int ss, int se, int ms, int me) {
    CharSequence t;
    if (target.equals("match")) {
      t = CharBuffer.wrap(s, ms, me);
    } else if (target.equals("line")) {
      t = CharBuffer.wrap(s, lineStart(s, ms), lineEnd(s, me));
    } else {
      t = CharBuffer.wrap(s, ss, se);
    }
    for (Pattern p : regexes) {
      if (p.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The start of the line holding {@code ms}, at most {@link #LINE_REACH} chars back: chat text
   * may be one 1 MB "line", and a line-target allowlist regex read over all of it for each
   * candidate would make the scan quadratic (the allowlists' line regexes, an import statement or
   * a {@code --mount=type=secret,} flag, sit near the secret).
   */
  static int lineStart(String s, int ms) {
    int lim = Math.max(0, ms - LINE_REACH);
    for (int p = ms - 1; p >= lim; p--) {
      if (s.charAt(p) == '\n') {
        return p + 1;
      }
    }
    return lim;
  }

  /** The end of the line holding {@code me}, at most {@link #LINE_REACH} chars on (see {@link #lineStart}). */
  static int lineEnd(String s, int me) {
    int lim = Math.min(s.length(), me + LINE_REACH);
    for (int p = me; p < lim; p++) {
      if (s.charAt(p) == '\n') {
        return p;
      }
    }
    return lim;
  }

  /** Whether a stopword occurs in {@code s[ss,se)}, case-insensitively; stopwords indexed by first char. */
  private final List<String> wideStopwords;

  private boolean stopHit(String s, int ss, int se) {
    if (!wideStopwords.isEmpty()) {
      String lower = s.substring(ss, se).toLowerCase(Locale.ROOT);
      for (String w : wideStopwords) {
        if (lower.contains(w)) {
          return true;
        }
      }
    }
    for (int p = ss; p < se; p++) {
      char c = Character.toLowerCase(s.charAt(p));
      String[] cands = c < 128 ? byFirst[c] : null;
      if (cands == null) {
        continue;
      }
      for (String w : cands) {
        if (p + w.length() <= se && s.regionMatches(true, p, w, 0, w.length())) {
          return true;
        }
      }
    }
    return false;
  }
}
