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
 * below that the look-back is cut short and a finding split across the cut can be missed.
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
   * Returns the defaults: {@value #DEFAULT_MAX_HOLD_CHARS} chars, no time limit.
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
   * the larger of this default and 4/3 of its pipeline's largest {@link dev.guardrails.Detector#window()},
   * so that streamed output always equals the whole-text check; an explicit smaller value trades
   * that guarantee for lower latency.
   *
   * @return the maximum, {@code >= 4}
   */
  public int maxHoldChars() {
    return maxHoldChars;
  }

  /** Returns the hold-back a stream over a pipeline whose largest window is {@code window} uses. */
  int effectiveMaxHoldChars(int window) {
    if (maxHoldCharsSet) {
      return maxHoldChars;
    }
    long needed = (window * 4L + 2) / 3 + 1;
    return (int) Math.min(1 << 24, Math.max(maxHoldChars, needed));
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
