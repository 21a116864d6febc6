package dev.guardrails.detectors.pii;

/**
 * A view of a string with long-vowel marks removed (Hepburn romanization of Japanese and similar:
 * ā ē ī ō ū and their circumflex forms read as a e i o u), so that "Saitō" is looked up as "Saito".
 * Same length and offsets as the string it wraps; reads on demand, copies nothing. Not shared:
 * one per lookup.
 */
final class LongVowels implements CharSequence {

  private final String s;

  LongVowels(String s) {
    this.s = s;
  }

  /** Whether {@code s[a, b)} holds a long-vowel mark. */
  static boolean has(String s, int a, int b) {
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      if (c >= '\u00C2' && plain(c) != c) { // every mark is at or above U+00C2
        return true;
      }
    }
    return false;
  }

  /** {@link #has(String, int, int)} reading the chars from {@code c}, a copy of the string's. */
  static boolean has(char[] c, int a, int b) {
    for (int i = a; i < b; i++) {
      char x = c[i];
      if (x >= '\u00C2' && plain(x) != x) { // every mark is at or above U+00C2
        return true;
      }
    }
    return false;
  }

  static char plain(char c) {
    switch (c) {
      case '\u0101': case '\u00E2': return 'a';
      case '\u0100': case '\u00C2': return 'A';
      case '\u0113': case '\u00EA': return 'e';
      case '\u0112': case '\u00CA': return 'E';
      case '\u012B': case '\u00EE': return 'i';
      case '\u012A': case '\u00CE': return 'I';
      case '\u014D': case '\u00F4': return 'o';
      case '\u014C': case '\u00D4': return 'O';
      case '\u016B': case '\u00FB': return 'u';
      case '\u016A': case '\u00DB': return 'U';
      default: return c;
    }
  }

  @Override
  public int length() {
    return s.length();
  }

  @Override
  public char charAt(int index) {
    return plain(s.charAt(index));
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    throw new UnsupportedOperationException("a lookup view");
  }

  @Override
  public String toString() {
    return "LongVowels[" + s.length() + " chars]";
  }
}
