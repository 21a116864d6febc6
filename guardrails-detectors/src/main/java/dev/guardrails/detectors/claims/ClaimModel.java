package dev.guardrails.detectors.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The learned support score: a logistic regression over {@link ClaimFeatures} (standardized) that
 * gives each claim the probability that it is not supported, and a response-level logistic
 * calibration over the claims' logits (the highest, the mean of the two highest, the mean of all, and
 * the share of claims with a positive logit) that gives the answer's probability of being unsupported.
 * The model file may add boosted trees ({@link ClaimTrees}) to the claims' linear log-odds; the shipped
 * one has none. Trained by {@code tools/claims/train.sh}
 * ({@code ClaimModelTrainer}, deterministic) into the resource {@value #RESOURCE}; see
 * docs/claims.md.
 *
 * <p>Immutable and thread-safe; the shipped model loads once, lazily.
 */
final class ClaimModel {

  /** The shipped model's resource, next to this class. */
  static final String RESOURCE = "claims-model.tsv";

  final double[] mean;
  final double[] sd;
  final double[] weight;
  final double intercept;
  /** How many response-level inputs the calibration reads (see {@link #responseScore}). */
  static final int RESPONSE_INPUTS = 4;

  /**
   * Response calibration: intercept, then the weights of the highest claim logit, the mean of the two
   * highest, the mean of all claims' logits and the share of claims with a positive logit.
   */
  final double[] response;
  /** The response threshold the trainer chose on its training data (balanced accuracy). */
  final double threshold;
  /** Boosted trees added to the linear log-odds ({@link ClaimTrees#NONE} for a purely linear model). */
  final ClaimTrees trees;

  ClaimModel(double[] mean, double[] sd, double[] weight, double intercept, double[] response, double threshold) {
    this(mean, sd, weight, intercept, response, threshold, ClaimTrees.NONE);
  }

  ClaimModel(double[] mean, double[] sd, double[] weight, double intercept, double[] response, double threshold,
      ClaimTrees trees) {
    if (mean.length != ClaimFeatures.COUNT || sd.length != ClaimFeatures.COUNT || weight.length != ClaimFeatures.COUNT) {
      throw new IllegalArgumentException("claims model must have " + ClaimFeatures.COUNT + " features: " + weight.length);
    }
    this.mean = mean.clone();
    this.sd = sd.clone();
    this.weight = weight.clone();
    this.intercept = intercept;
    if (response.length != RESPONSE_INPUTS + 1) {
      throw new IllegalArgumentException("claims model response calibration must have " + (RESPONSE_INPUTS + 1)
          + " numbers: " + response.length);
    }
    this.response = response.clone();
    this.threshold = threshold;
    this.trees = java.util.Objects.requireNonNull(trees, "trees");
  }

  private static final class Shipped {
    static final ClaimModel MODEL = load(RESOURCE);
  }

  /**
   * Returns the shipped model, loading it on first use.
   *
   * @return the model
   * @throws IllegalStateException when the resource is missing or malformed
   */
  static ClaimModel shipped() {
    return Shipped.MODEL;
  }

  /**
   * Loads a model resource next to this class.
   *
   * @param resource the resource name
   * @return the model
   * @throws IllegalStateException when the resource is missing, malformed or lists other features
   */
  static ClaimModel load(String resource) {
    try (InputStream in = ClaimModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("claims model resource dev/guardrails/detectors/claims/" + resource
            + " is missing from the class path; rebuild guardrails-detectors (tools/claims/train.sh writes it)");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("claims model resource " + resource + " could not be read", e);
    }
  }

  private static ClaimModel parse(BufferedReader r, String resource) throws IOException {
    double[] mean = new double[ClaimFeatures.COUNT];
    double[] sd = new double[ClaimFeatures.COUNT];
    double[] w = new double[ClaimFeatures.COUNT];
    double[] resp = null;
    double intercept = Double.NaN;
    double threshold = Double.NaN;
    ClaimTrees.Builder trees = new ClaimTrees.Builder();
    int f = 0;
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      try {
        switch (c[0]) {
          case "threshold" -> threshold = Double.parseDouble(c[1]);
          case "intercept" -> intercept = Double.parseDouble(c[1]);
          case "tree" -> trees.parse(c, 1);
          case "response" -> {
            if (c.length != RESPONSE_INPUTS + 2) {
              throw new IllegalStateException("claims model " + resource + " line " + lineNo + ": the response line needs "
                  + (RESPONSE_INPUTS + 1) + " numbers; retrain with tools/claims/train.sh");
            }
            resp = new double[RESPONSE_INPUTS + 1];
            for (int k = 0; k <= RESPONSE_INPUTS; k++) {
              resp[k] = Double.parseDouble(c[k + 1]);
            }
          }
          case "feature" -> {
            if (f >= ClaimFeatures.COUNT || !ClaimFeatures.NAMES[f].equals(c[1])) {
              throw new IllegalStateException("claims model " + resource + " line " + lineNo
                  + " lists a feature the code does not compute in this place; retrain with tools/claims/train.sh");
            }
            mean[f] = Double.parseDouble(c[2]);
            sd[f] = Double.parseDouble(c[3]);
            w[f] = Double.parseDouble(c[4]);
            f++;
          }
          default -> throw new IllegalStateException("claims model " + resource + " line " + lineNo + ": unknown entry");
        }
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalStateException("claims model " + resource + " line " + lineNo + " is malformed", e);
      }
    }
    if (f != ClaimFeatures.COUNT || resp == null || Double.isNaN(intercept) || Double.isNaN(threshold)) {
      throw new IllegalStateException("claims model " + resource + " is incomplete (" + f + " of "
          + ClaimFeatures.COUNT + " features); retrain with tools/claims/train.sh");
    }
    return new ClaimModel(mean, sd, w, intercept, resp, threshold, trees.build());
  }

  /** The log-odds that a claim with these features is unsupported: the linear part plus the trees. */
  double logit(double[] x) {
    return linearLogit(x) + trees.sum(x);
  }

  /** The linear part of {@link #logit} (the trees' starting point in training). */
  double linearLogit(double[] x) {
    double z = intercept;
    for (int k = 0; k < weight.length; k++) {
      z += weight[k] * (x[k] - mean[k]) / sd[k];
    }
    return z;
  }

  /** The contribution of feature k to the linear part of the logit (positive = towards unsupported). */
  double contribution(double[] x, int k) {
    return weight[k] * (x[k] - mean[k]) / sd[k];
  }

  /**
   * The response probability of being unsupported from its claims' logits.
   *
   * @param max the highest claim logit
   * @param meanTop2 the mean of the two highest claim logits (the one logit for a single claim)
   * @param meanAll the mean of all claims' logits
   * @param positiveShare the share of claims whose logit is above 0 (unsupported at even odds)
   * @return the probability
   */
  double responseScore(double max, double meanTop2, double meanAll, double positiveShare) {
    return sigmoid(response[0] + response[1] * max + response[2] * meanTop2 + response[3] * meanAll
        + response[4] * positiveShare);
  }

  /**
   * The response-level inputs of the calibration from the claims' logits, in the order of
   * {@link #responseScore}: highest, mean of the two highest, mean of all, share above 0.
   *
   * @param logits the claims' logits, at least one, all finite
   * @return the inputs
   */
  static double[] aggregate(double[] logits) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int positive = 0;
    for (double s : logits) {
      if (s > first) {
        second = first;
        first = s;
      } else if (s > second) {
        second = s;
      }
      sum += s;
      positive += s > 0 ? 1 : 0;
    }
    return new double[] {first, logits.length == 1 ? first : (first + second) / 2, sum / logits.length,
        (double) positive / logits.length};
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Writes the model in the resource format (fixed 17-digit precision: byte-identical for equal doubles). */
  String format(String header) {
    StringBuilder b = new StringBuilder();
    for (String h : header.split("\n")) {
      b.append("# ").append(h).append('\n');
    }
    b.append("threshold\t").append(num(threshold)).append('\n');
    b.append("intercept\t").append(num(intercept)).append('\n');
    b.append("response");
    for (double v : response) {
      b.append('\t').append(num(v));
    }
    b.append('\n');
    b.append("# feature\tname\tmean\tsd\tweight (per standard deviation)\n");
    for (int k = 0; k < weight.length; k++) {
      b.append("feature\t").append(ClaimFeatures.NAMES[k]).append('\t').append(num(mean[k])).append('\t')
          .append(num(sd[k])).append('\t').append(num(weight[k])).append('\n');
    }
    if (trees.size() > 0) {
      b.append("# ").append(trees.size()).append(" trees added to the linear log-odds; a node is feature<threshold"
          + " (feature index in the list above, left when below) or =leaf value, in preorder\n");
      trees.format(b);
    }
    return b.toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }
}
