package dev.guardrails.detectors.pii;

import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;

/**
 * Per-call emitter shared by the scanner's parts: maps normalized spans back to the original text,
 * clamps scores and remembers where the last finding ended so parts do not report overlaps.
 *
 * <p>One instance per {@code detect} call; not thread-safe (never shared).
 */
final class Hits {

  AnalyzedText text;
  String s;
  private String id;
  private FindingSink out;
  private final Span wrapper;
  int lastEnd;
  /** The detector's opt-in: compact numbers whose check digit fits an ID are reported without a cue. */
  boolean bareCheckDigitIds;
  private int[] digits;
  private ScanScratch scratch;
  /**
   * The pattern scan's one-byte view of {@link #s} ({@link ScanScratch#view}), set for the scan's
   * duration; null outside it ({@link Context#near(Hits, int, int)} then reads {@code s}).
   */
  byte[] view;

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

  /**
   * Starts over for another text, as a fresh emitter for it would ({@link ScanScratch} keeps one per
   * thread); {@code null} text forgets the last one.
   */
  Hits reuse(AnalyzedText text, String id, FindingSink out) {
    this.text = text;
    this.s = text == null ? null : text.normalized();
    this.id = id;
    this.out = out;
    this.lastEnd = 0;
    this.bareCheckDigitIds = false;
    this.digits = null;
    this.scratch = null;
    this.view = null;
    return this;
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

  /** A scratch digit buffer, the scan's ({@link #useScratch}) or allocated on first use within this call. */
  int[] digits() {
    if (digits == null) {
      digits = scratch != null ? scratch.digits() : new int[64];
    }
    return digits;
  }

  /** Takes the digit buffer from the scan's per-thread arrays instead of allocating it. */
  void useScratch(ScanScratch s) {
    this.scratch = s;
  }
}
