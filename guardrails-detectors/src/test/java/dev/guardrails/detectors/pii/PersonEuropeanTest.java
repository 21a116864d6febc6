package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PERSON in German, French, Spanish, Italian and Dutch answers ({@code person-eu.tsv}, hand-written
 * and checked by reading): determiners, possessives, ID labels and role nouns are no name, particles
 * between a given name and a surname are. Asserts precision and recall floors over exact spans and
 * prints the figures and each miss.
 */
class PersonEuropeanTest {

  private static final Guardrail GUARD = Guardrail.builder().detector(new PersonDetector()).policy(Policy.reportOnly()).build();

  @Test
  void precisionAndRecallOnEuropeanAnswers() throws IOException {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int rows = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PersonEuropeanTest.class.getResourceAsStream("person-eu.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        String text = cols[1];
        List<int[]> expected = new ArrayList<>();
        for (String name : cols[2].split("\\|")) {
          if (!name.isEmpty()) {
            int at = text.indexOf(name);
            assertTrue(at >= 0, "expected name not in its sentence, row " + rows);
            expected.add(new int[] {at, at + name.length()});
          }
        }
        rows++;
        List<Finding> found = GUARD.check(text, CheckContext.empty()).findings();
        for (Finding f : found) {
          boolean hit = expected.stream().anyMatch(e -> e[0] == f.start() && e[1] == f.end());
          if (hit) {
            tp++;
          } else {
            fp++;
            System.out.println("person-eu FP " + cols[0] + " row " + rows + " [" + f.start() + ", " + f.end() + ") "
                + text.substring(f.start(), f.end()));
          }
        }
        for (int[] e : expected) {
          if (found.stream().noneMatch(f -> f.start() == e[0] && f.end() == e[1])) {
            fn++;
            System.out.println("person-eu FN " + cols[0] + " row " + rows + " " + text.substring(e[0], e[1]));
          }
        }
      }
    }
    double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    System.out.printf("person-eu: %d rows, tp %d fp %d fn %d, precision %.3f recall %.3f%n", rows, tp, fp, fn, precision, recall);
    assertTrue(precision >= PRECISION_FLOOR, "precision must be >= " + PRECISION_FLOOR + ": " + precision);
    assertTrue(recall >= RECALL_FLOOR, "recall must be >= " + RECALL_FLOOR + ": " + recall);
  }

  private static final double PRECISION_FLOOR = 0.93;
  private static final double RECALL_FLOOR = 0.95;
}
