package dev.guardrails.text;

/**
 * Recognizes the markup that {@link Normalizer} folds away so that a disguised value reads as
 * itself: HTML character references ({@code &#64;}, {@code &#x40;}, {@code &commat;}), bracketed
 * {@code [at]} / {@code (dot)} stand-ins, and Markdown emphasis or code markers at word edges
 * ({@code **jane**@example.com}, {@code `value`}). Every match is bounded by a few chars, so the
 * normalizer stays one linear pass. Stateless.
 */
final class Markup {

  /** The markup is dropped. */
  static final int DROP = 1;
  /** An HTML character reference: decode it. */
  static final int ENTITY = 2;
  /** A bracketed "at": write '@'. */
  static final int AT = 3;
  /** A bracketed "dot": write '.'. */
  static final int DOT = 4;

  private static final String[] NAMES = {
    "amp", "lt", "gt", "quot", "apos", "nbsp", "commat", "period", "lowbar", "hyphen", "dash",
    "colon", "num", "plus", "sol", "excl", "equals", "ZeroWidthSpace", "zwj", "zwnj", "shy",
  };
  private static final int[] NAME_CPS = {
    '&', '<', '>', '"', '\'', 0xA0, '@', '.', '_', '-', '-',
    ':', '#', '+', '/', '!', '=', 0x200B, 0x200D, 0x200C, 0xAD,
  };

  private Markup() {}

  /** Returns true when {@link #match} finds something at {@code i}. */
  static boolean foldsAt(String s, int i) {
    return match(s, i) != 0;
  }

  /**
   * Returns {@code (kind << 32) | end} for the markup starting at {@code i}, or 0 when there is
   * none.
   */
  static long match(String s, int i) {
    char c = s.charAt(i);
    int end;
    if (c == '&') {
      end = entityEnd(s, i);
      return end > 0 ? pack(ENTITY, end) : 0;
    }
    if (c == '\\') {
      end = jsonEscapeEnd(s, i);
      return end > 0 ? pack(ENTITY, end) : 0;
    }
    if (c == '%') {
      end = percentEnd(s, i);
      return end > 0 ? pack(ENTITY, end) : 0;
    }
    if (c == '[' || c == '(' || c == '{') {
      return bracket(s, i, c == '[' ? ']' : c == '(' ? ')' : '}');
    }
    // Emphasis / code markers: a run of * ` ~ _ not inside a word (a word char on both sides).
    if (i > 0 && isMarker(s.charAt(i - 1))) {
      return 0; // only whole runs are judged (the caller is mid-run)
    }
    int j = i;
    boolean nonUnderscore = false;
    while (j < s.length() && j - i < 64 && isMarker(s.charAt(j))) {
      nonUnderscore |= s.charAt(j) != '_';
      j++;
    }
    if (j - i >= 64 || (!nonUnderscore && j - i < 2)) {
      return 0; // a long rule line or a lone underscore (snake_case, _private) stays
    }
    boolean wordBefore = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
    boolean wordAfter = j < s.length() && Character.isLetterOrDigit(s.charAt(j));
    return wordBefore && wordAfter ? 0 : pack(DROP, j);
  }

  private static boolean isMarker(char c) {
    return c == '*' || c == '`' || c == '~' || c == '_';
  }

  private static long pack(int kind, int end) {
    return ((long) kind << 32) | end;
  }

  /** "[at]", "( dot )", "{AT}": returns AT or DOT packed with the end, or 0. */
  private static long bracket(String s, int i, char close) {
    int j = i + 1;
    int n = s.length();
    while (j < n && j - i < 3 && s.charAt(j) == ' ') {
      j++;
    }
    if (j >= n) {
      return 0;
    }
    // the first letter decides which word may follow: most brackets ("(555)", "(the ...") hold
    // neither, and a case-blind regionMatches per bracket was a quarter of the normalizing pass on
    // answers with phone numbers ('a'/'A' and 'd'/'D' are the only chars equal to 'a' and 'd'
    // ignoring case, so the answer is the same)
    char first = (char) (s.charAt(j) | 0x20);
    int kind;
    if (first == 'a' && regionIs(s, j, "at")) {
      kind = AT;
      j += 2;
    } else if (first == 'd' && regionIs(s, j, "dot")) {
      kind = DOT;
      j += 3;
    } else {
      return 0;
    }
    int k = j;
    while (k < n && k - j < 2 && s.charAt(k) == ' ') {
      k++;
    }
    return k < n && s.charAt(k) == close ? pack(kind, k + 1) : 0;
  }

