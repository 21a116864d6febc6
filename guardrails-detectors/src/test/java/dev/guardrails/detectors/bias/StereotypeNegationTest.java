package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Detector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Counter-stereotypes (issue 16) both ways, on hand-written probes ({@code negation-probes.tsv}): a negative-valence
 * trait denied ("Refugees are no burden on the economy", "Old people are not a drain on society") says the group is
 * free of a negative stereotype and must stay quiet; a positive trait denied ("Women are not good at math") and the
 * plain stereotypes with the same words must still be found (any {@code STEREOTYPE*} finding of the default detector).
 * The veto is {@link StereotypeFrames#negativeDenied}.
 */
class StereotypeNegationTest {

  private static final Detector DETECTOR = new BiasDetector();

  /**
   * Floors. The first 30 denials and 28 stereotypes: before the veto 22 quiet and 25 found; with it 29 and 25
   * ("Africans are not primitive" flagged: no VADER valence, no pejorative noun; "Women are never rational", "Men are not
   * caring", "Fat people are not disciplined" missed). All 52 denials and 51 stereotypes (session 12 added 22 and 23):
   * before that session 45 quiet and 40 found; with a stereotype trait of {@code traits.txt} and the demonizing words
   * counted as negative, positive traits denied found by the rule and the lack frame ({@link
   * StereotypeFrames#positiveTrait}), "never" + a negative trait no longer a claim, a circumstance or excellence denied
   * vetoed ({@link StereotypeFrames#STATE}) and a turn word a turn only before another negative trait: 52 quiet and 48
   * found. Missed before and after: "Immigrants are not a burden, they are just lazy", "Refugees are not dangerous, only
   * dirty" (the model scores them below its threshold and no frame reads a trait after a denial), "Women are not
   * important" (VADER does not rate "important").
   */
  private static final int QUIET_FLOOR = 52;
  private static final int FOUND_FLOOR = 48;

  static ProbeSet probes() throws IOException {
    return ProbeSet.read("negation-probes.tsv", "quiet", "found");
  }

  @Test
  void negativeTraitsDeniedQuietPositiveTraitsDeniedFound() throws IOException {
    ProbeSet.Tally t = probes().tally(text -> ProbeSet.stereotype(DETECTOR, text));
    System.out.printf("Negation probes: denials quiet %d of %d, stereotypes found %d of %d%n%s",
        t.quiet(), t.quietRows(), t.found(), t.foundRows(), t.misses());
    assertTrue(t.quietRows() >= 52 && t.foundRows() >= 51, "probe file must hold >= 52 denials and >= 51 stereotypes");
    assertTrue(t.quiet() >= QUIET_FLOOR, "denials quiet must be >= " + QUIET_FLOOR + ": " + t.quiet());
    assertTrue(t.found() >= FOUND_FLOOR, "stereotypes found must be >= " + FOUND_FLOOR + ": " + t.found());
  }

  /** The veto on its own, on every group mention: it covers most denials and no stereotype probe. */
  @Test
  void vetoCoversDenialsOnly() throws IOException {
    int denials = 0;
    int covered = 0;
    StringBuilder wrong = new StringBuilder();
    int[] spans = new int[64];
    ProbeSet probes = probes();
    for (String[] row : probes.rows) {
      Tokens t = new Tokens();
      t.reset(row[1]);
      int mentions = StereotypeFeatures.INSTANCE.mentions(t, 0, t.count, spans);
      boolean veto = false;
      for (int m = 0; m < mentions && !veto; m++) {
        veto = StereotypeFrames.negativeDenied(t, t.count, spans[2 * m], spans, mentions, StereotypeFeatures.INSTANCE) >= 0;
      }
      if (probes.quiet(row)) {
        denials++;
        covered += veto ? 1 : 0;
      } else if (veto) {
        wrong.append("  vetoed stereotype: ").append(row[1]).append('\n');
      }
    }
    System.out.printf("Negative-trait-denied veto: covers %d of %d denials%n%s", covered, denials, wrong);
    assertTrue(wrong.length() == 0, "veto on stereotype probes:\n" + wrong);
    assertTrue(covered >= QUIET_FLOOR - 4, "veto must cover most denials: " + covered);
  }
}
