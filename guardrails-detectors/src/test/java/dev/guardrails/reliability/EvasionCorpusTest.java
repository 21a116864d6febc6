package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.text.Span;
import dev.guardrails.detectors.bias.BiasDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures how much of the evasion corpus ({@code evasion-corpus.jsonl}: PII, secrets and biased
 * phrases disguised with zero-width and bidi characters, full-width and other Unicode digits,
 * homoglyphs, spaced digits, {@code [at]}, line breaks, HTML entities, Markdown, base64) the
 * default pipeline catches. A case is caught when a finding of its expected type (or, for cases with
 * {@code accept}, of that category) overlaps the expected substring in the ORIGINAL text.
 *
 * <p>The rate is printed per disguise kind and per type. The >= 95% floor applies to cases whose
 * expected type some discovered detector declares; the others are counted and printed as pending.
 *
 * <p>A case may name detector {@code options} it needs beyond the defaults: gendered role nouns
 * (chairman, policemen) are flagged only with {@link BiasDetector.Builder#genderedRoleNouns(boolean)},
 * which is off by default on purpose (they are ordinary in biographies). Such cases run through a
 * pipeline with that option on and are counted separately in the printout.
 */
class EvasionCorpusTest {

  private static final double FLOOR = 0.95;

  /** The only detector option a case may require. */
  static final String ROLE_NOUNS = "genderedRoleNouns";

  record Case(String id, String kind, FindingType type, String text, String expected, String accept,
      Set<String> options) {}

  static List<Case> load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    try (InputStream in = EvasionCorpusTest.class.getResourceAsStream("evasion-corpus.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Set<String> options = new HashSet<>();
        if (n.has("options")) {
          n.get("options").forEach(o -> options.add(o.asText()));
        }
        cases.add(new Case(n.get("id").asText(), n.get("kind").asText(), FindingType.parse(n.get("type").asText()),
            n.get("text").asText(), n.get("expected").asText(), n.has("accept") ? n.get("accept").asText() : null,
            Set.copyOf(options)));
      }
    }
    return cases;
  }

  static boolean caught(Case c, List<Finding> findings) {
    int at = c.text().indexOf(c.expected());
    Span expected = new Span(at, at + c.expected().length());
    for (Finding f : findings) {
      boolean typeOk = f.type().equals(c.type())
          || (c.accept() != null && f.category().name().equals(c.accept()));
      if (typeOk && f.span().overlaps(expected)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void corpusIsWellFormedAndLargeEnough() throws IOException {
    List<Case> cases = load();
    assertTrue(cases.size() >= 200, "corpus must hold >= 200 cases: " + cases.size());
    Set<String> ids = new HashSet<>();
    for (Case c : cases) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.id());
      // caught() locates the value with indexOf: it must be a non-blank, trimmed value that occurs
      // exactly once, inside a longer text (a disguised value in context, not the bare value)
      assertTrue(!c.expected().isBlank() && c.expected().equals(c.expected().strip()),
          "expected value must be non-blank and trimmed in " + c.id());
      int at = c.text().indexOf(c.expected());
      assertTrue(at >= 0, "expected substring missing in " + c.id());
      assertEquals(-1, c.text().indexOf(c.expected(), at + 1), "expected value occurs twice in " + c.id());
      assertTrue(c.text().length() > c.expected().length(), "text is only the bare value in " + c.id());
      assertTrue(Set.of(ROLE_NOUNS).containsAll(c.options()), "unknown option in " + c.id() + ": " + c.options());
    }
  }

  @Test
  void detectionRateOverPresentTypesIsAtLeast95Percent() throws IOException {
    Guardrail guard = Guardrail.builder().discoverDetectors().policy(Policy.reportOnly()).build();
    // Same pipeline, but the bias detector also flags gendered role nouns (off by default).
    Guardrail roleNouns = Guardrail.builder().detector(BiasDetector.builder().genderedRoleNouns(true).build())
        .discoverDetectors().policy(Policy.reportOnly()).build();
    Set<FindingType> present = new HashSet<>();
    for (Detector d : guard.detectors()) {
      present.addAll(d.types());
    }
    List<Case> cases = load();
    Map<String, int[]> byKind = new TreeMap<>(); // caught, scored, skipped
    Map<String, int[]> byType = new TreeMap<>();
    int caught = 0;
    int scored = 0;
    int skipped = 0;
    int withOption = 0;
    List<String> missed = new ArrayList<>();
    for (Case c : cases) {
      int[] k = byKind.computeIfAbsent(c.kind(), x -> new int[3]);
      int[] t = byType.computeIfAbsent(c.type().toString(), x -> new int[3]);
      if (!present.contains(c.type())) {
        k[2]++;
        t[2]++;
        skipped++;
        continue;
      }
      boolean needsRoles = c.options().contains(ROLE_NOUNS);
      withOption += needsRoles ? 1 : 0;
      List<Finding> found = (needsRoles ? roleNouns : guard).check(c.text()).findings();
      for (Finding f : found) {
        assertTrue(f.end() <= c.text().length(), "span outside the text in " + c.id());
      }
      boolean hit = caught(c, found);
      k[1]++;
      t[1]++;
      scored++;
      if (hit) {
        k[0]++;
        t[0]++;
        caught++;
      } else {
        missed.add(c.id());
      }
    }
    System.out.println("[evasion] " + cases.size() + " cases; scored " + scored + " (types on the class path), "
        + "SKIPPED " + skipped + " (detector type not on the class path yet); " + withOption
        + " run with the non-default bias option " + ROLE_NOUNS);
    print("kind", byKind);
    print("type", byType);
    double rate = scored == 0 ? 1.0 : (double) caught / scored;
    System.out.printf("[evasion] overall: %d/%d caught = %.1f%%; missed: %s%n", caught, scored, 100 * rate, missed);
    assertEquals(cases.size(), scored + skipped);
    assertTrue(scored > 0, "no case is scored: is guardrails-detectors on the class path?");
    assertTrue(rate >= FLOOR, String.format("detection rate %.3f below %.2f; missed %s", rate, FLOOR, missed));
  }

  private static void print(String label, Map<String, int[]> m) {
    for (Map.Entry<String, int[]> e : m.entrySet()) {
      int[] v = e.getValue();
      System.out.printf("[evasion] %s %-32s caught %3d/%-3d %6s  skipped %d%n", label, e.getKey(), v[0], v[1],
          v[1] == 0 ? "-" : String.format("%.1f%%", 100.0 * v[0] / v[1]), v[2]);
    }
  }

  /**
   * Issue 14's escape classes: a finding on a JSON {@code \\u0040} or URL {@code %40} escaped value
   * covers the whole escaped form in the original; near misses (a percent sign, escapes of other
   * characters, a dash in a range of small numbers) report no PII.
   */
  @Test
  void escapedValuesMapToTheWholeEscapeAndNearMissesStayClean() {
    Guardrail guard = Guardrail.builder().discoverDetectors().policy(Policy.reportOnly()).build();
    String[][] spans = {
      {"{\"contact\": \"john\\u0040example.com\"}", "john\\u0040example.com"},
      {"see john%40example.com now", "john%40example.com"},
      {"Card 4111\u20121111\u20121111\u20121111 on file", "4111\u20121111\u20121111\u20121111"},
    };
    for (String[] c : spans) {
      int at = c[0].indexOf(c[1]);
      List<Finding> found = guard.check(c[0]).findings();
      assertTrue(found.stream().anyMatch(f -> f.start() == at && f.end() == at + c[1].length()),
          "whole escaped value in " + c[0] + ": " + found);
    }
    String[] clean = {"We got 50% off today", "100%25 sure of it", "a path C:\\u005cdir\\u005cfile",
        "takes 1\u20132 weeks", "pages 10\u201320 of the report", "rate went up 5%2 times", "x%2Fy%3Fz",
        "the \\u0041BC news"};
    for (String t : clean) {
      List<Finding> found = guard.check(t).findings();
      assertTrue(found.stream().noneMatch(f -> f.category().name().equals("PII")), t + ": " + found);
    }
  }
}
