package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link ScanScratch#view}: one byte per char and zero padding, for texts of both string coders, reused. */
class ScanScratchTest {

  /** The view {@link ScanScratch#view} documents, built char by char. */
  private static byte[] expected(String s) {
    byte[] b = new byte[s.length() + ScanScratch.PAD];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b[i] = (byte) (c <= 0xFF ? c : '?');
    }
    return b;
  }

  private static void assertView(ScanScratch scratch, String s, boolean ascii) {
    byte[] v = scratch.view(s, ascii);
    byte[] e = expected(s);
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], v[i], "byte " + i + " of a " + s.length() + "-char text");
    }
  }

  @Test
  void latin1AndUtf16TextsReadTheSameAsCharByChar() {
    ScanScratch scratch = ScanScratch.acquire();
    try {
      String latin1 = "Café 12 naïve ÿ";
      String utf16 = "call \u201c+1 555 0100\u201d \u2013 ok \uD83D\uDE00 end";
      String longUtf16 = "\u20ac 4111 ".repeat(200); // past the first copy buffer: grows it
      assertView(scratch, latin1, false);
      assertView(scratch, utf16, false);
      assertView(scratch, longUtf16, false);
      assertView(scratch, "ab", false); // a shorter text after a long one: padding cleared
      assertView(scratch, "plain ascii 42", true);
      assertView(scratch, latin1, false);
    } finally {
      scratch.release();
    }
  }
}
