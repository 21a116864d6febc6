package dev.guardrails.detectors.bias;

import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.util.List;

/**
 * Walks the sentences of the bias training texts (stereotypes and group-naming neutral text) through the detector's
 * tokenizer, as the tests that check a shortcut of the stereotype path against the long way need.
 */
final class TrainingSentences {

  private TrainingSentences() {}

  /** Called once per sentence: tokens {@code [from, to)} of {@code t}, the model's window ends at {@code end}. */
  interface Visitor {
    void sentence(String text, Tokens t, int from, int to, int end);
  }

  /** Visits every sentence of every {@code step}-th training row. */
  static void forEach(int step, Visitor v) throws IOException {
    List<StereotypeData.Row> rows = StereotypeData.load(BiasAccuracyTest.datasets());
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    Tokens t = new Tokens();
    for (int r = 0; r < rows.size(); r += step) {
      String s = rows.get(r).text();
      t.begin(AnalyzedText.of(s), lex);
      t.reset(s, 0, s.length());
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        v.sentence(s, t, from, to, Math.min(to, from + StereotypeFeatures.MAX_TOKENS));
        from = to;
      }
      t.end();
    }
  }
}
