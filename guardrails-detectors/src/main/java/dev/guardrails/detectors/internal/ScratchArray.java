package dev.guardrails.detectors.internal;

import java.lang.ref.SoftReference;

/**
 * One growable working array kept by a thread from scan to scan (a text view, a char copy): held
 * strongly while it is small, softly once a long text grows it past {@link #STRONG} elements.
 *
 * <p>Why: the scanners keep their views per thread so a scan allocates nothing, and the views grow
 * to the longest text the thread has scanned. Held strongly, one 1 MB check left about 10 to 16 MB
 * per thread reachable for the thread's life (the default pipeline: the pattern scan's view and
 * char copy, the name scan's copy, the address and name scans' Latin-1 view, the secrets view), so
 * a pool of request threads that each saw one long text pinned gigabytes. A soft reference lets
 * the collector take a long text's array back when memory runs short or the thread has not used it
 * for a while (by the JVM's {@code SoftRefLRUPolicyMSPerMB}), while a thread scanning long texts
 * one after another still reuses it: allocating (and zeroing) a megabyte array per 1 MB scan would
 * cost the long-text benchmarks a few percent. The JDK caps its per-thread NIO buffer cache the same
 * way ({@code jdk.nio.maxCachedBufferSize}), but drops rather than softens.
 *
 * <p>Not an API: may change without notice. Not thread-safe: one instance per thread (usually in a
 * {@link ThreadLocal}); an array handed out is valid until the next call on the same instance.
 */
public final class ScratchArray {

  /** Largest array, in elements, held strongly between scans: 64 Ki, as the normalizer's own scratch. */
  public static final int STRONG = 1 << 16;

  private char[] chars = new char[0];
  private byte[] bytes = new byte[0];
  /** A char array of more than {@link #STRONG} chars, softly held, or null. */
  private SoftReference<char[]> bigChars;
  /** A byte array of more than {@link #STRONG} bytes, softly held, or null. */
  private SoftReference<byte[]> bigBytes;

  /** A holder with no array yet. */
  public ScratchArray() {}

  /**
   * A char array of at least {@code n} chars: the kept one if long enough, else a new one (kept in
   * its turn). Its contents are left over from earlier calls.
   *
   * @param n the chars needed
   * @return the array
   */
  public char[] chars(int n) {
    char[] a = chars;
    return a.length >= n ? a : growChars(n);
  }

  /**
   * A byte array of at least {@code n} bytes: the kept one if long enough, else a new one (kept in
   * its turn). Its contents are left over from earlier calls.
   *
   * @param n the bytes needed
   * @return the array
   */
  public byte[] bytes(int n) {
    byte[] a = bytes;
    return a.length >= n ? a : growBytes(n);
  }

  /** Out of line ({@link #chars} runs on every scan): a long array, softly kept, or the small one doubled. */
  private char[] growChars(int n) {
    if (n > STRONG) {
      char[] b = bigChars == null ? null : bigChars.get();
      if (b == null || b.length < n) {
        b = new char[bigCapacity(n)];
        bigChars = new SoftReference<>(b);
      }
      return b;
    }
    return chars = new char[smallCapacity(n, chars.length)];
  }

  /** Out of line ({@link #bytes} runs on every scan): a long array, softly kept, or the small one doubled. */
  private byte[] growBytes(int n) {
    if (n > STRONG) {
      byte[] b = bigBytes == null ? null : bigBytes.get();
      if (b == null || b.length < n) {
        b = new byte[bigCapacity(n)];
        bigBytes = new SoftReference<>(b);
      }
      return b;
    }
    return bytes = new byte[smallCapacity(n, bytes.length)];
  }

  private static int bigCapacity(int n) {
    return (int) Math.min(Integer.MAX_VALUE - 16, n + (long) (n >>> 4));
  }

  private static int smallCapacity(int n, int old) {
    return Math.min(STRONG, Math.max(n, Math.max(256, 2 * old)));
  }

  @Override
  public String toString() {
    char[] c = bigChars == null ? null : bigChars.get();
    byte[] b = bigBytes == null ? null : bigBytes.get();
    return "ScratchArray[chars=" + chars.length + ", bytes=" + bytes.length + ", soft chars="
        + (c == null ? 0 : c.length) + ", soft bytes=" + (b == null ? 0 : b.length) + "]";
  }
}
