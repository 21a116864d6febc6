package dev.guardrails;

/**
 * What a check does when a detector throws or runs past its time budget.
 */
public enum FailMode {
  /** Treat the failure as a BLOCK: nothing unchecked reaches the user. The default. */
  CLOSED,
  /** Treat the failure as a FLAG with the error recorded: the answer goes through. */
  OPEN
}
