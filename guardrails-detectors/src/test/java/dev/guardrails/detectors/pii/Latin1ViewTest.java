package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Latin1ViewTest {

  /** Each byte is the char, then at least eight zero bytes (what the eight-byte loads read past the end). */
  private static void assertView(String s, byte[] v) {
    for (int i = 0; i < s.length(); i++) {
      assertEquals(s.charAt(i), (char) v[i], "byte " + i);
    }
    for (int i = s.length(); i < s.length() + 8; i++) {
      assertEquals(0, v[i], "padding byte " + i);
    }
  }

  @Test
  void asciiViewOfShortAndLongTexts() {
    String shortText = "Ship to 42 Wallaby Way, Sydney.";
    assertNull(Latin1View.of(shortText)); // no view for a short text unless it is known to be ASCII
    assertView(shortText, Latin1View.ofAscii(shortText));
    String longer = "See 12 High Street. ".repeat(30); // 600 chars, over the view's minimum
    assertView(longer, Latin1View.ofAscii(longer));
    // the same string asked again, either way: the view as it is
    assertSame(Latin1View.ofAscii(longer), Latin1View.of(longer));
    // a shorter text after a longer one: the longer one's bytes past its end are zeroed again
    assertView(shortText, Latin1View.ofAscii(shortText));
    // a text that needs the encoder after the copied ones: non-ASCII chars as 0x80 or their Latin-1 byte
    String mixed = "Rákóczi út 13 \u0141 ".repeat(20);
    byte[] v = Latin1View.of(mixed);
    assertEquals((byte) 0xE1, v[1]); // á
    assertEquals((byte) 0x80, v[14]); // Ł, above U+00FF
    assertEquals('R', (char) v[0]);
  }

  /**
   * The view of {@link Latin1View#of} against its definition, char by char: the char itself up to
   * U+00FF, 0x80 above (the low byte of U+0141 "Ł" is 'A', of U+2E2E '.': never read as those), for
   * texts of Latin-1 chars only and texts with chars above U+00FF anywhere (first, last, paired
   * surrogates, a lone one); and the char copy it keeps, for this text only.
   */
  @Test
  void viewMatchesItsDefinitionAndKeepsTheCharCopy() {
    char[] pool = {'a', 'Z', ' ', '.', '\n', '7', '\u00E9', '\u00FF', '\u00A0', '\u0141', '\u2E2E', '\u0100',
        '\uFF21', '\uD83D', '\uDE00', '\u4E2D'};
    Random r = new Random(20261207L);
    for (int k = 0; k < 400; k++) {
      int n = Latin1View.MIN + r.nextInt(k % 10 == 0 ? 70_000 : 600);
      int kinds = k % 3 == 0 ? 9 : pool.length; // a third of Latin-1 chars only
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        c[i] = pool[r.nextInt(kinds)];
      }
      if (k % 3 != 0 && k % 2 == 0) {
        c[r.nextBoolean() ? 0 : n - 1] = '\u0141'; // the only char above U+00FF at an end
        for (int i = 1; i < n - 1; i++) {
          if (c[i] > 0xFF) {
            c[i] = 'x';
          }
        }
      }
      String s = new String(c);
      byte[] v = Latin1View.of(s);
      for (int i = 0; i < n; i++) {
        assertEquals(c[i] <= 0xFF ? (byte) c[i] : (byte) 0x80, v[i], "text " + k + " byte " + i);
      }
      for (int i = n; i < n + 8; i++) {
        assertEquals(0, v[i], "padding byte " + i);
      }
      char[] copy = Latin1View.chars(s);
      assertTrue(copy.length >= n);
      for (int i = 0; i < n; i++) {
        assertEquals(c[i], copy[i], "text " + k + " char " + i);
      }
      assertNull(Latin1View.chars(new String(c))); // an equal text, not this one
    }
    String ascii = "Call 555 0100 today. ".repeat(20);
    Latin1View.ofAscii(ascii);
    assertNull(Latin1View.chars(ascii)); // a copied view keeps no chars
  }
}
