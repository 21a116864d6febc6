package dev.guardrails.text;

/**
 * A half-open range {@code [start, end)} of char indexes into the ORIGINAL checked text, the same
 * indexes {@link String#substring(int, int)} takes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start index of the first char, {@code >= 0}
 * @param end index after the last char, {@code >= start}
 */
public record Span(int start, int end) implements Comparable<Span> {

  /**
   * Creates a span.
   *
   * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
   */
  public Span {
    if (start < 0) {
      throw new IllegalArgumentException("span start must be >= 0: " + start);
    }
    if (end < start) {
      throw new IllegalArgumentException("span end must be >= start: [" + start + ", " + end + ")");
    }
  }

  /**
   * Returns the span {@code [start, end)}.
   *
   * @param start index of the first char
   * @param end index after the last char
   * @return the span
   */
  public static Span of(int start, int end) {
    return new Span(start, end);
  }

  /** Returns {@code end - start}. */
  public int length() {
    return end - start;
  }

  /** Returns true when the span covers no char. */
  public boolean isEmpty() {
    return end == start;
  }

  /**
   * Returns true when the two spans share at least one char.
   *
   * @param other the other span
   * @return whether they overlap
   */
  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }

  /**
   * Returns true when this span lies entirely inside {@code [0, length)}.
   *
   * @param length the text length
   * @return whether the span fits
   */
  public boolean fitsIn(int length) {
    return end <= length;
  }

  @Override
  public int compareTo(Span o) {
    int c = Integer.compare(start, o.start);
    return c != 0 ? c : Integer.compare(end, o.end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
