package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The value-first prefilter ({@link RunGate}) gives the candidates of the keyword search over the
 * whole text: on random texts of every rule's generated keys (whole, cut short, as placeholders,
 * after their keywords at the longest key parts the generic shape allows), near-misses and prose,
 * and on gitleaks' own rule examples.
 */
class RunGateTest {

  private static final String[] PROSE = {"The report covers three areas: onboarding, billing, and account recovery. ",
      "To reset your password, open Settings, choose Security, and follow the prompts. ",
      "Most users find the notification dashboard easier to navigate after the latest update. ",
      "Here is a short example in Java: List<String> names = new ArrayList<>(); ",
      "See https://doi.org/10.1234/abcd.2021.001 for details, or mail maria.rossi@example.com. ",
      "The secret to a good curl of the hair is patience; the key, token and api are words. "};

  private static final String[] GLUE = {" ", "\n", "x", "_", "\"", "= ", ": '", "The key is ", "-", "", "password=",
      "token: \"", "api_key = ", ";", "/", "+", ",", ", ", " => ", "|", "\t", "'", "`", "\\n", ">"};

  private static List<String> candidates(GitleaksRules g, String text, boolean everywhere) {
    byte[] view = SecretText.latin1View(text);
    List<GitleaksRules.Candidate> out = new ArrayList<>();
    if (everywhere) {
      g.scan(text, view, new int[0], 0, out);
    } else {
      g.scan(text, view, new int[0], 0, out, g.gate.blocks(view, text.length()));
    }
    List<String> got = new ArrayList<>();
    for (GitleaksRules.Candidate c : out) {
      got.add(c.rule().id + "@" + c.start() + "-" + c.end());
    }
    java.util.Collections.sort(got);
    return got;
  }

  /** A key part of the generic shape at its longest: the keyword, 20 gap chars, 3 quotes, a four-char operator, 5 quotes. */
  private static String longestKeyPart(String kw, Random rnd) {
    StringBuilder b = new StringBuilder(kw);
    String gap = "a_.-9 ";
    for (int i = 0; i < 20; i++) {
      b.append(gap.charAt(rnd.nextInt(gap.length())));
    }
    b.append(rnd.nextBoolean() ? "\"' " : "   ");
    b.append(rnd.nextBoolean() ? ":::=" : "=");
    b.append(rnd.nextBoolean() ? " \"'` " : "=====");
    return b.toString();
  }

