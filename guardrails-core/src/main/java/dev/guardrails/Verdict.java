package dev.guardrails;

/**
 * The outcome of one check: the strongest {@link Action} the policy took, with {@code ALLOW}
 * reported as {@code PASS}. The names are part of the CLI's JSONL contract.
 */
public enum Verdict {
  /** Nothing needed action; the safe text equals the input. */
  PASS,
  /** Something was flagged; the safe text equals the input. */
  FLAG,
  /** Something was redacted; the safe text differs from the input. */
  REDACT,
  /** The answer must not be shown; the safe text is the configured block message. */
  BLOCK;

  /**
   * Returns the verdict for the strongest action taken.
   *
   * @param action the strongest action
   * @return the verdict
   */
  public static Verdict of(Action action) {
    return action.verdict(); // the table lives in Action
  }

  /**
   * Returns the CLI exit code for this verdict: 0 pass, 1 flag or redact, 2 block.
   *
   * @return the exit code
   * @deprecated exit codes are the command-line tool's contract, not the library's; the CLI maps
   *     verdicts itself. Scheduled for removal in the next major version.
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public int exitCode() {
    switch (this) {
      case PASS:
        return 0;
      case BLOCK:
        return 2;
      default:
        return 1;
    }
  }
}
