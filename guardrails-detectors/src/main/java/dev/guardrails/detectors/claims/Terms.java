package dev.guardrails.detectors.claims;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Turns a stretch of English text into comparable terms: lower-cased light stems for words, and
 * one canonical value per quantity ("1.5 million" and "1,500,000" both become {@code 1500000};
 * "18.4%" and "18.4 percent" both become {@code 18.4%}). Claims and sources go through the same
 * code, so equal facts give equal terms. One linear pass; stateless and thread-safe.
 */
final class Terms {

  /** Term kinds. */
  static final byte WORD = 0;
  static final byte NUMBER = 1;
  static final byte PERCENT = 2;
  static final byte MONEY = 3;

  private Terms() {}

  /** A tokenized stretch of text: parallel arrays, offsets relative to the tokenized string. */
  static final class Seq {
    final String[] terms;
    final int[] starts;
    final int[] ends;
    final byte[] kinds;
    final boolean[] capitalized;

    Seq(String[] terms, int[] starts, int[] ends, byte[] kinds, boolean[] capitalized) {
      this.terms = terms;
      this.starts = starts;
      this.ends = ends;
      this.kinds = kinds;
      this.capitalized = capitalized;
    }

    int size() {
      return terms.length;
    }

    boolean isContent(int i) {
      return kinds[i] != WORD || !Lexicon.STOP.contains(terms[i]);
    }
  }

