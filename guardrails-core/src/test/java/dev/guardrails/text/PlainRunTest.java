package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Normalizer#plainRunEnd}, the normalizer's copy-as-is fast path, never takes in a char
 * where a rule applies: no letter-spaced value may start inside its run ({@link
 * Normalizer#mayStartSpacedRun}, of which it holds an unrolled copy), no whitespace run, markup
 * trigger, '@' or non-ASCII char. Fails when one of the two changes without the other.
 */
class PlainRunTest {

  private static final String PIECES = "aZ09 .-_/@*`~&#x\n\t()[]:;,'\"+=\u00e9\u200b";

  @Test
  void plainRunsHoldNoRuleTrigger() {
    Random r = new Random(17);
    long covered = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(40);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(3) == 0 ? (char) ('a' + r.nextInt(26)) : PIECES.charAt(r.nextInt(PIECES.length())));
      }
      String s = b.toString();
      for (int i = 0; i < s.length(); i++) {
        int end = Normalizer.plainRunEnd(s, i);
        assertTrue(end >= i && end <= s.length(), s);
        for (int k = i; k < end; k++) {
          char c = s.charAt(k);
          String at = "'" + s + "' from " + i + ", char " + k;
          assertFalse(Normalizer.mayStartSpacedRun(s, k, c), "a letter-spaced value may start inside the run: " + at);
          assertTrue(c < 0x80 && c >= 0x20 && c != 0x7f && c != '@', "not plain: " + at);
          assertFalse(c == ' ' && (k + 1 >= s.length() || s.charAt(k + 1) == ' ' || s.charAt(k + 1) == '\n'),
              "whitespace run: " + at);
        }
        covered += end - i;
      }
    }
    assertTrue(covered > 100_000, "plain chars seen: " + covered); // the fast path must be exercised
  }
}
