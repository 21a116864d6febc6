package dev.guardrails.detectors.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EnglishNlp#maskLongRuns} against its definition written out the plain way: every
 * whitespace-free run longer than {@link EnglishNlp#LONG_RUN} has its '.', '!' and '?' replaced by
 * '_' except at its last char. Runs of 95-105 chars at every offset, separated by spaces, tabs and
 * no-break spaces (not whitespace to the JDK, so part of a run).
 */
class EnglishNlpMaskTest {

  private static String reference(String p) {
    char[] cs = p.toCharArray();
    int i = 0;
    while (i < cs.length) {
      if (Character.isWhitespace(cs[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < cs.length && !Character.isWhitespace(cs[j])) {
        j++;
      }
      for (int k = i; j - i > EnglishNlp.LONG_RUN && k < j - 1; k++) {
        if (cs[k] == '.' || cs[k] == '!' || cs[k] == '?') {
          cs[k] = '_';
        }
      }
      i = j;
    }
    return new String(cs);
  }

  @Test
  void sameAsTheDefinitionOnRandomRuns() {
    Random r = new Random(46);
    String[] gaps = {" ", "  ", "\t", " \t ", "\u00a0", " "};
    int masked = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int runs = 1 + r.nextInt(5);
      for (int k = 0; k < runs; k++) {
        int len = r.nextInt(3) == 0 ? 95 + r.nextInt(11) : 1 + r.nextInt(30);
        for (int c = 0; c < len; c++) {
          int x = r.nextInt(12);
          b.append(x == 0 ? '.' : x == 1 ? '?' : x == 2 ? '!' : (char) ('a' + r.nextInt(26)));
        }
        b.append(gaps[r.nextInt(gaps.length)]);
      }
      String p = b.toString();
      String expected = reference(p);
      String got = EnglishNlp.maskLongRuns(p);
      assertEquals(expected, got, "case " + it);
      if (expected.equals(p)) {
        assertSame(p, got, "no copy when nothing is masked, case " + it);
      } else {
        masked++;
      }
    }
    assertTrue(masked > 2_000 && masked < 18_000, "texts masked: " + masked);
  }

  @Test
  void handCheckedRuns() {
    String run101 = "a.".repeat(50) + "b"; // 101 chars, no whitespace
    assertEquals("a_".repeat(50) + "b", EnglishNlp.maskLongRuns(run101));
    String run100 = "a.".repeat(50); // 100 chars: left alone
    assertSame(run100, EnglishNlp.maskLongRuns(run100));
    assertEquals("x. " + "a_".repeat(50) + "b.", EnglishNlp.maskLongRuns("x. " + "a.".repeat(50) + "b."));
    String tabbed = "x ".repeat(60) + "\t" + "a.".repeat(51);
    assertEquals("x ".repeat(60) + "\t" + "a_".repeat(50) + "a.", EnglishNlp.maskLongRuns(tabbed));
  }
}
