package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The boosted-tree trainer and the tree format, against hand-computed values. */
class GradientBoostingTest {

  private static final GradientBoosting.Params ONE_STUMP = new GradientBoosting.Params(1, 1, 1.0, 4, 0, 0);

  /**
   * One stump from log-odds 0 on a pure split: every row has p = 1/2, gradient y - 1/2 = +-1/2 and
   * hessian 1/4, so each leaf is G / H = (2 * +-1/2) / (2 * 1/4) = +-2 (one Newton step of the log-odds).
   */
  @Test
  void oneStumpIsOneNewtonStepPerLeaf() {
    double[][] x = {{0}, {0}, {1}, {1}};
    double[] y = {0, 0, 1, 1};
    ClaimTrees t = GradientBoosting.fit(x, y, new double[] {1, 1, 1, 1}, new double[4], ONE_STUMP);
    assertEquals(1, t.size());
    assertEquals(-2, t.sum(new double[] {0}), 1e-12);
    assertEquals(2, t.sum(new double[] {1}), 1e-12);
    assertEquals(2, t.sum(new double[] {7}), 1e-12);
  }

  /** Leaf values are shrunk by eta and by lambda: 0.5 * G / (H + 1) = 0.5 * 1 / (0.5 + 1) = 1/3. */
  @Test
  void shrinkageAndPenaltyScaleTheLeaf() {
    double[][] x = {{0}, {0}, {1}, {1}};
    double[] y = {0, 0, 1, 1};
    ClaimTrees t = GradientBoosting.fit(x, y, new double[] {1, 1, 1, 1}, new double[4],
        new GradientBoosting.Params(1, 1, 0.5, 4, 1, 0));
    assertEquals(1.0 / 3, t.sum(new double[] {1}), 1e-12);
  }

  /**
   * Exclusive or: no linear score separates it, two-level trees do (one corner is twice as frequent,
   * so the first split has a gain: on balanced XOR no single split does, greedy or not).
   */
  @Test
  void depthTwoTreesLearnAnInteraction() {
    int n = 50;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int a = i >= 40 ? 1 : i % 2;
      int b = i >= 40 ? 1 : (i / 2) % 2;
      x[i] = new double[] {a, b};
      y[i] = a ^ b;
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    ClaimTrees t = GradientBoosting.fit(x, y, w, new double[n], new GradientBoosting.Params(20, 2, 0.3, 4, 1, 1));
    assertTrue(t.sum(new double[] {0, 1}) > 1 && t.sum(new double[] {1, 0}) > 1);
    assertTrue(t.sum(new double[] {0, 0}) < -1 && t.sum(new double[] {1, 1}) < -1);
  }

  @Test
  void quantileCutsSkipTheMinimumAndRepeatsAndSitHalfway() {
    double[][] x = {{0}, {0}, {0}, {1}, {1}, {2}, {3}, {3}};
    // Positions floor(j * 7 / 4) for j = 1..3: 1, 3, 5 -> values 0 (the minimum, skipped), 1, 2; each cut
    // halfway to the next lower value: 0.5, 1.5.
    assertArrayEquals(new double[] {0.5, 1.5}, GradientBoosting.edges(x, 0, 4), 0);
    assertEquals(0, GradientBoosting.binOf(new double[] {0.5, 1.5}, 0));
    assertEquals(1, GradientBoosting.binOf(new double[] {0.5, 1.5}, 1));
    assertEquals(2, GradientBoosting.binOf(new double[] {0.5, 1.5}, 9));
  }

  /** The model file's tree lines parse back to the same trees, and training twice gives the same text. */
  @Test
  void treesRoundTripAndTrainingIsDeterministic() {
    double[][] x = new double[60][];
    double[] y = new double[60];
    double[] w = new double[60];
    for (int i = 0; i < 60; i++) {
      x[i] = new double[] {(i * 7 % 13) / 13.0, (i * 5 % 11) / 11.0, i % 3};
      y[i] = x[i][0] + x[i][1] > 1 || i % 3 == 0 ? 1 : 0;
      w[i] = 1 + i % 2;
    }
    GradientBoosting.Params p = new GradientBoosting.Params(15, 2, 0.2, 8, 1, 2);
    ClaimTrees a = GradientBoosting.fit(x, y, w, new double[60], p);
    ClaimTrees b = GradientBoosting.fit(x, y, w, new double[60], p);
    StringBuilder sa = new StringBuilder();
    a.format(sa);
    StringBuilder sb = new StringBuilder();
    b.format(sb);
    assertEquals(sa.toString(), sb.toString());
    ClaimTrees.Builder parsed = new ClaimTrees.Builder();
    for (String line : sa.toString().split("\n")) {
      parsed.parse(line.split("\t"), 1);
    }
    ClaimTrees c = parsed.build();
    assertEquals(15, c.size());
    for (double[] row : x) {
      assertEquals(a.sum(row), c.sum(row), 1e-9);
    }
  }

  @Test
  void malformedTreeLinesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ClaimTrees.Builder().parse(new String[] {"tree", "3<0.5", "=1"}, 1));
    assertThrows(IllegalArgumentException.class, () -> new ClaimTrees.Builder().parse(new String[] {"tree", "=1", "=2"}, 1));
    assertThrows(IllegalArgumentException.class, () -> new ClaimTrees.Builder().parse(new String[] {"tree", "99<1", "=1", "=2"}, 1));
    assertThrows(IllegalArgumentException.class, () -> new ClaimTrees.Builder().parse(new String[] {"tree", "x"}, 1));
  }
}
