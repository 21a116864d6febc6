package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors of the default {@link BiasDetector}: false-positive rate on every sentence of the
 * BOLD neutral Wikipedia sets, recall per category on a table of clearly biased sentences.
 */
class BiasAccuracyTest {

  private static final Detector DETECTOR = new BiasDetector();
  static final double MAX_FP_RATE = 0.010;
  static final double MIN_RECALL = 0.90;

  static Path datasets() {
    return dev.guardrails.detectors.TestData.datasets();
  }

  static List<Finding> findings(Detector d, String text) {
    List<Finding> out = new ArrayList<>();
    d.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  static List<String> boldSentences() throws IOException {
    List<String> out = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(datasets().resolve("bias/bold-neutral"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
        JsonNode root = mapper.readTree(f.toFile());
        for (Iterator<JsonNode> cats = root.elements(); cats.hasNext(); ) {
          for (Iterator<JsonNode> people = cats.next().elements(); people.hasNext(); ) {
            for (JsonNode s : people.next()) {
              out.add(s.asText());
            }
          }
        }
      }
    }
    return out;
  }

  static List<String[]> biasedTable() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        BiasAccuracyTest.class.getResourceAsStream("biased-sentences.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", 2));
        }
      }
    }
    return rows;
  }

  @Test
  void falsePositiveRateOnNeutralBiographiesAndRecallOnBiasedTable() throws IOException {
    List<String> neutral = boldSentences();
    int flagged = 0;
    Map<String, int[]> fpByType = new TreeMap<>();
    for (String s : neutral) {
      List<Finding> f = findings(DETECTOR, s);
      if (!f.isEmpty()) {
        flagged++;
        for (Finding x : f) {
          fpByType.computeIfAbsent(x.type().name(), k -> new int[1])[0]++;
          if (System.getProperty("bias.debug") != null) {
            System.out.println("FP " + x.type().name() + " [" + s.substring(x.start(), x.end()) + "] " + s);
          }
        }
      }
    }
    double fpRate = flagged / (double) neutral.size();

    Map<String, int[]> recall = new TreeMap<>();
    int hit = 0;
    List<String[]> table = biasedTable();
    for (String[] row : table) {
      boolean ok = findings(DETECTOR, row[1]).stream().anyMatch(x -> x.type().name().equals(row[0]));
      int[] c = recall.computeIfAbsent(row[0], k -> new int[2]);
      c[1]++;
      if (ok) {
        c[0]++;
        hit++;
      } else if (System.getProperty("bias.debug") != null) {
        System.out.println("MISS " + row[0] + " " + row[1]);
      }
    }
    double totalRecall = hit / (double) table.size();

    StringBuilder b = new StringBuilder("\nBias detector accuracy (default configuration)\n");
    b.append(String.format("%-28s %8s %8s%n", "category", "recall", "n"));
    for (Map.Entry<String, int[]> e : recall.entrySet()) {
      b.append(String.format("%-28s %8.3f %8d%n", e.getKey(), e.getValue()[0] / (double) e.getValue()[1], e.getValue()[1]));
    }
    b.append(String.format("%-28s %8.3f %8d%n", "ALL", totalRecall, table.size()));
    b.append(String.format("BOLD neutral: %d of %d sentences flagged, FP rate %.4f; findings by type %s%n",
        flagged, neutral.size(), fpRate, fpByType.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0]).toList()));
    System.out.println(b);

    assertTrue(neutral.size() > 10_000, "BOLD neutral sentences: " + neutral.size());
    assertTrue(table.size() >= 150, "biased table rows: " + table.size());
    for (Map.Entry<String, int[]> e : recall.entrySet()) {
      assertTrue(e.getValue()[1] >= 10, "at least 10 sentences for " + e.getKey());
    }
    assertTrue(recall.keySet().containsAll(BiasDetector.TYPE_NAMES), "every category has rows: " + recall.keySet());
    assertTrue(fpRate <= MAX_FP_RATE, "FP rate " + fpRate);
    assertTrue(totalRecall >= MIN_RECALL, "recall " + totalRecall);
  }
}
