package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pattern scan's byte view of the text stays aligned with the chars around non-Latin-1 text;
 * a structured number held back by its context is not split into smaller values.
 */
class PiiPatternScanTest {

  private static List<Finding> scan(String text) {
    List<Finding> out = new ArrayList<>();
    new PiiPatternDetector().detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  @Test
  void surrogatePairsBeforeAValueKeepSpansAligned() {
    String value = "DE89 3704 0044 0532 0130 00";
    for (String prefix : new String[] {"\uD83D\uDE00 IBAN ", "\uD83D\uDE00\uD83D\uDE00 x \u0141 IBAN ", "\uD800 IBAN "}) {
      String text = prefix + value + " \uD83D\uDE00 ok";
      List<Finding> found = scan(text);
      assertEquals(1, found.size(), text);
      assertEquals(value, text.substring(found.get(0).start(), found.get(0).end()));
    }
  }

  @Test
  void charsAboveLatin1AreNotLetters() {
    // U+0141 has low byte 0x41 ('A'); it must not join a word
    assertEquals(0, scan("\u0141\u0141123456C").size());
  }

  @Test
  void aCardOrAddressHeldBackByContextIsNotSplitIntoPhoneNumbers() {
    // negative context (a reference, an update) keeps the card and the address from being
    // reported; their pieces ("1111 1111 1111", "192.168.216") must not become phone numbers
    String[] texts = {
      "Quote the reference number. Your account 4111 1111 1111 1111 is linked to the phone number.",
      "After the latest update the host 192.168.216.126 is linked to the phone number on file.",
    };
    for (String text : texts) {
      for (Finding f : scan(text)) {
        assertEquals(false, f.type().name().equals("PHONE"), text + ": " + text.substring(f.start(), f.end()));
      }
    }
    // the same numbers with their own context are reported whole
    assertEquals("CREDIT_CARD", scan("Your card 4111 1111 1111 1111 was charged.").get(0).type().name());
    assertEquals("IP_ADDRESS", scan("The server at 192.168.216.126 rejected it.").get(0).type().name());
  }

  @Test
  void aRunOfMoreThan64DigitsIsScannedNotThrownOn() {
    // 20 groups of up to 19 digits fit one numeric run; the whole run once overflowed the 64-digit
    // scratch buffer (an exception, so a fail-closed pipeline blocked the answer). Its sub-runs are
    // still judged: the card inside is found.
    String run = "1234567894111 1111 1111 1111 5555 1234 4567 4111 1111 1111 1111 4111 1111 1111 1111 2222 3333 4444";
    List<Finding> found = scan("Card: " + run + " end");
    assertEquals(true, found.stream().anyMatch(f -> f.type().name().equals("CREDIT_CARD")), found.toString());
  }

  @Test
  void longStructuredDigitRunsAreScannedWithoutError() {
    // the fuzzers' mutations rarely build 20 digit groups in a row: generate them (1-19 digits
    // per group, the separators a run accepts, '+', '(' and letters glued at the ends)
    java.util.Random r = new java.util.Random(11);
    String[] seps = {" ", "-", ".", "/", " - ", "\n", ") ", " (", ""};
    PiiPatternDetector detector = new PiiPatternDetector();
    for (int it = 0; it < 3000; it++) {
      StringBuilder b = new StringBuilder(r.nextBoolean() ? "Card: " : r.nextBoolean() ? "+" : "(");
      int groups = 1 + r.nextInt(45);
      for (int g = 0; g < groups; g++) {
        int len = 1 + r.nextInt(r.nextInt(4) == 0 ? 19 : 5);
        for (int k = 0; k < len; k++) {
          b.append((char) ('0' + r.nextInt(10)));
        }
        b.append(seps[r.nextInt(seps.length)]);
      }
      b.append(r.nextBoolean() ? "x12 ok" : "abc");
      String text = b.toString();
      List<Finding> out = new ArrayList<>();
      detector.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
      for (Finding f : out) {
        assertEquals(true, f.start() >= 0 && f.end() <= text.length() && f.start() < f.end(), text);
      }
    }
  }
}
