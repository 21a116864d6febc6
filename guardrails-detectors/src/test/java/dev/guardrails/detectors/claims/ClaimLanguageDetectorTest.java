package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.testing.DetectorContract;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimLanguageDetectorTest extends DetectorContract {

  private static final Detector DETECTOR = new ClaimLanguageDetector();

  @Override
  protected Detector detector() {
    return DETECTOR;
  }

  @Override
  protected int concurrentChecks() {
    return 1_000;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "Studies show that 90% of users prefer dark mode.",
        "Experts agree this is the safest option available, guaranteed.",
        "See https://doi.org/10.1234/abcd.2021.001 for the full analysis [12].",
        "According to the 2023 report by Gartner, spending rose.",
        "Always back up your files before upgrading.");
  }

  private static List<Finding> check(String text, CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    DETECTOR.detect(AnalyzedText.of(text), ctx, out::add);
    return out;
  }

  private static long count(List<Finding> fs, FindingType t) {
    return fs.stream().filter(f -> f.type().equals(t)).count();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Studies show that coffee improves memory.|studies show|UNSUPPORTED_ATTRIBUTION",
      "Experts agree the method is reliable.|experts agree|UNSUPPORTED_ATTRIBUTION",
      "Research proves that the treatment works.|research proves|UNSUPPORTED_ATTRIBUTION",
      "According to scientists, the ice is melting faster.|according to scientists|UNSUPPORTED_ATTRIBUTION",
      "The treatment is 100% safe for children.|100% safe|OVERCONFIDENT",
      "This investment is guaranteed to double.|guaranteed|OVERCONFIDENT",
      "Details are at https://example.org/paper.pdf.|https://example.org/paper.pdf|UNVERIFIABLE_CITATION",
      "The effect was large (doi: 11.23/xyz).|doi: 11.23/xyz|UNVERIFIABLE_CITATION",
      "The effect was large [12].|[12]|UNVERIFIABLE_CITATION",
      "Revenue grew by 18.4% last year.|Revenue grew by 18.4% last year.|UNSUPPORTED",
  })
  void flagsWithoutSources(String text, String span, String type) {
    List<Finding> found = check(text, CheckContext.empty());
    assertTrue(found.stream().anyMatch(f -> f.type().name().equals(type) && text.substring(f.start(), f.end()).equalsIgnoreCase(span)),
        () -> "expected " + type + " on '" + span + "' in " + found);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "According to the World Health Organization, studies show a decline.",
      "A study by Smith et al. (2020) found a small effect.",
      "Always back up your files before upgrading.",
      "The team reviewed the feedback and prioritized the most requested features.",
      "Do studies show anything?",
  })
  void nearMissesAreNotFlagged(String text) {
    assertEquals(List.of(), check(text, CheckContext.empty()));
  }

  @Test
  void urlPresentInSourcesIsNotFlaggedAbsentOneIs() {
    CheckContext ctx = CheckContext.builder()
        .source("kb", "Full results: https://example.org/results/2023 (updated weekly).").build();
    List<Finding> found = check("See https://example.org/results/2023 and http://www.example.org/results/2023/ "
        + "but not https://fake.example.net/study.", ctx);
    assertEquals(1, count(found, ClaimLanguageDetector.UNVERIFIABLE_CITATION), found::toString);
    Finding f = found.stream().filter(x -> x.type().equals(ClaimLanguageDetector.UNVERIFIABLE_CITATION)).findFirst().orElseThrow();
    assertTrue(f.message().contains("link"));
  }

  @Test
  void attributionsAreLeftToGroundingWhenSourcesExist() {
    CheckContext ctx = CheckContext.builder().source("kb", "Coffee improves memory in adults.").build();
    assertEquals(0, count(check("Studies show that coffee improves memory.", ctx), ClaimLanguageDetector.UNSUPPORTED_ATTRIBUTION));
  }

  /** A char whose lower case is longer ('\u0130') before a phrase: the span is the phrase's, and the detector does not throw. */
  @Test
  void phraseAfterACharWhoseLowerCaseIsLonger() {
    String text = "\u0130stanbul experts agree the bridge is safe. R\u0130SK aside, this plan is guaranteed to work.";
    List<Finding> fs = check(text, CheckContext.empty());
    List<String> found = new ArrayList<>();
    for (Finding f : fs) {
      found.add(f.type().name() + ":" + text.substring(f.start(), f.end()));
    }
    assertTrue(found.contains("UNSUPPORTED_ATTRIBUTION:experts agree"), found.toString());
    assertTrue(found.contains("OVERCONFIDENT:guaranteed"), found.toString());
  }
}
