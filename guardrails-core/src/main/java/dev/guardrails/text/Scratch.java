package dev.guardrails.text;

import java.util.Arrays;

/**
 * Per-thread working memory of {@link Normalizer#applyRules}: the normalized chars being written
 * and the offset recorder. A text that needs normalizing then allocates only what it keeps (the
 * normalized string and the exact-size offset map), not a growing builder, its copy in
 * {@code toString()} and the recorder's grown arrays.
 *
 * <p>Not thread-safe: each thread has its own ({@link #get()}); {@link #release()} drops buffers
 * grown past {@link #MAX_KEPT_CHARS} so a long text does not pin memory to a thread.
 */
final class Scratch {

  /** Largest char buffer kept between normalizations of one thread (128 KiB). */
  static final int MAX_KEPT_CHARS = 1 << 16;

  /** Largest number of offset exceptions whose arrays are kept between normalizations. */
  static final int MAX_KEPT_EXCEPTIONS = 1 << 12;

  private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

  private char[] buf = new char[512];
  /** The bytes of an ASCII text's view ({@link #appendAscii}); the same length and reuse rule as {@link #buf}. */
  private byte[] bytes = new byte[512];
  private int len;
  /** The offset recorder, reset by {@link #get()}. */
  final OffsetMap.Recorder map = new OffsetMap.Recorder();

  private Scratch() {}

  /**
   * Returns this thread's scratch, emptied, with room for {@code expected} chars (normalizing
   * rarely lengthens a text). Sizing once up front matters for long texts: growing by doubling
   * from 512 chars to 1 Mi chars allocated about twice the final buffer on every check, since a
   * buffer past {@link #MAX_KEPT_CHARS} is not kept.
   *
   * @param expected the length of the text about to be normalized
   */
  static Scratch get(int expected) {
    Scratch s = LOCAL.get();
    s.len = 0;
    s.map.reset(MAX_KEPT_EXCEPTIONS);
    if (s.buf.length < expected) {
      s.buf = new char[expected + (expected >>> 6) + 16];
    }
    return s;
  }

  /**
   * Returns this thread's scratch, emptied, for an ASCII view of at most {@code max} chars written
   * with {@link #appendAscii} and read with {@link #asciiText()}: the chars are copied as bytes, and
   * the string is made from them without the char-to-byte compression {@link #text()} does.
   *
   * @param max the length of the ASCII text about to be collapsed (the view is no longer)
   */
  static Scratch getAscii(int max) {
    Scratch s = LOCAL.get();
    s.len = 0;
    s.map.reset(MAX_KEPT_EXCEPTIONS);
    if (s.bytes.length < max) {
      s.bytes = new byte[max + (max >>> 6) + 16];
    }
    return s;
  }

  /**
   * Appends {@code s[from, to)}, all ASCII chars, as bytes (after {@link #getAscii}, within its size).
   * The JDK's {@code getBytes(int, int, byte[], int)} is deprecated because it keeps only the low
   * byte of each char; for ASCII that byte is the char, and the copy is an array copy.
   */
  @SuppressWarnings("deprecation")
  void appendAscii(String s, int from, int to) {
    s.getBytes(from, to, bytes, len);
    len += to - from;
  }

  /** Appends one ASCII char as a byte (after {@link #getAscii}, within its size). */
  void appendAscii(char c) {
    bytes[len++] = (byte) c;
  }

  /** Returns the bytes written by {@link #appendAscii} as a new string. */
  String asciiText() {
    return new String(bytes, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Drops buffers grown past the kept sizes; call when done with the scratch. */
  void release() {
    if (buf.length > MAX_KEPT_CHARS) {
      buf = new char[512];
    }
    if (bytes.length > MAX_KEPT_CHARS) {
      bytes = new byte[512];
    }
    map.reset(MAX_KEPT_EXCEPTIONS);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** Appends one char. */
  void append(char c) {
    ensure(1);
    buf[len++] = c;
  }

  /** Appends {@code s[from, to)}. */
  void append(String s, int from, int to) {
    ensure(to - from);
    s.getChars(from, to, buf, len);
    len += to - from;
  }

  /** Returns the number of chars written. */
  int length() {
    return len;
  }

  /** Returns the last char written; {@link #length()} must be positive. */
  char last() {
    return buf[len - 1];
  }

  /** Returns true when the chars written equal {@code s}. */
  boolean contentEquals(String s) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the chars written as a new string. */
  String text() {
    return new String(buf, 0, len);
  }
}
