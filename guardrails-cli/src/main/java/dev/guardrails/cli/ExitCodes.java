package dev.guardrails.cli;

import dev.guardrails.Verdict;

/**
 * The CLI's exit codes: 0 pass, 1 flag or redact, 2 block (usage and I/O errors use picocli's and
 * the commands' own codes). A CLI contract, so it lives here rather than on {@link Verdict}.
 */
final class ExitCodes {

  private ExitCodes() {}

  /**
   * Returns the exit code for a verdict.
   *
   * @param v the verdict
   * @return 0 pass, 1 flag or redact, 2 block
   */
  static int of(Verdict v) {
    switch (v) {
      case PASS:
        return 0;
      case BLOCK:
        return 2;
      default:
        return 1;
    }
  }
}