  private static boolean regionIs(String s, int i, String word) {
    return s.regionMatches(true, i, word, 0, word.length());
  }

  /** Returns the index after a valid character reference at {@code i}, or -1. */
  private static int entityEnd(String s, int i) {
    int n = s.length();
    int j = i + 1;
    if (j < n && s.charAt(j) == '#') {
      j++;
      boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
      if (hex) {
        j++;
      }
      int start = j;
      long v = 0;
      while (j < n && j - start < 7) {
        int d = Character.digit(s.charAt(j), hex ? 16 : 10);
        if (d < 0 || s.charAt(j) > 'f') {
          break;
        }
        v = v * (hex ? 16 : 10) + d;
        j++;
      }
      if (j == start || j >= n || s.charAt(j) != ';' || !validCodePoint(v)) {
        return -1;
      }
      return j + 1;
    }
    for (String name : NAMES) {
      if (s.startsWith(name, j) && j + name.length() < n && s.charAt(j + name.length()) == ';') {
        return j + name.length() + 1;
      }
    }
    return -1;
  }

  private static boolean validCodePoint(long v) {
    return v > 0 && v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF);
  }

  /**
   * A JSON escape {@code \\uXXXX} at {@code i} of a printable ASCII char other than a quote or
   * backslash ({@code john\\u0040example.com}); returns its end or -1.
   */
  private static int jsonEscapeEnd(String s, int i) {
    if (i + 6 > s.length() || s.charAt(i + 1) != 'u') {
      return -1;
    }
    int v = hex(s, i + 2, i + 6);
    return v > 0x20 && v < 0x7f && v != '"' && v != '\\' ? i + 6 : -1;
  }

  /**
   * URL percent-encoding {@code %XX} at {@code i} of a char that holds a value together
   * ({@code @ . : + -} or a digit) between a letter or digit and a letter, digit or another escape
   * ({@code john%40example.com}); returns its end or -1. "50%" and "%20" stay as they are.
   */
  private static int percentEnd(String s, int i) {
    int n = s.length();
    if (i == 0 || i + 3 > n || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '%'
        && !(i >= 3 && s.charAt(i - 3) == '%')) {
      return -1;
    }
    int v = hex(s, i + 1, i + 3);
    boolean kept = v == '@' || v == '.' || v == ':' || v == '+' || v == '-' || (v >= '0' && v <= '9');
    if (!kept || i + 3 >= n) {
      return -1;
    }
    char after = s.charAt(i + 3);
    return Character.isLetterOrDigit(after) || after == '%' ? i + 3 : -1;
  }

  /** The hex number {@code s[from, to)}, or -1. */
  private static int hex(String s, int from, int to) {
    int v = 0;
    for (int k = from; k < to; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) >= 0x80) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  /** Decodes the character reference {@code s[i, end)} that {@link #match} accepted. */
  static int entityCodePoint(String s, int i, int end) {
    if (s.charAt(i) == '\\') {
      return hex(s, i + 2, end);
    }
    if (s.charAt(i) == '%') {
      return hex(s, i + 1, end);
    }
    if (s.charAt(i + 1) == '#') {
      boolean hex = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X';
      return Integer.parseInt(s.substring(i + (hex ? 3 : 2), end - 1), hex ? 16 : 10);
    }
    String name = s.substring(i + 1, end - 1);
    for (int k = 0; k < NAMES.length; k++) {
      if (NAMES[k].equals(name)) {
        return NAME_CPS[k];
      }
    }
    throw new IllegalStateException("not a character reference");
  }
}
