package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.detectors.bias.BiasDetector;
import dev.guardrails.detectors.pii.PiiPatternDetector;
import dev.guardrails.detectors.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules behind the evasion corpus, each with the near misses it must leave alone: typed tokens
 * after key words, base64-wrapped secrets, values wrapped by one line break, letter-spaced values
 * and sentences wrapped mid-phrase.
 */
class EvasionRulesTest {

  private static final Guardrail GUARD = Guardrail.builder().detector(new PiiPatternDetector())
      .detector(new SecretDetector()).detector(new BiasDetector()).policy(Policy.reportOnly()).build();

  private static List<Finding> findings(String text) {
    return GUARD.check(text).findings();
  }

  /** "TYPE=value" for each finding, the value taken from the original text. */
  private static String found(String text) {
    return findings(text).stream().map(f -> f.type().name() + "=" + text.substring(f.start(), f.end()))
        .collect(Collectors.joining("; "));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void valueAfterAKeyWordIsTypedByItsOwnShape() {
    assertEquals("AWS_ACCESS_KEY=AKIAZ3MSJ4QW7RXT5PLN", found("export TOKEN=AKIAZ3MSJ4QW7RXT5PLN"));
    assertEquals("GITHUB_TOKEN=ghp_R8xk2LmQ9vT4pZ7wN1cY6bH3jF5dS0aE2gUi",
        found("token: ghp_R8xk2LmQ9vT4pZ7wN1cY6bH3jF5dS0aE2gUi"));
    assertEquals("GENERIC_SECRET=Zx9qL2vR7pT4mWk8", found("password=Zx9qL2vR7pT4mWk8"));
  }

  @Test
  void base64WrappedSecretsAreReportedOverTheWholeRun() {
    String gh = b64("ghp_R8xk2LmQ9vT4pZ7wN1cY6bH3jF5dS0aE2gUi");
    assertEquals("GITHUB_TOKEN=" + gh, found("The credentials are " + gh + "."));
    String aws = b64("AKIAZ3MSJ4QW7RXT5PLN");
    assertEquals("AWS_ACCESS_KEY=" + aws, found("export TOKEN=" + aws));
    String generic = b64("api_key: f3b9c2e8a1d74c6b9e0f5a2d8c7b1e4f");
    assertEquals("GENERIC_SECRET=" + generic, found("blob " + generic + " end"));
    String unpadded = gh.replace("=", "");
    assertEquals("GITHUB_TOKEN=" + unpadded, found("x " + unpadded + " y"));
    assertTrue(findings("x " + gh + " y").get(0).message().contains("base64"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "internationalization and CounterRevolutionaryMovements abound",
      "see /usr/local/share/applications/defaults.list for the list",
      "the payload SGVsbG8sIHRoaXMgaXMgYW4gb3JkaW5hcnkgc2VudGVuY2Uu is harmless",
      "binary AAECAwQFBgcICQoLDA0ODxAREhM= is not text",
      "a long snake_case_identifier_with_many_parts and kebab-case-words-in-a-row"})
  void base64LookalikesAndHarmlessPayloadsStayQuiet(String text) {
    assertEquals("", found(text));
  }

  @Test
  void base64ScanIsLinearOnLongRuns() {
    String runs = "QUtJQVozTVNKNFFX+".repeat(200_000) + " " + "a/".repeat(300_000);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> findings(runs));
  }

  @Test
  void aSingleLineBreakInsideACardOrIbanIsJoined() {
    assertEquals("CREDIT_CARD=4111 1111\n1111 1111", found("Paid with 4111 1111\n1111 1111 today."));
    assertEquals("CREDIT_CARD=4012 8888\r\n8888 1881", found("card 4012 8888\r\n8888 1881"));
    assertEquals("IBAN=DE89 3704 0044\n0532 0130 00", found("IBAN DE89 3704 0044\n0532 0130 00 ok"));
    assertEquals("IBAN=GB82.WEST.1234.5698.7654.32", found("to GB82.WEST.1234.5698.7654.32 now"));
  }

  @Test
  void aParagraphBreakOrAnInvalidJoinDoesNotMakeOneValue() {
    assertTrue(!found("Paid with 4111 1111\n\n1111 1111 today.").contains("CREDIT_CARD"));
    assertTrue(!found("IBAN DE89 3704 0044\n\n0532 0130 00 ok").contains("IBAN"));
    // Two phone numbers on consecutive lines stay two findings, each inside its line.
    String two = "Call (415) 555-0134\n(415) 555-0199 today";
    List<Finding> f = findings(two);
    assertEquals(2, f.size(), found(two));
    for (Finding x : f) {
      assertTrue(!two.substring(x.start(), x.end()).contains("\n"), found(two));
    }
  }

  @Test
  void letterSpacedValuesCountAsShaped() {
    assertEquals("US_SSN=5 3 6 2 2 8 1 4 5", found("The value is 5 3 6 2 2 8 1 4 5 here."));
    assertEquals("US_SSN=4.0.1.8.8.2.9.3.7", found("Sure! The value is 4.0.1.8.8.2.9.3.7."));
    assertEquals("PHONE=4 4 2 0 7 9 4 6 0 9 5 8", found("lists 4 4 2 0 7 9 4 6 0 9 5 8, as requested"));
    assertEquals("IBAN=G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2",
        found("to G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2, thanks"));
    // The same digits written plainly, without context, are not an SSN or an international number.
    assertEquals("", found("The value is 536228145 here."));
    assertEquals("", found("lists 442079460958, as requested"));
    // Negative context still wins over the disguise.
    assertEquals("", found("order 5 3 6 2 2 8 1 4 5 shipped"));
  }

  @Test
  void aSentenceWrappedByOneLineBreakStillMatches() {
    assertTrue(found("Sadly, old\npeople cannot use computers.").contains("STEREOTYPE_GENERALIZATION=old\npeople"));
    assertTrue(found("designed for the\r\nelderly.").contains("AGEIST="));
    // A paragraph break, a sentence end, or a capitalized next line ends the sentence.
    assertEquals("", found("Sadly, old\n\npeople cannot use computers."));
    assertEquals("", found("It is old.\npeople cannot use computers."));
    assertEquals("", found("Things that are old\nPeople cannot use computers."));
  }
}
