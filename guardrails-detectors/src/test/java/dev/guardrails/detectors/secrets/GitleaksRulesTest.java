package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.text.AnalyzedText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Loading the vendored rules, malformed rule files, and linear time on hostile text. */
class GitleaksRulesTest {

  @Test
  void vendoredRulesLoadAndOnlyThePathOnlyRuleIsSkipped() {
    GitleaksRules g = GitleaksRules.defaults();
    System.out.println("gitleaks rules loaded: " + g.rules.size() + ", skipped: " + g.skipped());
    assertEquals(222, g.rules.size() + g.skipped().size());
    assertEquals(List.of("pkcs12-file (path-only rule)"), g.skipped());
    assertTrue(new SecretDetector().types().contains(GitleaksRules.typeOf("gcp-api-key")));
  }

  static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = GitleaksRules.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * The detector loads {@code gitleaks.rules}, not the TOML: it must be exactly what
   * {@link RuleFile#write} makes of the parsed {@code gitleaks.toml}. The expected file is written to
   * {@code target/gitleaks.rules} each run; after a refresh of the TOML, copy it over the resource.
   */
  @Test
  void theShippedRuleFileIsWhatTheTomlGives() throws Exception {
    String expected = RuleFile.write(GitleaksRules.parse(resource("gitleaks.toml"), "gitleaks.toml"));
    java.nio.file.Path out = java.nio.file.Path.of("target", "gitleaks.rules");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, expected);
    assertEquals(expected, resource("gitleaks.rules"),
        "gitleaks.rules is stale: copy " + out.toAbsolutePath() + " to src/main/resources/dev/guardrails/detectors/secrets/");
    assertEquals(expected, RuleFile.write(GitleaksRules.defaults()), "the rule file reads back to itself");
  }

  /**
   * The shipped rules load from the rule file lazily (each regex compiled on its first keyword
   * hit), without the RE2/J syntax and group-count checks: this eager parse of the TOML does them,
   * and the loaded rules must be the same rules with the same compiled regexes.
   */
  @Test
  void theLazyLoadOfTheShippedRulesEqualsAnEagerParse() throws Exception {
    GitleaksRules eager = GitleaksRules.parse(resource("gitleaks.toml"), "gitleaks.toml");
    GitleaksRules lazy = GitleaksRules.defaults();
    assertEquals(eager.skipped(), lazy.skipped());
    assertEquals(eager.types(), lazy.types());
    assertEquals(eager.rules.size(), lazy.rules.size());
    for (int i = 0; i < eager.rules.size(); i++) {
      GitleaksRules.Rule e = eager.rules.get(i);
      GitleaksRules.Rule l = lazy.rules.get(i);
      assertEquals(e.id, l.id);
      assertEquals(e.regex().pattern(), l.regex().pattern(), e.id);
      assertEquals(e.group, l.group, e.id);
      assertTrue(l.group <= l.regex().groupCount(), e.id + ": secretGroup within the regex's groups");
      assertEquals(e.type, l.type, e.id);
      assertEquals(e.keywords, l.keywords, e.id);
      assertEquals(e.allowlists.size(), l.allowlists.size(), e.id);
    }
  }

  @Test
  void malformedTomlNamesTheRule() {
    String toml = "[[rules]]\nid = \"good-rule\"\nregex = '''abc[0-9]{8}'''\nkeywords = [\"abc\"]\n\n"
        + "[[rules]]\nid = \"broken-rule\"\nregex = '''abc\nkeywords = [\"x\"\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GitleaksRules.parse(toml, "t.toml"));
    assertTrue(e.getMessage().contains("broken-rule") || e.getMessage().contains("good-rule"), e.getMessage());
  }

  @Test
  void badRegexFailsAtLoadNamingTheRule() {
    String toml = "[[rules]]\nid = \"bad-regex\"\nregex = '''abc[0-9'''\nkeywords = [\"abc\"]\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GitleaksRules.parse(toml, "t.toml"));
    assertTrue(e.getMessage().contains("bad-regex"), e.getMessage());
  }

  @Test
  void regexRe2CannotRunIsSkippedNotFatal() {
    String toml = "[[rules]]\nid = \"lookahead\"\nregex = '''abc(?=def)[0-9]{8}'''\nkeywords = [\"abc\"]\n"
        + "[[rules]]\nid = \"fine\"\nregex = '''abc[0-9]{8}'''\nkeywords = [\"abc\"]\n";
    GitleaksRules g = GitleaksRules.parse(toml, "t.toml");
    assertEquals(1, g.rules.size());
    assertEquals(List.of("lookahead (RE2/J cannot compile its regex)"), g.skipped());
  }