  /**
   * Tokenizes {@code s[from, to)}.
   *
   * @param s the text
   * @param from start index
   * @param to end index
   * @return the terms with offsets into {@code s}
   */
  static Seq tokenize(String s, int from, int to) {
    Builder terms = new Builder((to - from) / 4 + 4);
    StringBuilder b = new StringBuilder(16);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        int a = i;
        b.setLength(0);
        while (i < to) {
          char d = s.charAt(i);
          if (Character.isDigit(d)) {
            b.append(d);
            i++;
          } else if ((d == ',' || d == '.') && i + 1 < to && Character.isDigit(s.charAt(i + 1)) && i > a) {
            if (d == '.') {
              b.append('.');
            }
            i++;
          } else {
            break;
          }
        }
        int e = i;
        // A decimal comma would have been dropped; "1,5" is rare in English text and read as 15.
        BigDecimal value = parse(b);
        byte kind = NUMBER;
        boolean money = a > from && isCurrency(s.charAt(a - 1));
        int j = skipSpaces(s, i, to);
        BigDecimal scale = null;
        int wordEnd = wordEnd(s, j, to);
        if (wordEnd > j) {
          scale = scale(s, j, wordEnd);
          if (scale != null) {
            e = wordEnd;
            j = skipSpaces(s, wordEnd, to);
            wordEnd = wordEnd(s, j, to);
          }
        }
        int pct = skipSpaces(s, e, to);
        if (pct < to && s.charAt(pct) == '%') {
          kind = PERCENT;
          e = pct + 1;
        } else if (wordEnd > j && (regionIs(s, j, wordEnd, "percent") || regionIs(s, j, wordEnd, "pct"))) {
          kind = PERCENT;
          e = wordEnd;
        } else if (wordEnd > j && regionIs(s, j, wordEnd, "per") && regionIs(s, skipSpaces(s, wordEnd, to), wordEnd(s, skipSpaces(s, wordEnd, to), to), "cent")) {
          kind = PERCENT;
          e = wordEnd(s, skipSpaces(s, wordEnd, to), to);
        } else if (money || (wordEnd > j && isCurrencyWord(s, j, wordEnd))) {
          kind = MONEY;
        }
        if (scale != null && value != null) {
          value = value.multiply(scale);
        }
        String term = value == null ? b.toString() : value.stripTrailingZeros().toPlainString();
        if (kind == PERCENT) {
          term = term + "%";
        }
        terms.add(term, money ? a - 1 : a, e, kind, false);
        i = e;
      } else if (Character.isLetter(c)) {
        int a = i;
        boolean lowerAscii = true; // the word is already lower-case ASCII: take it as it is, no copy through b
        char d;
        while (i < to && ((d = s.charAt(i)) >= 'a' && d <= 'z' || d >= '0' && d <= '9')) {
          i++;
        }
        if (i < to && Character.isLetterOrDigit(s.charAt(i))) {
          lowerAscii = false;
          b.setLength(0);
          b.append(s, a, i);
          while (i < to && Character.isLetterOrDigit(s.charAt(i))) {
            b.append(Character.toLowerCase(s.charAt(i)));
            i++;
          }
        }
        String w = lowerAscii ? s.substring(a, i) : b.toString();
        if (w.equals("t") && terms.size > 0 && a >= 2 && isApostrophe(s.charAt(a - 1))) {
          w = "not"; // "don't" -> "do", "not"
        } else if (w.endsWith("n") && isNegativeContraction(s, i, to)) {
          // "hasn't" and the tokenized "has n't" both become "has", "not" ("can't" and "ca n't": "ca").
          if (w.length() == 1) {
            continue;
          }
          w = w.substring(0, w.length() - 1);
        }
        terms.add(stem(w), a, i, WORD, Character.isUpperCase(c));
      } else {
        i++;
      }
    }
    return terms.build();
  }

  /** {@link Seq}'s parallel arrays while they grow (no boxed kinds or offset pairs per term). */
  private static final class Builder {
    private String[] terms;
    private int[] starts;
    private int[] ends;
    private byte[] kinds;
    private boolean[] caps;
    int size;

    Builder(int capacity) {
      terms = new String[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
      kinds = new byte[capacity];
      caps = new boolean[capacity];
    }

    void add(String term, int a, int e, byte kind, boolean cap) {
      if (size == terms.length) {
        int n = size * 2;
        terms = java.util.Arrays.copyOf(terms, n);
        starts = java.util.Arrays.copyOf(starts, n);
        ends = java.util.Arrays.copyOf(ends, n);
        kinds = java.util.Arrays.copyOf(kinds, n);
        caps = java.util.Arrays.copyOf(caps, n);
      }
      terms[size] = term;
      starts[size] = a;
      ends[size] = e;
      kinds[size] = kind;
      caps[size] = cap;
      size++;
    }

    Seq build() {
      return new Seq(java.util.Arrays.copyOf(terms, size), java.util.Arrays.copyOf(starts, size),
          java.util.Arrays.copyOf(ends, size), java.util.Arrays.copyOf(kinds, size), java.util.Arrays.copyOf(caps, size));
    }
  }

  /**
   * Returns the light stem of a lower-case word: a few inflectional suffixes are removed so that
   * "increased", "increases" and "increase" meet. Not a linguistic stemmer; it only has to map
   * claim and source words the same way.
   *
   * @param w a lower-case word
   * @return the stem
   */
  static String stem(String w) {
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "i";
    }
    String s = w;
    if (n > 6 && w.endsWith("ing")) {
      s = w.substring(0, n - 3);
    } else if (n > 5 && w.endsWith("ed")) {
      s = w.substring(0, n - 2);
    } else if (n > 5 && w.endsWith("es")) {
      s = w.substring(0, n - 2);
    } else if (n > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      s = w.substring(0, n - 1);
    } else if (n > 5 && w.endsWith("ly")) {
      s = w.substring(0, n - 2);
    }
    int m = s.length();
    if (m > 4 && s.charAt(m - 1) == 'e') {
      s = s.substring(0, m - 1);
    } else if (m > 3 && s.charAt(m - 1) == 'y') {
      s = s.substring(0, m - 1) + "i";
    }
    return s;
  }

  private static BigDecimal parse(CharSequence digits) {
    if (digits.length() == 0 || digits.length() > 30) {
      return null;
    }
    try {
      return new BigDecimal(digits.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  private static BigDecimal scale(String s, int a, int b) {
    if (regionIs(s, a, b, "thousand") || regionIs(s, a, b, "k")) {
      return THOUSAND;
    }
    if (regionIs(s, a, b, "million") || regionIs(s, a, b, "mn")) {
      return MILLION;
    }
    if (regionIs(s, a, b, "billion") || regionIs(s, a, b, "bn")) {
      return BILLION;
    }
    if (regionIs(s, a, b, "trillion") || regionIs(s, a, b, "tn")) {
      return TRILLION;
    }
    return null;
  }

  private static boolean isCurrency(char c) {
    return c == '$' || c == '\u20AC' || c == '\u00A3' || c == '\u00A5';
  }

  /** Words after a number that make it an amount of money (lower case). */
  static final List<String> CURRENCY_WORDS = List.of("dollars", "euros", "pounds", "usd", "eur", "gbp");

  private static boolean isCurrencyWord(String s, int a, int b) {
    for (String w : CURRENCY_WORDS) {
      if (regionIs(s, a, b, w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s[i..]} is an apostrophe and a lone "t": the tail of a "n't" contraction. */
  private static boolean isNegativeContraction(String s, int i, int to) {
    return i + 1 < to && isApostrophe(s.charAt(i)) && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
        && (i + 2 >= to || !Character.isLetterOrDigit(s.charAt(i + 2)));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static int skipSpaces(String s, int i, int to) {
    while (i < to && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int wordEnd(String s, int i, int to) {
    while (i < to && Character.isLetter(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean regionIs(String s, int a, int b, String word) {
    return b - a == word.length() && s.regionMatches(true, a, word, 0, word.length());
  }

  /** Lower-cases ASCII letters of a region into a new string (for phrase matching). */
  static String lower(String s, int a, int b) {
    return s.substring(a, b).toLowerCase(Locale.ROOT);
  }
}
