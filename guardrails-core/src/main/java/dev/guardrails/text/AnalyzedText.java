package dev.guardrails.text;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text under check, shared by all detectors of one check: the original string, a normalized
 * view with an offset map back to the original, and lazily memoized analyses.
 *
 * <p>The normalized view applies, per code point: NFKC compatibility folding (full-width and other
 * compatibility forms), removal of zero-width and bidi control characters and soft hyphens,
 * folding of common Cyrillic and Greek look-alike letters to Latin, any Unicode decimal digit to
 * its ASCII digit, and collapsing each run of whitespace to one space (or one {@code '\n'} when the
 * run holds a line break). It also undoes common disguises: HTML character references
 * ({@code &#64;}, {@code &#x40;}, {@code &commat;}) are decoded, bracketed stand-ins
 * ({@code [at]}, {@code (dot)}, with the spaces around them) become {@code @} and {@code .}, and
 * Markdown emphasis or code markers ({@code * ` ~}, {@code __}) at word edges are dropped, so
 * {@code **jane**@example.com} reads as an address; letter-spaced values ({@code 4 1 1 1 ...},
 * {@code D E 8 9 ...}, at least nine digits) are joined; JSON {@code \\u0040} and URL {@code %40}
 * escapes of the characters that hold a value together ({@code @ . : + -}, digits) are decoded inside
 * a would-be value, and Unicode dashes and minus signs between digits read as {@code -}. Case is kept. Text that needs none of this (plain ASCII with single
 * spaces, or prose whose only non-ASCII chars fold to themselves, such as accented letters and
 * curly quotes) shares the original string and an identity offset map: no copy is made.
 *
 * <p>Thread-safe: the text is immutable, and analyses may be requested from several threads at
 * once (an analysis may then be computed twice, and one result wins). {@link #toString()} prints
 * lengths only.
 */
public final class AnalyzedText {

  private final String original;
  private final String normalized;
  private final OffsetMap offsets;
  // CharClass bits of both views; -1 until computed (a racy fill is benign: every thread computes
  // the same value, and an int is written whole)
  private int classes;
  // The memoized analyses: null, then the first one asked for as a Memo (most checks ask for none or
  // one: the address spans that the name and address detectors share, and then need no map), then a
  // ConcurrentHashMap from the second on. One field, so the object stays at 32 bytes with the
  // classes int.
  private volatile Object memo;

  private static final java.lang.invoke.VarHandle MEMO;

  static {
    try {
      MEMO = java.lang.invoke.MethodHandles.lookup().findVarHandle(AnalyzedText.class, "memo", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One memoized analysis. */
  private record Memo(AnalysisKey<?> key, Object value) {}

  private AnalyzedText(String original, String normalized, OffsetMap offsets, int classes) {
    this.original = original;
    this.normalized = normalized;
    this.offsets = offsets;
    this.classes = classes;
  }

  /**
   * Analyzes a text: builds its normalized view and offset map. Analyses are computed later, on
   * demand.
   *
   * @param text the original text
   * @return the analyzed text
   * @throws NullPointerException if text is null
   */
  public static AnalyzedText of(String text) {
    Objects.requireNonNull(text, "text");
    return Normalizer.analyze(text);
  }

  /**
   * Returns the analysis of {@code original().substring(from, to)} cut out of this one, without
   * normalizing again: the normalized view and offsets are this text's, restricted to the normalized
   * chars produced wholly inside the range. Away from the two cuts it equals
   * {@code AnalyzedText.of(original().substring(from, to))}; at a cut it may differ where a
   * normalization rule reads across it (a whitespace run, a letter-spaced number, markup).
   * Memoized analyses are not shared. Used by the streaming guard to normalize once per re-check
   * for detectors that read different ranges.
   *
   * @param from start in the original text, inclusive
   * @param to end in the original text, exclusive
   * @return the analyzed range; this text itself for the whole range
   * @throws IndexOutOfBoundsException if the range is not inside the original text
   */
  public AnalyzedText slice(int from, int to) {
    Objects.checkFromToIndex(from, to, original.length());
    if (from == 0 && to == original.length()) {
      return this;
    }
    String sub = original.substring(from, to);
    if (normalized == original) {
      return new AnalyzedText(sub, sub, OffsetMap.identity(sub.length()), -1);
    }
    int nf = offsets.firstStartingAtOrAfter(from);
    int nt = Math.max(nf, offsets.firstEndingAfter(to, nf));
    return new AnalyzedText(sub, normalized.substring(nf, nt), offsets.slice(nf, nt, from, to - from), -1);
  }

  static AnalyzedText create(String original, String normalized, OffsetMap offsets) {
    return new AnalyzedText(original, normalized, offsets, -1);
  }

  static AnalyzedText create(String original, String normalized, OffsetMap offsets, int classes) {
    return new AnalyzedText(original, normalized, offsets, classes);
  }

  /**
   * Returns the {@link CharClass}es this text holds, as a mask of {@link CharClass#bit()}s: a class
   * is in when the original string or the normalized view holds a char of it. Found in the
   * normalizing pass for most texts, else computed on first use. The engine skips a detector whose
   * {@linkplain dev.guardrails.Detector#triggers() triggers} share no bit with it.
   *
   * @return the mask
   */
  public int charClasses() {
    int c = classes;
    if (c < 0) {
      c = CharClass.scan(original) | (normalized == original ? 0 : CharClass.scan(normalized));
      classes = c;
    }
    return c;
  }

  /**
   * Returns true when this text holds a char of class {@code c} (see {@link #charClasses()}).
   *
   * @param c the class
   * @return whether the original or the normalized view holds one
   */
  public boolean contains(CharClass c) {
    return (charClasses() & c.bit()) != 0;
  }

  /** Returns the original text, exactly as given. Finding spans index this string. */
  public String original() {
    return original;
  }

  /** Returns the normalized view (see the class description). */
  public String normalized() {
    return normalized;
  }

  /** Returns the map from normalized indexes to original indexes. */
  public OffsetMap offsets() {
    return offsets;
  }

  /** Returns {@code original().length()}. */
  public int length() {
    return original.length();
  }

  /** Returns true when the normalized view is the original string itself. */
  public boolean isIdentity() {
    // 1:1 offsets alone are not enough: a folded homoglyph or full-width digit keeps its offset
    return normalized == original || (offsets.isIdentity() && normalized.equals(original));
  }

  /**
   * Maps a range of the normalized view back to the smallest original range that produced it.
   *
   * @param normStart start index in {@link #normalized()}
   * @param normEnd end index (exclusive) in {@link #normalized()}, {@code > normStart}
   * @return the span in the original text
   */
  public Span toOriginal(int normStart, int normEnd) {
    return offsets.toOriginal(normStart, normEnd);
  }

  /**
   * Returns true if normalized char {@code i} is a {@code '\n'} that stands for exactly one line
   * break in the original (a wrapped line, {@code "\r\n"} counting as one), possibly with a few
   * spaces around it; false for a paragraph break, which the normalized view collapses alike, and
   * for any other char. Constant time: the original range is bounded.
   *
   * @param i an index in {@link #normalized()}
   * @return whether it is a single line break
   * @throws IndexOutOfBoundsException if {@code i} is outside the normalized view
   */
  public boolean singleLineBreak(int i) {
    if (normalized.charAt(i) != '\n') {
      return false;
    }
    int from = offsets.sourceStart(i);
    int to = offsets.sourceEnd(i);
    if (to - from > 16) {
      return false;
    }
    int breaks = 0;
    for (int k = from; k < to; k++) {
      char c = original.charAt(k);
      if (c == '\n' || (c == '\r' && (k + 1 >= to || original.charAt(k + 1) != '\n'))
          || c == '\u2028' || c == '\u2029' || c == 0x0B || c == 0x0C || c == 0x85) {
        breaks++;
      }
    }
    return breaks == 1;
  }

  /**
   * Returns the analysis for {@code key}, computing it on first use.
   *
   * @param key which analysis
   * @param <T> its result type
   * @return the (memoized) result
   */
  @SuppressWarnings("unchecked")
  public <T> T analysis(AnalysisKey<T> key) {
    Objects.requireNonNull(key, "key");
    Object m = memo;
    if (m instanceof Memo && ((Memo) m).key() == key) {
      return (T) ((Memo) m).value();
    }
    if (m instanceof ConcurrentHashMap) {
      Object v = ((ConcurrentHashMap<?, ?>) m).get(key);
      if (v != null) {
        return (T) v;
      }
    }
    // Computed outside any lock: analyses may depend on other analyses (which may then take the slot).
    Object computed = key.compute(this);
    while (true) {
      m = memo;
      if (m == null) {
        if (MEMO.compareAndSet(this, null, new Memo(key, computed))) {
          return (T) computed;
        }
      } else if (m instanceof Memo) {
        Memo one = (Memo) m;
        if (one.key() == key) {
          return (T) one.value(); // another thread's result won
        }
        ConcurrentHashMap<AnalysisKey<?>, Object> map = new ConcurrentHashMap<>(4);
        map.put(one.key(), one.value());
        map.put(key, computed);
        if (MEMO.compareAndSet(this, m, map)) {
          return (T) computed;
        }
      } else {
        @SuppressWarnings("unchecked")
        ConcurrentHashMap<AnalysisKey<?>, Object> map = (ConcurrentHashMap<AnalysisKey<?>, Object>) m;
        Object v = map.putIfAbsent(key, computed);
        return (T) (v != null ? v : computed);
      }
    }
  }

  @Override
  public String toString() {
    return "AnalyzedText[length=" + original.length() + ", normalizedLength=" + normalized.length() + "]";
  }
}
