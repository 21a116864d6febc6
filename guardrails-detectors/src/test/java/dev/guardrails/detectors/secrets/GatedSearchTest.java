package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The detector with its keyword search gated ({@link RunGate#blocks}: only in the blocks the runs
 * and trigger literals open) reports what it reports with the search over the whole text: on random texts of
 * every rule's keys, placeholders, keys cut short, keywords before them, runs of 9 to 11 chars,
 * trigger rules' keywords at the edges of their windows; and on gitleaks' rule examples.
 */
class GatedSearchTest {

  private static final String[] FILL = {" ", "\n", "the ", "and so on. ", "x", "\"", "'", ": ", "= ", ", ", "-", "_",
      "abcdefghi", "abcdefghij", "abcdefghijk", "\"abcdefgh\"", "a.b.c.d.e.f", "key", "password ", "secret ",
      "kind: ", "curl ", "-H ", "-u ", "data:\n  ", "<add key=\"Password\" value=\"", "AKIAIOSFODNN7EXAMPLE",
      "Here is a short example in Java: List<String> names = new ArrayList<>(); "};

  private static List<String> findings(String text, boolean gated) {
    List<String> out = new ArrayList<>();
    new SecretDetector().detect(AnalyzedText.of(text), f -> out.add(f.toString()), gated);
    return out;
  }

  @Test
  void gatedSearchReportsWhatTheWholeTextSearchReports() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(1515);
    int compared = 0;
    for (int it = 0; it < 500; it++) {
      StringBuilder b = new StringBuilder();
      int pieces = 1 + rnd.nextInt(16);
      for (int k = 0; k < pieces; k++) {
        GitleaksRules.Rule r = g.rules.get(rnd.nextInt(g.rules.size()));
        String ex = Re2Examples.example(r.regex().pattern(), rnd.nextLong(), rnd.nextInt(5) == 0);
        String kw = r.keywords.get(rnd.nextInt(r.keywords.size()));
        switch (rnd.nextInt(6)) {
          case 0 -> ex = kw + FILL[rnd.nextInt(FILL.length)] + ex;
          case 1 -> ex = ex.substring(0, rnd.nextInt(ex.length() + 1)); // cut short
          case 2 -> ex = kw + " = \"" + "abcdefghijkl".substring(0, 7 + rnd.nextInt(5)) + "\""; // runs of 9 to 13
          case 3 -> ex = FILL[rnd.nextInt(FILL.length)] + kw;
          default -> { }
        }
        b.append(ex);
        int gap = rnd.nextInt(4);
        for (int q = 0; q < gap; q++) {
          b.append(FILL[rnd.nextInt(FILL.length)]);
        }
      }
      String text = b.toString();
      List<String> two = findings(text, false);
      assertEquals(two, findings(text, true), "text " + it);
      compared += two.size();
    }
    System.out.println("gated vs whole-text search: 500 random texts, " + compared + " findings, the same");
    assertTrue(compared > 1000, "findings compared: " + compared);
  }

  /**
   * A trigger rule's keyword before its trigger literal at the far edge of the keyword's window
   * (and just past it): the blocks the trigger opens reach back to that keyword.
   */
  @Test
  void triggerRulesAtTheirWindowEdges() {
    GitleaksRules g = GitleaksRules.defaults();
    int found = 0;
    for (String id : new String[] {"curl-auth-header", "curl-auth-user", "kubernetes-secret-yaml"}) {
      GitleaksRules.Rule r = g.rules.stream().filter(x -> x.id.equals(id)).findFirst().orElseThrow();
      int tail = r.tail(4);
      for (int d = -3; d <= 3; d++) {
        String pad = "x".repeat(Math.max(0, tail - 80 + d * 9));
        String text = switch (id) {
          case "curl-auth-header" -> "Try: curl https://api.example.com/" + pad + " -H \"Authorization: Bearer Zq8xK2mP9wLr4tVb\"";
          case "curl-auth-user" -> "Try: curl https://api.example.com/" + pad + " -u admin:Zq8xK2mP9wLr4tVb ";
          default -> "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x" + pad + "\ndata:\n  password: WnE4eEsybVA5d0xyNHRWYg==\n";
        };
        List<String> two = findings(text, false);
        assertEquals(two, findings(text, true), id + " at " + d);
        found += two.size();
      }
    }
    assertTrue(found >= 6, "findings: " + found);
  }

  @Test
  void gatedSearchReportsWhatTheWholeTextSearchReportsOnGitleaksExamples() throws Exception {
    List<JsonNode> rows = GitleaksSuiteTest.rows();
    int compared = 0;
    StringBuilder joined = new StringBuilder();
    for (JsonNode row : rows) {
      String text = row.path("text").asText();
      List<String> two = findings(text, false);
      assertEquals(two, findings(text, true), row.path("rule").asText() + ": " + text.length() + " chars");
      compared += two.size();
      joined.append(text).append(FILL[joined.length() % FILL.length]);
      if (joined.length() > 20_000) {
        String t = joined.toString();
        assertEquals(findings(t, false), findings(t, true), "joined examples");
        joined.setLength(0);
      }
    }
    System.out.println("gated vs whole-text search on " + rows.size() + " gitleaks examples: " + compared + " findings, the same");
    assertTrue(compared > 2900, "findings compared: " + compared);
  }
}
