package dev.guardrails;

/**
 * What a {@link Policy} decides to do about a finding, ordered from weakest to strongest:
 * {@code ALLOW < FLAG < REDACT < BLOCK}. A result's verdict is the strongest action taken.
 */
public enum Action {
  /** Ignore the finding: it is reported but changes nothing. */
  ALLOW,
  /** Report the finding and leave the text as it is. */
  FLAG,
  /** Replace the finding's span in the safe text with the redaction operator's output. */
  REDACT,
  /** Withhold the whole answer. */
  BLOCK;

  /**
   * Returns the stronger of two actions.
   *
   * @param other the other action
   * @return {@code this} or {@code other}, whichever is stronger
   */
  public Action max(Action other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
