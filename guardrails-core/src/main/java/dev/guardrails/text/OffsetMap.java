package dev.guardrails.text;

import dev.guardrails.Span;

/**
 * Maps indexes of a normalized view back to the original text (like Lucene's
 * {@code CharFilter.correctOffset}). For normalized char {@code i}, {@link #sourceStart(int)} and
 * {@link #sourceEnd(int)} give the original range that produced it.
 *
 * <p>Immutable and thread-safe.
 */
public final class OffsetMap {

  private final int length;
  private final int originalLength;
  private final int[] starts; // null for identity
  private final int[] ends;

  private OffsetMap(int length, int originalLength, int[] starts, int[] ends) {
    this.length = length;
    this.originalLength = originalLength;
    this.starts = starts;
    this.ends = ends;
  }

  static OffsetMap identity(int length) {
    return new OffsetMap(length, length, null, null);
  }

  static OffsetMap of(int length, int originalLength, int[] starts, int[] ends) {
    return new OffsetMap(length, originalLength, starts, ends);
  }

  /** Returns true when every normalized index equals its original index. */
  public boolean isIdentity() {
    return starts == null;
  }

  /** Returns the length of the normalized view. */
  public int length() {
    return length;
  }

  /**
   * Returns the original index of the first char that produced normalized char {@code i}; for
   * {@code i == length()} returns the original length.
   *
   * @param i a normalized index in {@code [0, length()]}
   * @return the original index
   */
  public int sourceStart(int i) {
    check(i);
    if (starts == null) {
      return i;
    }
    return i == length ? originalLength : starts[i];
  }

  /**
   * Returns the original index after the last char that produced normalized char {@code i}.
   *
   * @param i a normalized index in {@code [0, length())}
   * @return the original end index
   */
  public int sourceEnd(int i) {
    if (i < 0 || i >= length) {
      throw new IndexOutOfBoundsException("normalized index must be in [0, " + length + "): " + i);
    }
    return starts == null ? i + 1 : ends[i];
  }

  /**
   * Maps the normalized range {@code [normStart, normEnd)} to the original range.
   *
   * @param normStart start, inclusive
   * @param normEnd end, exclusive, {@code >= normStart}
   * @return the original span; empty ranges map to an empty span at the mapped start
   */
  public Span toOriginal(int normStart, int normEnd) {
    if (normEnd < normStart) {
      throw new IllegalArgumentException("range end must be >= start: [" + normStart + ", " + normEnd + ")");
    }
    check(normEnd);
    int s = sourceStart(normStart);
    if (normEnd == normStart) {
      return new Span(s, s);
    }
    return new Span(s, sourceEnd(normEnd - 1));
  }

  private void check(int i) {
    if (i < 0 || i > length) {
      throw new IndexOutOfBoundsException("normalized index must be in [0, " + length + "]: " + i);
    }
  }
}