  @Test
  void gateFindsWhatTheWholeTextFinds() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(15);
    int compared = 0;
    int texts = 0;
    for (int it = 0; it < 600; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 10; k++) {
        GitleaksRules.Rule r = g.rules.get(rnd.nextInt(g.rules.size()));
        String ex = Re2Examples.example(r.regex().pattern(), rnd.nextLong(), rnd.nextInt(5) == 0);
        String kw = r.keywords.get(rnd.nextInt(r.keywords.size()));
        switch (rnd.nextInt(6)) {
          case 0 -> ex = kw + GLUE[rnd.nextInt(GLUE.length)] + ex;
          case 1 -> ex = longestKeyPart(kw, rnd) + ex.substring(Math.max(0, ex.length() - 40));
          case 2 -> ex = ex.substring(0, rnd.nextInt(ex.length() + 1)); // cut short: a near-miss
          case 3 -> ex = PROSE[rnd.nextInt(PROSE.length)] + kw + GLUE[rnd.nextInt(GLUE.length)];
          default -> { }
        }
        b.append(ex).append(GLUE[rnd.nextInt(GLUE.length)]);
        if (rnd.nextInt(3) == 0) {
          b.append(PROSE[rnd.nextInt(PROSE.length)]);
        }
      }
      String text = b.toString();
      List<String> whole = candidates(g, text, true);
      assertEquals(whole, candidates(g, text, false), "text " + it);
      compared += whole.size();
      texts++;
    }
    System.out.println("gated vs whole-text keyword search: " + texts + " texts, " + compared + " candidates, the same");
    assertTrue(compared > 1000, "candidates compared: " + compared);
  }

  @Test
  void gateFindsWhatTheWholeTextFindsOnGitleaksExamples() throws Exception {
    GitleaksRules g = GitleaksRules.defaults();
    List<JsonNode> rows = GitleaksSuiteTest.rows();
    int compared = 0;
    StringBuilder joined = new StringBuilder();
    for (JsonNode row : rows) {
      String text = dev.guardrails.text.AnalyzedText.of(row.path("text").asText()).normalized();
      List<String> whole = candidates(g, text, true);
      assertEquals(whole, candidates(g, text, false), row.path("rule").asText() + ": " + text.length() + " chars");
      compared += whole.size();
      joined.append(text).append(PROSE[joined.length() % PROSE.length]);
      if (joined.length() > 20_000) {
        String t = joined.toString();
        assertEquals(candidates(g, t, true), candidates(g, t, false), "joined examples");
        joined.setLength(0);
      }
    }
    System.out.println("gated vs whole-text keyword search on " + rows.size() + " gitleaks examples: " + compared
        + " candidates, the same");
    assertTrue(compared > 2900, "candidates compared: " + compared);
  }

  /**
   * Prose with no long run and no trigger literal opens no block: no keyword search at all, even
   * with keywords in it ("password" now needs its quoted value, a run).
   */
  @Test
  void plainProseOpensNothing() {
    RunGate gate = GitleaksRules.defaults().gate;
    String prose = "Thanks for reaching out! I'm happy to help with your question. The team reviewed the feedback "
        + "and fixed the bug in the latest update. Let me know if there is anything else I can do for you today.";
    assertNull(blocks(gate, prose));
    String word = prose + " Our notification centre lists every change."; // a long word, no operator before it
    assertNull(blocks(gate, word));
    String kw = prose + " Keep the password safe; the secret is a curl of the kind you like: red.";
    assertNull(blocks(gate, kw));
    String trigger = prose + " Run curl -H with your token.";
    assertTrue(blocks(gate, trigger) != null, "a trigger literal opens blocks");
  }

  private static long[] blocks(RunGate gate, String text) {
    return gate.blocks(SecretText.latin1View(text), text.length());
  }

  @Test
  void everyRuleIsGatedOneWay() {
    GitleaksRules g = GitleaksRules.defaults();
    RunGate gate = g.gate;
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, String> triggered = new TreeMap<>();
    for (int r = 0; r < gate.kinds.size(); r++) {
      String k = gate.kinds.get(r);
      kinds.merge(k.startsWith("trigger") ? "trigger" : k, 1, Integer::sum);
      if (k.startsWith("trigger") || k.equals("in-run")) {
        triggered.put(g.rules.get(r).id, k);
      }
    }
    System.out.println("rules by gate: " + kinds + "; by trigger or inside a run: " + triggered + "; triggers "
        + gate.triggerLiterals());
    assertEquals(g.rules.size(), gate.kinds.size());
    // the rules whose runs are too short to gate each have a trigger literal their regex holds
    assertEquals(0, kinds.getOrDefault("everywhere", 0), kinds.toString());
    assertTrue(!gate.searchAll);
    assertEquals("trigger -h", triggered.get("curl-auth-header"));
    assertEquals("trigger -u", triggered.get("curl-auth-user"));
    assertEquals("trigger kind:", triggered.get("kubernetes-secret-yaml"));
    // the quote is a run char: its quoted key ("key=\"Password\"") is a run of 14
    assertEquals("led", gate.kinds.get(ruleIndex(g, "nuget-config-password")));
    assertEquals("in-run", triggered.get("freemius-secret-key"));
    assertEquals("operator", gate.kinds.get(ruleIndex(g, "hashicorp-tf-password")));
    assertTrue(kinds.getOrDefault("led", 0) >= 100 && kinds.getOrDefault("operator", 0) >= 90, kinds.toString());
  }

  private static int ruleIndex(GitleaksRules g, String id) {
    for (int r = 0; r < g.rules.size(); r++) {
      if (g.rules.get(r).id.equals(id)) {
        return r;
      }
    }
    throw new AssertionError(id);
  }
}
