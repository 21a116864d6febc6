package dev.guardrails.detectors.claims;

import java.util.Arrays;

/**
 * Gradient boosting of small regression trees for the logistic loss, starting from given log-odds
 * (the linear claim model's), with second-order leaf values {@code eta * G / (H + lambda)} and
 * histogram splits on per-feature quantile bins (as in XGBoost / LightGBM). Deterministic: no
 * sampling, ties between splits go to the lower feature and bin. Weighted rows; the weights are
 * rescaled to mean 1 so that {@code lambda} and {@code minHessian} count rows.
 */
final class GradientBoosting {

  /** Settings: rounds, depth, shrinkage, bins per feature, leaf L2 penalty, least hessian per child. */
  record Params(int rounds, int depth, double eta, int bins, double lambda, double minHessian) {}

  private GradientBoosting() {}

  /**
   * Fits trees that, summed onto {@code init}, lower the weighted logistic loss.
   *
   * @param x rows of features ({@link ClaimFeatures#COUNT} wide for claim models)
   * @param y labels, 0 or 1
   * @param w row weights, positive
   * @param init the starting log-odds per row (not modified)
   * @param p settings
   * @return the trees
   */
  static ClaimTrees fit(double[][] x, double[] y, double[] w, double[] init, Params p) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    double total = 0;
    for (double v : w) {
      total += v;
    }
    double[] ws = new double[n];
    for (int i = 0; i < n; i++) {
      ws[i] = w[i] * n / total;
    }
    double[][] edges = new double[d][];
    int[][] bin = new int[d][n];
    for (int k = 0; k < d; k++) {
      edges[k] = edges(x, k, p.bins());
      for (int i = 0; i < n; i++) {
        bin[k][i] = binOf(edges[k], x[i][k]);
      }
    }
    double[] f = init.clone();
    double[] g = new double[n];
    double[] h = new double[n];
    ClaimTrees.Builder trees = new ClaimTrees.Builder();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Grower grower = new Grower(bin, edges, g, h, f, p, trees);
    for (int round = 0; round < p.rounds(); round++) {
      for (int i = 0; i < n; i++) {
        double q = 1 / (1 + Math.exp(-f[i]));
        g[i] = ws[i] * (y[i] - q);
        h[i] = ws[i] * q * (1 - q);
      }
      trees.root(grower.node(all, 0));
    }
    return trees.build();
  }

  /**
   * Split candidates of feature k: the distinct values v at the j/bins quantiles of the column
   * (j = 1 .. bins-1) above its minimum, each written as the midpoint between v and the largest
   * column value below it. Midpoints, so that a feature computed at run time to more decimals than
   * the 6 the feature file stores (6/7, not 0.857143) falls on the same side as in training.
   */
  static double[] edges(double[][] x, int k, int bins) {
    double[] col = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      col[i] = x[i][k];
    }
    Arrays.sort(col);
    double[] out = new double[Math.max(0, bins - 1)];
    int m = 0;
    double last = Double.NEGATIVE_INFINITY;
    for (int j = 1; j < bins && col.length > 0; j++) {
      int at = (int) Math.floor((double) j * (col.length - 1) / bins);
      double v = col[at];
      if (v > col[0] && v > last) {
        int below = at;
        while (col[below] == v) {
          below--;
        }
        out[m++] = (col[below] + v) / 2;
        last = v;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** The bin of a value: how many cuts are at or below it (so bin <= j means v < cuts[j]). */
  static int binOf(double[] edges, double v) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Grows trees by greedy search over the bins, adding each leaf's value to its rows' log-odds. */
  private static final class Grower {
    final int[][] bin;
    final double[][] edges;
    final double[] g;
    final double[] h;
    final double[] f;
    final Params p;
    final ClaimTrees.Builder out;

    Grower(int[][] bin, double[][] edges, double[] g, double[] h, double[] f, Params p, ClaimTrees.Builder out) {
      this.bin = bin;
      this.edges = edges;
      this.g = g;
      this.h = h;
      this.f = f;
      this.p = p;
      this.out = out;
    }

    /** Grows the node for these rows and returns its index in the builder. */
    int node(int[] rows, int level) {
      double gs = 0;
      double hs = 0;
      for (int i : rows) {
        gs += g[i];
        hs += h[i];
      }
      double leaf = p.eta() * gs / (hs + p.lambda());
      int bestK = -1;
      int bestJ = -1;
      double bestGain = 1e-12;
      if (level < p.depth()) {
        double base = gs * gs / (hs + p.lambda());
        for (int k = 0; k < edges.length; k++) {
          int nb = edges[k].length + 1;
          if (nb < 2) {
            continue;
          }
          double[] gb = new double[nb];
          double[] hb = new double[nb];
          for (int i : rows) {
            gb[bin[k][i]] += g[i];
            hb[bin[k][i]] += h[i];
          }
          double gl = 0;
          double hl = 0;
          for (int j = 0; j < nb - 1; j++) {
            gl += gb[j];
            hl += hb[j];
            double gr = gs - gl;
            double hr = hs - hl;
            if (hl < p.minHessian() || hr < p.minHessian()) {
              continue;
            }
            double gain = gl * gl / (hl + p.lambda()) + gr * gr / (hr + p.lambda()) - base;
            if (gain > bestGain) {
              bestGain = gain;
              bestK = k;
              bestJ = j;
            }
          }
        }
      }
      if (bestK < 0) {
        for (int i : rows) {
          f[i] += leaf;
        }
        return out.leaf(leaf);
      }
      int n = out.split(bestK, edges[bestK][bestJ]);
      int nl = 0;
      for (int i : rows) {
        nl += bin[bestK][i] <= bestJ ? 1 : 0;
      }
      int[] l = new int[nl];
      int[] r = new int[rows.length - nl];
      int a = 0;
      int b = 0;
      for (int i : rows) {
        if (bin[bestK][i] <= bestJ) {
          l[a++] = i;
        } else {
          r[b++] = i;
        }
      }
      out.children(n, node(l, level + 1), node(r, level + 1));
      return n;
    }
  }
}
