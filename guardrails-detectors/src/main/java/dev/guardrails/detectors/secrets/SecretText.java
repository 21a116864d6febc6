package dev.guardrails.detectors.secrets;

import dev.guardrails.detectors.internal.ScratchArray;
import java.nio.charset.StandardCharsets;

/**
 * Small text helpers the secret scanners share: a one-byte-per-char view for the eight-at-a-time
 * skips, Shannon entropy, and the JWT segment check. (The PII package has its own; the two
 * packages keep their internals apart.)
 *
 * <p>Thread-safe: the only state is each thread's entropy counts ({@link #entropy}); the scratch
 * view ({@link #latin1Scratch}) is written into a buffer the caller keeps per thread.
 */
final class SecretText {

  private SecretText() {}

  /** The text as one byte per char: chars up to U+00FF as themselves, others as '?'. A new array of the text's length. */
  static byte[] latin1View(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    // the encoder turns a surrogate pair into one '?': then copy char by char
    if (bytes.length == s.length()) {
      return bytes;
    }
    byte[] out = new byte[s.length()];
    fill(s, s.length(), out);
    return out;
  }

  /** Zero bytes after the text in a scratch view, so that an eight-byte load near the end reads 0 past it. */
  static final int PAD = 8;

  /** Texts up to this length get a fresh view from {@link #latin1View} (exactly their length, no padding). */
  static final int SMALL = 16 << 10;
  /**
   * As {@link #latin1View}, into {@code scratch}, a buffer the calling thread keeps from call to call
   * (a 1 MB text would otherwise allocate, and on G1 zero, 1 MB per scan): bytes {@code [0,
   * s.length())} are the view and the next {@link #PAD} bytes are 0; anything after is left over
   * from earlier calls, so callers bound their reads by {@code s.length()}, never by the array's
   * length. The buffer is valid until the thread's next call with it; one longer than {@link
   * ScratchArray#STRONG} bytes is held softly, so a long text does not pin megabytes to the thread.
   *
   * <p>A text of at most {@link #SMALL} chars that has a char of U+0080 or above gets {@link
   * #latin1View}'s fresh array of exactly its length instead (the encoder's intrinsic copy plus a TLAB
   * allocation beats the char loop). One whose chars are all below U+0080 ({@code ascii}, from {@link
   * dev.guardrails.text.AnalyzedText#charClasses()}) is copied into the buffer by the String's own
   * byte copy (an array copy for a Latin-1 string; exact for ASCII chars whatever the string's
   * coding), not into a fresh array: the view was about half of what the detector allocated per
   * clean short answer.
   *
   * @param s the text
   * @param ascii true only when no char of {@code s} is U+0080 or above
   * @param scratch the buffer's holder, used by one thread (the detector keeps it per thread)
   * @return the view
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exact for ASCII, no allocation
  static byte[] latin1Scratch(String s, boolean ascii, ScratchArray scratch) {
    int n = s.length();
    if (n <= SMALL && !ascii) {
      return latin1View(s);
    }
    byte[] b = scratch.bytes(n + PAD);
    if (n <= SMALL) {
      s.getBytes(0, n, b, 0);
    } else {
      fill(s, n, b);
    }
    java.util.Arrays.fill(b, n, n + PAD, (byte) 0);
    return b;
  }

  /**
   * Writes {@code s[0, n)} one byte per char into {@code out}: chars up to U+00FF as themselves,
   * others as '?'. A plain loop over {@code charAt}, which the JIT vectorizes on a Latin-1 string
   * (measured here at half the time of {@code getBytes}, which also allocates).
   */
  private static void fill(String s, int n, byte[] out) {
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      out[i] = (byte) (c <= 0xFF ? c : '?');
    }
  }

  /** ASCII letter or digit. */
  static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Shannon entropy of {@code s[start,end)} in bits per character (chars above 127 count as one). */
  static double entropy(CharSequence s, int start, int end) {
    // this thread's counts, all zero between calls: each gitleaks window's candidate asks, and a
    // new int[128] per call was most of what a typical 1 MB scan allocated
    int[] counts = COUNTS.get();
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      counts[c < 128 ? c : 0]++;
    }
    double n = end - start;
    double h = 0;
    for (int k = 0; k < 128; k++) {
      int c = counts[k];
      if (c > 0) {
        counts[k] = 0;
        double p = c / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** Per thread: {@link #entropy}'s char counts, zeroed again before each call returns. */
  private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[128]);

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

  /**
   * True if the token body {@code s[from,to)} is a documentation placeholder rather than a key:
   * it spells {@code EXAMPLE}, {@code SAMPLE} or {@code xxxx}; its letters and digits take three
   * values or fewer ({@code XXXX-XXXX}, {@code 0000}); it holds an ascending run of five or more
   * ({@code 12345}, {@code abcde}, {@code klmno}: one in 10^7 in a random token); a run of eight
   * or more equal ones filling more than half of it ({@code dor_v1_00000000...}); or one
   * dash-separated group repeats ({@code 1234-1234-1234}).
   */
  static boolean placeholder(CharSequence s, int from, int to) {
    int distinct = 0;
    long seen0 = 0;
    long seen1 = 0;
    int run = 1;
    int same = 1;
    int longestSame = 0;
    char prev = 0;
    for (int p = from; p < to; p++) {
      char c = s.charAt(p);
      if (!isLetterOrDigit(c)) {
        run = 1;
        prev = 0;
        continue;
      }
      int bit = c - '0';
      if (bit < 64) {
        if ((seen0 & (1L << bit)) == 0) {
          seen0 |= 1L << bit;
          distinct++;
        }
      } else if ((seen1 & (1L << (bit - 64))) == 0) {
        seen1 |= 1L << (bit - 64);
        distinct++;
      }
      run = prev != 0 && c == prev + 1 ? run + 1 : 1;
      same = prev != 0 && c == prev ? same + 1 : 1;
      longestSame = Math.max(longestSame, same);
      if (run >= 5) {
        return true;
      }
      prev = c;
    }
    if (distinct <= 3 || (longestSame >= 8 && longestSame * 2 > to - from)) {
      return true;
    }
    if (containsIgnoreCase(s, from, to, "example") || containsIgnoreCase(s, from, to, "sample")
        || containsIgnoreCase(s, from, to, "xxxx")) {
      return true;
    }
    return repeatedGroup(s, from, to) || filledGroups(s, from, to);
  }

  /**
   * Groups split at chars other than letters and digits, after the first (a token's prefix such as
   * {@code xoxo}, {@code FLWSECK}): true if each of them is one char repeated ({@code xapp-8-0-3333-xx}),
   * or the last one is, six or more long ({@code FLWSECK_TEST-000000000000}). A random group of six
   * equal chars is one in 10^7 even in hex; a filled template is what documentation shows.
   */
  static boolean filledGroups(CharSequence s, int from, int to) {
    int groups = 0;
    int filled = 0;
    boolean lastFilled = false;
    int lastLen = 0;
    int p = from;
    while (p < to) {
      while (p < to && !isLetterOrDigit(s.charAt(p))) {
        p++;
      }
      if (p >= to) {
        break;
      }
      int st = p;
      char c = s.charAt(p);
      boolean one = true;
      while (p < to && isLetterOrDigit(s.charAt(p))) {
        one &= s.charAt(p) == c;
        p++;
      }
      groups++;
      if (groups > 1 && one) {
        filled++;
      }
      lastFilled = one;
      lastLen = p - st;
    }
    return groups >= 3 && filled == groups - 1 || groups >= 2 && lastFilled && lastLen >= 6;
  }

  private static boolean containsIgnoreCase(CharSequence s, int from, int to, String w) {
    int m = w.length();
    outer:
    for (int p = from; p + m <= to; p++) {
      for (int k = 0; k < m; k++) {
        if ((s.charAt(p + k) | 0x20) != w.charAt(k)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Two equal dash-separated groups of three or more chars, next to each other. */
  private static boolean repeatedGroup(CharSequence s, int from, int to) {
    int prevStart = -1;
    int prevEnd = -1;
    int start = from;
    for (int p = from; p <= to; p++) {
      if (p < to && s.charAt(p) != '-') {
        continue;
      }
      int len = p - start;
      if (prevStart >= 0 && len >= 3 && prevEnd - prevStart == len) {
        boolean same = true;
        for (int k = 0; k < len && same; k++) {
          same = s.charAt(prevStart + k) == s.charAt(start + k);
        }
        if (same) {
          return true;
        }
      }
      prevStart = start;
      prevEnd = p;
      start = p + 1;
    }
    return false;
  }
}
