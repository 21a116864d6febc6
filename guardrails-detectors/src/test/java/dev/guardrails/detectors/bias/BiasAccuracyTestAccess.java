package dev.guardrails.detectors.bias;

import java.io.IOException;
import java.util.List;

/** Lets other test packages read the BOLD sentences that {@link BiasAccuracyTest} loads. */
public final class BiasAccuracyTestAccess {
  private BiasAccuracyTestAccess() {}

  /** Every BOLD neutral sentence in the datasets folder, in file order. */
  public static List<String> boldSentences() throws IOException {
    return BiasAccuracyTest.boldSentences();
  }
}
