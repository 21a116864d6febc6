package dev.guardrails.text;

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
  // Only the chars that do not continue 1:1 from the previous one are stored ("exceptions": a
  // collapsed whitespace run, a dropped or decoded sequence, a folded surrogate pair), sorted by
  // normalized index, as triples in one array (one allocation per map, not three): exc[3k] is the
  // normalized index of exception k, exc[3k + 1] and exc[3k + 2] its original start and end. Empty
  // for identity. A char after exception k maps to its end + (i - its index - 1); a char before the
  // first exception maps to itself.
  private final int[] exc;
  private final int exceptions;

  private OffsetMap(int length, int originalLength, int[] exc, int exceptions) {
    this.length = length;
    this.originalLength = originalLength;
    this.exc = exc;
    this.exceptions = exceptions;
  }

  private int excIndex(int k) {
    return exc[3 * k];
  }

  private int excStart(int k) {
    return exc[3 * k + 1];
  }

  private int excEnd(int k) {
    return exc[3 * k + 2];
  }

  private static final int[] NONE = new int[0];

  static OffsetMap identity(int length) {
    if (length < IDENTITIES.length) { // short texts share one immutable map per length
      OffsetMap m = IDENTITIES[length];
      if (m == null) {
        m = new OffsetMap(length, length, NONE, 0);
        IDENTITIES[length] = m; // a racy fill is benign: final fields, equal maps
      }
      return m;
    }
    return new OffsetMap(length, length, NONE, 0);
  }

  /** Identity maps of texts under 1,024 chars, created on first use. */
  private static final OffsetMap[] IDENTITIES = new OffsetMap[1024];

  /**
   * Records the original range of each normalized char in order, storing only the chars that do not
   * continue 1:1 from the previous one, so a mostly clean text costs a few ints instead of two ints
   * per char. Not thread-safe; one per normalization.
   */
  static final class Recorder {
    private int[] exc = NONE; // triples, as in the map
    private int count;
    private int length;
    private int lastEnd;

    /** Appends the next normalized char, produced by original chars {@code [s, e)}. */
    void add(int s, int e) {
      if (s != lastEnd || e != s + 1) {
        int at = 3 * count;
        if (at == exc.length) {
          exc = java.util.Arrays.copyOf(exc, Math.multiplyExact(3, count + (count >> 1) + 8));
        }
        exc[at] = length;
        exc[at + 1] = s;
        exc[at + 2] = e;
        count++;
      }
      lastEnd = e;
      length++;
    }

    /** Appends normalized chars copied one to one from original chars {@code [s, e)}, {@code e > s}. */
    void addRun(int s, int e) {
      add(s, s + 1);
      length += e - s - 1;
      lastEnd = e;
    }

    /** Returns the number of normalized chars recorded. */
    int length() {
      return length;
    }

    /**
     * Returns the map of what was recorded. The map gets an exact-size copy of the exception array,
     * so a recorder can be {@linkplain #reset() reset} and reused as a per-thread scratch.
     */
    OffsetMap build(int originalLength) {
      if (count == 0 && length == originalLength) {
        return identity(length);
      }
      return new OffsetMap(length, originalLength, java.util.Arrays.copyOf(exc, 3 * count), count);
    }

    /**
     * Forgets what was recorded, for the next normalization on this thread; arrays grown past
     * {@code maxKept} exceptions are dropped so a long text does not pin memory to the thread.
     */
    void reset(int maxKept) {
      count = 0;
      length = 0;
      lastEnd = 0;
      if (exc.length > 3 * maxKept) {
        exc = NONE;
      }
    }
  }

  /**
   * Returns true when every normalized index maps to the same original index (the chars themselves
   * may still differ: see {@link AnalyzedText#isIdentity()}).
   */
  public boolean isIdentity() {
    return exceptions == 0 && length == originalLength;
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
    if (i == length) {
      return originalLength;
    }
    int k = exception(i);
    if (k < 0) {
      return i;
    }
    return excIndex(k) == i ? excStart(k) : excEnd(k) + (i - excIndex(k) - 1);
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
    int k = exception(i);
    if (k < 0) {
      return i + 1;
    }
    return excIndex(k) == i ? excEnd(k) : excEnd(k) + (i - excIndex(k));
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

  /**
   * Returns the first normalized index whose original range starts at or after {@code original},
   * or {@link #length()} when none does.
   */
  int firstStartingAtOrAfter(int original) {
    int lo = 0;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sourceStart(mid) >= original) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Returns the first normalized index at or after {@code from} whose original range ends after
   * {@code original}, or {@link #length()} when none does.
   */
  int firstEndingAfter(int original, int from) {
    int lo = from;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sourceEnd(mid) > original) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Returns the map of normalized chars {@code [normFrom, normTo)} as a text of its own whose
   * original starts at {@code originalFrom}; every char of the range must map inside
   * {@code [originalFrom, originalFrom + originalLength]}. Costs one entry per exception in the
   * range, not one per char.
   */
  OffsetMap slice(int normFrom, int normTo, int originalFrom, int originalLength) {
    Recorder r = new Recorder();
    int i = normFrom;
    int j = exception(normFrom); // the last exception at or before i: one search, then in step
    while (i < normTo) {
      int segmentEnd = j + 1 < exceptions ? Math.min(excIndex(j + 1), normTo) : normTo;
      // sourceStart(i) and sourceEnd(i) without their searches: i is exception j or continues it
      int s = j < 0 ? i : excIndex(j) == i ? excStart(j) : excEnd(j) + (i - excIndex(j) - 1);
      int e = j >= 0 && excIndex(j) == i ? excEnd(j) : s + 1;
      s -= originalFrom;
      e -= originalFrom;
      r.add(s, e);
      if (segmentEnd - i > 1) { // the rest of the segment continues 1:1
        r.addRun(e, e + segmentEnd - i - 1);
      }
      i = segmentEnd;
      j++;
    }
    return r.build(originalLength);
  }

  /** Index of the last exception at or before normalized index {@code i}, or -1. */
  private int exception(int i) {
    int lo = 0;
    int hi = exceptions - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (excIndex(mid) <= i) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi;
  }

  private void check(int i) {
    if (i < 0 || i > length) {
      throw new IndexOutOfBoundsException("normalized index must be in [0, " + length + "]: " + i);
    }
  }
}
