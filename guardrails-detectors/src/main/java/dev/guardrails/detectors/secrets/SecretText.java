package dev.guardrails.detectors.secrets;

import java.nio.charset.StandardCharsets;

/**
 * Small text helpers the secret scanners share: a one-byte-per-char view for the eight-at-a-time
 * skips, Shannon entropy, and the JWT segment check. (The PII package has its own; the two
 * packages keep their internals apart.)
 *
 * <p>Stateless and thread-safe.
 */
final class SecretText {

  private SecretText() {}

  /** The text as one byte per char: chars up to U+00FF as themselves, others as '?'. */
  static byte[] latin1View(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    // the encoder turns a surrogate pair into one '?': then copy char by char
    if (bytes.length == s.length()) {
      return bytes;
    }
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      out[i] = (byte) (c <= 0xFF ? c : '?');
    }
    return out;
  }

  /** ASCII letter or digit. */
  static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Shannon entropy of {@code s[start,end)} in bits per character (chars above 127 count as one). */
  static double entropy(CharSequence s, int start, int end) {
    int[] counts = new int[128];
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      counts[c < 128 ? c : 0]++;
    }
    double n = end - start;
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** Whether a base64url slice decodes to a JSON object (starts with '{' and ends with '}' after trimming). */
  static boolean base64UrlJsonObject(CharSequence s, int start, int end) {
    int len = end - start;
    if (len < 4 || len > 8192) {
      return false;
    }
    byte[] in = new byte[len];
    for (int i = 0; i < len; i++) {
      in[i] = (byte) s.charAt(start + i);
    }
    byte[] dec;
    try {
      dec = java.util.Base64.getUrlDecoder().decode(in);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String json = new String(dec, StandardCharsets.UTF_8).trim();
    return json.length() >= 2 && json.charAt(0) == '{' && json.charAt(json.length() - 1) == '}'
        && json.indexOf('"') > 0;
  }
}
