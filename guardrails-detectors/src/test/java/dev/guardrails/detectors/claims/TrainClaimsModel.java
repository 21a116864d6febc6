package dev.guardrails.detectors.claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The training command (run by {@code tools/claims/train.sh}; skipped in normal builds): computes
 * the features of every labelled response under {@code datasets/claims/} with the current code,
 * writes them to {@value ClaimsData#FEATURE_FILE}, trains {@link ClaimModel} on all sets
 * ({@link ClaimsAccuracyTest#allExcept} with nothing left out) and writes the model resource.
 * Deterministic: a second run writes byte-identical files.
 */
class TrainClaimsModel {

  @Test
  @EnabledIfSystemProperty(named = "claims.train", matches = "true")
  void train() throws IOException {
    Path datasets = ClaimsAccuracyTest.datasets();
    long t0 = System.nanoTime();
    Map<String, List<ClaimsData.Row>> sets = ClaimsData.load(datasets.resolve("claims"));
    ClaimsData.writeFeatures(sets, datasets.resolve(ClaimsData.FEATURE_FILE));
    long t1 = System.nanoTime();
    // Train on the features as stored (6 decimals), exactly what ClaimsAccuracyTest reads back.
    sets = ClaimsData.readFeatures(datasets.resolve(ClaimsData.FEATURE_FILE));
    ClaimModel m = ClaimModelTrainer.train(ClaimsAccuracyTest.allExcept(sets, ""));
    Path out = datasets.getParent().resolve("guardrails-detectors/src/main/resources/dev/guardrails/detectors/claims/"
        + ClaimModel.RESOURCE);
    Files.createDirectories(out.getParent());
    Files.write(out, ClaimModelTrainer.format(m).getBytes(StandardCharsets.UTF_8));
    System.out.printf("features %d ms, model written to %s, threshold %.2f%n", (t1 - t0) / 1_000_000, out, m.threshold);
  }
}
