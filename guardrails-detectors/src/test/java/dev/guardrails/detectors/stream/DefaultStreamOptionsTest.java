package dev.guardrails.detectors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.guardrails.CheckContext;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;
import org.junit.jupiter.api.Test;

/**
 * With default stream options the hold-back grows to the pipeline's largest window, so even a long
 * secret (a PEM private key block) never leaks while streaming the default pipeline.
 */
class DefaultStreamOptionsTest {

  @Test
  void longPrivateKeyNeverLeaksWithDefaultOptions() {
    StringBuilder key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
    for (int i = 0; i < 30; i++) {
      key.append("MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n".substring(0, 64)).append('\n');
    }
    key.append("-----END RSA PRIVATE KEY-----");
    String text = "Here is the key you asked for:\n" + key + "\nKeep it safe.";
    Guardrail guard = Guardrail.withDefaults();
    String expected = guard.check(text).safeText();
    assertFalse(expected.contains("MIIEpAIBAAKCAQEA"), "the whole-text check redacts the key");
    GuardedStream s = guard.stream(CheckContext.empty());
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i += 7) {
      shown.append(s.accept(text.substring(i, Math.min(text.length(), i + 7))));
      assertFalse(shown.toString().contains("MIIEpAIBAAKC"), "key material emitted while streaming");
    }
    shown.append(s.complete().rest());
    assertEquals(expected, shown.toString());
  }
}
