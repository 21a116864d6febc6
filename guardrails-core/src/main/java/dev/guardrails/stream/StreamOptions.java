package dev.guardrails.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much a {@link GuardedStream} may hold back: a maximum in chars (the unemitted tail never
 * grows past it after {@link GuardedStream#accept(CharSequence)} returns, unless a finding still
 * being redacted straddles the cut) and an optional maximum in time.
 *
 * <p>The char maximum also sets the batching: the stream re-checks its tail only when that many
 * chars are pending, then emits all but the detectors' look-back window. A larger maximum means
 * fewer re-checks (cheaper) and a later first emission; see {@code docs/streaming.md} for numbers.
 * To keep the stream's output exactly equal to {@code check(text).safeText()}, the maximum must be
 * at least {@code 4/3} of the largest {@link dev.guardrails.Detector#window()} of the pipeline;
 * below that the look-back is cut short and a finding split across the cut can be missed. When no
 * maximum is set, a stream derives one from its pipeline: twice the largest window (2,048 chars for
 * the default pipeline), with the first re-check already at 4/3 of it (1,366), so the first text
 * shows as early as exactness allows and later text comes in batches of about one window.
 *
 * <p>Immutable and thread-safe.
 */
public final class StreamOptions {

  /** Default maximum hold-back, in chars. */
  public static final int DEFAULT_MAX_HOLD_CHARS = 1024;

  private static final StreamOptions DEFAULTS = builder().build();

  private final int maxHoldChars;
  private final boolean maxHoldCharsSet;
  private final Duration maxHoldTime;

  private StreamOptions(Builder b) {
    this.maxHoldChars = b.maxHoldChars;
    this.maxHoldCharsSet = b.maxHoldCharsSet;
    this.maxHoldTime = b.maxHoldTime;
  }

  /**
   * Returns the defaults: no time limit, and a char maximum derived from the pipeline (the larger of
   * {@value #DEFAULT_MAX_HOLD_CHARS} and twice its largest window; see {@link #maxHoldChars()}).
   *
   * @return the default options
   */
  public static StreamOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a new builder, starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the maximum number of received chars held back. When not set explicitly, a stream uses
   * the larger of this default and twice its pipeline's largest {@link dev.guardrails.Detector#window()}
   * (first re-check at 4/3 of that window), so that streamed output always equals the whole-text
   * check; an explicit value (at least 4/3 of the window to stay exact) trades cost for latency.
   *
   * @return the maximum, {@code >= 4}
   */
  public int maxHoldChars() {
    return maxHoldChars;
  }

  /**
   * Returns the hold-back a stream over a pipeline whose largest window is {@code window} uses: an
   * explicit maximum, else the larger of the default and twice the window (the stream then emits
   * in batches of about one window, so each re-check reads about twice what it releases).
   */
  int effectiveMaxHoldChars(int window) {
    if (maxHoldCharsSet) {
      return maxHoldChars;
    }
    return (int) Math.min(1 << 24, Math.max(maxHoldChars, 2L * window));
  }

  /**
   * Returns how many received chars trigger a stream's first re-check: an explicit maximum, else
   * the least that still keeps the output exact (4/3 of the largest window, at least the default),
   * so the first text shows early even though later batches are larger.
   */
  int effectiveFirstScanChars(int window) {
    int max = effectiveMaxHoldChars(window);
    if (maxHoldCharsSet) {
      return max;
    }
    long exact = (window * 4L + 2) / 3 + 1;
    return (int) Math.min(max, Math.max(Math.min(maxHoldChars, max), exact));
  }

  /**
   * Returns the maximum time text may wait for a re-check, if set.
   *
   * @return the limit, or empty when only the char limit applies
   */
  public Optional<Duration> maxHoldTime() {
    return Optional.ofNullable(maxHoldTime);
  }

  @Override
  public String toString() {
    return "StreamOptions[maxHoldChars=" + maxHoldChars + ", maxHoldTime=" + maxHoldTime + "]";
  }

  /** Builds {@link StreamOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxHoldChars = DEFAULT_MAX_HOLD_CHARS;
    private boolean maxHoldCharsSet;
    private Duration maxHoldTime;

    private Builder() {}

    /**
     * Sets the maximum hold-back in chars.
     *
     * @param chars the maximum, {@code >= 4}
     * @return this builder
     * @throws IllegalArgumentException if {@code chars < 4}
     */
    public Builder maxHoldChars(int chars) {
      if (chars < 4) {
        throw new IllegalArgumentException("max hold-back must be >= 4 chars: " + chars);
      }
      this.maxHoldChars = chars;
      this.maxHoldCharsSet = true;
      return this;
    }

    /**
     * Sets the maximum time received text may wait before the stream re-checks and emits what the
     * detectors' windows allow, even if fewer than {@link #maxHoldChars(int)} chars are pending.
     * Checked on each {@link GuardedStream#accept(CharSequence)}. The look-back window itself is
     * still held.
     *
     * @param time the limit, positive
     * @return this builder
     * @throws IllegalArgumentException if the time is zero or negative
     */
    public Builder maxHoldTime(Duration time) {
      Objects.requireNonNull(time, "time");
      if (time.isNegative() || time.isZero()) {
        throw new IllegalArgumentException("max hold time must be positive: " + time);
      }
      this.maxHoldTime = time;
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the immutable options
     */
    public StreamOptions build() {
      return new StreamOptions(this);
    }
  }
}
