package dev.guardrails.detectors.bias;

import java.io.IOException;

/**
 * DEV-only listing of the stereotype rows in which the group-mention finder sees no generic group mention (the
 * stereotype model never runs on them), for classifying why the group is missed; never reads TEST rows. With
 * argument {@code -} it prints the mentions the finder sees in each sentence read from stdin instead. Not part of the
 * test suite; run from the repository root with the test class path (as {@code tools/bias/dev_report.sh} builds it):
 * {@code java -cp ... dev.guardrails.detectors.bias.StereotypeMentionReport [-]}.
 */
public final class StereotypeMentionReport {

  private StereotypeMentionReport() {}

  /** Prints one line per DEV stereotype row with no mention: dataset, group, text. */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("-")) { // probe: the mentions of each sentence read from stdin
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
          java.nio.charset.StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Tokens t = new Tokens();
        t.reset(line);
        int[] spans = new int[2 * t.count + 2];
        int n = StereotypeFeatures.INSTANCE.mentions(t, 0, t.count, spans);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append('[').append(line, t.oStart[spans[2 * i]], t.oEnd[spans[2 * i + 1] - 1]).append("] ");
        }
        System.out.println(b + "| " + line);
      }
      return;
    }
    StereotypeScorer s = new StereotypeScorer(StereotypeModel.load(), StereotypeFeatures.INSTANCE);
    int rows = 0;
    int none = 0;
    for (StereotypeData.Row r : StereotypeData.load(BiasAccuracyTest.datasets())) {
      if (r.split() != StereotypeData.Split.DEV || r.label() != 1 || !StereotypeData.heldOut(r.dataset())) {
        continue;
      }
      rows++;
      Tokens t = new Tokens();
      t.reset(r.text());
      StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
      boolean any = false;
      for (int from = 0; from < t.count && !any; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        any = s.extract(t, from, to, sc);
        from = to;
      }
      if (!any) {
        none++;
        System.out.printf("%s\t%s\t%s%n", r.dataset(), r.group(), r.text().replace('\n', ' ').replace('\t', ' '));
      }
    }
    System.out.printf("DEV stereotypes %d, no mention %d%n", rows, none);
  }
}
