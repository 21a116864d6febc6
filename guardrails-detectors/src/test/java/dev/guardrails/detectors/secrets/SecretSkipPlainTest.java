package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The eight-chars-at-a-time skipping in {@link SecretDetector}'s token pass finds exactly what the
 * word-by-word pass finds: random texts built from token prefixes, near misses, key words and
 * separators (so that candidates land at every offset of the 8-byte blocks) give the same findings
 * with and without the skip.
 */
class SecretSkipPlainTest {

  private static final String[] PIECES = {" ", " ", " ", "  ", "\n", "\n\n", "a", "b", "the ", "password",
      "passwd", "token", "secret", "api_key", "auth", "PASSWORD", "AUTH_TOKEN", "\u017Fecret", "=", ":", ": ",
      " = ", "\"", "'", "+", "/", "-", "_", "AKIA", "IOSFODNN7EXAMPLE", "Z3MSJ4QW7RXT5PLN", "ghp_", "sk-", "xoxb-",
      "eyJ", "-----BEGIN ", "RSA PRIVATE KEY-----", "Z2hwX1I4", "QUtJQUlPU0ZPRE5ON0VYQU1QTEU=", "==", "abcdefghij",
      "ABCDEFGHIJ", "0123456789", "1", "9", ".", ",", "Müller", "\u0141", "\u200b", "\uD83D\uDE00", "k_live_",
      "github_pat_", "glpat-", "abc123XYZ789qwe", "kR8#vP2!qL5@", "clientSecret", "=>", "?=", ":=", "--password ",
      "<password>", "</password>", "8f3Kq9Zt2LmX7vR4"};

  private static List<String> run(String text, boolean skip) {
    List<String> out = new ArrayList<>();
    AnalyzedText t = AnalyzedText.of(text);
    SecretDetector.scan(new Hits(t, "secrets", f -> out.add(f.toString())), skip);
    return out;
  }

  @Test
  void skippingFindsWhatTheWordByWordPassFinds() {
    Random r = new Random(7);
    Set<String> types = new HashSet<>();
    for (int it = 0; it < 4000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(50);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(8) == 0 ? String.valueOf((char) (32 + r.nextInt(95))) : PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      List<String> skipping = run(text, true);
      assertEquals(run(text, false), skipping, "case " + it);
      for (String f : skipping) {
        types.add(f.replaceAll(".*type=([A-Z_/]+).*", "$1"));
      }
    }
    // the texts must exercise the scanner's paths, else the comparison proves little
    assertTrue(types.size() >= 3, "finding types seen: " + types);
  }
}
