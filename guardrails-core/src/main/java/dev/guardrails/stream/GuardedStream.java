package dev.guardrails.stream;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.internal.EngineAccess;
import dev.guardrails.internal.StreamEngine;
import java.time.Duration;
import java.util.Objects;

/**
 * Guards a streamed answer: feed the model's chunks to {@link #accept(CharSequence)}, show what it
 * returns, and call {@link #complete()} at the end for the rest and the final {@link GuardResult}.
 *
 * <pre>{@code
 * GuardedStream s = GuardedStream.open(guard, ctx);
 * for (String chunk : modelChunks) ui.append(s.accept(chunk));
 * GuardedStream.Completion c = s.complete();
 * ui.append(c.rest());
 * if (c.result().blocked()) ui.replaceWith(guard.blockMessage());
 * }</pre>
 *
 * <p><b>What is held back.</b> Only a bounded tail: the largest {@link Detector#window()} of the
 * pipeline, or (when a {@link Detector#sentenceScoped()} detector is present) up to the last
 * sentence end, never more than {@link StreamOptions#maxHoldChars()}. To stay cheap the stream
 * re-checks only when that maximum is pending, and each detector re-reads only what it needs: the
 * detectors are grouped by window, and a group reads from one of its own windows before the point
 * it has already settled to one of its windows past the new emission point (sentence-scoped
 * detectors read back to a sentence start and up to the end). The findings come from the very
 * engine {@code check} uses (the guardrail's pipeline: same policy, fail modes, linking, verdict
 * rule and redaction); the stream then emits everything no
 * later text can change: up to the largest window before the end, and never into a redaction that
 * is still open.
 *
 * <p><b>Equivalence.</b> When every detector honours its declared window (its findings depend only
 * on the text within that many chars), the concatenation of everything this stream emits equals
 * {@code guard.check(text, ctx).safeText()} for any chunking, redactions included (numbered tags
 * are counted across the whole stream), and no char that check would redact is ever emitted.
 *
 * <p><b>Input limit.</b> The guardrail's {@code maxInput} applies to the whole streamed answer as
 * it does to {@code check}: past it, REJECT blocks the stream ({@code INPUT_TOO_LARGE}) and
 * TRUNCATE_AND_FLAG stops reading (the rest of the answer is neither checked nor shown) and flags
 * it ({@code INPUT_TRUNCATED}), so a runaway model cannot grow the stream's buffers without bound.
 *
 * <p><b>BLOCK</b> stops emission at once: from then on {@link #accept} returns the empty string,
 * and {@link #complete()} reports the BLOCK result and the text already shown.
 *
 * <p><b>Thread safety:</b> not thread-safe. One stream serves one producer (one answer being
 * streamed); open one stream per answer. The {@link Guardrail} that opens streams is shared freely.
 */
public final class GuardedStream {

  /**
   * What {@link #complete()} returns. Immutable; {@link #toString()} prints lengths, not text.
   *
   * @param rest the text to emit after everything {@link #accept} returned; empty when blocked
   * @param result the result of the whole answer; {@code safeText()} is the whole emitted text, or
   *     the block message when blocked
   * @param shown everything this stream emitted, {@code rest} included
   */
  public record Completion(String rest, GuardResult result, String shown) {
    /** Creates a completion; all components are required. */
    public Completion {
      Objects.requireNonNull(rest, "rest");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(shown, "shown");
    }

    @Override
    public String toString() {
      return "Completion[restLength=" + rest.length() + ", result=" + result + ", shownLength=" + shown.length() + "]";
    }
  }

  /** The engine's side of this stream (in the root package, with the pipeline it runs on). */
  private final StreamEngine<GuardResult> run;

  private GuardedStream(StreamEngine<GuardResult> run) {
    this.run = run;
  }

  /**
   * Opens a stream for one streamed answer with {@link StreamOptions#defaults()}.
   *
   * @param guard the guardrail whose pipeline checks the text
   * @param ctx the context of the answer
   * @return a new open stream; one producer at a time
   * @throws NullPointerException if an argument is null
   */
  public static GuardedStream open(Guardrail guard, CheckContext ctx) {
    return open(guard, ctx, StreamOptions.defaults());
  }

  /**
   * Opens a stream for one streamed answer. The stream runs on the guardrail's pipeline (its
   * detectors, policy, fail modes, limits and redaction); partial scans bypass the result cache
   * and the listener, which gets one event for the whole answer at {@link #complete()} (and each
   * distinct detector failure once).
   *
   * @param guard the guardrail whose pipeline checks the text
   * @param ctx the context of the answer
   * @param options the hold-back limits
   * @return a new open stream; one producer at a time
   * @throws NullPointerException if an argument is null
   */
  @SuppressWarnings("unchecked") // the root package's engine completes with a GuardResult
  public static GuardedStream open(Guardrail guard, CheckContext ctx, StreamOptions options) {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(options, "options");
    long maxHoldNanos = options.maxHoldTime().map(Duration::toNanos).orElse(0L);
    return new GuardedStream((StreamEngine<GuardResult>) EngineAccess.get().openStream(
        guard, ctx, options::effectiveMaxHoldChars, options::effectiveFirstScanChars, maxHoldNanos));
  }

  /**
   * Takes the next chunk of the answer and returns the text that is now safe to show (often empty:
   * text is released in batches).
   *
   * @param chunk the next chunk, possibly empty
   * @return the text to append to what was shown; empty once blocked
   * @throws IllegalStateException after {@link #complete()} or {@link #cancel()}
   */
  public String accept(CharSequence chunk) {
    return run.accept(chunk);
  }

  /**
   * Ends the answer: checks the held tail and returns it with the result of the whole answer.
   *
   * @return the rest to show, the result and everything shown
   * @throws IllegalStateException if called twice or after {@link #cancel()}
   */
  public Completion complete() {
    String rest = run.complete();
    return new Completion(rest, run.result(), run.shown());
  }

  /**
   * Abandons the stream (the user went away, the model call failed). Idempotent; later
   * {@link #accept} or {@link #complete()} calls throw.
   */
  public void cancel() {
    run.cancel();
  }

  /**
   * Returns true once a BLOCK decision (or a fail-closed detector error) stopped emission.
   *
   * @return whether the stream is blocked
   */
  public boolean isBlocked() {
    return run.isBlocked();
  }

  /**
   * Returns how many received chars are not yet emitted.
   *
   * @return the held-back length
   */
  public int pendingChars() {
    return run.pendingChars();
  }

  /**
   * Returns the look-back this stream keeps before the end of the received text, in chars: the
   * pipeline's largest window, capped by the options.
   *
   * @return the hold-back
   */
  public int holdback() {
    return run.holdback();
  }

  /**
   * Returns how many times the stream ran the detectors so far.
   *
   * @return the number of scans
   */
  public int scans() {
    return run.scans();
  }

  /**
   * Returns how many chars the detectors scanned so far, context included, averaged over the
   * detectors (each scan of a range counts its length times the detectors that read it, divided by
   * the pipeline's detector count), so one {@code check} of a text scores its length.
   *
   * @return chars scanned
   */
  public long scannedChars() {
    return run.scannedChars();
  }

  @Override
  public String toString() {
    return run.toString();
  }
}
