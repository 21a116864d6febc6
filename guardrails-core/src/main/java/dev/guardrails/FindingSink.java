package dev.guardrails;

/**
 * Where a {@link Detector} reports what it finds. The engine validates each finding (span inside
 * the text) and applies the policy after the detector returns.
 *
 * <p>A sink is handed to one detector call and must not be kept after {@code detect} returns; it is
 * not required to be thread-safe.
 */
@FunctionalInterface
public interface FindingSink {

  /**
   * Reports one finding.
   *
   * @param finding the finding, with a span in the ORIGINAL text
   */
  void accept(Finding finding);
}
