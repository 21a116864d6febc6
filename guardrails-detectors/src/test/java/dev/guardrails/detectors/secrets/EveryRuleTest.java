package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    List<String> literal = new ArrayList<>();
    for (int k = 0; k < g.rules.size(); k++) {
      GitleaksRules.Rule r = g.rules.get(k);
      rules++;
      String regex = r.regex().pattern();
      String pos = null;
      for (long seed = 15L * k; seed < 15L * k + 15 && pos == null; seed++) {
        String ex = Re2Examples.example(regex, seed, false);
        if (isKey(r, ex)) {
          pos = ex;
        }
      }
      if (pos == null && HAND_BUILT.containsKey(r.id) && isKey(r, HAND_BUILT.get(r.id))) {
        pos = HAND_BUILT.get(r.id);
        report.add("HAND " + r.id + ": the generator cannot spell its regex; a hand-built key is used");
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
      if (filler.equals(pos)) {
        literal.add(r.id); // the regex is one literal (the bedrock short-lived prefix): no placeholder exists
        continue;
      }
      placeholders++;
      List<Finding> ph = detect(d, (hasKeyword(filler, r) ? "" : r.keywords.get(0) + " ") + filler + "\n");
      if (ph.isEmpty()) {
        spared++;
      } else {
        report.add("FLAG " + r.id + " [" + filler.replace("\n", "\\n") + "] reported as " + ph.get(0).type());
      }
    }
    System.out.printf("vendored rules %d (+%d skipped): example built %d, found %d; placeholders %d, not reported %d"
        + " (no placeholder for a literal regex: %s)%n",
        rules, g.skipped().size(), generated, found, placeholders, spared, literal);
    report.forEach(System.out::println);
    assertEquals(rules, generated, "examples built");
    assertEquals(generated, found, "generated keys found");
    assertEquals(placeholders, spared, "placeholders not reported");
  }

  /**
   * Keys for rules whose regex the generator cannot spell: jwt-base64 wants a base64-encoded JWT,
   * here jwt.io's published example token (HS256, "John Doe") encoded.
   */
  private static final java.util.Map<String, String> HAND_BUILT = java.util.Map.of("jwt-base64",
      java.util.Base64.getEncoder().encodeToString(("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"
          + "IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

  /**
   * Whether {@code ex} is a key gitleaks would report: its regex matches it, the secret passes the
   * rule's entropy and the rule's allowlists, and it survives the text normalization every check runs first (markdown code
   * ticks, emphasis and strike-through marks are dropped; a random {@code ~~} or {@code `} inside
   * a generated value is not a key a chat answer could hold as written).
   */
  private static boolean isKey(GitleaksRules.Rule r, String ex) {
    String norm = AnalyzedText.of(ex + "\n").normalized();
    com.google.re2j.Matcher m = r.regex().matcher(norm);
    if (!m.find()) {
      return false;
    }
    int g = r.group;
    for (int k = 1; g == 0 && k <= m.groupCount(); k++) {
      if (m.start(k) >= 0 && m.end(k) > m.start(k)) {
        g = k;
      }
    }
    if (r.entropy > 0 && SecretText.entropy(norm, m.start(g), m.end(g)) <= r.entropy) {
      return false;
    }
    if (norm.substring(m.start(g), m.end(g)).chars().filter(Character::isLetterOrDigit).distinct().count() < 4) {
      return false; // curl-auth-user's ":K}L": three letters or digits are a placeholder by our policy (docs/secrets.md)
    }
    for (Allowlist a : r.allowlists) {
      if (a.allows(norm, m.start(g), m.end(g), m.start(), m.end())) {
        return false; // kubernetes-secret-yaml's empty value ''
      }
    }
    return true;
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
