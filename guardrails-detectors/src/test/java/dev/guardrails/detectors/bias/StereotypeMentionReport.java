package dev.guardrails.detectors.bias;

import java.io.IOException;

/**
 * DEV-only listing of the stereotype rows in which the group-mention finder sees no generic group mention (the
 * stereotype model never runs on them), for classifying why the group is missed. Never run on TEST rows. Run with
 * the test class path: {@code java -cp ... dev.guardrails.detectors.bias.StereotypeMentionReport}.
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
    if (args.length > 0 && args[0].equals("neutral")) { // the new mention kinds on neutral BOLD, TRAIN and DEV rows
      java.util.List<String> texts = new java.util.ArrayList<>(BiasAccuracyTest.boldSentences());
      for (StereotypeData.Row r : StereotypeData.load(BiasAccuracyTest.datasets())) {
        if (r.split() != StereotypeData.Split.TEST && r.label() == 0) {
          texts.add(r.text());
        }
      }
      StereotypeFeatures f = StereotypeFeatures.INSTANCE;
      for (String text : texts) {
        Tokens t = new Tokens();
        t.reset(text);
        for (int from = 0; from < t.count; ) {
          int to = StereotypeScorer.sentenceEnd(t, from);
          int[] spans = new int[2 * (to - from) + 2];
          int n = f.mentions(t, from, to, spans);
          for (int i = 0; i < n; i++) {
            int a = spans[2 * i];
            String kind = f.demonymLike(t, a) ? "DEMONYM" : a > from && !t.is(a, Tokens.HARD_BEFORE)
                && spans[2 * i + 1] < to && StereotypeFeatures.PLACE_COPULA.contains(t.canon, t.cStart[spans[2 * i + 1]],
                t.len(spans[2 * i + 1])) && !StereotypeFeatures.SUBJECT_DET.contains(t.canon, t.cStart[a - 1], t.len(a - 1))
                ? "PLACE?" : null;
            if (kind != null) {
              System.out.printf("%s [%s] %s%n", kind, text.substring(t.oStart[a], t.oEnd[spans[2 * i + 1] - 1]),
                  text.substring(t.oStart[from], t.oEnd[to - 1]).replace('\n', ' '));
            }
          }
          from = to;
        }
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
