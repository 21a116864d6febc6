package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.testing.DetectorContract;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailDetectorTest extends DetectorContract {

  private static final Detector DETECTOR = new EmailDetector();

  @Override
  protected Detector detector() {
    return DETECTOR;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "Write to jane.doe@example.com for details.",
        "No address here, just text about @mentions.",
        "Two: a@b.io and first.last+tag@sub.domain.co.uk.",
        "Obfuscated: jo\u200Bhn@exa\u200Bmple.org",
        "Version 1.2.3 and user@localhost are not emails.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Write to jane.doe@example.com now.|jane.doe@example.com",
      "mail: first.last+tag@sub.domain.co.uk.|first.last+tag@sub.domain.co.uk",
      "(x_y%z@mail-server.io)|x_y%z@mail-server.io",
      "JOHN@EXAMPLE.COM|JOHN@EXAMPLE.COM",
      "end: a@b.de|a@b.de",
  })
  void findsEmails(String text, String expected) {
    List<Finding> found = run(text);
    assertEquals(1, found.size(), "findings");
    Finding f = found.get(0);
    assertEquals(expected, text.substring(f.start(), f.end()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "user@localhost",
      "user@example.notatld",
      "@example.com",
      "user.@example.com",
      "a..b@example.com",
      "user@-example.com",
      "user@example.c0m",
      "see @home.",
      "user@123.45",
  })
  void rejectsNearMisses(String text) {
    assertEquals(List.of(), run(text));
  }

  @org.junit.jupiter.api.Test
  void zeroWidthObfuscationMapsToOriginalSpan() {
    String text = "Obfuscated: jo\u200Bhn@exa\u200Bmple.org!";
    List<Finding> found = run(text);
    assertEquals(1, found.size());
    assertEquals("jo\u200Bhn@exa\u200Bmple.org", text.substring(found.get(0).start(), found.get(0).end()));
  }
}
