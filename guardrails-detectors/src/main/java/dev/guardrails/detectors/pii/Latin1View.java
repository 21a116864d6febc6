package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.ScratchArray;
import java.lang.ref.SoftReference;

/**
 * A per-thread one-byte-per-char copy of a text for the {@link dev.guardrails.detectors.internal.Swar} loops of the name and address
 * scanners: byte {@code i} is char {@code i} when that char is below U+0080, and some byte from
 * 0x80 up otherwise (the Latin-1 byte, or 0x80 for a char above U+00FF), so a byte below 0x80
 * always tells the char exactly and any other byte sends the reader to {@code String.charAt}. Bytes
 * from {@code length} on are zero padding (at least eight). Built over reused buffers (no
 * allocation once a thread's buffers are large enough) from each char's low byte
 * ({@code String.getBytes(int, int, byte[], int)}: one array copy for a Latin-1 string), with the
 * chars above U+00FF, when an OR over the char copy finds any, set to 0x80 afterwards. Not the
 * JDK's ISO-8859-1 encoder: a few calls for one long text never get its caller compiled, and its
 * loop then runs a char at a time outside the JIT's intrinsic (4% of a 1 MB PERSON check).
 * The char copy stays in the view ({@link #chars}) for the name scan to read.
 *
 * <p>Texts shorter than {@link #MIN} get no view (the scalar loops are as fast there). The view
 * is overwritten by the next {@link #of} for another text on the same thread: a caller must not
 * hold it across a call that may build another. Asked again for the same string (the address scan,
 * then the name scan), it is returned as it is. The buffers keep the last text's bytes (and a
 * reference to it) until the thread's next long text, like any scratch buffer; those of a text
 * longer than {@link ScratchArray#STRONG} chars are held softly. Thread-safe: each
 * thread has its own buffers.
 */
final class Latin1View {

  /** Shortest text that gets a view. */
  static final int MIN = 256;

  private static final ThreadLocal<Local> LOCAL = ThreadLocal.withInitial(Local::new);

  /**
   * A thread's views: one for texts of up to {@link ScratchArray#STRONG} chars, held strongly, and
   * one for longer texts, held softly (with its buffers and the text it holds), so one long text
   * does not pin megabytes (and the text) to the thread; see {@link ScratchArray} for why.
   */
  private static final class Local {
    final Latin1View small = new Latin1View();
    private SoftReference<Latin1View> big;

    Latin1View forLength(int n) {
      return n <= ScratchArray.STRONG ? small : big();
    }

    private Latin1View big() {
      Latin1View v = big == null ? null : big.get();
      if (v == null) {
        v = new Latin1View();
        big = new SoftReference<>(v);
      }
      return v;
    }
  }

  private char[] chars = new char[0];
  private byte[] bytes = new byte[8];
  /** The text the view holds now: asked again for it, {@link #of} returns the view as it is. */
  private String source;
  /** The text whose chars {@link #chars} holds from index 0 (the one {@link #fill} encoded last), or null. */
  private String charsOf;

  private Latin1View() {}

  /**
   * Returns this thread's view of {@code s}, or null when {@code s} is shorter than {@link #MIN}.
   *
   * @param s the text
   * @return the view (valid for {@code s.length()} bytes, then zeros), or null
   */
  static byte[] of(String s) {
    return s.length() < MIN ? null : LOCAL.get().forLength(s.length()).fill(s);
  }

  /**
   * Returns this thread's view of {@code s}, a text that holds no char of U+0080 or above, at any
   * length (short texts too): the chars copied as one array copy, which for ASCII chars is exactly
   * what {@link #of} builds. Same reuse rules as {@link #of}; asked {@link #of} afterwards for the
   * same string, the view is returned as it is.
   *
   * @param s the text, ASCII only (the caller knows it, as from its char classes)
   * @return the view (valid for {@code s.length()} bytes, then at least eight zeros)
   */
  static byte[] ofAscii(String s) {
    return LOCAL.get().forLength(s.length()).copy(s);
  }

  /**
   * This thread's char copy of {@code s} that its view was encoded from, when the last view built
   * by {@link #of} on this thread was of {@code s}; else null (a view by {@link #ofAscii} copies
   * no chars). Same reuse rules as the view: valid until the next {@link #of} or
   * {@link #ofAscii} for another text on this thread; the caller must not write to it.
   *
   * @param s the text
   * @return an array holding {@code s}'s chars from index 0 (maybe longer, the rest left over), or null
   */
  static char[] chars(String s) {
    Latin1View v = LOCAL.get().forLength(s.length());
    return v.charsOf == s ? v.chars : null;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each char, exact for ASCII
  private byte[] copy(String s) {
    if (s == source) {
      return bytes;
    }
    int n = s.length();
    if (bytes.length < n + 8) {
      bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(n, 2L * bytes.length) + 8)];
    }
    s.getBytes(0, n, bytes, 0);
    java.util.Arrays.fill(bytes, n, n + 8, (byte) 0);
    source = s;
    return bytes;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int), as in copy; chars above U+00FF are then set apart
  private byte[] fill(String s) {
    if (s == source) {
      return bytes; // the same text again (the address scan, then the name scan): strings are immutable
    }
    source = null;
    charsOf = null;
    int n = s.length();
    if (chars.length < n) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(n, 2L * chars.length));
      chars = new char[cap];
    }
    if (bytes.length < n + 8) {
      bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, chars.length + 8L)];
    }
    s.getChars(0, n, chars, 0);
    s.getBytes(0, n, bytes, 0); // each char's low byte: the view's byte of every char up to U+00FF
    int any = 0;
    for (int i = 0; i < n; i++) {
      any |= chars[i];
    }
    if (any > 0xFF) {
      for (int i = 0; i < n; i++) {
        if (chars[i] > 0xFF) {
          bytes[i] = (byte) 0x80; // a char above U+00FF (or half of a pair): never ASCII
        }
      }
    }
    java.util.Arrays.fill(bytes, n, Math.min(bytes.length, n + 8), (byte) 0);
    source = s;
    charsOf = s;
    return bytes;
  }
}
