package dev.guardrails.detectors.pii;

/**
 * {@link Character#isLetter(char)}, {@link Character#isUpperCase(char)},
 * {@link Character#isLowerCase(char)}, {@link Character#isDigit(char)} and
 * {@link Character#isLetterOrDigit(char)} with an ASCII fast path (one table load) for the name and
 * address scanners, which ask them of every char; other chars get the {@link Character} answer.
 * Thread-safe: stateless.
 */
final class Chars {

  private Chars() {}

  private static final int LETTER = 1;
  private static final int UPPER = 2;
  private static final int LOWER = 4;
  private static final int DIGIT = 8;

  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      int f = 0;
      if (c >= 'A' && c <= 'Z') {
        f = LETTER | UPPER;
      } else if (c >= 'a' && c <= 'z') {
        f = LETTER | LOWER;
      } else if (c >= '0' && c <= '9') {
        f = DIGIT;
      }
      ASCII[c] = (byte) f;
    }
  }

  static boolean letter(char c) {
    return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
  }

  static boolean upper(char c) {
    return c < 128 ? (ASCII[c] & UPPER) != 0 : Character.isUpperCase(c);
  }

  static boolean lower(char c) {
    return c < 128 ? (ASCII[c] & LOWER) != 0 : Character.isLowerCase(c);
  }

  static boolean digit(char c) {
    return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
  }

  static boolean letterOrDigit(char c) {
    return c < 128 ? (ASCII[c] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
  }
}
