package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The run of run chars every match holds, on hand-checked regexes: the run counted by hand from
 * the run chars ({@code +} and up except {@code ,}, and {@code "}), {@code end} the most chars from
 * the match's start to the run's end.
 */
class RunFloorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      // aws-access-token: 4 literal chars then 16 class chars, all run chars
      "\\b((?:AKIA|ASIA)[A-Z2-7]{16})\\b # 20 # 20",
      "[a-z]{8}                           # 8 # 8",
      // a space breaks the run: 'a', ' ', then 3 b's ending at most 5 chars in
      "a b{3}                             # 3 # 5",
      // ',' is no run char
      "ab,c{4}                            # 4 # 7",
      // the weaker branch of an alternation counts (x{12} holds a run of 5 ending 5 chars in too)
      "(?:x{12}|y{5})                     # 5 # 5",
      // an optional part counts its shortest form (none)
      "q{6}(?:r{9})?                      # 6 # 6",
      "\\x41{10}                          # 10 # 10",
      // under (?i) k folds to K (a run char) and the Kelvin sign (a char above U+00FF, read as one)
      "(?i)k{12}                          # 12 # 12",
      // a negated class can match a space
      "[^ ]{20}                           # 0 # 0",
      // \\s is no run char; \\w is
      "\\s\\w{7}                          # 7 # 8",
      // unread syntax: no floor
      "(a{9}                              # 0 # 2147483647",
  })
  void floors(String regex, int run, int end) {
    RunFloor.Floor f = RunFloor.of(regex.trim());
    assertEquals(new RunFloor.Floor(run, end), f, regex);
  }

  /**
   * A capture that must be {@code minLength} long counts as a run that long only when it is all
   * run chars, never empty, and neither repeated nor optional (hand-counted as above).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      // generic-api-key's value: the weaker branch holds 10, a secret passing 3.5 bits 12; "k=" joins the run
      "k=([\\w.=-]{10,}|[a-z0-9][a-z0-9+/]{11,}={0,3}) # 1 # 12 # 14 # 14",
      "k=([\\w.=-]{10,}|[a-z0-9][a-z0-9+/]{11,}={0,3}) # 0 # 12 # 12 # 12",
      "k ([\\w.=-]{10,}|[a-z0-9][a-z0-9+/]{11,}={0,3}) # 1 # 12 # 12 # 14",
      // already longer than asked: unchanged
      "k ([a-z]{20})                                  # 1 # 12 # 20 # 22",
      // a space in the capture: not all run chars, its own floor (7) stays
      "k ([a-z]{3} [a-z]{7})                          # 1 # 12 # 7 # 13",
      // captures counted in source order: the one asked for is raised, the other not
      "([a-z]{4}) ([a-z]{9})                           # 1 # 12 # 12 # 12",
      "([a-z]{4}) ([a-z]{9})                           # 2 # 12 # 12 # 17",
      "([a-z]{4}) ([a-z]{9})                           # 0 # 12 # 9 # 14",
      // optional or repeated: it may be absent or one of several
      "k ([a-z]{9})?                                  # 1 # 12 # 1 # 1",
      "k (?:([a-z]{9}) )+                             # 1 # 12 # 9 # 11",
      // may be empty: then another group or the whole match is the secret
      "k ([a-z]{0,9})                                 # 1 # 12 # 1 # 1",
      // a non-capturing group is not counted: the capture is the second group in the source
      "(?:a{2}) ([a-z]{9})                             # 1 # 12 # 12 # 15",
  })
  void captureFloors(String regex, int capture, int minLength, int run, int end) {
    assertEquals(new RunFloor.Floor(run, end), RunFloor.of(regex.trim(), capture, minLength), regex);
  }

  /** A string of L chars has at most log2(L) bits per char: 3.5 bits need 12 chars (2^3.5 = 11.3). */
  @Test
  void entropyLengths() {
    assertEquals(0, RunFloor.entropyLength(0));
    assertEquals(12, RunFloor.entropyLength(3.5));
    // 2^3 = 8 exactly: eight distinct chars reach 3 bits, so 8 (not 9) is the bound kept
    assertEquals(8, RunFloor.entropyLength(3));
    assertEquals(16, RunFloor.entropyLength(4));
    assertEquals(4, RunFloor.entropyLength(2));
    assertEquals(2, RunFloor.entropyLength(1));
    assertEquals(4, RunFloor.captures("(a)(?:b)(?P<n>c)((d))"));
  }

  /** The char a generic-shaped value starts with after the operator's optional trail, and that trail's length. */
  @Test
  void leadLiterals() {
    // hashicorp-tf-password's value
    assertArrayEquals(new int[] {'"', 5}, RunGate.leadLiteral("[\\x60'\"\\s=]{0,5}(\"[a-z0-9=_\\-]{8,20}\")(?:[\\x60'\"\\s;]|$)"));
    assertArrayEquals(new int[] {'0', 5}, RunGate.leadLiteral("[\\x60'\"\\s=]{0,5}(00[\\w=\\-]{40})"));
    // a letter (case folding, the Kelvin sign) or a value that may start with any of several chars: none
    assertNull(RunGate.leadLiteral("[\\x60'\"\\s=]{0,5}(su[a-zA-Z0-9]{12})"));
    assertNull(RunGate.leadLiteral("[\\x60'\"\\s=]{0,5}([\\w.=-]{10,})"));
    assertNull(RunGate.leadLiteral("\\s*(\"[a-z]{8})"));
    assertNull(RunGate.leadLiteral("(\"a|'b)"));
  }
}
