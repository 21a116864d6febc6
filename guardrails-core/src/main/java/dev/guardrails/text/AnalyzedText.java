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
  // The first analysis asked for: most checks ask for none or one (the address spans that the name
  // and address detectors share), and then need no map.
  private volatile Memo first;
  // Created on the second analysis asked for.
  private volatile ConcurrentHashMap<AnalysisKey<?>, Object> analyses;

  private static final java.lang.invoke.VarHandle FIRST;
  private static final java.lang.invoke.VarHandle ANALYSES;

  static {
    try {
      java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
      FIRST = lookup.findVarHandle(AnalyzedText.class, "first", Memo.class);
      ANALYSES = lookup.findVarHandle(AnalyzedText.class, "analyses", ConcurrentHashMap.class);
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
    Memo m = first;
    if (m != null && m.key() == key) {
      return (T) m.value();
    }
    Object computed = null;
    if (m == null) {
      // Computed outside any lock: analyses may depend on other analyses (which may then take the slot).
      computed = key.compute(this);
      if (FIRST.compareAndSet(this, null, new Memo(key, computed))) {
        return (T) computed;
      }
      m = first;
      if (m.key() == key) {
        return (T) m.value(); // another thread's result won
      }
    }
    // A key that is not in the slot now never will be: the map decides for it.
    ConcurrentHashMap<AnalysisKey<?>, Object> memo = analyses;
    if (memo == null) {
      ANALYSES.compareAndSet(this, null, new ConcurrentHashMap<AnalysisKey<?>, Object>(4));
      memo = analyses;
    }
    Object v = memo.get(key);
    if (v == null) {
      if (computed == null) {
        computed = key.compute(this);
      }
      v = memo.putIfAbsent(key, computed);
      if (v == null) {
        v = computed;
      }
    }
    return (T) v;
  }

  @Override
  public String toString() {
    return "AnalyzedText[length=" + original.length() + ", normalizedLength=" + normalized.length() + "]";
  }
}
