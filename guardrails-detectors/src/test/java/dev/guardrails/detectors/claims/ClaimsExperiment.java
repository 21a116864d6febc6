package dev.guardrails.detectors.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feature ablations over several fold seeds in one run (a developer tool, not a test): computes the
 * features with the current code (or reads them from {@code claims.features} when that file exists),
 * then for each variant ({@code claims.variants}: {@code label=feature,feature;label=...}, the listed
 * features zeroed) prints FRANK 5-fold CV by article for each seed in {@code claims.seeds} (AUC, balanced
 * accuracy at each fold's own threshold, chosen on that fold's training rows without the fold: the honest
 * figure, with its range over the seeds; at the shipped threshold, and at the best cut chosen with the
 * labels: an oracle) and the leave-one-dataset-out AUCs. A gain counts only
 * when it holds over the seeds' mean, not on one split.
 */
final class ClaimsExperiment {

  private ClaimsExperiment() {}

  public static void main(String[] args) throws Exception {
    Path datasets = ClaimsAccuracyTest.datasets();
    String cached = System.getProperty("claims.features", "");
    Map<String, List<ClaimsData.Row>> sets;
    long t0 = System.nanoTime();
    if (!cached.isEmpty() && Files.exists(Paths.get(cached))) {
      sets = ClaimsData.readFeatures(Paths.get(cached));
    } else {
      Path out = cached.isEmpty() ? Files.createTempFile("claims-features", ".tsv.gz") : Paths.get(cached);
      ClaimsData.writeFeatures(ClaimsData.load(datasets.resolve("claims")), out);
      sets = ClaimsData.readFeatures(out);
    }
    System.out.printf("features ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    long[] seeds = java.util.Arrays.stream(System.getProperty("claims.seeds", "17,1,2,3,4,5").split(","))
        .mapToLong(Long::parseLong).toArray();
    for (String v : System.getProperty("claims.variants", "all=").split(";")) {
      String label = v.substring(0, v.indexOf('='));
      Set<Integer> drop = ClaimModelTrainer.features(v.substring(v.indexOf('=') + 1));
      ClaimModel full = ClaimModelTrainer.train(ClaimsAccuracyTest.allExcept(sets, ""), drop);
      double aucSum = 0;
      double baSum = 0;
      double shipSum = 0;
      double oracleSum = 0;
      double baMin = 1;
      double baMax = 0;
      StringBuilder per = new StringBuilder();
      for (long seed : seeds) {
        double[] r = crossValidate(sets, seed, drop, full.threshold);
        aucSum += r[0];
        baSum += r[1];
        baMin = Math.min(baMin, r[1]);
        baMax = Math.max(baMax, r[1]);
        shipSum += r[2];
        oracleSum += r[3];
        per.append(String.format(" %d:%.3f/%.3f", seed, r[0], r[1]));
      }
      double lodoSum = 0;
      double lodoMin = 1;
      StringBuilder lodo = new StringBuilder();
      for (String s : ClaimsData.SETS) {
        ClaimModel m = ClaimModelTrainer.train(ClaimsAccuracyTest.allExcept(sets, s), drop);
        List<double[]> scored = new ArrayList<>();
        for (ClaimsData.Row r : sets.get(s)) {
          scored.add(new double[] {ClaimModelTrainer.score(m, r), r.unsupported() ? 1 : 0});
        }
        double auc = ClaimsAccuracyTest.auc(scored);
        lodoSum += auc;
        lodoMin = Math.min(lodoMin, auc);
        lodo.append(String.format(" %s %.3f/%.3f", s, auc, ClaimModelTrainer.balancedAccuracy(scored, m.threshold)));
      }
      System.out.printf("%-14s CV mean AUC %.4f BA %.4f (%.3f-%.3f; at the full model's: %.4f, best cut %.4f) | LODO mean %.4f min %.4f | thr %.2f |%s |%s%n",
          label, aucSum / seeds.length, baSum / seeds.length, baMin, baMax, shipSum / seeds.length, oracleSum / seeds.length, lodoSum / ClaimsData.SETS.size(),
          lodoMin, full.threshold, per, lodo);
    }
  }

  /**
   * FRANK 5-fold CV by article: pooled AUC, balanced accuracy at each fold's threshold, at {@code shipped} (the
   * threshold of the model trained on everything), and at the best cut (an oracle).
   */
  static double[] crossValidate(Map<String, List<ClaimsData.Row>> sets, long seed, Set<Integer> drop, double shipped) {
    List<ClaimsData.Row> frank = sets.get("frank");
    Map<String, Integer> fold = ClaimsData.articleFolds(frank, seed);
    List<double[]> pooled = new ArrayList<>();
    List<double[]> decided = new ArrayList<>();
    double[] byRow = new double[frank.size()];
    for (int f = 0; f < 5; f++) {
      List<ClaimsData.Row> train = ClaimsAccuracyTest.allExcept(sets, "frank");
      List<ClaimsData.Row> test = new ArrayList<>();
      for (ClaimsData.Row r : frank) {
        (fold.get(r.group()) == f ? test : train).add(r);
      }
      ClaimModel m = ClaimModelTrainer.train(train, drop);
      for (ClaimsData.Row r : test) {
        double score = ClaimModelTrainer.score(m, r);
        byRow[frank.indexOf(r)] = score;
        pooled.add(new double[] {score, r.unsupported() ? 1 : 0});
        decided.add(new double[] {score >= m.threshold ? 1 : 0, r.unsupported() ? 1 : 0});
      }
    }
    String dump = System.getProperty("claims.dump", "");
    if (!dump.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (double v : byRow) {
        b.append(v).append('\n');
      }
      try {
        Files.writeString(Paths.get(dump + "-" + seed + ".txt"), b);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return new double[] {ClaimsAccuracyTest.auc(pooled), ClaimModelTrainer.balancedAccuracy(decided, 0.5),
        ClaimModelTrainer.balancedAccuracy(pooled, shipped), bestCut(pooled)};
  }

  /**
   * The best balanced accuracy any cut reaches on the pooled CV scores, the cut chosen with the labels:
   * an oracle that says how much of the gap is the ranking and how much the threshold, not a result.
   */
  static double bestCut(List<double[]> pooled) {
    double best = 0;
    for (double[] r : pooled) {
      best = Math.max(best, ClaimModelTrainer.balancedAccuracy(pooled, r[0]));
    }
    return best;
  }
}
