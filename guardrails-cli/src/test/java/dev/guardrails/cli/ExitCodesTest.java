package dev.guardrails.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.Verdict;
import org.junit.jupiter.api.Test;

/** The documented exit codes (README, "guardrails scan"): 0 pass, 1 flag or redact, 2 block. */
class ExitCodesTest {

  @Test
  void documentedCodes() {
    assertEquals(0, ExitCodes.of(Verdict.PASS));
    assertEquals(1, ExitCodes.of(Verdict.FLAG));
    assertEquals(1, ExitCodes.of(Verdict.REDACT));
    assertEquals(2, ExitCodes.of(Verdict.BLOCK));
    assertEquals(4, Verdict.values().length, "a new verdict needs a documented exit code");
  }
}
