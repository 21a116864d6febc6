package dev.guardrails.detectors.bias;

import java.util.List;
import java.util.Random;

/**
 * A small, deterministic trainer of a binary logistic regression over hashed sparse features:
 * AdaGrad steps on the log loss with L2 decay on the touched weights, class-balanced sample
 * weights, one fixed-seed shuffle per epoch. Same inputs and seed give the same weights bit for bit
 * (plain double arithmetic in a fixed order; no threads).
 */
final class HashedLogisticRegression {

  final int bits;
  final double[] w;
  /** Weights of the dense features (empty for none). */
  final double[] wd;
  double bias;

  private HashedLogisticRegression(int bits, int dense) {
    this.bits = bits;
    this.w = new double[1 << bits];
    this.wd = new double[dense];
  }

  /** Trains on hashed features only. */
  static HashedLogisticRegression train(List<int[]> x, byte[] y, int bits, int epochs, double rate, double l2, long seed) {
    return train(x, null, 0, y, bits, epochs, rate, l2, seed);
  }

  /**
   * Trains a model.
   *
   * @param x per sample, its feature indices (each {@code < 2^bits}; repeats count twice)
   * @param d per sample, its dense feature values ({@code dense} of them), or null for none
   * @param dense the number of dense features
   * @param y per sample, 1 for the positive class, 0 else
   * @param epochs passes over the data
   * @param rate AdaGrad base learning rate
   * @param l2 L2 decay per update of a touched weight
   * @param seed shuffle seed
   */
  static HashedLogisticRegression train(List<int[]> x, List<float[]> d, int dense, byte[] y, int bits, int epochs,
      double rate, double l2, long seed) {
    if (x.size() != y.length || (d != null && d.size() != y.length)) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    HashedLogisticRegression m = new HashedLogisticRegression(bits, d == null ? 0 : dense);
    double[] g2 = new double[1 << bits];
    double[] gd = new double[m.wd.length];
    double gBias = 1e-8;
    int pos = 0;
    for (byte v : y) {
      pos += v;
    }
    int neg = y.length - pos;
    double wPos = pos == 0 ? 1 : y.length / (2.0 * pos);
    double wNeg = neg == 0 ? 1 : y.length / (2.0 * neg);
    int[] order = new int[y.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int idx : order) {
        int[] f = x.get(idx);
        float[] v = d == null ? null : d.get(idx);
        double p = sigmoid(m.margin(f, f.length, v));
        double g = (p - y[idx]) * (y[idx] == 1 ? wPos : wNeg);
        for (int k : f) {
          double grad = g + l2 * m.w[k];
          g2[k] += grad * grad;
          m.w[k] -= rate * grad / Math.sqrt(g2[k] + 1e-8);
        }
        for (int k = 0; k < m.wd.length; k++) {
          if (v[k] != 0f) {
            double grad = g * v[k] + l2 * m.wd[k];
            gd[k] += grad * grad;
            m.wd[k] -= rate * grad / Math.sqrt(gd[k] + 1e-8);
          }
        }
        gBias += g * g;
        m.bias -= rate * g / Math.sqrt(gBias);
      }
    }
    return m;
  }

  double margin(int[] f, int n) {
    return margin(f, n, null);
  }

  /** The margin of hashed features {@code f[0, n)} and dense features {@code v} (null if this model has none). */
  double margin(int[] f, int n, float[] v) {
    double z = bias;
    for (int i = 0; i < n; i++) {
      z += w[f[i]];
    }
    for (int k = 0; k < wd.length; k++) {
      z += wd[k] * v[k];
    }
    return z;
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /**
   * Platt scaling: fits {@code a, b} so that {@code sigmoid(a * z + b)} is calibrated on the given
   * margins and labels, by deterministic gradient descent on the log loss (with the usual target
   * smoothing of Platt 1999).
   */
  static double[] platt(double[] z, byte[] y) {
    int pos = 0;
    for (byte v : y) {
      pos += v;
    }
    int neg = y.length - pos;
    double tPos = (pos + 1.0) / (pos + 2.0);
    double tNeg = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    for (int it = 0; it < 2000; it++) {
      double ga = 0;
      double gb = 0;
      for (int i = 0; i < z.length; i++) {
        double p = sigmoid(a * z[i] + b);
        double d = p - (y[i] == 1 ? tPos : tNeg);
        ga += d * z[i];
        gb += d;
      }
      a -= 0.5 * ga / z.length;
      b -= 0.5 * gb / z.length;
    }
    return new double[] {a, b};
  }

  /** The model in its shipped form: float weights, the given calibration and threshold. */
  StereotypeModel toModel(double plattA, double plattB, double threshold) {
    return toModel(plattA, plattB, threshold, null);
  }

  /** The model in its shipped form, with the word vectors its dense weights read (null if it has none). */
  StereotypeModel toModel(double plattA, double plattB, double threshold, StereotypeEmbeddings vectors) {
    float[] f = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      f[i] = (float) w[i];
    }
    float[] fd = new float[wd.length];
    for (int i = 0; i < wd.length; i++) {
      fd[i] = (float) wd[i];
    }
    return new StereotypeModel(bits, f, (float) bias, (float) plattA, (float) plattB, (float) threshold, fd,
        wd.length == 0 ? null : vectors);
  }
}
