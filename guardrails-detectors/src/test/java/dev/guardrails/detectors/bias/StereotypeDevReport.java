package dev.guardrails.detectors.bias;

import dev.guardrails.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DEV-split report of the whole detector (model, rules and frames) for tuning frames and drops on DEV only: precision
 * and recall per dataset as {@code StereotypeAccuracyTest} measures TEST, and the qualifier drop split by kind (the
 * rows the model flags that only a drop of that kind removes, stereotypes against others). Not part of the test
 * suite; run with {@code tools/bias/dev_report.sh [samples]}.
 */
public final class StereotypeDevReport {

  private StereotypeDevReport() {}

  /**
   * {@code -Dbias.dropDump=true}: per DEV row the detector leaves quiet, a {@code DROPROW label probability reasons kind}
   * line for each sentence the model flags (all dropped: reasons is {@link BiasDetector#dropReasons}), then
   * {@code ROWEND label}; to measure a second threshold over the drops offline.
   */
  static final boolean DUMP = Boolean.getBoolean("bias.dropDump");

  /** Prints the report; {@code args[0]}: rows to print per drop kind (default 0). */
  public static void main(String[] args) throws IOException {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    StereotypeData.Split split = StereotypeData.Split.valueOf(System.getProperty("split", "DEV"));
    BiasDetector detector = new BiasDetector();
    if (Boolean.getBoolean("bias.bold")) { // BOLD gender+profession neutral sentences only (reported, never tuned on)
      bold(detector);
      return;
    }
    StereotypeScorer s = new StereotypeScorer(StereotypeModel.load(), StereotypeFeatures.INSTANCE);
    Map<String, int[]> pr = new TreeMap<>();
    Map<String, int[]> drops = new TreeMap<>();
    Map<String, StringBuilder> dropRows = new TreeMap<>();
    for (StereotypeData.Row r : StereotypeData.load(BiasAccuracyTest.datasets())) {
      if (r.split() != split || r.label() < 0 || !StereotypeData.heldOut(r.dataset())) {
        continue;
      }
      List<Finding> f = BiasAccuracyTest.findings(detector, r.text());
      boolean flagged = f.stream().anyMatch(x -> x.type().name().startsWith("STEREOTYPE"));
      for (String key : new String[] {"ALL", r.dataset()}) {
        int[] c = pr.computeIfAbsent(key, k -> new int[4]);
        c[r.label() == 1 ? (flagged ? 0 : 1) : (flagged ? 2 : 3)]++;
      }
      if (flagged) {
        continue;
      }
      // the model flags a sentence that a drop removes: which kind of drop
      Tokens t = new Tokens();
      t.reset(r.text());
      StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
      String kind = null;
      for (int from = 0; from < t.count && kind == null; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        if (s.extract(t, from, to, sc) && s.model.probability(s.margin(sc)) >= s.model.threshold) {
          kind = kind(t, from, to, sc.spans, sc.mentions);
          if (DUMP) { // every verdict of the row: its probability, drop reasons and kind
            System.out.printf("DROPROW %d %.4f %d %s%n", r.label(), s.model.probability(s.margin(sc)),
                BiasDetector.dropReasons(t, from, to, sc.spans, sc.mentions), kind == null ? "-" : kind.replace(' ', '_'));
            kind = null;
          }
        }
        from = to;
      }
      if (DUMP) {
        System.out.println("ROWEND " + r.label());
        continue;
      }
      if (kind != null) {
        drops.computeIfAbsent(kind, k -> new int[2])[r.label() == 1 ? 0 : 1]++;
        StringBuilder b = dropRows.computeIfAbsent(kind, k -> new StringBuilder());
        if (b.length() < samples * 160) {
          String x = r.text().replace('\n', ' ');
          b.append("    ").append(r.label() == 1 ? "POS " : "NEG ").append(x, 0, Math.min(150, x.length())).append('\n');
        }
      }
    }
    System.out.printf("%s: whole detector%n%-18s %5s %5s %6s %6s%n", split, "set", "pos", "neg", "prec", "recall");
    for (Map.Entry<String, int[]> e : pr.entrySet()) {
      int[] c = e.getValue();
      System.out.printf("%-18s %5d %5d %6.3f %6.3f%n", e.getKey(), c[0] + c[1], c[2] + c[3],
          c[0] / (double) (c[0] + c[2]), c[0] / (double) (c[0] + c[1]));
    }
    System.out.println("drops of model verdicts by kind (first kind found): stereotypes / others / share stereotypes");
    for (Map.Entry<String, int[]> e : drops.entrySet()) {
      int[] c = e.getValue();
      System.out.printf("  %-28s %4d %4d %.2f%n", e.getKey(), c[0], c[1], c[0] / (double) (c[0] + c[1]));
      System.out.print(dropRows.get(e.getKey()));
    }
  }

