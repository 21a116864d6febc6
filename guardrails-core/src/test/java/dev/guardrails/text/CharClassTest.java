package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CharClass#scan} gives the answer of a plain loop over the string's chars: on random
 * Latin-1 and UTF-16 texts, one after the other, and on long texts (longer than any per-thread
 * buffer a faster scan might read them through) whose only char of a class sits near their end.
 */
class CharClassTest {

  private static final String PIECES = "aZ09 @:=_-/.\n\t!\u00e9\u00a0\u2026\u0430\uff10";

  /** The reference: every char's classes ORed, straight from the definitions in {@link CharClass}. */
  private static int reference(String s) {
    int m = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        m |= CharClass.DIGIT.bit();
      } else if (c >= 'A' && c <= 'Z') {
        m |= CharClass.UPPER.bit();
      } else if (c >= 0x80) {
        m |= CharClass.NON_ASCII.bit();
      } else {
        int k = "@:=_-/.".indexOf(c);
        if (k >= 0) {
          CharClass[] byChar = {CharClass.AT, CharClass.COLON, CharClass.EQUALS, CharClass.UNDERSCORE,
              CharClass.HYPHEN, CharClass.SLASH, CharClass.DOT};
          m |= byChar[k].bit();
        }
      }
    }
    return m;
  }

  @Test
  void scanMatchesAPlainLoopOnRandomTexts() {
    Random r = new Random(19);
    for (int it = 0; it < 50_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(it % 100 == 0 ? 2_000 : 60);
      boolean latin1 = r.nextBoolean();
      for (int k = 0; k < len; k++) {
        char c = r.nextInt(3) == 0 ? (char) ('a' + r.nextInt(26)) : PIECES.charAt(r.nextInt(PIECES.length()));
        b.append(latin1 && c > 0xff ? 'x' : c);
      }
      String s = b.toString();
      assertEquals(reference(s), CharClass.scan(s), "case " + it + ": " + s);
    }
  }

  @Test
  void scanReadsLongTexts() {
    int n = 70_000;
    String head = "a".repeat(n);
    assertEquals(0, CharClass.scan(head));
    assertEquals(CharClass.DIGIT.bit(), CharClass.scan(head + "7"));
    assertEquals(CharClass.AT.bit() | CharClass.NON_ASCII.bit(), CharClass.scan(head + "b".repeat(n) + "@\u00e9"));
    assertEquals(CharClass.UPPER.bit(), CharClass.scan("A" + head + "a".repeat(3))); // a short text after a long one
    assertEquals(CharClass.ALL, CharClass.scan("0A@:=_-/.\u00e9" + head));
  }
}
