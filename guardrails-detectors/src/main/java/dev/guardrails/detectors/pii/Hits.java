package dev.guardrails.detectors.pii;

import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.Span;
import dev.guardrails.text.AnalyzedText;

/**
 * Per-call emitter shared by the scanner's parts: maps normalized spans back to the original text,
 * clamps scores and remembers where the last finding ended so parts do not report overlaps.
 *
 * <p>One instance per {@code detect} call; not thread-safe (never shared).
 */
final class Hits {

  final AnalyzedText text;
  final String s;
  private final String id;
  private final FindingSink out;
  int lastEnd;
  private int[] digits;

  Hits(AnalyzedText text, String id, FindingSink out) {
    this.text = text;
    this.s = text.normalized();
    this.id = id;
    this.out = out;
  }

  /** Reports {@code s[start,end)} as a finding of the type; messages never hold the value. */
  void emit(FindingType type, int start, int end, double score, String message) {
    if (start < lastEnd || end <= start) {
      return;
    }
    Span span = text.toOriginal(start, end);
    if (span.end() <= span.start()) {
      return;
    }
    double clamped = Math.max(0.05, Math.min(1.0, score));
    out.accept(Finding.of(id, type, span.start(), span.end(), Math.round(clamped * 100) / 100.0, message));
    lastEnd = end;
  }

  /** A scratch digit buffer, allocated on first use within this call. */
  int[] digits() {
    if (digits == null) {
      digits = new int[64];
    }
    return digits;
  }
}
