package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Category;
import dev.guardrails.Detector;
import dev.guardrails.FindingType;
import dev.guardrails.Guardrail;
import dev.guardrails.detectors.bias.BiasDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The test tables cover the types the detectors declare, both ways: every PII type a discovered
 * detector declares has positive and negative rows in {@code pii-cases.tsv} (or is named below with
 * the test class that covers it instead), every bias category has rows in
 * {@code biased-sentences.tsv}, and every row of those tables and of the evasion corpus names a
 * type some detector declares. A new type cannot ship untested, and a renamed one cannot leave
 * rows that silently test nothing.
 */
class CoverageTest {

  /**
   * PII types tested outside the table, with the test class that covers each: names and addresses
   * need sentence context the table's one-value rows do not give. US_ITIN came with the peer-suite
   * fixes and has only their positive rows so far (no near-miss negatives: a known gap).
   */
  private static final Map<String, String> TESTED_ELSEWHERE = Map.of(
      "PERSON", "dev.guardrails.detectors.pii.PersonDetectorTest",
      "STREET_ADDRESS", "dev.guardrails.detectors.pii.StreetAddressDetectorTest",
      "US_ITIN", "dev.guardrails.detectors.pii.PeerSuiteFixesTest");

  private static final Guardrail GUARD = Guardrail.builder().discoverDetectors().build();

  private static Set<FindingType> declared() {
    Set<FindingType> out = new java.util.HashSet<>();
    for (Detector d : GUARD.detectors()) {
      out.addAll(d.types());
    }
    return out;
  }

  /** Column 1 of each data row of a tab-separated test resource, with the rows per value. */
  private static Map<String, int[]> firstColumn(Class<?> anchor, String resource, int flagColumn, String positive)
      throws IOException {
    Map<String, int[]> out = new TreeMap<>();
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      assertNotNull(in, resource + " on the test class path");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        int[] n = out.computeIfAbsent(f[0], k -> new int[2]);
        n[flagColumn < 0 || f[flagColumn].equals(positive) ? 0 : 1]++;
      }
    }
    return out;
  }

  @Test
  void everyDeclaredPiiTypeHasCasesAndEveryCaseNamesADeclaredType() throws Exception {
    Map<String, int[]> rows = firstColumn(CoverageTest.class, "/dev/guardrails/detectors/pii/pii-cases.tsv", 1, "pos");
    Set<String> declaredNames = new TreeSet<>();
    Set<String> piiNames = new TreeSet<>();
    for (FindingType t : declared()) {
      declaredNames.add(t.name());
      if (t.category() == Category.PII) {
        piiNames.add(t.name());
      }
    }
    Set<String> untested = new TreeSet<>();
    for (String t : piiNames) {
      int[] n = rows.get(t);
      if ((n == null || n[0] == 0 || n[1] == 0) && !TESTED_ELSEWHERE.containsKey(t)) {
        untested.add(t);
      }
    }
    assertTrue(untested.isEmpty(), "PII types declared by a detector without positive and negative rows in "
        + "pii-cases.tsv (add rows with tools/pii/gen_pii_cases.py, or name their test in TESTED_ELSEWHERE): " + untested);
    Set<String> unknown = new TreeSet<>(rows.keySet());
    unknown.removeAll(declaredNames);
    assertTrue(unknown.isEmpty(), "pii-cases.tsv rows name types no detector declares: " + unknown);
    for (Map.Entry<String, String> e : TESTED_ELSEWHERE.entrySet()) {
      assertTrue(piiNames.contains(e.getKey()), "TESTED_ELSEWHERE names an undeclared type: " + e.getKey());
      Class.forName(e.getValue()); // the covering test exists
    }
  }

  @Test
  void everyBiasCategoryHasSentencesAndEverySentenceNamesACategory() throws IOException {
    Map<String, int[]> rows = firstColumn(CoverageTest.class, "/dev/guardrails/detectors/bias/biased-sentences.tsv", -1, null);
    Set<String> categories = new TreeSet<>(BiasDetector.TYPE_NAMES);
    Set<String> declaredBias = new TreeSet<>();
    for (FindingType t : declared()) {
      if (t.category() == Category.BIAS) {
        declaredBias.add(t.name());
      }
    }
    assertTrue(declaredBias.equals(categories), "BiasDetector.TYPE_NAMES " + categories + " vs declared " + declaredBias);
    Set<String> missing = new TreeSet<>();
    for (String c : categories) {
      if (rows.getOrDefault(c, new int[1])[0] < 10) {
        missing.add(c);
      }
    }
    assertTrue(missing.isEmpty(), "bias categories with fewer than 10 rows in biased-sentences.tsv: " + missing);
    Set<String> unknown = new TreeSet<>(rows.keySet());
    unknown.removeAll(categories);
    assertTrue(unknown.isEmpty(), "biased-sentences.tsv rows name unknown categories: " + unknown);
  }

  @Test
  void everyEvasionCaseNamesADeclaredType() throws IOException {
    Set<FindingType> declared = declared();
    Set<String> unknown = new TreeSet<>();
    for (EvasionCorpusTest.Case c : EvasionCorpusTest.load()) {
      if (!declared.contains(c.type())) {
        unknown.add(c.id() + " " + c.type());
      }
    }
    assertTrue(unknown.isEmpty(), "evasion cases name types no detector declares: " + unknown);
  }
}
