package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the learned claims score, measured only on rows the scoring model was not trained on:
 * FRANK validation by 5-fold cross-validation split by article (each fold scored by a model trained
 * on the other folds plus the other sets, threshold chosen on that training data), and
 * leave-one-dataset-out over all six sets. Prints both tables; asserts the floors of issue 17. Also
 * checks that the shipped model file is exactly what the trainer makes from the current code and
 * data (so it cannot go stale silently).
 */
class ClaimsAccuracyTest {

  /**
   * Seed of the article-to-fold assignment; {@code -Dclaims.foldSeed=N} re-runs the CV under other
   * splits (docs/claims.md compares choices over seeds 17, 1, 2 and 3: one split's gain is often luck).
   */
  static final long FOLD_SEED = Long.getLong("claims.foldSeed", 17);

  static Path datasets() {
    return dev.guardrails.detectors.TestData.datasets();
  }

  static List<ClaimsData.Row> allExcept(Map<String, List<ClaimsData.Row>> sets, String left) {
    List<ClaimsData.Row> out = new ArrayList<>();
    for (String s : ClaimsData.SETS) {
      if (!s.equals(left) && !(s.equals("halueval") && !ClaimModelTrainer.TRAIN_ON_HALUEVAL)) {
        out.addAll(sets.get(s));
      }
    }
    return out;
  }

  /**
   * Fold seeds of the repeated cross-validation the test reports: one 5-fold split's balanced
   * accuracy moves by +-0.01 with the split alone, so the floors hold on the mean over these six
   * splits (the seeds docs/claims.md reports). {@code -Dclaims.foldSeed=N} runs that one split only.
   */
  static final long[] FOLD_SEEDS = System.getProperty("claims.foldSeed") != null
      ? new long[] {FOLD_SEED} : new long[] {17, 1, 2, 3, 4, 5};

  @Test
  void frankCrossValidationByArticle() {
    long t0 = System.nanoTime();
    Map<String, List<ClaimsData.Row>> sets = ClaimsData.all();
    long t1 = System.nanoTime();
    double aucSum = 0;
    double baSum = 0;
    double shippedSum = 0;
    for (long seed : FOLD_SEEDS) {
      double[] r = crossValidate(sets, seed);
      aucSum += r[0];
      baSum += r[1];
      shippedSum += r[2];
      // Every single split stays above the regression guards, too.
      assertTrue(r[0] >= FRANK_AUC_FLOOR, "FRANK CV AUC " + r[0] + " at fold seed " + seed);
      assertTrue(r[1] >= FRANK_BA_FLOOR, "FRANK CV balanced accuracy " + r[1] + " at fold seed " + seed);
    }
    int n = FOLD_SEEDS.length;
    double auc = aucSum / n;
    double ba = baSum / n;
    System.out.printf("FRANK validation, 5-fold CV by article, mean over %d fold seed(s) (features %d ms, total %d ms):"
        + " AUC %.3f, balanced accuracy %.3f at each fold's own threshold (chosen on its training rows, without the"
        + " fold), %.3f at the shipped %.2f (chosen on all rows, the scored fold included)%n", n,
        (t1 - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000, auc, ba, shippedSum / n,
        ClaimChecker.RESPONSE_THRESHOLD);
    if (n > 1) {
      // Issue 17's targets, on the mean of the repeated CV (measured 0.814 / 0.742).
      assertTrue(auc >= 0.80, "FRANK CV mean AUC " + auc);
      assertTrue(ba >= 0.74, "FRANK CV mean balanced accuracy at fold-own thresholds " + ba);
    }
  }

  /** One 5-fold CV split by article: {AUC, balanced accuracy at fold-own thresholds, at the shipped one}. */
  static double[] crossValidate(Map<String, List<ClaimsData.Row>> sets, long seed) {
    List<ClaimsData.Row> frank = sets.get("frank");
    Map<String, Integer> fold = ClaimsData.articleFolds(frank, seed);
    List<double[]> scored = new ArrayList<>();
    List<double[]> atShipped = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      List<ClaimsData.Row> train = allExcept(sets, "frank");
      List<ClaimsData.Row> test = new ArrayList<>();
      for (ClaimsData.Row r : frank) {
        (fold.get(r.group()) == f ? test : train).add(r);
      }
      ClaimModel m = ClaimModelTrainer.train(train);
      List<double[]> s = new ArrayList<>();
      for (ClaimsData.Row r : test) {
        double score = ClaimModelTrainer.score(m, r);
        s.add(new double[] {score, r.unsupported() ? 1 : 0});
        scored.add(new double[] {score >= m.threshold ? 1 : 0, r.unsupported() ? 1 : 0, score});
        atShipped.add(new double[] {score, r.unsupported() ? 1 : 0});
      }
      System.out.printf("  seed %d, FRANK fold %d: %d rows, threshold %.2f chosen on training data, AUC %.3f,"
          + " balanced accuracy %.3f%n", seed, f, test.size(), m.threshold, auc(s),
          ClaimModelTrainer.balancedAccuracy(s, m.threshold));
    }
    List<double[]> pooled = new ArrayList<>();
    for (double[] r : scored) {
      pooled.add(new double[] {r[2], r[1]});
    }
    double auc = auc(pooled);
    double ba = ClaimModelTrainer.balancedAccuracy(scored, 0.5); // scored[0] is already the 0/1 decision
    double baShipped = ClaimModelTrainer.balancedAccuracy(atShipped, ClaimChecker.RESPONSE_THRESHOLD);
    System.out.printf("  seed %d (n=%d): AUC %.3f, balanced accuracy %.3f at fold-own thresholds, %.3f at the shipped"
        + " %.2f%n", seed, frank.size(), auc, ba, baShipped, ClaimChecker.RESPONSE_THRESHOLD);
    return new double[] {auc, ba, baShipped};
  }

