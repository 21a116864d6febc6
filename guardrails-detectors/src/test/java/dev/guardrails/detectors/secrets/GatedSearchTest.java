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

  /** Operators and quotes before a value: with the value's chars, runs of 7 to 14 chars (the gate's edge is 10). */
  private static final String[] OPS = {" = \"", "=", ": ", " => '", ":=", "=\"", " ", "\t=\t"};
  private static final String[] QUOTES = {"\"", "'", " ", "\n", ";", ""};

  /** A random value of {@code len} letters and digits (high entropy, unlike a word). */
  private static String value(Random rnd, int len) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(chars.charAt(rnd.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** Candidates as sorted "rule@start-end" strings, for comparing two searches. */
  static List<String> sorted(List<GitleaksRules.Candidate> cands) {
    List<String> out = new ArrayList<>();
    for (GitleaksRules.Candidate c : cands) {
      out.add(c.rule().id + "@" + c.start() + "-" + c.end());
    }
    java.util.Collections.sort(out);
    return out;
  }

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
    int candidates = 0;
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
          case 2 -> ex = kw + OPS[rnd.nextInt(OPS.length)] + value(rnd, 7 + rnd.nextInt(6)) + QUOTES[rnd.nextInt(QUOTES.length)];
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
      // the rules' candidates too, before the hand findings hide those over the same secret
      String norm = AnalyzedText.of(text).normalized();
      byte[] view = SecretText.latin1View(norm);
      List<GitleaksRules.Candidate> whole = new ArrayList<>();
      g.scan(norm, view, new int[0], 0, whole);
      List<GitleaksRules.Candidate> gated = new ArrayList<>();
      g.scan(norm, view, new int[0], 0, gated, g.gate.blocks(view, norm.length()));
      assertEquals(sorted(whole), sorted(gated), "candidates, text " + it);
      candidates += whole.size();
    }
    System.out.println("gated vs whole-text search: 500 random texts, " + candidates + " rule candidates, the same");
    System.out.println("gated vs whole-text search: 500 random texts, " + compared + " findings, the same");
    assertTrue(compared > 1000, "findings compared: " + compared);
  }

  /**
   * Each rule's own keys (30 generated per rule) alone between spaces, so that a key's run is as
   * short as its regex allows (a quoted eight-char value is a run of exactly ten): the gated
   * search finds the candidates of the search over the whole text.
   */
  @Test
  void everyRulesKeysAtTheShortestRun() {
    GitleaksRules g = GitleaksRules.defaults();
    int compared = 0;
    for (GitleaksRules.Rule r : g.rules) {
      for (long seed = 0; seed < 30; seed++) {
        String text = "Note: " + Re2Examples.example(r.regex().pattern(), seed, false) + " and so on.\n";
        byte[] view = SecretText.latin1View(text);
        List<GitleaksRules.Candidate> whole = new ArrayList<>();
        g.scan(text, view, new int[0], 0, whole);
        List<GitleaksRules.Candidate> gated = new ArrayList<>();
        g.scan(text, view, new int[0], 0, gated, g.gate.blocks(view, text.length()));
        assertEquals(sorted(whole), sorted(gated), r.id + " seed " + seed + ": " + text);
        compared += whole.size();
      }
    }
    System.out.println("gated vs whole-text search on 30 keys of each rule: " + compared + " candidates, the same");
    assertTrue(compared > 3000, "candidates compared: " + compared);
  }

  /**
   * A curl rule's keyword before its trigger literal at the far edge of the keyword's window (and
   * just past it), prose between: the blocks the trigger opens reach back to that keyword.
   */
  @Test
  void triggerRulesAtTheirWindowEdges() {
    GitleaksRules g = GitleaksRules.defaults();
    int found = 0;
    for (String id : new String[] {"curl-auth-header", "curl-auth-user", "kubernetes-secret-yaml"}) {
      GitleaksRules.Rule r = g.rules.stream().filter(x -> x.id.equals(id)).findFirst().orElseThrow();
      int tail = r.tail(4);
      for (int d = -3; d <= 3; d++) {
        // prose between (no run of ten: only the trigger can open the keyword's block), so that the
        // trigger sits at the far edge of the keyword's window, and just past it
        String pad = "an ox " .repeat(Math.max(0, tail - 60 + d * 4) / 6);
        String text = switch (id) {
          case "curl-auth-header" -> "Try: curl " + pad + "-H \"Authorization: Bearer Zq8xK2mP9w\"";
          case "curl-auth-user" -> "Try: curl " + pad + "-u admin:Zq8xK2mP9w ";
          default -> pad + "\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  password: WnE4eEsybVA5d0xy\n";
        };
        List<String> two = findings(text, false);
        assertEquals(two, findings(text, true), id + " at " + d);
        found += two.size();
      }
    }
    assertTrue(found >= 6, "findings: " + found);
  }

  /**
   * A text dense in trigger literals ({@code -h}, {@code -u}, {@code kind:} every few chars, each
   * opening about 24,000 chars of blocks) and runs at the gate's edge stays linear: 1 MB costs about
   * four times 250 KB in thread CPU time (asserted under six, as for the keywords' near-matches).
   */
  @Test
  void denseTriggersStayLinear() {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    String unit = "curl -h -u kind: secret a-Hx \"Zq8xK2mP\" password=\"abcdefgh\" ";
    String big = unit.repeat((1 << 20) / unit.length());
    AnalyzedText quarter = AnalyzedText.of(big.substring(0, big.length() / 4));
    AnalyzedText whole = AnalyzedText.of(big);
    SecretDetector d = new SecretDetector();
    d.detect(AnalyzedText.of(unit.repeat(200)), dev.guardrails.CheckContext.empty(), f -> { });
    long best4 = Long.MAX_VALUE;
    long best1 = Long.MAX_VALUE;
    for (int r = 0; r < 3; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      d.detect(quarter, dev.guardrails.CheckContext.empty(), f -> { });
      long t1 = cpu.getCurrentThreadCpuTime();
      d.detect(whole, dev.guardrails.CheckContext.empty(), f -> { });
      long t2 = cpu.getCurrentThreadCpuTime();
      best4 = Math.min(best4, t1 - t0);
      best1 = Math.min(best1, t2 - t1);
    }
    double ratio = (double) best1 / best4;
    System.out.printf("dense triggers: 250 KB %.2f s, 1 MB %.2f s CPU (x%.1f)%n", best4 / 1e9, best1 / 1e9, ratio);
    assertTrue(ratio < 6, "1 MB costs x" + ratio + " the 250 KB prefix");
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
