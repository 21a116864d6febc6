package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.testing.DetectorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimGroundingDetectorTest extends DetectorContract {

  private static final Detector DETECTOR = new ClaimGroundingDetector();

  @Override
  protected Detector detector() {
    return DETECTOR;
  }

  @Override
  protected CheckContext context() {
    CheckContext.Builder b = CheckContext.builder();
    ClaimCheckerTest.SOURCES.forEach(b::source);
    return b.build();
  }

  @Override
  protected int concurrentChecks() {
    return 300;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "The company was founded in 2004 in Austin, Texas, by three engineers.",
        "The city's population reached 1,500,000 in 2020.",
        "Thanks for asking! The company was acquired by Globex Corporation.",
        "The bridge opened in May\u200B 1952 after four years of construction.",
        "");
  }

  @Test
  void contradictionSpansTheSentenceWithEvidence() {
    String text = "Sure. The company was founded in 2004 in Austin, Texas, by three engineers.";
    List<Finding> found = run(text);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(ClaimGroundingDetector.CONTRADICTED, f.type());
    assertEquals("The company was founded in 2004 in Austin, Texas, by three engineers.", text.substring(f.start(), f.end()));
    assertEquals("report", f.evidence().orElseThrow().sourceId());
  }

  @Test
  void supportedClaimsGiveNoFinding() {
    assertEquals(List.of(), run("The city's population reached 1,500,000 in 2020."));
  }

  @Test
  void noSourcesNoFindings() {
    List<Finding> out = new java.util.ArrayList<>();
    DETECTOR.detect(dev.guardrails.text.AnalyzedText.of("The company was founded in 2004."), CheckContext.empty(), out::add);
    assertTrue(out.isEmpty());
  }
}
