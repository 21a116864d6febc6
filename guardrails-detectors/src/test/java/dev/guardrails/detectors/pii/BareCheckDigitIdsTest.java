package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The opt-in {@link PiiPatternDetector.Builder#bareCheckDigitIds}: a bare compact number whose
 * check digit fits an ID is reported at 0.4 with it and not without it; everything the default
 * reports stays as it was (a leading 0 makes a compact number a phone: {@code 046454286}, the SIN
 * of Service Canada's examples, stays PHONE).
 *
 * <p>Values checked by hand: {@code 130692544} passes Luhn (4 + 8 + 5 + 4 + 9 + 3 + 0 + 6 + 1 =
 * 40). {@code 10000000146} is the usual TC Kimlik example (tenth digit (1 + 0 + 0 + 0 + 1) x 7 - 0
 * = 14 -> 4, eleventh (1 + 1 + 4) mod 10 = 6), not an ABN (weights 10 1 3 ... on 0000000014 6: 15 +
 * 68 + 114 = 197, not a multiple of 89) nor a PESEL (month 00). {@code 130692547} fails Luhn (40 +
 * 3), the TFN (weights 1 4 3 7 5 8 6 9 10: 252, 10 mod 11), the ACN (check 5, not 7), the LANR (4 +
 * 27 + 0 + 54 + 36 + 18 = 139: check 1, not 5) and ABA (prefix 13 is no Federal Reserve district).
 */
class BareCheckDigitIdsTest {

  private static final Guardrail DEFAULT = Guardrail.builder().detector(new PiiPatternDetector())
      .policy(Policy.defaults()).build();
  private static final Guardrail BARE = Guardrail.builder()
      .detector(PiiPatternDetector.builder().bareCheckDigitIds(true).build()).policy(Policy.defaults()).build();

  private static List<Finding> find(Guardrail g, String text) {
    return g.check(text, CheckContext.empty()).findings();
  }

  @Test
  void bareSinIsReportedOnlyWithTheOptIn() {
    String text = "The value 130692544 was noted.";
    assertTrue(find(DEFAULT, text).isEmpty(), "default: " + find(DEFAULT, text));
    List<Finding> bare = find(BARE, text);
    assertEquals(1, bare.size(), bare.toString());
    assertEquals("CA_SIN", bare.get(0).type().name());
    assertEquals(10, bare.get(0).start());
    assertEquals(19, bare.get(0).end());
    assertEquals(0.4, bare.get(0).score(), 1e-9);
  }

  @Test
  void bareTcknIsReportedWithTheOptIn() {
    String text = "It reads 10000000146 on the form.";
    assertTrue(find(DEFAULT, text).isEmpty(), "default: " + find(DEFAULT, text));
    List<Finding> bare = find(BARE, text);
    assertEquals(1, bare.size(), bare.toString());
    assertEquals("TR_TCKN", bare.get(0).type().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"The value 130692547 was noted.", "Order 130692544 shipped today.",
      "ISBN 0871502364 and SKU 826663175660.", "Pages 123456789 and 1111111111 and 3.141592653."})
  void nearMissesAndNegativeContextStayUnreported(String text) {
    assertTrue(find(BARE, text).isEmpty(), find(BARE, text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SIN: 046 454 286 and SIN 130692544", "The value 046454286 was noted.",
      "Call (415) 555-0132 or +44 20 7946 0958.",
      "Card 4111 1111 1111 1111 and SSN 123-45-6789.", "TC kimlik no 10000000146."})
  void whatTheDefaultReportsIsUnchanged(String text) {
    assertFalse(find(DEFAULT, text).isEmpty(), "the sample must hold a default finding: " + text);
    assertEquals(find(DEFAULT, text), find(BARE, text));
  }

  @Test
  void toStringNamesTheSettingOnly() {
    assertEquals("PiiPatternDetector[bareCheckDigitIds=true]",
        PiiPatternDetector.builder().bareCheckDigitIds(true).build().toString());
    assertEquals("PiiPatternDetector[bareCheckDigitIds=false]", new PiiPatternDetector().toString());
  }
}
