package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which finding values count as an echo of a value the user supplied ({@link CheckContext#isUserValue}). */
class CheckContextTest {

  @ParameterizedTest(name = "user {0} / answer {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "jane@example.com | Jane@Example.com | true",
    "jane@example.com | jane@example.org | false",
    "Bob Smith | ' bob smith ' | true",
    "Bob Smith | Bob  Smith | false",
    "4111111111111111 | 4111 1111 1111 1111 | true",
    "4111 1111 1111 1111 | 4111-1111-1111-1111 | true",
    "4111111111111111 | 4111 1111 1111 1112 | false",
    "4111111111111111 | 1111 1111 1111 | false",
    "DE89370400440532013000 | DE89 3704 0044 0532 0130 00 | true",
    "de89 3704 0044 0532 0130 00 | DE89370400440532013000 | true",
    "+1 (212) 555-0123 | +1 212.555.0123 | true",
    "+1 (212) 555-0123 | 212-555-0123 | false",
    "212-555-0123 | (212) 555 0123 | true",
    "AB 12 34 56 C | AB123456C | true",
    "123-45-6789 | 123 45 6789 | true",
    "123-45-6789 | 123-45-6788 | false",
    "12345 | 1 2 3 4 5 | false",
    "4111111111111111 | 4111_1111_1111_1111 | false",
  })
  void echoes(String user, String answer, boolean echo) {
    CheckContext ctx = CheckContext.builder().userValue(user).build();
    assertEquals(echo, ctx.isUserValue(answer));
  }
}
