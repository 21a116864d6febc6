package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: PERSON recall per name origin on name-in-context sentences
 * ({@code datasets/names/name-origin-cases.jsonl}, built by {@code tools/pii/gen_name_origin_cases.py}
 * from the CC0 names-by-country lists of Wikipedia's most common names), a source the gazetteers
 * were not built from (they come from Datafaker and the US SSA/Census lists). Prints the table.
 */
class NameOriginTest {

  @Test
  void everyOriginIsFound() throws Exception {
    Guardrail guard = Guardrail.builder().detector(new PersonDetector()).policy(Policy.reportOnly()).build();
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> byOrigin = new TreeMap<>();
    for (String line : Files.readAllLines(PiiAccuracy.datasets().resolve("names/name-origin-cases.jsonl"))) {
      JsonNode r = json.readTree(line);
      int start = r.get("start").asInt();
      int end = r.get("end").asInt();
      int[] c = byOrigin.computeIfAbsent(r.get("origin").asText(), k -> new int[2]);
      c[0]++;
      boolean hit = false;
      for (Finding f : guard.check(r.get("text").asText(), CheckContext.empty()).findings()) {
        if (f.start() < end && start < f.end()) {
          c[1]++;
          hit = true;
          break;
        }
      }
      if (!hit && System.getProperty("origin.misses") != null) {
        System.out.println("MISS " + r.get("origin").asText() + " | " + r.get("text").asText());
      }
    }
    double best = 0;
    double worst = 1;
    StringBuilder table = new StringBuilder("PERSON recall by name origin (names-by-country, CC0)\n");
    for (Map.Entry<String, int[]> e : byOrigin.entrySet()) {
      double r = (double) e.getValue()[1] / e.getValue()[0];
      best = Math.max(best, r);
      worst = Math.min(worst, r);
      table.append(String.format(Locale.ROOT, "  %-18s %5d %6.3f%n", e.getKey(), e.getValue()[0], r));
    }
    table.append(String.format(Locale.ROOT, "  best %.3f worst %.3f gap %.3f%n", best, worst, best - worst));
    System.out.print(table);
    assertTrue(byOrigin.size() >= 12, "origins " + byOrigin.keySet());
    // before the romanization grammars: Korean 0.850, Japanese 0.910, gap 0.150; before the Persian/Turkic/Arabic/
    // Slavic morphology (NameLexicons.originShape): Persian/Turkic 0.945, gap 0.055; now 0.960 worst, gap 0.040
    assertTrue(worst >= 0.95, "an origin below 0.95:\n" + table);
    // the target: every origin within 0.05 of the best (the epsilon absorbs 1.000 - 0.950 in doubles)
    assertTrue(best - worst <= 0.05 + 1e-9, "gap between origins above 0.05:\n" + table);
  }
}
