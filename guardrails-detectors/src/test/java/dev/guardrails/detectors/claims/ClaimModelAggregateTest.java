package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The response-level inputs of the claims model, checked against hand-computed values. */
class ClaimModelAggregateTest {

  @Test
  void aggregateIsMaxTopTwoMeanAndPositiveShare() {
    // Logits -1, 2, 0.5, -3: highest 2, top two (2 + 0.5) / 2 = 1.25, mean -1.5 / 4 = -0.375, 2 of 4 above 0.
    assertArrayEquals(new double[] {2, 1.25, -0.375, 0.5}, ClaimModel.aggregate(new double[] {-1, 2, 0.5, -3}), 1e-12);
    // One claim: every input is that claim's logit, share 0 when it is not above 0.
    assertArrayEquals(new double[] {-0.7, -0.7, -0.7, 0}, ClaimModel.aggregate(new double[] {-0.7}), 1e-12);
  }

  @Test
  void shippedModelReadsFourResponseInputs() {
    ClaimModel m = ClaimModel.shipped();
    assertEquals(ClaimModel.RESPONSE_INPUTS + 1, m.response.length);
    double[] zero = new double[ClaimFeatures.COUNT];
    double[] calib = new double[ClaimModel.RESPONSE_INPUTS];
    assertThrows(IllegalArgumentException.class, () -> new ClaimModel(zero, zero, zero, 0, calib, 0.5));
  }
}
