package dev.guardrails.detectors.secrets;

import static dev.guardrails.detectors.secrets.SecretDetector.PRIVATE_KEY;

/**
 * PEM private key blocks: {@code -----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----} through
 * the {@code -----END ...-----} line that directly follows the body (or, when the end is cut off,
 * through the body), bounded by {@link SecretDetector#MAX_PEM} characters.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class Pem {

  private Pem() {}

  /** Reports the block starting at {@code i} ("-----BEGIN " known); returns its end or -1. */
  static int block(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int p = i + 11;
    int limit = Math.min(n, i + 80);
    while (p < limit && ((s.charAt(p) >= 'A' && s.charAt(p) <= 'Z') || s.charAt(p) == ' ')) {
      p++;
    }
    if (!s.startsWith("-----", p) || p - i < 11 + 11 || !s.regionMatches(p - 11, "PRIVATE KEY", 0, 11)) {
      return -1;
    }
    int bodyStart = p + 5;
    int cap = Math.min(n, i + SecretDetector.MAX_PEM);
    // The body is one contiguous run of base64, whitespace and RFC 1421 header lines
    // ("Proc-Type: 4,ENCRYPTED"); the END line must follow it directly. Reading only contiguous text
    // keeps the finding local: a stream holds a block that is still open at its cut whole, so the
    // detector's window need not cover the whole block.
    int q = bodyStart;
    while (q < cap) {
      char c = s.charAt(q);
      if (c == '-' && s.startsWith("-----", q)) {
        break;
      }
      if (!isBase64(c) && !Character.isWhitespace(c) && c != ':' && c != ',' && c != '-') {
        break;
      }
      q++;
    }
    if (s.startsWith("-----END ", q)) {
      int closeLimit = Math.min(cap, q + 80);
      int close = q + 9;
      while (close + 5 <= closeLimit && !s.startsWith("-----", close)) {
        close++; // bounded: indexOf would read to the end of the text when no dashes follow
      }
      if (close + 5 <= closeLimit && keyMaterial(s, bodyStart, q)) {
        h.emit(PRIVATE_KEY, i, close + 5, 1.0, "PEM private key block");
        return close + 5;
      }
    }
    while (q > bodyStart && Character.isWhitespace(s.charAt(q - 1))) {
      q--;
    }
    if (!keyMaterial(s, bodyStart, q)) {
      return -1; // a header quoted alone or an elided example: no key leaks
    }
    h.emit(PRIVATE_KEY, i, q, 0.9, "PEM private key block (truncated)");
    return q;
  }

  /**
   * At least one PEM line's worth ({@value #MIN_BODY} characters) of base64 in {@code s[from,to)},
   * counting only runs of {@value #MIN_RUN} or more base64 characters: key lines are unbroken runs
   * (64 characters in PEM), while prose after a lone header ("paste your key here and keep it
   * safe...") is letters too, but in words far shorter than a key line.
   */
  private static boolean keyMaterial(String s, int from, int to) {
    int b64 = 0;
    int run = 0;
    for (int p = from; p < to && b64 < MIN_BODY; p++) {
      if (isBase64(s.charAt(p))) {
        run++;
        if (run == MIN_RUN) {
          b64 += MIN_RUN;
        } else if (run > MIN_RUN) {
          b64++;
        }
      } else {
        run = 0;
      }
    }
    return b64 >= MIN_BODY;
  }

  /** Shortest unbroken base64 run counted as key material; longer than nearly every English word. */
  static final int MIN_RUN = 16;

  /** Base64 characters a block must hold to carry key material (a full PEM line is 64). */
  static final int MIN_BODY = 40;

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
        || c == '=';
  }
}
