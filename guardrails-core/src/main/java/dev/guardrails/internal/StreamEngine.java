package dev.guardrails.internal;

/**
 * The engine's side of one streamed answer, implemented in the root package and driven by the
 * public {@code dev.guardrails.stream.GuardedStream}, which documents each operation. Not part of
 * the public API.
 *
 * <p>Not thread-safe: one producer per stream.
 *
 * @param <R> the result type ({@code dev.guardrails.GuardResult})
 */
public interface StreamEngine<R> {

  /**
   * Takes the next chunk and returns the text now safe to show.
   *
   * @param chunk the next chunk
   * @return the text to append to what was shown
   */
  String accept(CharSequence chunk);

  /**
   * Ends the answer and returns the rest to show; {@link #result()} is set from then on.
   *
   * @return the rest
   */
  String complete();

  /**
   * Returns the result of the whole answer.
   *
   * @return the result
   * @throws IllegalStateException before {@link #complete()}
   */
  R result();

  /**
   * Returns everything emitted so far.
   *
   * @return the emitted text
   */
  String shown();

  /** Abandons the stream. */
  void cancel();

  /**
   * Returns whether a BLOCK stopped emission.
   *
   * @return true when blocked
   */
  boolean isBlocked();

  /**
   * Returns the received chars not yet emitted.
   *
   * @return the held-back length
   */
  int pendingChars();

  /**
   * Returns the look-back kept before the end of the received text.
   *
   * @return the hold-back in chars
   */
  int holdback();

  /**
   * Returns how many times the detectors ran.
   *
   * @return the number of scans
   */
  int scans();

  /**
   * Returns the chars scanned, averaged over the detectors.
   *
   * @return chars scanned
   */
  long scannedChars();
}