  // Regression guards for every single split, under the lowest of the six measured (AUC 0.808-0.817,
  // balanced accuracy 0.736-0.749 at the folds' own thresholds chosen without the fold); the mean is
  // held to issue 17's 0.80 / 0.74 above. See docs/claims.md.
  static final double FRANK_AUC_FLOOR = 0.80;
  static final double FRANK_BA_FLOOR = 0.725;

  @Test
  void leaveOneDatasetOut() {
    Map<String, List<ClaimsData.Row>> sets = ClaimsData.all();
    System.out.println("Leave-one-dataset-out (train on the other sets, test on this one):");
    System.out.println("| held out | rows | no claim | AUC | bal. acc. at training threshold | threshold | bal. acc. at shipped |");
    double sum = 0;
    double min = 1;
    for (String s : ClaimsData.SETS) {
      ClaimModel m = ClaimModelTrainer.train(allExcept(sets, s));
      List<double[]> scored = new ArrayList<>();
      int none = 0;
      for (ClaimsData.Row r : sets.get(s)) {
        scored.add(new double[] {ClaimModelTrainer.score(m, r), r.unsupported() ? 1 : 0});
        none += r.claims().isEmpty() ? 1 : 0;
      }
      double auc = auc(scored);
      sum += auc;
      min = Math.min(min, auc);
      System.out.printf("| %s | %d | %d | %.3f | %.3f | %.2f | %.3f |%n", s, scored.size(), none, auc,
          ClaimModelTrainer.balancedAccuracy(scored, m.threshold), m.threshold,
          ClaimModelTrainer.balancedAccuracy(scored, ClaimChecker.RESPONSE_THRESHOLD));
    }
    double mean = sum / ClaimsData.SETS.size();
    System.out.printf("mean AUC %.3f, lowest %.3f%n", mean, min);
    // Measured mean 0.795, lowest 0.702 (DialFact); issue 17 asks for mean >= 0.75, none below 0.65.
    assertTrue(mean >= 0.75, "leave-one-dataset-out mean AUC " + mean);
    assertTrue(min >= 0.65, "leave-one-dataset-out lowest AUC " + min);
  }

  /**
   * The precomputed features must be what the current code computes: every 40th response of every
   * set is recomputed from the raw data and compared (features are stored to 6 decimals).
   */
  @Test
  void featureFileMatchesTheCode() {
    Map<String, List<ClaimsData.Raw>> raw = ClaimsData.raw(datasets().resolve("claims"));
    Map<String, List<ClaimsData.Row>> stored = ClaimsData.all();
    int checked = 0;
    for (String s : ClaimsData.SETS) {
      List<ClaimsData.Raw> rs = raw.get(s);
      assertEquals(rs.size(), stored.get(s).size(), s + " rows; run tools/claims/train.sh");
      for (int i = 0; i < rs.size(); i += 40) {
        List<double[]> now = ClaimsData.features(rs.get(i).source(), rs.get(i).response());
        List<double[]> then = stored.get(s).get(i).claims();
        assertEquals(now.size(), then.size(), s + " row " + i + " claims; run tools/claims/train.sh");
        for (int c = 0; c < now.size(); c++) {
          for (int k = 0; k < ClaimFeatures.COUNT; k++) {
            assertEquals(then.get(c)[k], now.get(c)[k], 1e-6, s + " row " + i + " feature "
                + ClaimFeatures.NAMES[k] + " is stale; run tools/claims/train.sh");
          }
        }
        checked++;
      }
    }
    assertTrue(checked > 250, "rows checked " + checked);
  }

  /** The shipped model is byte for byte what the trainer makes from the feature file, with the shipped threshold. */
  @Test
  void shippedModelIsTheTrainedOne() throws IOException {
    ClaimModel m = ClaimModelTrainer.train(allExcept(ClaimsData.all(), ""));
    String shipped;
    try (var in = ClaimModel.class.getResourceAsStream(ClaimModel.RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(ClaimModelTrainer.format(m), shipped, "claims-model.tsv is stale; run tools/claims/train.sh");
    assertEquals(m.threshold, ClaimChecker.RESPONSE_THRESHOLD, 1e-9, "ClaimChecker.THRESHOLD must be the model's");
    assertEquals(m.threshold, ClaimModel.shipped().threshold, 1e-9);
  }

  /** AUC as the probability that an unsupported response scores above a supported one (ties 1/2). */
  static double auc(List<double[]> rows) {
    double[][] a = rows.toArray(new double[0][]);
    Arrays.sort(a, (p, q) -> Double.compare(p[0], q[0]));
    // Rank-sum with average ranks for ties.
    double pos = 0;
    double neg = 0;
    double rankSum = 0;
    int i = 0;
    while (i < a.length) {
      int j = i;
      while (j < a.length && a[j][0] == a[i][0]) {
        j++;
      }
      double avg = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (a[k][1] == 1) {
          rankSum += avg;
          pos++;
        } else {
          neg++;
        }
      }
      i = j;
    }
    return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
  }
}
