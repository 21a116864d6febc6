package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {

  private static Finding f(Category c, String type, double score) {
    return Finding.of("t", FindingType.of(c, type), 0, 1, score, "m");
  }

  @Test
  void typeRulesOverrideCategoryRulesAndThresholdsPickTheHighestMatch() {
    Policy p = Policy.builder()
        .defaultAction(Action.FLAG)
        .rule(Category.PII, 0.0, Action.FLAG)
        .rule(Category.PII, 0.5, Action.REDACT)
        .rule(FindingType.of(Category.PII, "EMAIL"), 0.9, Action.BLOCK)
        .build();
    assertEquals(Action.FLAG, p.decide(f(Category.PII, "PHONE", 0.4)));
    assertEquals(Action.REDACT, p.decide(f(Category.PII, "PHONE", 0.5)));
    assertEquals(Action.BLOCK, p.decide(f(Category.PII, "EMAIL", 0.95)));
    assertEquals(Action.ALLOW, p.decide(f(Category.PII, "EMAIL", 0.8)), "below every type threshold");
    assertEquals(Action.FLAG, p.decide(f(Category.BIAS, "X", 0.1)), "default");
  }

  @Test
  void presetsBehaveAsDocumented() {
    assertEquals(Action.REDACT, Policy.defaults().decide(f(Category.SECRET, "AWS_ACCESS_KEY", 0.9)));
    assertEquals(Action.BLOCK, Policy.strict().decide(f(Category.SECRET, "AWS_ACCESS_KEY", 0.9)));
    assertEquals(Action.REDACT, Policy.strict().decide(f(Category.BIAS, "GENDERED", 0.6)));
    assertEquals(Action.BLOCK, Policy.strict().decide(f(Category.CLAIM, "CONTRADICTED", 0.8)));
    assertEquals(Action.ALLOW, Policy.lenient().decide(f(Category.PII, "PERSON", 0.4)));
    assertEquals(Action.FLAG, Policy.reportOnly().decide(f(Category.SECRET, "X", 1.0)));
    assertEquals(Policy.strict(), Policy.preset(" Strict "));
  }

  @Test
  void parsesPolicyFiles() {
    Policy p = Policy.parse(String.join("\n",
        "# team policy",
        "extends defaults",
        "default = ALLOW",
        "BIAS >= 0.8 = REDACT   # strong bias only",
        "PII/EMAIL = BLOCK",
        "redact BIAS = rewrite",
        "redact PII/CREDIT_CARD = mask:#:4",
        ""));
    assertEquals(Action.BLOCK, p.decide(f(Category.PII, "EMAIL", 0.1)));
    assertEquals(Action.REDACT, p.decide(f(Category.PII, "PHONE", 0.9)), "inherited from defaults");
    assertEquals(Action.REDACT, p.decide(f(Category.BIAS, "GENDERED", 0.9)));
    assertEquals(Action.FLAG, p.decide(f(Category.BIAS, "GENDERED", 0.5)), "inherited BIAS rule at 0.0");
    assertEquals(Action.ALLOW, p.decide(f(Category.OTHER, "X", 0.5)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PII = REDAKT|policy line 1: action must be ALLOW, FLAG, REDACT or BLOCK: REDAKT",
      "PIIX = FLAG|policy line 1: target must be default, a category (PII, SECRET, BIAS, CLAIM, OTHER) or CATEGORY/TYPE: PIIX",
      "PII >= high = FLAG|policy line 1: score must be a number in [0, 1]: high",
      "PII >= 1.5 = FLAG|policy line 1: rule minimum score must be in [0, 1]: 1.5",
      "just words|policy line 1: expected 'TARGET [ATTRIBUTE] [>= SCORE] = ACTION' or 'redact TARGET = OPERATOR'",
      "redact PII = scramble|policy line 1: redaction operator must be one of tag, numbered, mask[:CHAR:KEEP], hash, rewrite, fixed:TEXT: scramble",
      "PII/email = FLAG|policy line 1: type name must match [A-Z0-9_]+: email",
      "extends nothing|policy line 1: policy preset must be defaults, strict, lenient or report-only: nothing",
  })
  void parseErrorsNameTheLineAndTheProblem(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policy.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void laterLinesAreNumbered() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Policy.parse("# c\n\nPII = FLAG\nPII = BLOCK\n"));
    assertEquals("policy line 4: rule for PII >= 0.0 was already added", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII = FLAG\nextends strict"));
  }

  @Test
  void toStringNamesThePreset() {
    assertTrue(Policy.strict().toString().startsWith("Policy[strict"));
  }
}
