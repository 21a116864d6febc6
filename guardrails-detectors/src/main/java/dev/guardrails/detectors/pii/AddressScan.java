package dev.guardrails.detectors.pii;

/**
 * Bounded scanning helpers for {@link StreetAddressDetector}: token ends, house numbers, address
 * cues and the trailing parts of an address (unit, city line, state, postal code). Every method
 * looks at most a fixed number of chars around an offset. Stateless and thread-safe.
 */
final class AddressScan {

  private AddressScan() {}

  private static final String[] CUES = {
      "at", "on", "address is", "address", "addresses", "located at", "lives at", "live at",
      "moved to", "to", "is in", "send it to", "deliver to", "ship to", "from"};

  /**
   * The ASCII chars some cue of {@link #CUES} ends with, in either case: {@link #addressCueBefore}
   * compares only after one of them (or a char of U+0080 or above, which {@link #same} may fold
   * onto an ASCII letter, as the long s onto "s").
   */
  private static final boolean[] CUE_LAST = new boolean[128];

  static {
    for (String cue : CUES) {
      char c = cue.charAt(cue.length() - 1);
      CUE_LAST[Character.toLowerCase(c)] = true;
      CUE_LAST[Character.toUpperCase(c)] = true;
    }
  }

  /**
   * End of the token starting at {@code i}: a word (letters, inner - and ') or a number (digits,
   * inner - or /, one letter); {@code n} when {@code i} is at or past the end.
   */
  static int tokenEnd(String s, int i, int n) {
    if (i >= n) {
      return n; // no token at the end of the text
    }
    int b = i + 1;
    if (Chars.digit(s.charAt(i))) {
      while (b < n && b - i < 12) {
        char c = s.charAt(b);
        if (Chars.digit(c)) {
          b++;
        } else if ((c == '-' || c == '/') && b + 1 < n && Chars.digit(s.charAt(b + 1))) {
          b += 2;
        } else {
          break;
        }
      }
      if (b < n && Chars.letter(s.charAt(b)) && (b + 1 >= n || !Chars.letter(s.charAt(b + 1)))) {
        b++; // 12B
      }
      return b;
    }
    while (b < n && b - i < 40) {
      char c = s.charAt(b);
      if (Chars.letter(c)) {
        b++;
      } else if ((c == '-' || c == '\'') && b + 1 < n && Chars.letter(s.charAt(b + 1))) {
        b += 2;
      } else {
        break;
      }
    }
    return b;
  }

  /** Whether {@code s[a, b)} equals {@code word}, ignoring case. */
  static boolean is(String s, int a, int b, String word) {
    return b - a == word.length() && same(s, a, word);
  }

  /** Whether a whole word {@code word} starts at {@code p}. */
  static boolean startsWithWord(String s, int p, int n, String word) {
    int e = p + word.length();
    return e <= n && same(s, p, word) && (e == n || !Chars.letterOrDigit(s.charAt(e)));
  }

