package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  /**
   * One binary feature, no penalty: the maximum-likelihood logit is the log-odds of the label within
   * each feature value (a closed form, independent of the Newton solver): x=0 has 1 of 4 positive
   * (log(1/3)), x=1 has 3 of 4 (log 3).
   */
  @Test
  void binaryFeatureRecoversTheEmpiricalLogOdds() {
    double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
    double[] y = {1, 0, 0, 0, 1, 1, 1, 0};
    double[] w = {1, 1, 1, 1, 1, 1, 1, 1};
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, w, 0);
    assertEquals(Math.log(1.0 / 3), f.logit(new double[] {0}), 1e-6);
    assertEquals(Math.log(3), f.logit(new double[] {1}), 1e-6);
  }

  /** Weights act as repeated rows: weight 3 on one positive row equals three copies of it. */
  @Test
  void weightsEqualRepeatedRows() {
    double[][] x = {{0}, {0}, {1}, {1}};
    double[] y = {1, 0, 1, 0};
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, new double[] {3, 1, 1, 1}, 0);
    assertEquals(Math.log(3), f.logit(new double[] {0}), 1e-6);
    assertEquals(0, f.logit(new double[] {1}), 1e-6);
  }

  /** The penalty shrinks the slope towards 0 and a constant feature gets no weight. */
  @Test
  void penaltyShrinksAndConstantsStayZero() {
    double[][] x = {{0, 5}, {0, 5}, {1, 5}, {1, 5}, {1, 5}, {0, 5}};
    double[] y = {0, 0, 1, 1, 0, 1};
    double[] w = {1, 1, 1, 1, 1, 1};
    LogisticRegression.Fit free = LogisticRegression.fit(x, y, w, 0);
    LogisticRegression.Fit tight = LogisticRegression.fit(x, y, w, 1);
    assertTrue(Math.abs(tight.weight()[0]) < Math.abs(free.weight()[0]));
    assertEquals(0, free.weight()[1], 1e-9);
  }

  @Test
  void solvesALinearSystem() {
    double[] s = LogisticRegression.solve(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
    assertEquals(1.0 / 11, s[0], 1e-12); // by Cramer's rule: (1*3 - 1*2) / 11
    assertEquals(7.0 / 11, s[1], 1e-12); // (4*2 - 1*1) / 11
  }
}
