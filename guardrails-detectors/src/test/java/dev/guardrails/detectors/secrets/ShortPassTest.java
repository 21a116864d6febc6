package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The short pass ({@link RunGate#shortPass}) skips a layer only where it cannot match: on random
 * texts of the hand scanners' kinds, every rule's keywords and generated keys, gitleaks' rule
 * examples, near misses, runs of 9 to 11 chars and keywords at the text's edges, (1) where it says
 * the hand scanners may not find anything, the word-by-word pass finds nothing, (2) the keyword
 * search in the blocks it marks gives the candidates of the search over the whole text, and (3)
 * the detector's short path reports what its reference path reports.
 */
class ShortPassTest {

  /** Hand scanners' kinds, their near misses, key words and separators. */
  private static final String[] HAND = {" ", " ", " ", "\n", "a", "the ", "password", "passwd", "pwd", "token",
      "secret", "api_key", "auth", "PASSWORD", "AUTH_TOKEN", "db_password", "my-secret", "=", ":", ": ", " = ", "\"",
      "'", "\" :", "' =", "+", "/", "-", "--", "_", ">", "<", "AKIA", "ASIA", "IOSFODNN7EXAMPLE", "Z3MSJ4QW7RXT5PLN",
      "Z3MSJ4QW7RXT5PL", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk_live_", "rk_live_", "pk_live_",
      "sk-", "sk-proj-", "eyJ", "eyJhbGciOiJIUzI1NiJ9", ".", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "-----BEGIN ",
      "RSA PRIVATE KEY-----", "-----END ", "MIIEowIBAAKCAQEA", "abcdefghi", "abcdefghij", "abcdefghijk", "ABCDEFGHIJ",
      "0123456789", "1234567890123456789012345678901234567890", "8f3Kq9Zt2LmX7vR4", "kR8#vP2!qL5@", "aB3dE5gH7j",
      "k_live_", "--password ", "--token=", "<password>", "</password>", "Müller", "\u0141", "\uD83D\uDE00",
      "Here is the answer, with no secret in it. ", "ghp_R8kLm2Qx7Zt9Vb3Nc5Hd1Jf6Gs4Pw0Ya2Ue", "xoxb-1234567890-abcdefghijKL",
      "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "glpat-R8kLm2Qx7Zt9Vb3Nc5Hd", "AKIAZ3MSJ4QW7RXT5PLN", "--password hunter2Xy9!"};

  /** Base64 of a key assignment (the hand scanners decode such runs), whole, padded or cut short. */
  private static String base64(Random r) {
    String[] inner = {"password=Zx8Kq2Lm9Vt4", "AKIAZ3MSJ4QW7RXT5PLN", "pwd=abc", "hello world, plain", "token: R8kLm2Qx7Zt9",
        "pwd=Zx8Kq2L9"}; // the last: twelve bytes, sixteen base64 chars, the shortest payload with a secret
    String b = Base64.getEncoder().encodeToString(inner[r.nextInt(inner.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return r.nextBoolean() ? b : b.substring(0, r.nextInt(b.length() + 1));
  }

  /** A run of {@code len} token chars: letters, or mixed with digits (9 to 11 chars sit at the pass's edge). */
  private static String run(Random r, int len) {
    String chars = r.nextBoolean() ? "abcdefghijklmnopqrstuvwxyz" : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }

  private static List<String> findings(String text, int path) {
    List<String> out = new ArrayList<>();
    new SecretDetector().detect(AnalyzedText.of(text), f -> out.add(f.toString()), path);
    return out;
  }

  /** Counts: [texts, hand pass skipped, hand findings, rules skipped, candidates, findings]. */
  private static void compare(String text, int[] counts) {
    GitleaksRules g = GitleaksRules.defaults();
    String norm = AnalyzedText.of(text).normalized();
    byte[] view = SecretText.latin1View(norm);
    RunGate.Marks m = new RunGate.Marks();
    boolean hand = g.gate.shortPass(view, norm.length(), m);
    if (hand) {
      g.gate.rest(view, norm.length(), m);
    }
    long[] blocks = m.set ? java.util.Arrays.copyOf(m.bits, m.words) : null;
    List<String> handFound = new ArrayList<>();
    SecretDetector.scan(new Hits(AnalyzedText.of(text), "secrets", f -> handFound.add(f.toString())), false);
    if (!hand) {
      assertEquals(List.of(), handFound, "the pass skipped the hand scanners: " + text);
      counts[1]++;
    }
    counts[2] += handFound.size();
    List<GitleaksRules.Candidate> whole = new ArrayList<>();
    g.scan(norm, view, new int[0], 0, whole);
    List<GitleaksRules.Candidate> gated = new ArrayList<>();
    g.scan(norm, view, new int[0], 0, gated, blocks);
    assertEquals(GatedSearchTest.sorted(whole), GatedSearchTest.sorted(gated), "candidates: " + text);
    if (blocks == null) {
      counts[3]++;
    }
    counts[4] += whole.size();
    List<String> ref = findings(text, SecretDetector.WHOLE);
    assertEquals(ref, findings(text, SecretDetector.SHORT), "findings: " + text);
    counts[5] += ref.size();
    counts[0]++;
  }

  @Test
  void handScannersAreSkippedOnlyWhereTheyFindNothing() {
    Random r = new Random(1919);
    int[] counts = new int[6];
    for (int it = 0; it < 6000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(12);
      for (int k = 0; k < len; k++) {
        switch (r.nextInt(10)) {
          case 0 -> b.append((char) (32 + r.nextInt(95)));
          case 1 -> b.append(base64(r));
          case 2 -> b.append(run(r, 9 + r.nextInt(3)));
          default -> b.append(HAND[r.nextInt(HAND.length)]);
        }
      }
      compare(b.toString(), counts);
    }
    System.out.printf("short pass, hand kinds: %d texts, hand pass skipped on %d (no finding missed; %d found on the"
        + " others), rules skipped on %d, %d candidates and %d findings the same%n",
        counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    // the texts must reach both sides of every check, else the comparison proves little
    assertTrue(counts[1] > 500 && counts[1] < counts[0] - 1500, "texts whose hand pass was skipped: " + counts[1]);
    assertTrue(counts[2] > 800, "hand findings: " + counts[2]);
  }

  @Test
  void rulesAreSkippedOnlyWhereTheyFindNothing() throws IOException {
    GitleaksRules g = GitleaksRules.defaults();
    List<String> examples = new ArrayList<>();
    for (JsonNode row : GitleaksSuiteTest.rows()) {
      examples.add(row.get("text").asText());
    }
    String[] fill = {" ", "\n", "the ", "x", "\"", ": ", "= ", ", ", "-", "_", "-H ", "-u ", "kind: ", "curl ",
        "Authorization: Bearer ", "Here is a short answer. "};
    Random r = new Random(1515);
    int[] counts = new int[6];
    for (int it = 0; it < 3000; it++) {
      StringBuilder b = new StringBuilder();
      int pieces = 1 + r.nextInt(6);
      for (int k = 0; k < pieces; k++) {
        GitleaksRules.Rule rule = g.rules.get(r.nextInt(g.rules.size()));
        String kw = rule.keywords.get(r.nextInt(rule.keywords.size()));
        String ex = switch (r.nextInt(8)) {
          case 0 -> examples.get(r.nextInt(examples.size()));
          case 1 -> kw; // a keyword alone, at an edge when first or last
          case 2 -> kw + fill[r.nextInt(fill.length)] + run(r, 9 + r.nextInt(3));
          case 3 -> kw + "=" + run(r, 8 + r.nextInt(6));
          default -> {
            String e = Re2Examples.example(rule.regex().pattern(), r.nextLong(), r.nextInt(5) == 0);
            yield r.nextInt(4) == 0 ? e.substring(0, r.nextInt(e.length() + 1)) : e; // cut short: a near miss
          }
        };
        b.append(ex);
        if (r.nextBoolean()) {
          b.append(fill[r.nextInt(fill.length)]);
        }
      }
      compare(b.toString(), counts);
    }
    System.out.printf("short pass, rules: %d texts, hand pass skipped on %d, rules skipped on %d, %d candidates and"
        + " %d findings the same%n", counts[0], counts[1], counts[3], counts[4], counts[5]);
    assertTrue(counts[4] > 1500, "candidates compared: " + counts[4]);
    assertTrue(counts[3] > 40, "texts whose rules were skipped: " + counts[3]);
  }

  /** Plain prose, the common case: neither layer runs; a key word, a long token or a trigger wakes one. */
  @Test
  void plainProseSkipsBothLayers() {
    RunGate gate = GitleaksRules.defaults().gate;
    String[] quiet = {"Sure! Here is a short answer about the weather in Paris today.",
        "My name is John Smith and I live at 12 Main St in Paris.", "Call me at (555) 123 4567, any day.",
        "The keyword is not here: just words."};
    for (String s : quiet) {
      RunGate.Marks m = new RunGate.Marks();
      assertEquals(false, gate.shortPass(SecretText.latin1View(s), s.length(), m), s);
      assertEquals(false, m.set, s);
    }
    String[] hand = {"password: Zx8Kq2Lm9Vt4", "key AKIAZ3MSJ4QW7RXT5PLN here", "<token>x</token>", "--password hunter2"};
    for (String s : hand) {
      assertEquals(true, gate.shortPass(SecretText.latin1View(s), s.length(), new RunGate.Marks()), s);
    }
    String trig = "curl -H x";
    RunGate.Marks m = new RunGate.Marks();
    gate.shortPass(SecretText.latin1View(trig), trig.length(), m);
    assertEquals(true, m.set, trig);
  }
}
