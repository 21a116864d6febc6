package dev.guardrails;

import java.util.Objects;

/**
 * A finding together with the action the policy chose for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param finding what was found
 * @param action what the policy decided
 */
public record Decision(Finding finding, Action action) {

  /** Creates a decision; both components are required. */
  public Decision {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(action, "action");
  }
}
