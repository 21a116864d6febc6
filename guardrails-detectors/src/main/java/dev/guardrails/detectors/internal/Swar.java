package dev.guardrails.detectors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight characters at a time over a one-byte-per-char view of the text (the PII and secrets
 * scanners' Latin-1 views): a word scanner that tests each character and leaves its loop at
 * every word end pays a mispredicted branch per word, which was most of the scanners' time on
 * prose. These helpers read eight bytes as one little-endian {@code long} and return, per byte, the
 * high bit ({@code 0x80}) set where the byte is in a class; the first such byte is {@code
 * Long.numberOfTrailingZeros(mask) >>> 3}. Bytes from 0x80 up are in no class (a Latin-1 letter or
 * the '?' that stands for a char above U+00FF), and bytes past the array's end read as 0.
 *
 * <p>Shared by the PII and secrets scanners. Not an API: may change without notice. Stateless and
 * thread-safe.
 */
public final class Swar {

  private Swar() {}

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  public static final long ONES = 0x0101010101010101L;
  public static final long HIGH = 0x8080808080808080L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  /** Bit 0x20 of each byte: OR-ing it folds ASCII capitals to lower case. */
  public static final long CASE = 0x2020202020202020L;

  /** Bytes {@code b[i, i+8)} as a little-endian long; bytes at or past {@code b.length} are 0. */
  public static long load(byte[] b, int i) {
    if (i + 8 <= b.length) {
      return (long) LONGS.get(b, i);
    }
    long w = 0;
    for (int k = Math.min(b.length, i + 8) - 1; k >= i; k--) {
      w = (w << 8) | (b[k] & 0xFF);
    }
    return w;
  }

  /*
   * The class tests below take x = w & LOW7 (each byte's low seven bits, so that adding a constant
   * below 0x80 per byte never carries into the next byte) and leave junk in the low seven bits of
   * each byte: combine them with &, | and ~, then keep only what is meaningful with
   * {@code & ascii(w)}, which also drops bytes from 0x80 up.
   */

  /** The high bit of each byte below 0x80 (the only bits a class mask may keep). */
  public static long ascii(long w) {
    return ~w & HIGH;
  }

  /** Seven-bit bytes at or above {@code c} (junk in the low bits). */
  public static long atLeast(long x, int c) {
    return x + ONES * (0x80 - c);
  }

  /** Seven-bit bytes equal to {@code c} (junk in the low bits). */
  public static long is(long x, int c) {
    return ~((x ^ (ONES * c)) + LOW7);
  }

  /** Seven-bit letters of either case (junk in the low bits). */
  public static long letter(long x) {
    long f = x | CASE;
    return atLeast(f, 'a') & ~atLeast(f, 'z' + 1);
  }

  /** Seven-bit digits (junk in the low bits). */
  public static long digit(long x) {
    return atLeast(x, '0') & ~atLeast(x, '9' + 1);
  }

  /** Of a letter mask, the capitals (bit 0x20 clear; junk in the low bits). */
  public static long capital(long x, long letters) {
    return letters & ~(x << 2);
  }

  /** The low seven bits of each byte. */
  public static long low7(long w) {
    return w & LOW7;
  }

  /** The low {@code k} bytes (0 to 7) of a mask. */
  public static long below(int k) {
    return (1L << (k << 3)) - 1;
  }

  /** Index of the last byte set in a non-zero mask. */
  public static int last(long mask) {
    return (63 - Long.numberOfLeadingZeros(mask)) >>> 3;
  }

  /** Index of the first byte set in a non-zero mask. */
  public static int first(long mask) {
    return Long.numberOfTrailingZeros(mask) >>> 3;
  }
}
