package dev.guardrails.detectors.secrets;

import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;

/**
 * Secrets wrapped in base64 ({@code Z2hwX1I4...==} for a GitHub token): a run of
 * {@value #MIN_RUN} to {@value #MAX_RUN} base64 characters (standard or URL-safe alphabet,
 * optional {@code =} padding) that decodes to printable ASCII is scanned once more by
 * {@link SecretDetector#scan(Hits)}, decoded and not decoded again; the first secret found is
 * reported with the span of the whole encoded run in the original text.
 *
 * <p>Cost: the caller examines each run once (runs starting inside an examined run are skipped);
 * decoding stops at the first byte that is not printable ASCII, so ordinary long words and paths
 * cost a few characters. Stateless and thread-safe.
 */
final class Base64Secrets {

  private Base64Secrets() {}

  /** Shortest run decoded: 12 bytes, shorter than any token we look for. */
  static final int MIN_RUN = 16;
  /**
   * Longest run decoded: tokens, keys and JWTs fit; kept inside {@link SecretDetector#WINDOW} so a
   * stream decides a run exactly as a whole-text check does (a longer run, such as a base64-wrapped
   * PEM block, is not decoded).
   */
  static final int MAX_RUN = 1000;

  private static final byte[] VALUE = new byte[128];

  static {
    java.util.Arrays.fill(VALUE, (byte) -1);
    for (int c = 'A'; c <= 'Z'; c++) {
      VALUE[c] = (byte) (c - 'A');
    }
    for (int c = 'a'; c <= 'z'; c++) {
      VALUE[c] = (byte) (c - 'a' + 26);
    }
    for (int c = '0'; c <= '9'; c++) {
      VALUE[c] = (byte) (c - '0' + 52);
    }
    VALUE['+'] = 62;
    VALUE['/'] = 63;
    VALUE['-'] = 62; // URL-safe alphabet
    VALUE['_'] = 63;
  }

  private static boolean isBase64(char c) {
    return c < 128 && VALUE[c] >= 0;
  }

  /** True if a run may start at {@code i}: a base64 char not preceded by one. */
  static boolean startsRun(String s, int i) {
    return isBase64(s.charAt(i)) && (i == 0 || !isBase64(s.charAt(i - 1)));
  }

  /** End of the run starting at {@code i}: base64 chars, then up to two '='. One pass, unbounded. */
  static int runEnd(String s, int i) {
    int n = s.length();
    int p = i;
    while (p < n && isBase64(s.charAt(p))) {
      p++;
    }
    for (int k = 0; k < 2 && p < n && s.charAt(p) == '='; k++) {
      p++;
    }
    return p;
  }

  /**
   * Decodes {@code s[i, runEnd)} when it is a plausible base64 payload and scans it for secrets.
   *
   * @return {@code runEnd} if a secret was reported, else -1
   */
  static int scan(Hits h, int i, int runEnd) {
    String s = h.s;
    int pad = 0;
    while (pad < 2 && runEnd - pad > i && s.charAt(runEnd - pad - 1) == '=') {
      pad++;
    }
    int data = runEnd - pad - i;
    if (data + pad < MIN_RUN || data + pad > MAX_RUN || data % 4 == 1 || (pad > 0 && (data + pad) % 4 != 0)) {
      return -1;
    }
    if (!mixed(s, i, i + data)) {
      return -1; // one letter case only and no digits: a word or an identifier, not an encoding
    }
    char[] out = new char[data * 3 / 4];
    int len = 0;
    int acc = 0;
    int bits = 0;
    for (int p = i; p < i + data; p++) {
      acc = (acc << 6) | VALUE[s.charAt(p)];
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        int b = (acc >>> bits) & 0xFF;
        if (!printable(b)) {
          return -1;
        }
        out[len++] = (char) b;
      }
    }
    if (len < 8) {
      return -1;
    }
    Span run = h.text.toOriginal(i, runEnd);
    Hits inner = new Hits(AnalyzedText.of(new String(out, 0, len)), h.id(), h.sink(), run);
    SecretDetector.scan(inner);
    return inner.lastEnd > 0 ? runEnd : -1;
  }

  /**
   * Whether {@link #scan} may decode the run of base64 chars {@code b[i, end)} (a maximal one; up
   * to two {@code =} after it, read up to {@code n}): its size, its mix of chars and every byte it
   * decodes to pass {@link #scan}'s tests. A byte-view copy of them, for the short-text pass
   * ({@link RunGate#shortPass}): card numbers, e-mail names and long words fail them.
   */
  static boolean mayDecode(byte[] b, int i, int end, int n) {
    int pad = 0;
    while (pad < 2 && end + pad < n && b[end + pad] == '=') {
      pad++;
    }
    // scan reads '=' as padding only at the end of what runEnd returns: end + pad
    int data = end - i;
    if (data + pad < MIN_RUN || data + pad > MAX_RUN || data % 4 == 1 || (pad > 0 && (data + pad) % 4 != 0)) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int p = i; p < end; p++) {
      int c = b[p];
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    if (!((upper && lower) || ((upper || lower) && digit))) {
      return false;
    }
    int acc = 0;
    int bits = 0;
    for (int p = i; p < end; p++) {
      acc = (acc << 6) | VALUE[b[p]];
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        if (!printable((acc >>> bits) & 0xFF)) {
          return false;
        }
      }
    }
    return data * 3 / 4 >= 8;
  }

  private static boolean printable(int b) {
    return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t';
  }

  /** Upper and lower case letters, or letters and digits: what encoded bytes look like. */
  private static boolean mixed(String s, int from, int to) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int p = from; p < to; p++) {
      char c = s.charAt(p);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
      if ((upper && lower) || ((upper || lower) && digit)) {
        return true;
      }
    }
    return false;
  }
}
