package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rule chain writes into a per-thread {@link Scratch} that the next normalization on the same
 * thread reuses: a result must own its chars and offsets (later normalizations, long or short, never
 * change it), and a scratch left by a long text gives the same results as a fresh one. The expected
 * views and offsets are worked out by hand from the rules in {@link AnalyzedText}'s description.
 */
class ScratchReuseTest {

  /** {@code "x  y\n\nz"}: a run of spaces reads as one space, a paragraph break as one line break. */
  private static void assertHandChecked(AnalyzedText t) {
    assertEquals("x y\nz", t.normalized());
    int[][] sources = {{0, 1}, {1, 3}, {3, 4}, {4, 6}, {6, 7}};
    for (int i = 0; i < sources.length; i++) {
      assertEquals(sources[i][0], t.offsets().sourceStart(i), "start of normalized char " + i);
      assertEquals(sources[i][1], t.offsets().sourceEnd(i), "end of normalized char " + i);
    }
  }

  @Test
  void laterNormalizationsLeaveAnEarlierResultAlone() {
    AnalyzedText first = AnalyzedText.of("x  y\n\nz");
    assertHandChecked(first);
    for (int k = 0; k < 50; k++) {
      AnalyzedText.of("a  b\n\n\nc   d " + k + "  e\t\tf");
    }
    AnalyzedText.of("p  q ".repeat(40_000)); // 200,000 chars and 40,000 collapsed runs: past the kept sizes
    assertHandChecked(first);
  }

  @Test
  void aScratchLeftByALongTextGivesTheSameResults() {
    String longText = "w  ".repeat(50_000);
    AnalyzedText big = AnalyzedText.of(longText);
    assertEquals("w ".repeat(50_000), big.normalized()); // each run of two spaces, the last one too, reads as one
    assertHandChecked(AnalyzedText.of("x  y\n\nz"));
    AnalyzedText again = AnalyzedText.of(longText);
    assertEquals(big.normalized(), again.normalized());
    assertEquals(big.offsets().sourceEnd(big.normalized().length() - 1), again.offsets().sourceEnd(again.normalized().length() - 1));
  }
}