  /**
   * About 1 MB of near-matches for every keyword of every rule (the keyword, then a value that
   * almost fits: an operator, a run of token chars one short or broken, no terminator) runs in
   * linear time: RE2/J is linear, each rule's windows are merged, so no char is matched twice
   * per rule, and what a candidate reads around itself (its line for a line allowlist, a PEM end
   * line, the findings it may overlap) is bounded.
   */
  @Test
  void nearMatchesForEveryKeywordTakeLinearTime() {
    GitleaksRules g = GitleaksRules.defaults();
    List<String> kws = new ArrayList<>();
    for (GitleaksRules.Rule r : g.rules) {
      kws.addAll(r.keywords);
    }
    Random rnd = new Random(15);
    StringBuilder b = new StringBuilder();
    String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    while (b.length() < 1_000_000) {
      String kw = kws.get(rnd.nextInt(kws.size()));
      b.append(kw).append(rnd.nextBoolean() ? "_key = \"" : "");
      int len = 8 + rnd.nextInt(60);
      for (int k = 0; k < len; k++) {
        b.append(alnum.charAt(rnd.nextInt(alnum.length())));
      }
      b.append(rnd.nextInt(3) == 0 ? "~" : "").append(kw);
    }
    // Linear time, judged by thread CPU time so that load on a shared machine does not decide it:
    // a quarter of the text must cost about a quarter (quadratic work would cost a sixteenth).
    String all = b.toString();
    AnalyzedText text = AnalyzedText.of(all);
    AnalyzedText quarter = AnalyzedText.of(all.substring(0, all.length() / 4));
    SecretDetector d = new SecretDetector();
    d.detect(AnalyzedText.of("warm up"), CheckContext.empty(), f -> { });
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long tq = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      d.detect(quarter, CheckContext.empty(), f -> { });
      tq = Math.min(tq, mx.getCurrentThreadCpuTime() - c0);
    }
    long c0 = mx.getCurrentThreadCpuTime();
    int[] n = {0};
    d.detect(text, CheckContext.empty(), f -> n[0]++);
    long tall = mx.getCurrentThreadCpuTime() - c0;
    double ratio = (double) tall / Math.max(1, tq);
    System.out.printf("keyword near-matches: 250 KB %.2f s, 1 MB %.2f s CPU (x%.1f), %d findings%n",
        tq / 1e9, tall / 1e9, ratio, n[0]);
    // Linear is x4, quadratic x16. Measured 2026-12-05: x7.2-7.4, 5.8 s: generic-api-key's
    // line-target allowlist regexes read the whole line for each candidate, and this text (like a
    // chat answer) is one 1 MB line. Lines are now read at most 512 chars either side of the match:
    // x3.8, 1.4 s (2026-12-06). The old code fails this bound.
    assertTrue(ratio < 6, "1 MB cost " + ratio + "x the 250 KB prefix: not linear");
    assertTrue(tall < 60_000_000_000L, "1 MB took " + tall / 1e9 + " s of CPU (backtracking would take hours)");
  }

  /**
   * The prefilter finds exactly the keyword occurrences a naive search finds (a two-char keyword
   * only when a token char follows), on random texts built from keywords, their case variants and
   * fragments, at every offset.
   */
  @Test
  void prefilterFindsWhatANaiveSearchFinds() {
    GitleaksRules g = GitleaksRules.defaults();
    List<String> kws = new ArrayList<>();
    for (GitleaksRules.Rule r : g.rules) {
      for (String k : r.keywords) {
        if (!kws.contains(k)) {
          kws.add(k);
        }
      }
    }
    Keywords index = new Keywords(kws, kws.stream().map(k -> new int[0]).toList());
    Random rnd = new Random(3);
    String tokenChars = "abcdefghijklmnopqrstuvwxyz0123456789_.~+/=-";
    for (int it = 0; it < 2000; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        String w = kws.get(rnd.nextInt(kws.size()));
        int cut = rnd.nextInt(4) == 0 ? rnd.nextInt(w.length()) : w.length();
        String piece = w.substring(0, cut);
        b.append(rnd.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
        b.append(" .xK9_-Aé".charAt(rnd.nextInt(9)));
      }
      String text = b.toString();
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        for (int k = 0; k < kws.size(); k++) {
          String w = kws.get(k);
          boolean twoCharOk = w.length() > 2 || (i + 2 < text.length() && tokenChars.indexOf(lower.charAt(i + 2)) >= 0);
          if (lower.startsWith(w, i) && twoCharOk) {
            expected.add(i + ":" + w);
          }
        }
      }
      List<String> actual = new ArrayList<>();
      Keywords.Cursor c = index.cursor(SecretText.latin1View(text));
      while (c.next()) {
        actual.add(c.start() + ":" + kws.get(c.keyword()));
      }
      java.util.Collections.sort(expected);
      java.util.Collections.sort(actual);
      assertEquals(expected, actual, "case " + it);
    }
  }

  /** Clean prose: the prefilter pass alone, a few windows at most (smoke check of the fast path). */
  @Test
  void cleanTextIsCheap() {
    String para = "The committee met on Tuesday to review the plan. They asked whether the task was done, "
        + "and the answer was yes: the key points were agreed and the survey results looked fine. ";
    StringBuilder b = new StringBuilder();
    while (b.length() < 1_000_000) {
      b.append(para);
    }
    AnalyzedText text = AnalyzedText.of(b.toString());
    SecretDetector d = new SecretDetector();
    List<Object> out = new ArrayList<>();
    d.detect(text, CheckContext.empty(), out::add);
    long t0 = System.nanoTime();
    d.detect(text, CheckContext.empty(), out::add);
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("1 MB clean prose: %.3f s%n", secs);
    assertEquals(List.of(), out);
    assertTrue(secs < 2, "took " + secs + " s");
  }

  /**
   * generic-api-key's line allowlist ({@code --mount=type=secret,} on the secret's line) still
   * spares a value on a short line and on a line longer than the bounded read, and does not reach
   * over a newline.
   */
  @Test
  void lineAllowlistReadsTheLineAroundTheMatch() {
    String value = "api_key = \"Zq8Rw2Lm5Tx9Vb3Nc7Hd\"";
    String spared = "RUN --mount=type=secret,id=x " + value + "\n";
    String pad = "word ".repeat(400); // 2,000 chars: the line is longer than the bounded read
    assertEquals(0, GitleaksSuiteTest.detect(spared).size());
    assertEquals(0, GitleaksSuiteTest.detect(pad + spared + pad).size());
    assertEquals(1, GitleaksSuiteTest.detect("RUN --mount=type=secret,id=x\n" + value + "\n").size());
    assertEquals(1, GitleaksSuiteTest.detect(value + "\n").size());
  }
}
