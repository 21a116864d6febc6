package dev.guardrails.detectors.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains {@link ClaimModel} from labelled responses: a claim-level logistic regression on the
 * claims' features, each claim labelled with its response's label and weighted so that every
 * response and every data set weighs the same; then a response-level logistic calibration over the
 * claims' logits (highest, mean of the two highest, mean of all, share above 0:
 * {@link ClaimModel#aggregate}); then the response threshold with the best (set-weighted) mean
 * balanced accuracy over the training sets. Deterministic: equal rows in equal order give the same
 * model, bit for bit (no random numbers are drawn).
 */
final class ClaimModelTrainer {

  /**
   * L2 penalty (per standard deviation, times the total weight): strong, for transfer across sets.
   * 0.3 with the relation features (0.2 before): over six fold seeds FRANK CV AUC 0.7955 against
   * 0.7937, leave-one-dataset-out mean 0.800 against 0.7995; {@code -Dclaims.l2=x} for sweeps.
   */
  static final double L2 = Double.parseDouble(System.getProperty("claims.l2", "0.3"));

  /** Whether HaluEval rows train the model (its length artifact: see docs/claims.md). */
  static final boolean TRAIN_ON_HALUEVAL = false;

  private ClaimModelTrainer() {}

  /**
   * Relative weight of each set in training and in the threshold choice (a set not listed weighs 1).
   * FRANK 6 (3 before the near-relation features): over fold seeds 17 and 1-5, FRANK CV AUC 0.805 / 0.810
   * / 0.811 / 0.812 / 0.813 at weights 3 / 4 / 5 / 6 / 8, balanced accuracy 0.711 / 0.729 / 0.737 / 0.739 /
   * 0.736, leave-one-dataset-out mean 0.798 / 0.796 / 0.795 / 0.793 / 0.791; {@code -Dclaims.frankWeight=x}.
   */
  static final Map<String, Double> SET_WEIGHT = Map.of("frank", Double.parseDouble(System.getProperty("claims.frankWeight", "6")));
  /**
   * Features left out (weight forced to 0 by zeroing the column), for ablations:
   * {@code -Dclaims.drop=name,name} (names from {@link ClaimFeatures#NAMES}); none by default.
   */
  static final java.util.Set<Integer> DROP = features(System.getProperty("claims.drop", ""));

  /** Feature indexes of a comma-separated list of feature names. */
  static java.util.Set<Integer> features(String names) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (String n : names.split(",")) {
      if (n.isBlank()) {
        continue;
      }
      int k = java.util.Arrays.asList(ClaimFeatures.NAMES).indexOf(n.trim());
      if (k < 0) {
        throw new IllegalArgumentException("unknown claim feature: " + n.trim());
      }
      out.add(k);
    }
    return java.util.Set.copyOf(out);
  }
  /** Multiple-instance rounds: positive claims reweighted by their share of the response's unsupport. */
  static final int MIL_ROUNDS = 0;
  /** Whether each set's supported and unsupported responses weigh the same (an even prior per set). */
  static final boolean BALANCE = true;
  static final double LAMBDA = L2;

  /**
   * Boosted trees on top of the linear claim model (its residual; see {@link GradientBoosting}):
   * {@code -Dclaims.treeRounds=}, {@code claims.treeDepth}, {@code claims.treeEta}, {@code claims.treeBins},
   * {@code claims.treeLambda}, {@code claims.treeMinHessian} for sweeps; 0 rounds = a purely linear model.
   */
  static final GradientBoosting.Params TREES = new GradientBoosting.Params(
      Integer.getInteger("claims.treeRounds", 0), Integer.getInteger("claims.treeDepth", 2),
      Double.parseDouble(System.getProperty("claims.treeEta", "0.05")), Integer.getInteger("claims.treeBins", 16),
      Double.parseDouble(System.getProperty("claims.treeLambda", "1")),
      Double.parseDouble(System.getProperty("claims.treeMinHessian", "20")));

  /**
   * Whether the threshold's mean balanced accuracy weighs the sets as training does ({@link #SET_WEIGHT}):
   * FRANK CV balanced accuracy 0.739 against 0.735 unweighted (six fold seeds, FRANK weight 6);
   * {@code -Dclaims.thresholdWeighted=false} for the plain mean.
   */
  static final boolean THRESHOLD_SET_WEIGHTS =
      Boolean.parseBoolean(System.getProperty("claims.thresholdWeighted", "true"));

  static ClaimModel train(List<ClaimsData.Row> rows) {
    return train(rows, DROP);
  }

  /** Trains with these feature columns zeroed (ablations). */
  static ClaimModel train(List<ClaimsData.Row> rows, java.util.Set<Integer> drop) {
    Map<String, Integer> perSet = new HashMap<>();
    for (ClaimsData.Row r : rows) {
      if (!r.claims().isEmpty()) {
        perSet.merge(key(r), 1, Integer::sum);
      }
    }
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (ClaimsData.Row r : rows) {
      int n = r.claims().size();
      for (double[] c : r.claims()) {
        double[] cc = c;
        if (!drop.isEmpty()) {
          cc = c.clone();
          for (int k : drop) {
            cc[k] = 0;
          }
        }
        x.add(cc);
        y.add(r.unsupported() ? 1.0 : 0.0);
        w.add(SET_WEIGHT.getOrDefault(r.set(), 1.0) / perSet.get(key(r)) / n);
      }
    }
    double[][] xa = x.toArray(new double[0][]);
    double[] wa = unbox(w);
    LogisticRegression.Fit claim = LogisticRegression.fit(xa, unbox(y), wa, LAMBDA);
    for (int round = 0; round < MIL_ROUNDS; round++) {
      int i = 0;
      for (ClaimsData.Row r : rows) {
        int n = r.claims().size();
        double base = SET_WEIGHT.getOrDefault(r.set(), 1.0) / Math.max(1, perSet.getOrDefault(key(r), 1));
        if (r.unsupported() && n > 1) {
          double[] p = new double[n];
          double sum = 0;
          for (int c = 0; c < n; c++) {
            p[c] = 1 / (1 + Math.exp(-claim.logit(xa[i + c])));
            sum += p[c];
          }
          for (int c = 0; c < n; c++) {
            wa[i + c] = base * p[c] / sum;
          }
        }
        i += n;
      }
      claim = LogisticRegression.fit(xa, unbox(y), wa, LAMBDA);
    }
    ClaimTrees trees = ClaimTrees.NONE;
    if (TREES.rounds() > 0) {
      double[] init = new double[xa.length];
      for (int i = 0; i < xa.length; i++) {
        init[i] = claim.logit(xa[i]);
      }
      trees = GradientBoosting.fit(xa, unbox(y), wa, init, TREES);
    }
    double[] maxOnly = new double[ClaimModel.RESPONSE_INPUTS + 1];
    maxOnly[1] = 1;
    ClaimModel claimOnly = new ClaimModel(claim.mean(), claim.sd(), claim.weight(), claim.intercept(), maxOnly, 0.5, trees);
    // Response calibration over ClaimModel.aggregate of the claims' logits.
    List<double[]> rx = new ArrayList<>();
    List<Double> ry = new ArrayList<>();
    List<Double> rw = new ArrayList<>();
    for (ClaimsData.Row r : rows) {
      if (r.claims().isEmpty()) {
        continue;
      }
      rx.add(ClaimModel.aggregate(logits(claimOnly, r)));
      ry.add(r.unsupported() ? 1.0 : 0.0);
      rw.add(SET_WEIGHT.getOrDefault(r.set(), 1.0) / perSet.get(key(r)));
    }
    LogisticRegression.Fit resp = LogisticRegression.fit(rx.toArray(new double[0][]), unbox(ry), unbox(rw), L2);
    double[] calib = new double[ClaimModel.RESPONSE_INPUTS + 1];
    calib[0] = resp.intercept();
    for (int k = 0; k < ClaimModel.RESPONSE_INPUTS; k++) {
      calib[k + 1] = resp.weight()[k] / resp.sd()[k];
      calib[0] -= calib[k + 1] * resp.mean()[k];
    }
    ClaimModel untuned = new ClaimModel(claim.mean(), claim.sd(), claim.weight(), claim.intercept(), calib, 0.5, trees);
    double threshold = chooseThreshold(rows, untuned);
    return new ClaimModel(claim.mean(), claim.sd(), claim.weight(), claim.intercept(), calib, threshold, trees);
  }

  /** The model file text, with a header that says how it was made. */
  static String format(ClaimModel m) {
    return m.format("Claims support model (issue 17): logistic regression over ClaimFeatures, see docs/claims.md.\n"
        + "Written by tools/claims/train.sh (TrainClaimsModel); do not edit. Trained on FRANK validation, BEGIN,\n"
        + "FaithDial audit, WiCE and DialFact" + (TRAIN_ON_HALUEVAL ? ", HaluEval" : " (not HaluEval: length artifact)")
        + "; L2 " + L2 + ";\nsupported and unsupported weigh the same within each set; FRANK weighs "
        + num(SET_WEIGHT.get("frank")) + ", every other set 1" + (THRESHOLD_SET_WEIGHTS ? ", in training and in the threshold." : "."));
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String key(ClaimsData.Row r) {
    return BALANCE ? r.set() + (r.unsupported() ? "/1" : "/0") : r.set();
  }

  static double[] logits(ClaimModel m, ClaimsData.Row r) {
    double[] l = new double[r.claims().size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = m.logit(r.claims().get(i));
    }
    return l;
  }

  /** The response score of a row under a model (0 when the response has no claim). */
  static double score(ClaimModel m, ClaimsData.Row r) {
    return ClaimChecker.responseScore(logits(m, r), m);
  }

  /**
   * The cut (rounded to 0.01) with the best mean balanced accuracy over the sets in {@code rows}, each set
   * weighted as in training when {@link #THRESHOLD_SET_WEIGHTS}.
   */
  static double chooseThreshold(List<ClaimsData.Row> rows, ClaimModel m) {
    Map<String, List<double[]>> bySet = new HashMap<>();
    for (ClaimsData.Row r : rows) {
      bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(new double[] {score(m, r), r.unsupported() ? 1 : 0});
    }
    double best = -1;
    double bestT = 0.5;
    for (int t100 = 1; t100 < 100; t100++) {
      double t = t100 / 100.0;
      double sum = 0;
      double weights = 0;
      for (Map.Entry<String, List<double[]>> set : bySet.entrySet()) {
        double w = THRESHOLD_SET_WEIGHTS ? SET_WEIGHT.getOrDefault(set.getKey(), 1.0) : 1.0;
        sum += w * balancedAccuracy(set.getValue(), t);
        weights += w;
      }
      double ba = sum / weights;
      if (ba > best + 1e-12) {
        best = ba;
        bestT = t;
      }
    }
    return bestT;
  }

  /** Balanced accuracy of (score, label) pairs at a cut (score >= t = unsupported). */
  static double balancedAccuracy(List<double[]> rows, double t) {
    int tp = 0;
    int fn = 0;
    int tn = 0;
    int fp = 0;
    for (double[] r : rows) {
      boolean flagged = r[0] >= t;
      if (r[1] == 1) {
        if (flagged) {
          tp++;
        } else {
          fn++;
        }
      } else if (flagged) {
        fp++;
      } else {
        tn++;
      }
    }
    return ((double) tp / Math.max(1, tp + fn) + (double) tn / Math.max(1, tn + fp)) / 2;
  }

  private static double[] unbox(List<Double> l) {
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
