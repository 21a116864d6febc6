package dev.guardrails.client;

import dev.guardrails.GuardResult;
import java.util.Objects;

/**
 * Thrown by a wrapped model call when the answer was blocked and no fallback applies. Carries the
 * {@link GuardResult}; its message names verdict, finding types and spans only, never raw text.
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardrailViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient GuardResult result;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param result the blocking result
   * @param attempts how many times the model was called
   */
  public GuardrailViolationException(GuardResult result, int attempts) {
    super("model answer blocked by guardrail after " + attempts + " attempt(s): " + Objects.requireNonNull(result, "result"));
    this.result = result;
    this.attempts = attempts;
  }

  /**
   * Returns the result of the last check.
   *
   * @return the result, verdict BLOCK
   */
  public GuardResult result() {
    return result;
  }

  /**
   * Returns how many times the model was called (1 plus the re-asks).
   *
   * @return the attempts
   */
  public int attempts() {
    return attempts;
  }
}
