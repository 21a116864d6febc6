package dev.guardrails.detectors.secrets;

import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;

/**
 * Per-call emitter shared by the scanner's parts: maps normalized spans back to the original text,
 * clamps scores and remembers where the last finding ended so parts do not report overlaps.
 *
 * <p>A copy of the PII package's emitter (the two packages keep their helpers private to each other).
 * One instance per {@code detect} call; not thread-safe (never shared).
 */
final class Hits {

  final AnalyzedText text;
  final String s;
  private final String id;
  private final FindingSink out;
  private final Span wrapper;
  int lastEnd;
  /** Normalized spans reported, as start/end pairs in order (the rules skip keyword hits inside). */
  int[] spans = NO_SPANS;

  private static final int[] NO_SPANS = {}; // shared until the first finding: most texts have none
  int spanCount;

  Hits(AnalyzedText text, String id, FindingSink out) {
    this(text, id, out, null);
  }

  /**
   * An emitter for a decoded view (the payload of a base64 run): {@code text} is the decoded text,
   * and the first finding in it is reported as {@code wrapper}, the encoded run's span in the
   * original text; later ones are dropped (they would repeat the same span).
   */
  Hits(AnalyzedText text, String id, FindingSink out, Span wrapper) {
    this.text = text;
    this.s = text.normalized();
    this.id = id;
    this.out = out;
    this.wrapper = wrapper;
  }

  /** The reporting detector's id. */
  String id() {
    return id;
  }

  /** Where findings go. */
  FindingSink sink() {
    return out;
  }

  /** True for an emitter over a decoded payload (see the four-argument constructor). */
  boolean decoded() {
    return wrapper != null;
  }

  /** Reports {@code s[start,end)} as a finding of the type; messages never hold the value. */
  void emit(FindingType type, int start, int end, double score, String message) {
    if (start < lastEnd || end <= start) {
      return;
    }
    Span span = wrapper != null ? wrapper : text.toOriginal(start, end);
    if (span.end() <= span.start()) {
      return;
    }
    double clamped = Math.max(0.05, Math.min(1.0, score));
    String why = wrapper != null ? message + " (base64-encoded)" : message;
    out.accept(Finding.of(id, type, span.start(), span.end(), Math.round(clamped * 100) / 100.0, why));
    if (wrapper == null) {
      if (2 * spanCount + 2 > spans.length) {
        spans = java.util.Arrays.copyOf(spans, Math.max(8, spans.length * 2));
      }
      spans[2 * spanCount] = start;
      spans[2 * spanCount + 1] = end;
      spanCount++;
    }
    lastEnd = wrapper != null ? Integer.MAX_VALUE : end;
  }

  /**
   * True if the normalized range {@code s[start,end)}, which holds no separator, came from a longer
   * original: characters inside the value were dropped (letter-spacing, zero-width or bidi
   * characters, HTML entities). Such a disguise is deliberate, so it counts as evidence like a
   * context word does.
   */
  boolean disguised(int start, int end) {
    if (text.isIdentity() || wrapper != null) {
      return false;
    }
    Span o = text.toOriginal(start, end);
    return o.end() - o.start() > end - start;
  }
}
