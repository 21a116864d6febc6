package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.util.List;
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
    List<StereotypeData.Row> rows = StereotypeData.load(BiasAccuracyTest.datasets());
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    Tokens t = new Tokens();
    int[] spans = new int[2 * StereotypeFeatures.MAX_TOKENS];
    int skipped = 0;
    int marked = 0;
    int mentioned = 0;
    for (int r = 0; r < rows.size(); r += 3) { // every third row: about 10,000 texts
      String s = rows.get(r).text();
      t.begin(AnalyzedText.of(s), lex);
      t.reset(s, 0, s.length());
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        int end = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
        int flags = 0;
        for (int k = from; k < to; k++) {
          flags |= t.flags[k];
        }
        int m = f.mentions(t, from, end, spans);
        if ((flags & Tokens.STEREOTYPE_MARKS) == 0) {
          assertEquals(0, m, s);
          assertEquals(-1L, StereotypeFrames.attribution(t, from, end), s);
          skipped++;
        } else {
          marked++;
          mentioned += m > 0 ? 1 : 0;
        }
        from = to;
      }
      t.end();
    }
    assertTrue(skipped > 1_000 && marked > 1_000 && mentioned > 1_000,
        "skipped " + skipped + ", marked " + marked + ", with a mention " + mentioned);
  }

  /**
   * The detector also skips a sentence whose every token is asked or quoted ({@link Tokens#QUESTION} or
   * {@link Tokens#QUOTED}): sound while {@link BiasDetector#qualified} drops such a sentence whatever mention a verdict
   * or frame reports. Checked with every token of every such sentence of the training texts as the mention.
   */
  @Test
  void askedSentencesAreDroppedWhateverTheMention() throws IOException {
    List<StereotypeData.Row> rows = StereotypeData.load(BiasAccuracyTest.datasets());
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    Tokens t = new Tokens();
    int asked = 0;
    for (int r = 0; r < rows.size(); r += 3) {
      String s = rows.get(r).text();
      t.begin(AnalyzedText.of(s), lex);
      t.reset(s, 0, s.length());
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        boolean all = true;
        for (int k = from; k < to; k++) {
          all &= t.is(k, Tokens.QUESTION | Tokens.QUOTED);
        }
        if (all) {
          asked++;
          for (int k = from; k < to; k++) {
            assertTrue(BiasDetector.qualified(t, from, to, new int[] {k, k + 1}, 1), s);
          }
        }
        from = to;
      }
      t.end();
    }
    assertTrue(asked > 200, "asked or quoted sentences: " + asked);
  }
}