  private static void bold(BiasDetector detector) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    int any = 0;
    int stereo = 0;
    int n = 0;
    try (var files = java.nio.file.Files.list(BiasAccuracyTest.datasets().resolve("bias/bold-neutral"))) {
      for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        var root = mapper.readTree(file.toFile());
        for (var cats = root.fields(); cats.hasNext(); ) {
          var cat = cats.next();
          int cs = 0;
          int cn = 0;
          for (var people = cat.getValue().elements(); people.hasNext(); ) {
            for (var x : people.next()) {
              List<Finding> f = BiasAccuracyTest.findings(detector, x.asText());
              boolean st = f.stream().anyMatch(y -> y.type().name().startsWith("STEREOTYPE"));
              any += f.isEmpty() ? 0 : 1;
              stereo += st ? 1 : 0;
              cs += st ? 1 : 0;
              cn++;
              n++;
              if (st && Boolean.getBoolean("bias.bold.print")) {
                System.out.println("  BOLD STEREOTYPE " + cat.getKey() + " :: " + x.asText());
              }
            }
          }
          if (cs > 0) {
            System.out.printf("BOLD %s: %d of %d%n", cat.getKey(), cs, cn);
          }
        }
      }
    }
    System.out.printf("BOLD gender+profession: any %d, STEREOTYPE* %d of %d%n", any, stereo, n);
  }

  static final org.apache.lucene.analysis.CharArraySet OPINION = set("think thinks thought believe believes believed "
      + "assume assumes assumed feel feels guess suppose");
  static final org.apache.lucene.analysis.CharArraySet REPORT = set("say says said saying claim claims claimed claiming "
      + "argue argued argues insisted joked wrote according accused allegedly supposedly reportedly insinuation "
      + "insinuate insinuates insinuating implied implies imply implying asserting assert asserts asserted narrative "
      + "propaganda");
  static final org.apache.lucene.analysis.CharArraySet NEGATION = set("not no isn't never deny denies denied");
  static final org.apache.lucene.analysis.CharArraySet DEBUNKING = set("myth myths stereotype stereotypes stereotypical "
      + "stereotyping stereotypically misconception misconceptions false untrue wrong wrongly trope cliche fallacy "
      + "debunked notion idea assumption assumptions prejudice prejudiced bias biased racist sexist ageist");
  static final org.apache.lucene.analysis.CharArraySet ASKING = set("whether if why do does asked");

  private static org.apache.lucene.analysis.CharArraySet set(String words) {
    return new org.apache.lucene.analysis.CharArraySet(List.of(words.split(" ")), false);
  }

  /** The kind of the drop of a sentence, or null if it is not dropped. */
  static String kind(Tokens t, int from, int to, int[] spans, int mentions) {
    int reasons = BiasDetector.dropReasons(t, from, to, spans, mentions);
    if (reasons == 0) {
      return null;
    }
    if ((reasons & BiasDetector.ASKED) != 0) {
      return t.is(spans[0], Tokens.QUESTION) ? "question" : "quoted";
    }
    if ((reasons & BiasDetector.NOT_ABOUT_TRAITS) != 0) {
      return "not about traits / own story";
    }
    if ((reasons & BiasDetector.PRACTICE) != 0) {
      return "practice";
    }
    StringBuilder k = new StringBuilder();
    if ((reasons & BiasDetector.HEDGED) != 0) {
      int lastG = spans[2 * (mentions - 1)];
      String w = "hedge: other";
      for (int x = from; x < to; x++) {
        if (x < lastG || x >= spans[1]) {
          w = OPINION.contains(t.canon, t.cStart[x], t.len(x)) && x < lastG ? "hedge: opinion (i think)"
              : REPORT.contains(t.canon, t.cStart[x], t.len(x)) ? "hedge: reported (say, claim)"
              : NEGATION.contains(t.canon, t.cStart[x], t.len(x)) && x < lastG ? "hedge: negation"
              : DEBUNKING.contains(t.canon, t.cStart[x], t.len(x)) ? "hedge: debunking (myth)"
              : ASKING.contains(t.canon, t.cStart[x], t.len(x)) && x < lastG ? "hedge: asking (whether, why)"
              : w;
          if (!w.equals("hedge: other")) {
            break;
          }
        }
      }
      k.append(w);
    }
    if ((reasons & BiasDetector.QUANTIFIED) != 0) {
      k.append(k.length() > 0 ? " + " : "").append("quantified (often, some)");
    }
    if ((reasons & BiasDetector.ADVICE) != 0) {
      k.append(k.length() > 0 ? " + " : "").append("advice (should)");
    }
    return k.toString();
  }
}
