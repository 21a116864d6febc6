package dev.guardrails.detectors.claims;

import static dev.guardrails.detectors.claims.ClaimCheckerTest.SOURCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Source;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The learned score on composed answers, bad sources, the missing model and the reason's cue. */
class ClaimCheckerInputTest {

  @Test
  void oneInventedClaimAmongSupportedOnesFlagsTheAnswer() {
    ClaimChecker.Assessment a = ClaimChecker.assess(
        "The company was founded in 1998 in Austin, Texas. The company was acquired by Globex Corporation last week. "
            + "The board approved the merger with Northwind Traders in March.", SOURCES);
    assertEquals(3, a.claims().size());
    assertEquals(ClaimChecker.Outcome.SUPPORTED, a.claims().get(0).outcome());
    assertEquals(ClaimChecker.Outcome.UNSUPPORTED, a.claims().get(1).outcome());
    assertEquals(ClaimChecker.Outcome.SUPPORTED, a.claims().get(2).outcome());
    assertTrue(a.score() >= ClaimChecker.RESPONSE_THRESHOLD, "one invented claim still flags the answer: " + a.score());
    assertTrue(a.score() > 0 && a.score() < 1);
  }

  @Test
  void emptyBinaryOrForeignSourcesSupportNothing() {
    String answer = "The company was founded in 1998 in Austin, Texas, by three engineers.";
    String[] sources = {"", "   \n\t ", "\u0000\u0001\u0002\uFFFD\uFFFD\u0007\u0003",
        "Die Firma wurde von drei Ingenieurinnen gegr\u00fcndet und hat ihren Sitz in der Stadt."};
    for (String src : sources) {
      ClaimChecker.Assessment a = ClaimChecker.assess(answer, List.of(Source.of("s", src)));
      assertEquals(1, a.claims().size());
      assertTrue(a.claims().get(0).outcome() != ClaimChecker.Outcome.SUPPORTED, "source of length " + src.length());
      assertTrue(a.score() >= ClaimChecker.RESPONSE_THRESHOLD, "score " + a.score());
    }
    assertEquals(ClaimChecker.Outcome.UNSUPPORTED, ClaimChecker.assess(answer, List.of()).claims().get(0).outcome());
  }

  @Test
  void hugeSourceIsBoundedInTime() {
    StringBuilder b = new StringBuilder(10_500_000);
    Random r = new Random(7);
    while (b.length() < 10_000_000) {
      b.append("word").append(r.nextInt(5000)).append(r.nextInt(9) == 0 ? ". " : " ");
    }
    b.append(SOURCES.get(0).text());
    long t0 = System.nanoTime();
    ClaimChecker.Assessment a = ClaimChecker.assess("The company was founded in 1998 in Austin, Texas, by three engineers.",
        List.of(Source.of("big", b.toString())));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, a.claims().size());
    assertEquals(ClaimChecker.Outcome.SUPPORTED, a.claims().get(0).outcome());
    assertTrue(ms < 60_000, "10 MB source took " + ms + " ms");
  }

  @Test
  void missingModelFailsWithAClearMessage() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClaimModel.load("no-such-model.tsv"));
    assertTrue(e.getMessage().contains("no-such-model.tsv") && e.getMessage().contains("missing"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new ClaimGroundingDetector("no-such-model.tsv"));
  }

  @Test
  void numberReasonPointsAtTheNumber() {
    String claim = "Revenue grew by 31% to $2.3 billion in 2023, according to the annual report.";
    ClaimChecker.Verdict v = ClaimChecker.assess(claim, SOURCES).claims().get(0);
    assertTrue(v.outcome() != ClaimChecker.Outcome.SUPPORTED);
    assertTrue(v.reason().contains("number"), v.reason());
    assertEquals("31%", claim.substring(v.cue().orElseThrow().start(), v.cue().orElseThrow().end()));
  }
}