  /**
   * {@code s.regionMatches(true, at, w, 0, w.length())} for a {@code w} that fits in {@code s} from
   * {@code at}: two ASCII chars are compared by folding A-Z (for them the JDK's comparison is just
   * that), and from the first char of U+0080 or above on either side the JDK decides (Unicode case
   * mapping takes the Kelvin sign to "k", the long s to "S"). No case mapping per ASCII char.
   */
  static boolean same(String s, int at, String w) {
    int len = w.length();
    for (int k = 0; k < len; k++) {
      char c = s.charAt(at + k);
      char d = w.charAt(k);
      if (c == d) {
        continue;
      }
      if ((c | d) >= 128) {
        return s.regionMatches(true, at, w, 0, len);
      }
      if (lowerAscii(c) != lowerAscii(d)) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** 1-6 digits, optionally with one letter or a -/ and digits: 12, 12B, 12-14. */
  static boolean houseNumber(String s, int a, int b) {
    int d = 0;
    while (a + d < b && Chars.digit(s.charAt(a + d))) {
      d++;
    }
    return d >= 1 && d <= 6 && b - a <= 9 && (b >= s.length() || !Chars.letterOrDigit(s.charAt(b)));
  }

  /** Whether the char before {@code a} does not glue it to a previous token (a decimal, a code). */
  static boolean wordBoundaryBefore(String s, int a) {
    if (a == 0) {
      return true;
    }
    char c = s.charAt(a - 1);
    return c == ' ' || c == '\n' || c == '\t' || c == ',' || c == '(' || c == '"' || c == ':' || c == '>';
  }

  /** Skips spaces and tabs (not line breaks). */
  static int skipSpaces(String s, int p, int n) {
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  /** Takes a dot after a short abbreviation ("St.", "Apt.", "ul."), else returns {@code we}. */
  static int abbrevDot(String s, int we, int n) {
    if (we < n && s.charAt(we) == '.') {
      int a = we;
      while (a > 0 && Chars.letter(s.charAt(a - 1)) && we - a <= 5) {
        a--;
      }
      if (we - a <= 4 && we - a >= 1) {
        return we + 1;
      }
    }
    return we;
  }

  /** A number token after optional spaces (and an optional '#'); returns its end or -1. */
  static int numberAfter(String s, int p, int n) {
    int q = skipSpaces(s, p, n);
    if (q < n && s.charAt(q) == '#') {
      q = skipSpaces(s, q + 1, n);
    }
    if (q == p || q >= n || !Chars.digit(s.charAt(q))) {
      return -1;
    }
    int e = tokenEnd(s, q, n);
    return houseNumber(s, q, e) ? e : -1;
  }

  /** Whether an address cue ("lives at", "address is", "on") ends right before {@code a}. */
  static boolean addressCueBefore(String s, int a) {
    int e = a;
    while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == ':')) {
      e--;
    }
    if (e == 0) {
      return false;
    }
    char last = s.charAt(e - 1);
    if (last < 128 && !CUE_LAST[last]) {
      return false; // no cue ends with this char ("Step 2" after a sentence's dot)
    }
    for (String cue : CUES) {
      int b = e - cue.length();
      if (b >= 0 && same(s, b, cue) && (b == 0 || !Chars.letter(s.charAt(b - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * One trailing part of an address at {@code p}: a unit, a postal code, a state abbreviation, an
   * APO/FPO/DPO line, or (after a comma or line break) a city or country line of up to four words.
   *
   * @return the part's end, or -1 when nothing address-like is there
   */
  static int part(String s, int p, int n, boolean separated, boolean afterDot) {
    char c = s.charAt(p);
    if (c == '#') {
      return numberAfter(s, p + 1, n);
    }
    if (Chars.digit(c)) {
      int e = tokenEnd(s, p, n);
      int digits = 0;
      for (int i = p; i < e; i++) {
        digits += Chars.digit(s.charAt(i)) ? 1 : 0;
      }
      boolean glued = e < n && Chars.letterOrDigit(s.charAt(e));
      return !glued && digits >= 3 && digits <= 9 && e - p <= 10 ? e : -1;
    }
    if (!Chars.letter(c)) {
      return -1;
    }
    int we = tokenEnd(s, p, n);
    int ne = numberAfter(s, abbrevDot(s, we, n), n); // before the unit list: most words have no number after them
    if (ne > 0 && AddressLexicons.UNIT.contains(s, p, we)) {
      return ne;
    }
    if (we - p == 2 && Chars.upper(c) && Chars.upper(s.charAt(p + 1))
        && (separated || AddressLexicons.STATE_ABBR.contains(s, p, we))) {
      return we;
    }
    if (is(s, p, we, "APO") || is(s, p, we, "FPO") || is(s, p, we, "DPO")) {
      return we;
    }
    if (!separated || afterDot) {
      return -1;
    }
    // City or country line: capitalized or upper-case words, small particles between them.
    int end = -1;
    int q = p;
    for (int w = 0; w < 4 && q < n && Chars.letter(s.charAt(q)); w++) {
      int e = tokenEnd(s, q, n);
      char f = s.charAt(q);
      if (Chars.upper(f)) {
        if (AddressLexicons.NOT_STREET.contains(s, q, e) && e - q > 1) {
          return -1;
        }
        end = e;
      } else if (e - q > 3 || end < 0) {
        return -1;
      }
      int r = skipSpaces(s, e, n);
      if (r >= n || r == e || !Chars.letter(s.charAt(r))) {
        break;
      }
      q = r;
    }
    if (end < 0) {
      return -1;
    }
    int r = skipSpaces(s, end, n);
    if (r >= n) {
      return end;
    }
    char f = s.charAt(r);
    if (f == '\n' || f == ',' || f == '\r' || f == '(' || Chars.digit(f)) {
      return end;
    }
    if ((f == '.' || f == '?' || f == '!' || f == ';') && r == end && (r + 1 >= n || Character.isWhitespace(s.charAt(r + 1)))) {
      return end; // "42 Wallaby Way, Sydney."
    }
    int e = Chars.letter(f) ? tokenEnd(s, r, n) : r;
    return e - r == 2 && Chars.upper(f) && Chars.upper(s.charAt(r + 1)) ? end : -1;
  }

  /** Whether a part is strong evidence of an address: a unit, a postal code or a state. */
  static boolean strong(String s, int p, int q) {
    char c = s.charAt(p);
    return Chars.digit(c) || c == '#' || q - p == 2 || AddressLexicons.UNIT.contains(s, p, tokenEnd(s, p, q));
  }
}
