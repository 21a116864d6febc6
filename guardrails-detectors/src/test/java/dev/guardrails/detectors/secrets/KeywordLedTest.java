package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether every match of a regex starts with a keyword: hand-read rows, and generated matches of the vendored rules. */
class KeywordLedTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; akia asia abia acca a3t; true",
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; akia asia abia acca; false",
      "~(?i)\\b(ghp_[0-9a-zA-Z]{36})~; ghp_; true",
      "~(?i)[\\w.-]{0,50}?(?:key)=x~; key; false",
      "(?:ab)?cd; ab; false",
      "(?:ab)?cd; ab cd; true",
      "x*key; key; false",
      "[Kk]ey; key; true",
      "[Kk]?ey; key; false",
      "[Kx]ey; key; false",
      "[K-k]ey; key; false",
      "passw(?:or)?d=; passwd password; true",
      "passw(?:or)?d=; password; false",
      "(?-i:[Aa]pi|API)_; api; true",
      "k.y; k; true",
      "~\\Qkey\\E~; key; false",
      "; key; false",
  })
  void startsWithAKeyword(String regex, String keywords, boolean expected) {
    assertEquals(expected, KeywordLed.test(regex == null ? "" : regex, List.of(keywords.split(" "))), regex);
  }

  /**
   * The fixed-length rules whose windows skip the regex at a placeholder find exactly the fixed
   * windows' candidates (which always run it) on texts of their keys, half of them turned into
   * placeholders (runs of one char, {@code EXAMPLE}), glued, cut short or next to each other.
   */
  @Test
  void placeholderSkipFindsWhatTheRegexFinds() {
    GitleaksRules g = GitleaksRules.defaults();
    List<GitleaksRules.Rule> fixed = g.rules.stream().filter(r -> r.fixed > 0).toList();
    Random rnd = new Random(13);
    String[] glue = {" ", "\n", "x", "_", "\"", "= ", "-", "", "AKIA", "."};
    int compared = 0;
    int placeholders = 0;
    for (int it = 0; it < 300; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 10; k++) {
        GitleaksRules.Rule r = fixed.get(rnd.nextInt(fixed.size()));
        String ex = Re2Examples.example(r.source, rnd.nextLong(), rnd.nextInt(4) == 0);
        int kw = ex.length() > 8 ? 4 + rnd.nextInt(3) : ex.length();
        if (rnd.nextBoolean() && kw < ex.length()) {
          char[] body = ex.toCharArray();
          int from = kw + rnd.nextInt(ex.length() - kw);
          if (rnd.nextBoolean()) {
            java.util.Arrays.fill(body, kw, body.length, body[kw]);
          } else if (from + 7 <= body.length) {
            "EXAMPLE".getChars(0, 7, body, from);
          }
          ex = new String(body);
          placeholders++;
        }
        if (rnd.nextInt(4) == 0) {
          ex = ex.substring(0, rnd.nextInt(ex.length() + 1));
        }
        b.append(ex).append(glue[rnd.nextInt(glue.length)]);
      }
      String text = b.toString();
      byte[] view = SecretText.latin1View(text);
      List<GitleaksRules.Candidate> actual = new java.util.ArrayList<>();
      g.scan(text, view, actual);
      List<String> got = new java.util.ArrayList<>();
      for (GitleaksRules.Candidate c : actual) {
        got.add(c.rule().id + "@" + c.start() + "-" + c.end());
      }
      java.util.Collections.sort(got);
      assertEquals(RegexReachTest.fixedWindows(g, text, view), got, "text " + it);
      compared += got.size();
    }
    System.out.println("fixed-length rules " + fixed.stream().map(r -> r.id).toList() + ": " + compared
        + " candidates the same, " + placeholders + " placeholders");
    assertTrue(g.rules.stream().anyMatch(r -> r.id.equals("aws-access-token") && r.fixed == 20), "aws-access-token");
    assertTrue(compared > 300, "candidates compared: " + compared);
  }

  /**
   * Every vendored rule read as keyword-led: matches of its generated keys, glued after random
   * text, start with one of its keywords (case aside).
   */
  @Test
  void vendoredLedRulesMatchFromAKeyword() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(9);
    int led = 0;
    int matches = 0;
    for (GitleaksRules.Rule r : g.rules) {
      if (!r.led) {
        continue;
      }
      led++;
      Pattern p = r.regex();
      for (int k = 0; k < 20; k++) {
        String text = "x" + Re2Examples.example(r.source, rnd.nextLong(), rnd.nextBoolean()) + " ";
        Matcher m = p.matcher(text);
        while (m.find()) {
          String at = text.substring(m.start()).toLowerCase(Locale.ROOT);
          assertTrue(r.keywords.stream().anyMatch(at::startsWith), r.id + " at " + m.start());
          matches++;
        }
      }
    }
    System.out.println("keyword-led vendored rules: " + led + " of " + g.rules.size() + ", matches checked: " + matches);
    assertTrue(g.rules.stream().anyMatch(r -> r.id.equals("aws-access-token") && r.led), "aws-access-token");
    assertTrue(g.rules.stream().anyMatch(r -> r.id.equals("generic-api-key") && r.led), "generic-api-key");
    assertTrue(led > 50 && matches > 1000, "led " + led + ", matches " + matches);
  }
}
