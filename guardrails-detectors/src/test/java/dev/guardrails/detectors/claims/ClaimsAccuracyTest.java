package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Response-level accuracy of {@link ClaimChecker} on FRANK validation (375 CNN/DM summaries
 * labelled supported/unsupported by humans): each summary is scored by {@link
 * ClaimChecker.Assessment#score()} (the mean of its two least supported sentences). Prints ROC AUC,
 * balanced accuracy at the best threshold on this file and at the shipped {@link
 * ClaimChecker#RESPONSE_THRESHOLD}, and a 2-fold split (threshold chosen on one half, measured on
 * the other); asserts the floors.
 */
class ClaimsAccuracyTest {

  static Path datasets() {
    String prop = System.getProperty("guardrails.datasets");
    if (prop != null && Files.isDirectory(Paths.get(prop))) {
      return Paths.get(prop);
    }
    Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("datasets"))) {
        return p.resolve("datasets");
      }
      p = p.getParent();
    }
    throw new IllegalStateException("no datasets folder above user.dir");
  }

  @Test
  void frankBalancedAccuracyAndAuc() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Double> scores = new ArrayList<>();
    List<Boolean> unsupported = new ArrayList<>();
    long t0 = System.nanoTime();
    try (BufferedReader r = Files.newBufferedReader(datasets().resolve("claims/frank-validation.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        ClaimChecker.Assessment a = ClaimChecker.assess(row.get("response").asText(),
            List.of(Source.of("article", row.get("source").asText())));
        scores.add(a.score());
        unsupported.add("unsupported".equals(row.get("label").asText()));
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    double auc = auc(scores, unsupported);
    double[] best = bestThreshold(scores, unsupported);
    double atShipped = balancedAccuracy(scores, unsupported, ClaimChecker.RESPONSE_THRESHOLD);
    System.out.printf("FRANK validation (n=%d, %d ms): ROC AUC %.3f; balanced accuracy %.3f at best threshold %.3f,"
        + " %.3f at shipped response threshold %.2f%n", scores.size(), ms, auc, best[0], best[1], atShipped,
        ClaimChecker.RESPONSE_THRESHOLD);
    // 2-fold check (even / odd rows): choose the threshold on one half, measure on the other.
    for (int half = 0; half < 2; half++) {
      List<Double> tuneS = new ArrayList<>();
      List<Boolean> tuneY = new ArrayList<>();
      List<Double> testS = new ArrayList<>();
      List<Boolean> testY = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        boolean tune = i % 2 == half;
        (tune ? tuneS : testS).add(scores.get(i));
        (tune ? tuneY : testY).add(unsupported.get(i));
      }
      double[] t = bestThreshold(tuneS, tuneY);
      System.out.printf("  fold %s: threshold %.3f chosen on the tuning half (balanced accuracy there %.3f);"
          + " held-out half: ROC AUC %.3f, balanced accuracy %.3f%n", half == 0 ? "even->odd" : "odd->even",
          t[1], t[0], auc(testS, testY), balancedAccuracy(testS, testY, t[1]));
    }
    // Issue 5 floors: AUC 0.78, balanced accuracy 0.72. Measured (deterministic) AUC 0.783, balanced
    // accuracy 0.746 (best cut) and 0.741 (shipped cut). The AUC margin is below the file's sampling
    // noise (bootstrap 95% interval about 0.73-0.83): held-out data may land lower; see docs/claims.md.
    assertTrue(auc >= 0.78, "ROC AUC " + auc);
    assertTrue(best[0] >= 0.72, "balanced accuracy " + best[0]);
    assertTrue(atShipped >= 0.72, "balanced accuracy at the shipped response threshold " + atShipped);
  }

  /** AUC as the probability that an unsupported response scores above a supported one (ties 1/2). */
  static double auc(List<Double> s, List<Boolean> y) {
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < s.size(); i++) {
      if (!y.get(i)) {
        continue;
      }
      for (int j = 0; j < s.size(); j++) {
        if (y.get(j)) {
          continue;
        }
        pairs++;
        int c = Double.compare(s.get(i), s.get(j));
        sum += c > 0 ? 1 : c == 0 ? 0.5 : 0;
      }
    }
    return sum / pairs;
  }

  static double balancedAccuracy(List<Double> s, List<Boolean> y, double threshold) {
    int tp = 0;
    int fn = 0;
    int tn = 0;
    int fp = 0;
    for (int i = 0; i < s.size(); i++) {
      boolean flagged = s.get(i) >= threshold;
      if (y.get(i)) {
        if (flagged) {
          tp++;
        } else {
          fn++;
        }
      } else if (flagged) {
        fp++;
      } else {
        tn++;
      }
    }
    return ((double) tp / Math.max(1, tp + fn) + (double) tn / Math.max(1, tn + fp)) / 2;
  }

  static double[] bestThreshold(List<Double> s, List<Boolean> y) {
    double[] cands = s.stream().mapToDouble(Double::doubleValue).distinct().toArray();
    Arrays.sort(cands);
    double[] best = {0, 0};
    for (double t : cands) {
      double ba = balancedAccuracy(s, y, t);
      if (ba > best[0]) {
        best[0] = ba;
        best[1] = t;
      }
    }
    return best;
  }
}
