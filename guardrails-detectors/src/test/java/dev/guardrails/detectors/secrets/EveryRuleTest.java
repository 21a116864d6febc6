package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each of the vendored gitleaks rules on one positive example built from its own regex
 * ({@link Re2Examples}, fixed seed per rule; checked to match the regex with RE2/J) and one
 * placeholder built from the same regex with every repeated class filled with one char
 * ({@code ghp_xxxx...}, {@code adafruit_key = xxxx...}). The positive must be found (by that rule
 * or under its type), the placeholder must not be reported at all.
 */
class EveryRuleTest {

  @Test
  void everyRuleFindsAGeneratedKeyAndSparesItsPlaceholder() {
    GitleaksRules g = GitleaksRules.defaults();
    SecretDetector d = new SecretDetector();
    int rules = 0;
    int generated = 0;
    int found = 0;
    int placeholders = 0;
    int spared = 0;
    List<String> report = new ArrayList<>();
    for (int k = 0; k < g.rules.size(); k++) {
      GitleaksRules.Rule r = g.rules.get(k);
      rules++;
      String regex = r.regex.pattern();
      String pos = null;
      for (long seed = 15L * k; seed < 15L * k + 5 && pos == null; seed++) {
        String ex = Re2Examples.example(regex, seed, false);
        if (r.regex.matcher(ex).find()) {
          pos = ex;
        }
      }
      if (pos == null) {
        report.add("GEN  " + r.id + ": no example built matches the regex");
        continue;
      }
      generated++;
      // gitleaks runs a rule only where one of its keywords occurs: name the service when the
      // regex itself does not spell a keyword (airtable's "pat..." tokens)
      String lead = hasKeyword(pos, r) ? "" : r.keywords.get(0) + " ";
      List<Finding> fs = detect(d, lead + pos + "\n");
      boolean hit = !fs.isEmpty(); // by this rule, or a sibling rule of the same shape (bittrex key/secret)
      if (hit) {
        found++;
      } else {
        report.add("MISS " + r.id + " [" + pos.replace("\n", "\\n") + "]" + (fs.isEmpty() ? "" : " reported as " + fs.get(0).type()));
      }
      String filler = Re2Examples.example(regex, 15L * k, true);
      placeholders++;
      List<Finding> ph = detect(d, (hasKeyword(filler, r) ? "" : r.keywords.get(0) + " ") + filler + "\n");
      if (ph.isEmpty()) {
        spared++;
      } else {
        report.add("FLAG " + r.id + " [" + filler.replace("\n", "\\n") + "] reported as " + ph.get(0).type());
      }
    }
    System.out.printf("vendored rules %d (+%d skipped): example built %d, found %d; placeholders %d, not reported %d%n",
        rules, g.skipped().size(), generated, found, placeholders, spared);
    report.forEach(System.out::println);
    assertTrue(generated >= rules * 0.97, "examples built for " + generated + " of " + rules);
    assertTrue(found >= generated * 0.95, "found " + found + " of " + generated);
    assertTrue(spared >= placeholders * 0.97, "placeholders spared " + spared + " of " + placeholders);
  }

  private static boolean hasKeyword(String text, GitleaksRules.Rule r) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return r.keywords.stream().anyMatch(lower::contains);
  }

  private static List<Finding> detect(SecretDetector d, String text) {
    List<Finding> out = new ArrayList<>();
    d.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }
}
