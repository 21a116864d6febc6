package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
