package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The detector skips the stereotype path on a sentence with no {@link Tokens#STEREOTYPE_MARKS} flag: that is sound
 * only while the group-mention finder finds nothing and the attribution frame returns -1 there. Checked by running
 * both anyway on every sentence of the bias training texts (stereotypes, group-naming neutral text), which would
 * fail as soon as a change to the finder or the frames started reading unmarked tokens; and the converse: most
 * sentences with a mention are found among the marked ones (all of them, as the finder reads marked heads only).
 */
class StereotypeSentenceSkipTest {

  @Test
  void unmarkedSentencesHaveNoMentionAndNoAttribution() throws IOException {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    int[] spans = new int[2 * StereotypeFeatures.MAX_TOKENS];
    int[] n = new int[3]; // skipped, marked, with a mention
    TrainingSentences.forEach(3, (s, t, from, to, end) -> { // every third row: about 10,000 texts
      int flags = 0;
      for (int k = from; k < to; k++) {
        flags |= t.flags[k];
      }
      int m = f.mentions(t, from, end, spans);
      if ((flags & Tokens.STEREOTYPE_MARKS) == 0) {
        assertEquals(0, m, s);
        assertEquals(-1L, StereotypeFrames.attribution(t, from, end), s);
        n[0]++;
      } else {
        n[1]++;
        n[2] += m > 0 ? 1 : 0;
      }
    });
    assertTrue(n[0] > 1_000 && n[1] > 1_000 && n[2] > 1_000,
        "skipped " + n[0] + ", marked " + n[1] + ", with a mention " + n[2]);
  }

  /**
   * The detector also skips a sentence whose every token is asked or quoted ({@link Tokens#QUESTION} or
   * {@link Tokens#QUOTED}): sound while {@link BiasDetector#qualified} drops such a sentence whatever mention a verdict
   * or frame reports. Checked with every token of every such sentence of the training texts as the mention.
   */
  @Test
  void askedSentencesAreDroppedWhateverTheMention() throws IOException {
    int[] asked = new int[1];
    TrainingSentences.forEach(3, (s, t, from, to, end) -> {
      boolean all = true;
      for (int k = from; k < to; k++) {
        all &= t.is(k, Tokens.QUESTION | Tokens.QUOTED);
      }
      if (all) {
        asked[0]++;
        for (int k = from; k < to; k++) {
          assertTrue(BiasDetector.qualified(t, from, to, new int[] {k, k + 1}, 1), s);
        }
      }
    });
    assertTrue(asked[0] > 200, "asked or quoted sentences: " + asked[0]);
  }
}
