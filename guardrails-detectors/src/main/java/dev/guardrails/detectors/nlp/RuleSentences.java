package dev.guardrails.detectors.nlp;

import dev.guardrails.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule-based English sentence splitter: one linear pass that ends a sentence at {@code .},
 * {@code !} or {@code ?} (with trailing quotes and brackets) followed by whitespace, and at line
 * breaks, except after common abbreviations ("Dr.", "e.g."), single initials ("J. Smith") and
 * inside numbers ("3.5"). It is the fallback when the OpenNLP model is not wanted (long grounding
 * sources, where speed matters more than the last bit of accuracy) or not available.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleSentences {

  private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "inc", "ltd",
      "co", "corp", "no", "fig", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "u.s", "u.k", "gen", "gov", "sen", "rep", "capt", "col", "lt", "sgt", "approx");

  private RuleSentences() {}

  /**
   * Splits {@code s} into sentence spans, trimmed of surrounding whitespace, in order.
   *
   * @param s the text
   * @return the sentence spans over {@code s}; empty when the text is blank
   */
  public static List<Span> split(CharSequence s) {
    List<Span> out = new ArrayList<>();
    int n = s.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        add(s, start, i, out);
        start = i + 1;
      } else if (c == '.' || c == '!' || c == '?') {
        int e = i + 1;
        while (e < n && (s.charAt(e) == '.' || s.charAt(e) == '!' || s.charAt(e) == '?')) {
          e++;
        }
        while (e < n && isCloser(s.charAt(e))) {
          e++;
        }
        if (e < n && !Character.isWhitespace(s.charAt(e))) {
          i = e - 1;
          continue; // "3.5", "example.com", "e.g."
        }
        if (c == '.' && e == i + 1 && isAbbreviation(s, i)) {
          continue;
        }
        add(s, start, e, out);
        start = e;
        i = e - 1;
      }
    }
    add(s, start, n, out);
    return out;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019';
  }

  private static boolean isAbbreviation(CharSequence s, int dot) {
    int b = dot;
    while (b > 0 && (Character.isLetter(s.charAt(b - 1)) || s.charAt(b - 1) == '.') && dot - b < 8) {
      b--;
    }
    int len = dot - b;
    if (len == 0) {
      return false;
    }
    if (len == 1 && Character.isUpperCase(s.charAt(b))) {
      return true; // an initial: "J. Smith"
    }
    if (len > 6) {
      return false;
    }
    StringBuilder w = new StringBuilder(len);
    for (int i = b; i < dot; i++) {
      w.append(Character.toLowerCase(s.charAt(i)));
    }
    return ABBREVIATIONS.contains(w.toString());
  }

  private static void add(CharSequence s, int a, int b, List<Span> out) {
    while (a < b && Character.isWhitespace(s.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
      b--;
    }
    if (b > a) {
      out.add(new Span(a, b));
    }
  }
}
