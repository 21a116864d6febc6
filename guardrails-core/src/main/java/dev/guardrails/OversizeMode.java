package dev.guardrails;

/**
 * What {@link Guardrail#check} and a {@link dev.guardrails.stream.GuardedStream} do with a text
 * longer than the configured maximum ({@link Guardrail.Builder#maxInput(int, OversizeMode)}).
 */
public enum OversizeMode {
  /** BLOCK without scanning, with an {@code INPUT_TOO_LARGE} error. The default. */
  REJECT,
  /**
   * Scan only the first {@code maxInputChars} chars; the safe text is their safe text (the
   * unchecked rest is dropped) and the verdict at least FLAG, with an {@code INPUT_TRUNCATED}
   * error.
   */
  TRUNCATE_AND_FLAG
}
