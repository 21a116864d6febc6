package dev.guardrails;

import java.util.Objects;

/**
 * A detector that failed during a check, and what the check did about it. Carries the exception
 * type, never its message, since a message may quote the checked text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param detector the failing detector's id ({@code "guardrail"} for engine-level errors)
 * @param kind what went wrong: {@code EXCEPTION}, {@code TIMEOUT}, {@code INVALID_FINDING},
 *     {@code INTERRUPTED}; engine-level ({@code "guardrail"}): {@code INPUT_TOO_LARGE},
 *     {@code INPUT_TRUNCATED}, {@code REDACTION_FAILED} (a {@link dev.guardrails.Redactor}
 *     threw; the answer is blocked)
 * @param errorClass the thrown exception's class name, or empty
 * @param action the action applied because of the failure (BLOCK for fail-closed, FLAG for
 *     fail-open)
 */
public record DetectorError(String detector, String kind, String errorClass, Action action) {

  /** Creates an error record; all components are required. */
  public DetectorError {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(action, "action");
  }
}
