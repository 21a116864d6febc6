package dev.guardrails.text;

import java.util.Set;

/**
 * Classes of characters a text may contain, found in the one pass that normalizes it: a detector
 * names, in {@link dev.guardrails.Detector#triggers()}, the classes without which it can find
 * nothing, and the engine skips it on a text that holds none of them ({@link
 * AnalyzedText#charClasses()}). An email detector needs an {@code '@'}; a scanner of numbers needs a
 * digit.
 *
 * <p>A text contains a class when its original string or its normalized view holds a char of that
 * class, so a detector may read either view. The ASCII classes are exact: {@link #DIGIT} is
 * {@code '0'..'9'} and {@link #UPPER} is {@code 'A'..'Z'}; other Unicode digits and capitals count as
 * {@link #NON_ASCII} (the normalized view folds every Unicode decimal digit and the common Cyrillic
 * and Greek look-alike letters to ASCII, and those folded chars count in their ASCII class too).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum CharClass {
  /** An ASCII digit {@code '0'..'9'}. */
  DIGIT,
  /** An ASCII capital letter {@code 'A'..'Z'}. */
  UPPER,
  /** {@code '@'}. */
  AT,
  /** {@code ':'}. */
  COLON,
  /** {@code '='}. */
  EQUALS,
  /** {@code '_'}. */
  UNDERSCORE,
  /** {@code '-'}. */
  HYPHEN,
  /** {@code '/'}. */
  SLASH,
  /** {@code '.'}. */
  DOT,
  /** Any char at or above U+0080. */
  NON_ASCII;

  /** Every class: the mask of a text that holds one char of each. */
  static final int ALL = (1 << values().length) - 1;

  /**
   * Returns this class's bit in {@link AnalyzedText#charClasses()}: {@code 1 << ordinal()}.
   *
   * @return the bit
   */
  public int bit() {
    return 1 << ordinal();
  }

  /**
   * Returns the mask of a set of classes: the OR of their {@link #bit()}s, 0 for the empty set.
   *
   * @param classes the classes
   * @return the mask
   * @throws NullPointerException if {@code classes} or an element is null
   */
  public static int mask(Set<CharClass> classes) {
    int m = 0;
    for (CharClass c : classes) {
      m |= c.bit();
    }
    return m;
  }

  /**
   * Returns the class bits of one char (0 for a char in none of the classes).
   *
   * @param c the char
   * @return its bits
   */
  static int of(char c) {
    return c < 0x80 ? ASCII[c] : NON_ASCII.bit();
  }

  /**
   * Returns the classes of every char of {@code s} ORed together, stopping early once every class
   * was seen.
   *
   * @param s the text
   * @return the mask
   */
  static int scan(CharSequence s) {
    int m = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      m |= of(s.charAt(i));
      if (m == ALL) {
        break;
      }
    }
    return m;
  }

  private static final int[] ASCII = new int[0x80];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT.bit();
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII[c] = UPPER.bit();
    }
    ASCII['@'] = AT.bit();
    ASCII[':'] = COLON.bit();
    ASCII['='] = EQUALS.bit();
    ASCII['_'] = UNDERSCORE.bit();
    ASCII['-'] = HYPHEN.bit();
    ASCII['/'] = SLASH.bit();
    ASCII['.'] = DOT.bit();
  }
}
