package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Relation features of {@link ClaimFeatures} on hand-checked rows: the expected values below were
 * worked out by hand from the feature definitions (terms, which source sentence holds which), not
 * read back from the code.
 */
class ClaimFeaturesRelationTest {

  static final SourceIndex INDEX = SourceIndex.build(List.of(Source.of("s",
      "Alberto Bueno has scored 17 goals for Rayo Vallecano this season. "
          + "Real Madrid are ready to sign Jones at the end of the season.")));

  static double[] features(String claim) {
    return ClaimFeatures.compute(Terms.tokenize(claim, 0, claim.length()), 0, 1, INDEX).x;
  }

  @Test
  void aCopiedRelationIsConnected() {
    double[] x = features("Alberto Bueno has scored 17 goals for Rayo Vallecano.");
    assertEquals(1.0, x[ClaimFeatures.PAIR_SUPPORT], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.WEAKEST_LINK], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.ANCHORS_TOGETHER], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.ANCHOR_PREDICATE], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.CONTENT_PAIRS_ANY], 1e-9);
  }

  /**
   * Every word is in the source, but "Real Madrid" stands in another sentence than the goals: the
   * club is attached to a predicate the source never gives it.
   */
  @Test
  void anEntityMovedToAnotherPredicateIsScattered() {
    double[] x = features("Alberto Bueno has scored 17 goals for Real Madrid.");
    // Known content terms: alberto bueno scor 17 goal real madrid (7); sentence 1 holds the first 5,
    // sentence 2 "real madrid": linked pairs 5*4 + 2*1 = 22 of 7*6 = 42.
    assertEquals(22.0 / 42, x[ClaimFeatures.PAIR_SUPPORT], 1e-9);
    assertEquals(1.0 / 6, x[ClaimFeatures.WEAKEST_LINK], 1e-9);
    // Anchors: Bueno, 17, Real, Madrid; at most two share a sentence.
    assertEquals(0.5, x[ClaimFeatures.ANCHORS_TOGETHER], 1e-9);
    // Consecutive content pairs: 6, of which "goal real" occurs nowhere.
    assertEquals(5.0 / 6, x[ClaimFeatures.CONTENT_PAIRS_ANY], 1e-9);
  }

  static double[] features(String source, String claim) {
    return ClaimFeatures.compute(Terms.tokenize(claim, 0, claim.length()), 0, 1,
        SourceIndex.build(List.of(Source.of("s", source)))).x;
  }

  /** A "not" in the passage that negates something the claim does not say is no flip. */
  @Test
  void aNegationCountsOnlyWhereItScopesAnAlignedWord() {
    String source = "The merger with Northwind Traders was approved in March, although the chairman did not attend the vote.";
    assertEquals(0.0, features(source, "The merger with Northwind Traders was approved in March.")
        [ClaimFeatures.NEGATION_PASSAGE_ONLY], 1e-9);
    // "not attend": attend is in the claim, so the passage negates what the claim says.
    double[] x = features(source, "The chairman attended the vote.");
    assertEquals(x[ClaimFeatures.CONTENT_COVERAGE], x[ClaimFeatures.NEGATION_PASSAGE_ONLY], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.CONTENT_COVERAGE], 1e-9);
  }

  @Test
  void aClaimNegationCountsOnlyWhereItScopesAnAlignedWord() {
    String source = "The chairman attended the vote in March.";
    double[] x = features(source, "The chairman did not attend the vote.");
    // The flag carries the best passage's coverage: chairman, attend, vote of chairman, not, attend,
    // vote ("not" is no stop word).
    assertEquals(0.75, x[ClaimFeatures.NEGATION_CLAIM_ONLY], 1e-9);
    // "not include Globex": neither word is in the passage; the negation is about something else.
    assertEquals(0.0, features(source, "The chairman attended the vote, which did not include Globex.")
        [ClaimFeatures.NEGATION_CLAIM_ONLY], 1e-9);
  }

  /**
   * Who did what: "Pique" and "scored" are both in the source, in one sentence even, but 11 tokens apart,
   * past the {@value ClaimFeatures#NEAR_WINDOW}-token window; the copied relation keeps them 1 apart.
   */
  static final String MATCH = "Gerard Pique watched from the bench in the second half as Holland scored two early goals"
      + " at the Amsterdam Arena.";

  @Test
  void aSubjectFarFromTheVerbIsNoRelation() {
    double[] copied = features(MATCH, "Holland scored two early goals at the Amsterdam Arena.");
    assertEquals(1.0, copied[ClaimFeatures.SUBJECT_VERB], 1e-9);
    // Subject "Pique" (first name), verb "scor" (first other word after it): positions 1 and 12 in the source.
    double[] moved = features(MATCH, "Gerard Pique scored two goals in the second half.");
    assertEquals(0.0, moved[ClaimFeatures.SUBJECT_VERB], 1e-9);
    // First two content words: "gerard", then the first non-name "scor": also 11 apart.
    assertEquals(0.0, moved[ClaimFeatures.HEAD_PAIR], 1e-9);
    // Verb "scor" and the word after it, "two": adjacent in the source.
    assertEquals(1.0, moved[ClaimFeatures.VERB_OBJECT], 1e-9);
    // No name after the verb: the relation is undefined and reads as held.
    assertEquals(1.0, moved[ClaimFeatures.SUBJECT_OBJECT], 1e-9);
  }

  @Test
  void subjectAndObjectMustStandNearEachOther() {
    // "Smith" opens the claim, so it is a name only through the sources' capitalization (not sentence-initial
    // there). Subject "Smith", verb "met", the next name "Jones": source positions 2 and 22 of one sentence.
    String far = "On Monday Smith met the mayor, while the long-delayed stadium plan was finally approved last week"
        + " by the city council and Jones.";
    assertEquals(0.0, features(far, "Smith met Jones.")[ClaimFeatures.SUBJECT_OBJECT], 1e-9);
    assertEquals(1.0, features("On Monday Smith met Jones at the stadium.", "Smith met Jones.")
        [ClaimFeatures.SUBJECT_OBJECT], 1e-9);
  }

  @Test
  void aClaimWithOneKnownWordHasNoRelationToBreak() {
    double[] x = features(MATCH, "Zidane scored.");
    assertEquals(1.0, x[ClaimFeatures.SUBJECT_VERB], 1e-9);
    assertEquals(1.0, x[ClaimFeatures.HEAD_PAIR], 1e-9);
  }

  /**
   * Word order: the claim's content words "jones praised smith" against a passage reading "smith
   * praised jones": no two of them in the claim's order, so the longest common subsequence is 1 of 3.
   */
  @Test
  void swappedWordsLoseTheirOrder() {
    String source = "Smith praised Jones after the match.";
    assertEquals(1.0, features(source, "Smith praised Jones.")[ClaimFeatures.ORDERED_COVERAGE], 1e-9);
    assertEquals(1.0 / 3, features(source, "Jones praised Smith.")[ClaimFeatures.ORDERED_COVERAGE], 1e-9);
  }

  /**
   * Fusion in source order: "smith joined rayo" is sentence 1 and "scored goals" sentence 2, so the
   * claim in that order is held whole by the two read together (5 of 5) while one sentence holds 3 of 5;
   * told the other way round ("scored goals" first) the two sentences hold only 3 of 5 in order.
   */
  @Test
  void aClaimFusedFromNeighbouringSentencesKeepsItsOrder() {
    String source = "Smith joined Rayo in May. He scored goals in June.";
    double[] forward = features(source, "Smith joined Rayo and scored goals.");
    assertEquals(3.0 / 5, forward[ClaimFeatures.ORDERED_COVERAGE], 1e-9);
    assertEquals(1.0, forward[ClaimFeatures.ORDERED_UNION], 1e-9);
    double[] backward = features(source, "Smith scored goals and joined Rayo.");
    assertEquals(3.0 / 5, backward[ClaimFeatures.ORDERED_COVERAGE], 1e-9);
    assertEquals(3.0 / 5, backward[ClaimFeatures.ORDERED_UNION], 1e-9);
  }
}
