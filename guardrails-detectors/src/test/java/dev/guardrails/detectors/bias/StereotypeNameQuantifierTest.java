package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Detector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Generalizing quantifiers and capitalized names (issue 16), on hand-written probes ({@code name-quantifier-probes.tsv}):
 * "the average X" + a modal or trait is read like "the typical X" and "every X" by the generalization rule ("The average
 * woman can't drive"), while "the average X" with a statistic stays quiet; a group word inside a capitalized name ("the
 * Michigan Women's Hall of Fame", "the Muslim Brotherhood") is no group mention ({@link StereotypeFrames#named}), while a
 * mention with a name before it only ("In Texas, Mexicans are lazy") or a copula after it stays one. Any
 * {@code STEREOTYPE*} finding of the default detector counts.
 */
class StereotypeNameQuantifierTest {

  private static final Detector DETECTOR = new BiasDetector();

  /**
   * Floors: before the change 12 of the 14 quiet rows were quiet (the model flagged "The Gay Men's Chorus of Los Angeles
   * is always loud" and "The Muslim Brotherhood is a dangerous organisation") and 6 of the 14 stereotypes found ("the
   * average X" was no quantifier: "The average woman can't drive" passed); with it 14 of 14 quiet and 12 of 14 found.
   * Missed: "The average teenager is lazy", "The average American is ignorant": singulars the rule's lexicon has no
   * singular group entry for, and the model's mention finder reads "typical" but not "average" (that needs the model's
   * features, so a retrain).
   */
  private static final int QUIET_FLOOR = 14;
  private static final int FOUND_FLOOR = 12;

  @Test
  void averageIsAQuantifierAndNamesAreNoMentions() throws IOException {
    ProbeSet.Tally t = ProbeSet.read("name-quantifier-probes.tsv", "quiet", "found")
        .tally(text -> ProbeSet.stereotype(DETECTOR, text));
    System.out.printf("Name and quantifier probes: quiet %d of %d, stereotypes found %d of %d%n%s",
        t.quiet(), t.quietRows(), t.found(), t.foundRows(), t.misses());
    assertTrue(t.quietRows() >= 14 && t.foundRows() >= 14, "probe file must hold >= 14 rows of each label");
    assertTrue(t.quiet() >= QUIET_FLOOR, "quiet must be >= " + QUIET_FLOOR + ": " + t.quiet());
    assertTrue(t.found() >= FOUND_FLOOR, "stereotypes found must be >= " + FOUND_FLOOR + ": " + t.found());
  }
}
