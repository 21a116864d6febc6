package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Category;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hashed redaction is a keyed HMAC: stable per key, different across keys and random-key instances. */
class HmacRedactionTest {

  private static final Finding EMAIL = Finding.of("d", FindingType.of(Category.PII, "EMAIL"), 0, 16, 0.9, "email");
  private static final String VALUE = "jane@example.com";

  private static String hash(Redactor r, String value) {
    return r.replace(EMAIL, value, new Redactor.Scope());
  }

  @Test
  void keyedHashIsStablePerKeyAndHidesTheValue() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    Redactor a = Redactor.hmac(key);
    Redactor b = Redactor.hmac(key.clone());
    String h = hash(a, VALUE);
    assertTrue(h.matches("<EMAIL:[0-9a-f]{16}>"), h);
    assertEquals(h, hash(a, VALUE), "stable for one instance");
    assertEquals(h, hash(b, VALUE), "stable for one key");
    assertNotEquals(h, hash(a, "john@example.com"), "different values hash differently");
    assertFalse(h.contains("jane") || h.contains("example"));
    // Changing the caller's array afterwards does not change the operator (the key is copied).
    Arrays.fill(key, (byte) 0);
    assertEquals(h, hash(a, VALUE));
    byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    assertNotEquals(h, hash(Redactor.hmac(other), VALUE), "a different key gives a different hash");
  }

  @Test
  void randomKeyDiffersPerInstance() {
    Redactor a = Redactor.hmacWithRandomKey();
    Redactor b = Redactor.hmacWithRandomKey();
    assertEquals(hash(a, VALUE), hash(a, VALUE));
    assertNotEquals(hash(a, VALUE), hash(b, VALUE), "each random-key instance has its own key");
    assertFalse(a.toString().contains(VALUE));
  }

  @Test
  void shortKeysAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Redactor.hmac(new byte[15]));
    assertThrows(NullPointerException.class, () -> Redactor.hmac(null));
  }
}
