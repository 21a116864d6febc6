package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model file's failure modes, the trainer on a tiny sample, and the length cap. */
class StereotypeModelTest {

  @Test
  void missingModelResourceIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> StereotypeModel.load("no-such-model.bin"));
    assertTrue(e.getMessage().contains("no-such-model.bin"), e.getMessage());
  }

  @Test
  void corruptOrTruncatedModelIsRejectedWithItsName() {
    byte[] good = StereotypeModel.load().write();
    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 1;
    for (byte[] bad : List.of(flipped, Arrays.copyOf(good, good.length - 9), new byte[10], "not a model".repeat(9).getBytes())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> StereotypeModel.read(bad, "x-model.bin"));
      assertTrue(e.getMessage().contains("x-model.bin"), e.getMessage());
    }
  }

  @Test
  void shippedModelRoundTripsAndIsSmall() {
    byte[] bytes = StereotypeModel.load().write();
    assertTrue(bytes.length <= 5 * 1024 * 1024, "model bytes " + bytes.length);
    assertArrayEquals(bytes, StereotypeModel.read(bytes, "copy").write());
  }

  @Test
  void trainerLearnsATinySeparableSampleDeterministically() {
    // feature 1 marks the positives, 2 the negatives, 3 is noise on both
    List<int[]> x = new ArrayList<>();
    byte[] y = new byte[40];
    for (int i = 0; i < 40; i++) {
      y[i] = (byte) (i % 2);
      x.add(y[i] == 1 ? new int[] {1, 3} : new int[] {2, 3});
    }
    HashedLogisticRegression a = HashedLogisticRegression.train(x, y, 10, 5, 0.1, 1e-4, 7);
    HashedLogisticRegression b = HashedLogisticRegression.train(x, y, 10, 5, 0.1, 1e-4, 7);
    assertTrue(a.margin(new int[] {1, 3}, 2) > 1, "positive margin");
    assertTrue(a.margin(new int[] {2, 3}, 2) < -1, "negative margin");
    assertArrayEquals(a.toModel(1, 0, 0.5).write(), b.toModel(1, 0, 0.5).write(), "same seed, same bytes");
    double[] ab = HashedLogisticRegression.platt(new double[] {-3, -2, -1, 1, 2, 3}, new byte[] {0, 0, 0, 1, 1, 1});
    assertTrue(ab[0] > 0, "calibration keeps the order");
  }

  @Test
  void longSentencesAreScoredOnTheirFirstPart() {
    StringBuilder s = new StringBuilder("Immigrants are lazy criminals");
    for (int i = 0; i < 300; i++) {
      s.append(" and so on");
    }
    Tokens t = new Tokens();
    t.reset(s.append('.').toString());
    StereotypeScorer scorer = new StereotypeScorer(StereotypeModel.load(), StereotypeFeatures.INSTANCE);
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    assertEquals(t.count, StereotypeScorer.sentenceEnd(t, 0), "one sentence");
    assertTrue(scorer.extract(t, 0, t.count, sc), "the group at the start is seen");
    assertTrue(sc.featureCount <= StereotypeFeatures.MAX_FEATURES);
    Tokens late = new Tokens();
    late.reset("and so on ".repeat(100) + "immigrants are lazy.");
    assertTrue(!scorer.extract(late, 0, late.count, sc), "past the cap nothing is read");
  }
}
