package dev.guardrails.detectors.pii;

/**
 * A short list of lower-case ASCII words or phrases matched at a fixed place in a text (ending at,
 * or starting at, an offset) with {@link String#regionMatches(boolean, int, String, int, int)}
 * ignoring case, behind a one-char test: an ASCII char that no entry ends (or starts) with rules
 * the place out before any comparison. Chars from U+0080 up always take the full comparison, since
 * Unicode case folding can map them onto ASCII ("K" the Kelvin sign onto "k"). Thread-safe: immutable.
 */
final class WordList {

  private final String[] words;
  private final boolean[] firsts = new boolean[128];
  private final boolean[] lasts = new boolean[128];

  private WordList(String... words) {
    this.words = words.clone();
    for (String w : words) {
      char f = w.charAt(0);
      char l = w.charAt(w.length() - 1);
      if (f >= 128 || l >= 128 || w.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException("word list entries must be lower-case ASCII at both ends: length " + w.length());
      }
      firsts[f] = true;
      lasts[l] = true;
    }
  }

  /** The list of these words (each non-empty, lower case, ASCII at both ends). */
  static WordList of(String... words) {
    return new WordList(words);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Whether an entry may end with {@code c}: false only when no comparison could match. */
  boolean mayEndWith(char c) {
    return c >= 128 || lasts[lower(c)];
  }

  /** Whether an entry may start with {@code c}: false only when no comparison could match. */
  boolean mayStartWith(char c) {
    return c >= 128 || firsts[lower(c)];
  }

  int size() {
    return words.length;
  }

  String get(int i) {
    return words[i];
  }
}
