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
