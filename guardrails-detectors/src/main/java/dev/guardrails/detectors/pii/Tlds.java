package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.WordLists;
import java.util.Locale;
import java.util.Set;

/**
 * The set of real top-level domains (resource {@code tlds.txt}, from the Public Suffix List's ICANN
 * section), loaded once. Lookups take a slice of a char sequence and allocate nothing for ASCII.
 *
 * <p>Thread-safe: immutable after class initialization.
 */
final class Tlds {

  private Tlds() {}

  private static final Set<String> TLDS = load();
  private static final int MAX_LENGTH = TLDS.stream().mapToInt(String::length).max().orElse(0);

  private static Set<String> load() {
    return WordLists.lowerCaseWords(Tlds.class, "tlds.txt", "pii");
  }

  /**
   * Returns true when {@code s[start, end)} is a real TLD, case-insensitively.
   *
   * @param s the text
   * @param start start index
   * @param end end index
   * @return whether it is a TLD
   */
  static boolean isTld(CharSequence s, int start, int end) {
    int len = end - start;
    if (len < 2 || len > MAX_LENGTH) {
      return false;
    }
    char[] buf = new char[len];
    for (int i = 0; i < len; i++) {
      char c = s.charAt(start + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      buf[i] = c;
    }
    return TLDS.contains(new String(buf));
  }
}
