package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
