package dev.guardrails.detectors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;
import org.junit.jupiter.api.Test;

/**
 * With default stream options the hold-back grows to the pipeline's largest window, so even a long
 * secret (a PEM private key block, longer than any window) never leaks while streaming the default
 * pipeline, and a clean answer is never held back much more than that window.
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
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty());
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i += 7) {
      shown.append(s.accept(text.substring(i, Math.min(text.length(), i + 7))));
      assertFalse(shown.toString().contains("MIIEpAIBAAKC"), "key material emitted while streaming");
    }
    shown.append(s.complete().rest());
    assertEquals(expected, shown.toString());
  }

  @Test
  void encryptedKeyWithHeadersIsOneFindingAndLongKeyStreamsEquivalently() {
    String text = "Key:\n-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n"
        + "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n".repeat(60)
        + "-----END RSA PRIVATE KEY-----\nDone.";
    Guardrail guard = Guardrail.withDefaults();
    GuardResult r = guard.check(text);
    assertEquals("Key:\n<PRIVATE_KEY>\nDone.", r.safeText().replaceAll("<PRIVATE_KEY[^>]*>", "<PRIVATE_KEY>"));
    for (int step : new int[] {1, 13, 500}) {
      GuardedStream s = GuardedStream.open(guard, CheckContext.empty());
      StringBuilder shown = new StringBuilder();
      for (int i = 0; i < text.length(); i += step) {
        shown.append(s.accept(text.substring(i, Math.min(text.length(), i + step))));
        assertFalse(shown.toString().contains("MIIEpAIBAAKC"), "key material emitted while streaming");
      }
      shown.append(s.complete().rest());
      assertEquals(r.safeText(), shown.toString(), "chunks of " + step);
    }
  }

  @Test
  void cleanAnswerShowsAfterFourThirdsOfTheLargestWindowAndIsHeldBackAtMostTwice() {
    Guardrail guard = Guardrail.withDefaults();
    int window = 0;
    for (Detector d : guard.detectors()) {
      window = Math.max(window, d.window());
    }
    assertTrue(window <= 1024, "largest window " + window);
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 5000; i++) {
      text.append("Step ").append(i).append(": open the settings page and choose the option you need. ");
    }
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty());
    int accepted = 0;
    int emitted = 0;
    int worst = 0;
    int firstShownAt = -1;
    for (int i = 0; i < text.length(); i += 5) {
      String chunk = text.substring(i, Math.min(text.length(), i + 5));
      accepted += chunk.length();
      emitted += s.accept(chunk).length();
      worst = Math.max(worst, accepted - emitted);
      if (emitted > 0 && firstShownAt < 0) {
        firstShownAt = accepted;
      }
    }
    String rest = s.complete().rest();
    assertEquals(guard.check(text.toString()).safeText().length(), emitted + rest.length());
    assertTrue(firstShownAt > 0 && firstShownAt <= (window * 4 + 2) / 3 + 1 + 5,
        "first text shown after " + firstShownAt + " chars; largest window " + window);
    assertTrue(worst <= 2 * window, "held back " + worst + " chars; largest window " + window);
  }
}
