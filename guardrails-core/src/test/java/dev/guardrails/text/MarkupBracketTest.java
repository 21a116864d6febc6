package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Markup#match} on brackets ("[at]", "( DOT )") gives what a plain case-blind comparison of
 * the word gives (the reference below, {@code regionMatches(true, ...)} for both words at every
 * bracket), on random texts of brackets, spaces, the two words in every case, near misses and
 * letters whose case mapping is unusual.
 */
class MarkupBracketTest {

  private static final String[] PIECES = {
    "(", "[", "{", ")", "]", "}", " ", "  ", "at", "AT", "At", "aT", "dot", "DOT", "Dot", "dOT", "a", "d", "t",
    "o", "do", "ot", "bat", "data", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e4t", "x", "555", "@", "."
  };

  /** The bracket rule with the words compared case-blind at every bracket. */
  private static long reference(String s, int i) {
    char c = s.charAt(i);
    char close = c == '[' ? ']' : c == '(' ? ')' : '}';
    int j = i + 1;
    int n = s.length();
    while (j < n && j - i < 3 && s.charAt(j) == ' ') {
      j++;
    }
    int kind;
    if (s.regionMatches(true, j, "at", 0, 2)) {
      kind = Markup.AT;
      j += 2;
    } else if (s.regionMatches(true, j, "dot", 0, 3)) {
      kind = Markup.DOT;
      j += 3;
    } else {
      return 0;
    }
    int k = j;
    while (k < n && k - j < 2 && s.charAt(k) == ' ') {
      k++;
    }
    return k < n && s.charAt(k) == close ? ((long) kind << 32) | (k + 1) : 0;
  }

  @Test
  void bracketsMatchAsTheCaseBlindComparisonDoes() {
    Random r = new Random(29);
    int found = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(12);
      for (int k = 0; k < len; k++) {
        if (r.nextInt(3) == 0) { // a bracket, up to three spaces, a piece, up to three spaces, any closer
          b.append("([{".charAt(r.nextInt(3))).append(" ".repeat(r.nextInt(4)))
              .append(PIECES[6 + r.nextInt(PIECES.length - 6)]).append(" ".repeat(r.nextInt(4)))
              .append(")]}".charAt(r.nextInt(3)));
        } else {
          b.append(PIECES[r.nextInt(PIECES.length)]);
        }
      }
      String s = b.toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
          long expected = reference(s, i);
          assertEquals(expected, Markup.match(s, i), "case " + it + " at " + i);
          found += expected != 0 ? 1 : 0;
        }
      }
    }
    assertTrue(found > 500, "brackets that hold a word: " + found); // both answers must be exercised
  }
}
