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
    return train(rows, drop, true);
  }

  private static ClaimModel train(List<ClaimsData.Row> rows, java.util.Set<Integer> drop, boolean inner) {
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
    LogisticRegression.Fit resp = LogisticRegression.fit(rx.toArray(new double[0][]), unbox(ry), unbox(rw), RESP_L2);
    double[] calib = new double[ClaimModel.RESPONSE_INPUTS + 1];
    calib[0] = resp.intercept();
    for (int k = 0; k < ClaimModel.RESPONSE_INPUTS; k++) {
      calib[k + 1] = resp.weight()[k] / resp.sd()[k];
      calib[0] -= calib[k + 1] * resp.mean()[k];
    }
    ClaimModel untuned = new ClaimModel(claim.mean(), claim.sd(), claim.weight(), claim.intercept(), calib, 0.5, trees);
    if (INNER_FOLDS < 2 || !inner) {
      double threshold = chooseThreshold(rows, untuned);
      return new ClaimModel(claim.mean(), claim.sd(), claim.weight(), claim.intercept(), calib, threshold, trees);
    }
    return outOfFold(rows, drop, untuned, perSet);
  }

  /**
   * The alternative threshold (and, with {@link #CALIBRATE_INNER}, response calibration) chosen on
   * out-of-fold scores of the training rows: {@link #INNER_FOLDS}-fold inner cross-validation split
   * as the outer one (FRANK by article), each inner model trained the in-sample way.
   */
  private static ClaimModel outOfFold(List<ClaimsData.Row> rows, java.util.Set<Integer> drop, ClaimModel full,
      Map<String, Integer> perSet) {
    List<List<ClaimsData.Row>> parts = innerFolds(rows);
    List<ClaimsData.Row> oofRows = new ArrayList<>();
    List<double[]> oofAgg = new ArrayList<>();
    List<double[]> oofScore = new ArrayList<>();
    double[] foldCuts = new double[parts.size()];
    for (int k = 0; k < parts.size(); k++) {
      List<ClaimsData.Row> tr = new ArrayList<>();
      for (int j = 0; j < parts.size(); j++) {
        if (j != k) {
          tr.addAll(parts.get(j));
        }
      }
      ClaimModel mk = train(tr, drop, false);
      List<double[]> held = new ArrayList<>();
      for (ClaimsData.Row r : parts.get(k)) {
        double[] sc = {score(mk, r)};
        oofRows.add(r);
        oofScore.add(sc);
        held.add(sc);
        oofAgg.add(r.claims().isEmpty() ? null : ClaimModel.aggregate(logits(mk, r)));
      }
      foldCuts[k] = chooseThreshold(parts.get(k), held);
    }
    double[] calib = full.response;
    if (CALIBRATE_INNER) {
      List<double[]> cx = new ArrayList<>();
      List<Double> cy = new ArrayList<>();
      List<Double> cw = new ArrayList<>();
      for (int i = 0; i < oofRows.size(); i++) {
        ClaimsData.Row r = oofRows.get(i);
        if (oofAgg.get(i) != null) {
          cx.add(oofAgg.get(i));
          cy.add(r.unsupported() ? 1.0 : 0.0);
          cw.add(SET_WEIGHT.getOrDefault(r.set(), 1.0) / perSet.get(key(r)));
        }
      }
      LogisticRegression.Fit rf = LogisticRegression.fit(cx.toArray(new double[0][]), unbox(cy), unbox(cw), RESP_L2);
      calib = new double[ClaimModel.RESPONSE_INPUTS + 1];
      calib[0] = rf.intercept();
      for (int k = 0; k < ClaimModel.RESPONSE_INPUTS; k++) {
        calib[k + 1] = rf.weight()[k] / rf.sd()[k];
        calib[0] -= calib[k + 1] * rf.mean()[k];
      }
      ClaimModel recal = new ClaimModel(full.mean, full.sd, full.weight, full.intercept, calib, 0.5, full.trees);
      for (int i = 0; i < oofRows.size(); i++) {
        double[] x = oofAgg.get(i);
        oofScore.get(i)[0] = x == null ? 0 : recal.responseScore(x[0], x[1], x[2], x[3]);
      }
    }
    double threshold;
    if (THRESHOLD_RULE.equals("median")) {
      double[] c = foldCuts.clone();
      java.util.Arrays.sort(c);
      threshold = c[c.length / 2];
    } else {
      threshold = chooseThreshold(oofRows, oofScore);
    }
    return new ClaimModel(full.mean, full.sd, full.weight, full.intercept, calib, threshold, full.trees);
  }

  /** Inner folds: FRANK by article, other sets by row group, each assigned by a hash of its name (no random numbers). */
  static List<List<ClaimsData.Row>> innerFolds(List<ClaimsData.Row> rows) {
    List<List<ClaimsData.Row>> parts = new ArrayList<>();
    for (int k = 0; k < INNER_FOLDS; k++) {
      parts.add(new ArrayList<>());
    }
    for (ClaimsData.Row r : rows) {
      parts.get(Math.floorMod(mix(r.set() + "/" + r.group()), INNER_FOLDS)).add(r);
    }
    return parts;
  }

  /** A well-mixed deterministic hash of a string (String.hashCode through a 64-bit finalizer). */
  static long mix(String s) {
    long h = s.hashCode() * 0x9E3779B97F4A7C15L + INNER_SALT;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** L2 penalty of the response calibration ({@code -Dclaims.respL2=x}; the claim model's {@link #L2} by default). */
  static final double RESP_L2 = Double.parseDouble(System.getProperty("claims.respL2", String.valueOf(L2)));
  /**
   * Inner folds for a threshold chosen on out-of-fold scores of the training rows instead of their
   * in-sample scores ({@code -Dclaims.innerFolds=5}; 0 = in-sample, shipped): over fold seeds 17 and 1-5
   * FRANK CV balanced accuracy 0.735 against 0.738 (the regularized model barely overfits its rows; the
   * cut's noise, not its bias, is the loss). {@code claims.innerSalt} reshuffles the inner folds.
   */
  static final int INNER_FOLDS = Integer.getInteger("claims.innerFolds", 0);
  static final long INNER_SALT = Long.getLong("claims.innerSalt", 0);
  /** With inner folds: refit the response calibration on the out-of-fold claim logits (0.732: no gain). */
  static final boolean CALIBRATE_INNER = Boolean.parseBoolean(System.getProperty("claims.calibrateInner", "false"));
  /**
   * How the cut is chosen ({@code -Dclaims.thresholdRule=}): {@code eer} (shipped) the cut where each set's
   * true-positive and true-negative rates are closest (set-weighted mean of |TPR - TNR|): a crossing of two
   * monotone curves, steadier than the maximum of a flat one; {@code argmax} the best set-weighted mean
   * balanced accuracy (over fold seeds 17 and 1-5 with the word-order features, FRANK CV balanced accuracy
   * at the folds' own cuts 0.742 with eer against 0.735 with argmax; 0.741 against 0.737 over 22 other
   * seeds); {@code eerpooled} where the set-weighted mean rates meet; {@code median} (inner folds only)
   * the median of the inner folds' best cuts. See docs/claims.md.
   */
  static final String THRESHOLD_RULE = System.getProperty("claims.thresholdRule", "eer");
  /** Half-width of a moving average over the balanced-accuracy curve before its maximum is taken (0 = none). */
  static final double THRESHOLD_SMOOTH = Double.parseDouble(System.getProperty("claims.thresholdSmooth", "0"));

  /** The model file text, with a header that says how it was made. */
  static String format(ClaimModel m) {
    return m.format("Claims support model (issue 17): logistic regression over ClaimFeatures, see docs/claims.md.\n"
        + "Written by tools/claims/train.sh (TrainClaimsModel); do not edit. Trained on FRANK validation, BEGIN,\n"
        + "FaithDial audit, WiCE and DialFact" + (TRAIN_ON_HALUEVAL ? ", HaluEval" : " (not HaluEval: length artifact)")
        + "; L2 " + L2 + ";\nsupported and unsupported weigh the same within each set; FRANK weighs "
        + num(SET_WEIGHT.get("frank")) + ", every other set 1" + (THRESHOLD_SET_WEIGHTS ? ", in training and in the threshold" : "")
        + ";\nthreshold rule " + THRESHOLD_RULE + (INNER_FOLDS >= 2 ? " on " + INNER_FOLDS + "-fold out-of-fold scores." : "."));
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
    List<double[]> s = new ArrayList<>();
    for (ClaimsData.Row r : rows) {
      s.add(new double[] {score(m, r)});
    }
    return chooseThreshold(rows, s);
  }

  /** As {@link #chooseThreshold(List, ClaimModel)} over given scores ({@code scores.get(i)[0]} is row i's). */
  static double chooseThreshold(List<ClaimsData.Row> rows, List<double[]> scores) {
    Map<String, List<double[]>> bySet = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ClaimsData.Row r = rows.get(i);
      bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(new double[] {scores.get(i)[0], r.unsupported() ? 1 : 0});
    }
    double[] curve = new double[100];
    for (int t100 = 1; t100 < 100; t100++) {
      double t = t100 / (double) 100;
      double sum = 0;
      double weights = 0;
      for (Map.Entry<String, List<double[]>> set : bySet.entrySet()) {
        double w = THRESHOLD_SET_WEIGHTS ? SET_WEIGHT.getOrDefault(set.getKey(), 1.0) : 1.0;
        sum += w * (THRESHOLD_RULE.equals("eer") ? -Math.abs(rateGap(set.getValue(), t))
            : THRESHOLD_RULE.equals("eerpooled") ? rateGap(set.getValue(), t) : balancedAccuracy(set.getValue(), t));
        weights += w;
      }
      curve[t100] = THRESHOLD_RULE.equals("eerpooled") ? -Math.abs(sum / weights) : sum / weights;
    }
    int half = (int) Math.round(THRESHOLD_SMOOTH * 100);
    double best = -1;
    double bestT = 0.5;
    for (int t100 = 1; t100 < 100; t100++) {
      double t = t100 / (double) 100;
      double ba = 0;
      int n = 0;
      for (int j = Math.max(1, t100 - half); j <= Math.min(100 - 1, t100 + half); j++) {
        ba += curve[j];
        n++;
      }
      ba /= n;
      if (ba > best + 1e-12) {
        best = ba;
        bestT = t;
      }
    }
    return bestT;
  }

  /** True positive rate minus true negative rate at a cut. */
  static double rateGap(List<double[]> rows, double t) {
    int tp = 0;
    int pos = 0;
    int tn = 0;
    int neg = 0;
    for (double[] r : rows) {
      if (r[1] == 1) {
        pos++;
        tp += r[0] >= t ? 1 : 0;
      } else {
        neg++;
        tn += r[0] < t ? 1 : 0;
      }
    }
    return (double) tp / Math.max(1, pos) - (double) tn / Math.max(1, neg);
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
