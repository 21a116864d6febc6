package dev.guardrails;

/**
 * What a {@link Policy} decides to do about a finding, ordered from weakest to strongest:
 * {@code ALLOW < FLAG < REDACT < BLOCK}. A result's verdict is the strongest action taken.
 *
 * <p><b>The table of actions.</b> Each constant says, in one row, everything the engine needs to
 * know about it: the {@link Verdict} it yields, and its {@link Effect} on the text (kept, its span
 * replaced, or the whole answer withheld). The engine, the stream and the client wrappers read
 * these properties and never switch on the constants, so adding an action is one row here (see
 * CONTRIBUTING.md). Policy files name actions with {@link #valueOf}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Action {
  /** Ignore the finding: it is reported but changes nothing. */
  ALLOW(Verdict.PASS, Effect.KEEP),
  /** Report the finding and leave the text as it is. */
  FLAG(Verdict.FLAG, Effect.KEEP),
  /** Replace the finding's span in the safe text with the redaction operator's output. */
  REDACT(Verdict.REDACT, Effect.REPLACE_SPAN),
  /** Withhold the whole answer. */
  BLOCK(Verdict.BLOCK, Effect.WITHHOLD_ANSWER);

  /** What an action does to the text the user sees. */
  public enum Effect {
    /** The text is shown as it is. */
    KEEP,
    /** The finding's span is replaced through the policy's redactor (overlaps merged). */
    REPLACE_SPAN,
    /** Nothing of the answer is shown; the safe text is the block message. */
    WITHHOLD_ANSWER
  }

  private final Verdict verdict;
  private final Effect effect;

  Action(Verdict verdict, Effect effect) {
    this.verdict = verdict;
    this.effect = effect;
  }

  /**
   * Returns the verdict of a result whose strongest action is this one.
   *
   * @return the verdict
   */
  public Verdict verdict() {
    return verdict;
  }

  /**
   * Returns what this action does to the text.
   *
   * @return the effect
   */
  public Effect effect() {
    return effect;
  }

  /**
   * Returns true when the finding's span must not be shown as it is: replaced or withheld. A
   * stream holds such a span back until it is final; a re-ask names its type.
   *
   * @return whether the span is hidden
   */
  public boolean hidesSpan() {
    return effect != Effect.KEEP;
  }

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
