package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Detector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The practice veto of {@link StereotypeFrames#practice} both ways, on hand-written probes
 * ({@code practice-probes.tsv}): neutral descriptions of a group's religious or cultural practice,
 * holiday, rite, custom, legal right, accommodation or need must stay quiet, and stereotypes that use
 * the same vocabulary with a trait, ability, moral quality or behaviour pattern must still be found
 * (by the rule, the model or a frame: any {@code STEREOTYPE*} finding of the default detector). The probes about
 * people named by a condition ("people with dyslexia") check {@link StereotypeFrames#conditionOnly} the same way; the
 * last section checks the reason and lack frames ({@link StereotypeFrames#reason}, {@link StereotypeFrames#lack}) and
 * the habit comparison veto ({@link StereotypeFrames#habitComparison}) with stereotypes and near misses, and the
 * predicate frames ({@link StereotypeFrames#predicate}) with the circumstance and hardship vetoes
 * ({@link StereotypeFrames#circumstanceReason}, {@link StereotypeFrames#hardship}) the same way.
 */
class StereotypePracticeTest {

  private static final Detector DETECTOR = new BiasDetector();

  /**
   * Floors: share of neutral probes with no STEREOTYPE* finding (60 of 73 before the veto and the condition
   * mentions; 87 of 88 with the reason and lack frames' near misses; 104 of 104 with the predicate frames' near misses
   * and the circumstance and hardship vetoes), share of stereotype probes found (30 of 52 before the veto; 60 of 67
   * with the reason and lack frames and their probes; 72 of 79 with the predicate frames and theirs; 91 of 98 with
   * the pejorative nouns and theirs, 84 of 98 before them). Of the 17 near misses of the pejorative nouns, 3 are
   * flagged by the model with or without the nouns ("Teenagers are fans of horror films", "Jews were persecuted by
   * fanatics for centuries", "Refugees are no burden on the economy").
   */
  private static final double NEUTRAL_QUIET_FLOOR = 0.95;
  private static final double STEREOTYPE_FOUND_FLOOR = 89 / 98.0;
  /** The veto itself may cover at most this share of the stereotype probes (it sees no trait in them). */
  private static final double VETO_ON_STEREOTYPES_MAX = 0.05;

  static ProbeSet probes() throws IOException {
    return ProbeSet.read("practice-probes.tsv", "neutral", "stereotype");
  }

  @Test
  void neutralPracticesQuietStereotypesWithTheSameWordsFound() throws IOException {
    ProbeSet.Tally t = probes().tally(text -> ProbeSet.stereotype(DETECTOR, text));
    int neutral = t.quietRows();
    int stereotypes = t.foundRows();
    double q = t.quiet() / (double) neutral;
    double r = t.found() / (double) stereotypes;
    System.out.printf("Practice probes: neutral quiet %d of %d = %.3f, stereotypes found %d of %d = %.3f%n%s",
        t.quiet(), neutral, q, t.found(), stereotypes, r, t.misses());
    assertTrue(neutral >= 40 && stereotypes >= 40, "probe file must hold >= 40 of each: " + neutral + ", " + stereotypes);
    assertTrue(q >= NEUTRAL_QUIET_FLOOR, "neutral practice probes quiet must be >= " + NEUTRAL_QUIET_FLOOR + ": " + q);
    assertTrue(r >= STEREOTYPE_FOUND_FLOOR - 1e-9, "stereotype probes found must be >= " + STEREOTYPE_FOUND_FLOOR + ": " + r);
  }

  /** The veto on its own, on the sentence's first group mention: silent on the stereotypes that share its words. */
  @Test
  void vetoSeesTheTraitInStereotypeProbes() throws IOException {
    int stereotypes = 0;
    int vetoed = 0;
    int neutral = 0;
    int neutralVetoed = 0;
    StringBuilder wrong = new StringBuilder();
    int[] spans = new int[64];
    ProbeSet probes = probes();
    for (String[] row : probes.rows) {
      Tokens t = new Tokens();
      t.reset(row[1]);
      int mentions = StereotypeFeatures.INSTANCE.mentions(t, 0, t.count, spans);
      boolean veto = mentions > 0 && StereotypeFrames.practice(t, 0, t.count, spans, mentions);
      if (probes.quiet(row)) {
        neutral++;
        neutralVetoed += veto ? 1 : 0;
      } else {
        stereotypes++;
        vetoed += veto ? 1 : 0;
        if (veto) {
          wrong.append("  vetoed stereotype: ").append(row[1]).append('\n');
        }
      }
    }
    System.out.printf("Practice veto: covers %d of %d neutral probes, %d of %d stereotype probes%n%s",
        neutralVetoed, neutral, vetoed, stereotypes, wrong);
    assertTrue(vetoed <= VETO_ON_STEREOTYPES_MAX * stereotypes, "veto on stereotype probes: " + vetoed);
    assertTrue(neutralVetoed >= neutral / 2, "veto must cover at least half the neutral probes: " + neutralVetoed);
  }
}
