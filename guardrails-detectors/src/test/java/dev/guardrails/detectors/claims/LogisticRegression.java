package dev.guardrails.detectors.claims;

/**
 * Weighted, L2-regularized logistic regression fitted by Newton's method (iteratively reweighted
 * least squares) on standardized features: deterministic (no random start, no sampling), so equal
 * inputs give bit-identical weights. The intercept is not penalized. For the claims model trainer
 * and the accuracy test; tens of features and tens of thousands of rows fit in well under a second.
 */
final class LogisticRegression {

  private LogisticRegression() {}

  /** A fitted model: standardization and weights per standard deviation. */
  record Fit(double[] mean, double[] sd, double[] weight, double intercept) {
    double logit(double[] x) {
      double z = intercept;
      for (int k = 0; k < weight.length; k++) {
        z += weight[k] * (x[k] - mean[k]) / sd[k];
      }
      return z;
    }
  }

  /**
   * Fits the model.
   *
   * @param x rows of features
   * @param y labels, 0 or 1
   * @param w row weights, positive
   * @param l2 penalty on the squared weights (per standard deviation), times the total weight
   * @return the fit
   */
  static Fit fit(double[][] x, double[] y, double[] w, double l2) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    double total = 0;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int i = 0; i < n; i++) {
      total += w[i];
      for (int k = 0; k < d; k++) {
        mean[k] += w[i] * x[i][k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= total;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        double c = x[i][k] - mean[k];
        sd[k] += w[i] * c * c;
      }
    }
    for (int k = 0; k < d; k++) {
      sd[k] = Math.sqrt(sd[k] / total);
      if (sd[k] < 1e-9) {
        sd[k] = 1; // a constant feature: its weight stays 0 under the penalty
      }
    }
    // Parameters: beta[0] intercept, beta[1..d] weights on standardized features.
    int m = d + 1;
    double[] beta = new double[m];
    double[] z = new double[m];
    z[0] = 1;
    double lambda = l2 * total;
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[m];
      double[][] hess = new double[m][m];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          z[k + 1] = (x[i][k] - mean[k]) / sd[k];
        }
        double eta = 0;
        for (int k = 0; k < m; k++) {
          eta += beta[k] * z[k];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double r = w[i] * (y[i] - p);
        double v = w[i] * p * (1 - p);
        for (int a = 0; a < m; a++) {
          grad[a] += r * z[a];
          double va = v * z[a];
          for (int b = 0; b <= a; b++) {
            hess[a][b] += va * z[b];
          }
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < a; b++) {
          hess[b][a] = hess[a][b];
        }
        if (a > 0) {
          grad[a] -= lambda * beta[a];
          hess[a][a] += lambda;
        }
        hess[a][a] += 1e-9 * total; // keeps the system solvable on separable or constant data
      }
      double[] step = solve(hess, grad);
      double max = 0;
      for (int k = 0; k < m; k++) {
        beta[k] += step[k];
        max = Math.max(max, Math.abs(step[k]));
      }
      if (max < 1e-10) {
        break;
      }
    }
    double[] weight = new double[d];
    System.arraycopy(beta, 1, weight, 0, d);
    return new Fit(mean, sd, weight, beta[0]);
  }

  /** Solves a symmetric positive definite system by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a0, double[] b0) {
    int m = b0.length;
    double[][] a = new double[m][];
    for (int i = 0; i < m; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    for (int c = 0; c < m; c++) {
      int piv = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < m; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < m; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < m; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
