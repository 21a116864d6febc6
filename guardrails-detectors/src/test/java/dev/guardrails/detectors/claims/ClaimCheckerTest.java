package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimCheckerTest {

  static final List<Source> SOURCES = List.of(
      Source.of("report", "The 2023 annual report states that revenue grew by 18.4% to $2.3 billion, driven by subscriptions. "
          + "The company was founded in 1998 in Austin, Texas, by three engineers. "
          + "In 2020 the city's population reached 1.5 million, up from 1.2 million a decade earlier. "
          + "The bridge, 2,737 meters long, opened to traffic in May 1937 after four years of construction."),
      Source.of("memo", "The board approved the merger with Northwind Traders in March. Sales increased in every region."));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // number and date mismatches with a passage that otherwise matches
      "Revenue grew by 21.5% to $2.3 billion in 2023, according to the annual report.|CONTRADICTED",
      "The company was founded in 2004 in Austin, Texas, by three engineers.|CONTRADICTED",
      "The bridge opened to traffic in May 1952 after four years of construction.|CONTRADICTED",
      // antonym and negation against the source
      "Sales decreased in every region.|CONTRADICTED",
      "The board did not approve the merger with Northwind Traders.|CONTRADICTED",
      // paraphrases and normalized numbers
      "The city's population reached 1,500,000 in 2020.|SUPPORTED",
      "Revenue grew by 18.4 percent to $2.3 billion, the 2023 annual report states.|SUPPORTED",
      "The company was founded by three engineers in Austin, Texas, in 1998.|SUPPORTED",
      // invented content
      "The company was acquired by Globex Corporation for an undisclosed sum.|UNSUPPORTED",
      "Professor Helena Vasquez designed the bridge with a team from Lisbon.|UNSUPPORTED",
  })
  void verdicts(String claim, ClaimChecker.Outcome expected) {
    ClaimChecker.Assessment a = ClaimChecker.assess(claim, SOURCES);
    assertEquals(1, a.claims().size(), "claims");
    ClaimChecker.Verdict v = a.claims().get(0);
    assertEquals(expected, v.outcome(), v.reason() + " score " + v.score());
    if (expected == ClaimChecker.Outcome.SUPPORTED) {
      assertTrue(v.score() < ClaimChecker.THRESHOLD);
    } else {
      assertTrue(v.score() >= ClaimChecker.THRESHOLD);
    }
  }

  @Test
  void aContradictedClaimIsDecisiveForTheResponse() {
    ClaimChecker.Assessment a = ClaimChecker.assess("The board approved the merger with Northwind Traders in March. "
        + "Sales increased in every region. The company was founded in 2004 in Austin, Texas, by three engineers.", SOURCES);
    assertEquals(3, a.claims().size());
    ClaimChecker.Verdict v = a.claims().get(2);
    assertEquals(ClaimChecker.Outcome.CONTRADICTED, v.outcome());
    assertTrue(a.score() >= v.score(), "a contradiction is decisive: " + a.score());
    assertTrue(a.score() >= ClaimChecker.RESPONSE_THRESHOLD);
  }

  @Test
  void supportedAnswerStaysBelowTheResponseThreshold() {
    ClaimChecker.Assessment a = ClaimChecker.assess("The board approved the merger with Northwind Traders in March. "
        + "Sales increased in every region. The city's population reached 1,500,000 in 2020.", SOURCES);
    assertEquals(3, a.claims().size());
    assertTrue(a.score() < ClaimChecker.RESPONSE_THRESHOLD, "score " + a.score());
  }

  @Test
  void evidencePointsIntoTheSource() {
    ClaimChecker.Verdict v = ClaimChecker.assess("The company was founded in 2004 in Austin, Texas.", SOURCES).claims().get(0);
    assertTrue(v.evidence().isPresent());
    assertEquals("report", v.evidence().get().sourceId());
    String passage = SOURCES.get(0).text().substring(v.evidence().get().span().start(), v.evidence().get().span().end());
    assertTrue(passage.startsWith("The company was founded in 1998"), passage);
  }

  @Test
  void questionsGreetingsAndHedgedAdviceAreNotClaims() {
    ClaimChecker.Assessment a = ClaimChecker.assess("Hello! Is revenue up this year? You might want to check the report. "
        + "I think it is a great company.", SOURCES);
    assertEquals(List.of(), a.claims());
    assertEquals(0.0, a.score());
  }

  @Test
  void numbersNormalize() {
    Terms.Seq a = Terms.tokenize("1.5 million people, 18.4% and $2.3 billion", 0, 42);
    assertEquals("1500000", a.terms[0]);
    Terms.Seq b = Terms.tokenize("1,500,000 people, 18.4 percent and 2,300,000,000 dollars", 0, 56);
    assertEquals("1500000", b.terms[0]);
    assertEquals(a.terms[2], b.terms[2]);
    assertEquals("18.4%", b.terms[2]);
  }

  @Test
  void negativeContractionsNormalize() {
    String[] forms = {"he hasn't been seen", "he has n't been seen", "he has not been seen"};
    for (String f : forms) {
      Terms.Seq t = Terms.tokenize(f, 0, f.length());
      assertEquals(List.of("he", "has", "not", "been", "seen"), List.of(t.terms), f);
    }
    String ca = "you can't and you ca n't";
    assertEquals(List.of("you", "ca", "not", "and", "you", "ca", "not"), List.of(Terms.tokenize(ca, 0, ca.length()).terms));
  }

  @Test
  void largeSourcesGoThroughLuceneRetrieval() {
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < SourceIndex.EXHAUSTIVE + 50; i++) {
      filler.append("Filler sentence number ").append(i).append(" talks about weather patterns in region ").append(i % 17).append(". ");
    }
    List<Source> big = List.of(Source.of("filler", filler.toString()), SOURCES.get(0), SOURCES.get(1));
    assertTrue(SourceIndex.build(big).passages.length > SourceIndex.EXHAUSTIVE);
    assertEquals(ClaimChecker.Outcome.CONTRADICTED,
        ClaimChecker.assess("The company was founded in 2004 in Austin, Texas, by three engineers.", big).claims().get(0).outcome());
    assertEquals(ClaimChecker.Outcome.SUPPORTED,
        ClaimChecker.assess("The city's population reached 1,500,000 in 2020.", big).claims().get(0).outcome());
    assertEquals(ClaimChecker.Outcome.UNSUPPORTED,
        ClaimChecker.assess("The company was acquired by Globex Corporation for an undisclosed sum.", big).claims().get(0).outcome());
  }

  @Test
  void cachedIndexIsReused() {
    SourceIndexCache cache = new SourceIndexCache(SourceIndexCache.DEFAULT_BUDGET_CHARS);
    assertTrue(cache.of(SOURCES).passages == cache.of(new java.util.ArrayList<>(SOURCES)).passages);
  }

  /** Issue 18: the index cache belongs to a detector instance and is bounded by the chars it holds. */
  @Test
  void indexCacheIsPerInstanceAndWeighted() {
    SourceIndexCache a = new SourceIndexCache(SourceIndexCache.DEFAULT_BUDGET_CHARS);
    SourceIndexCache b = new SourceIndexCache(SourceIndexCache.DEFAULT_BUDGET_CHARS);
    assertTrue(a.of(SOURCES) != null && b.size() == 0, "instances share nothing");
    SourceIndexCache small = new SourceIndexCache(10_000);
    for (int i = 0; i < 200; i++) {
      small.of(List.of(Source.of("s" + i, "Source number " + i + " says the plant opened in " + (1900 + i) + ".")));
    }
    assertTrue(small.size() <= SourceIndexCache.MAX_ENTRIES + 1, "entries " + small.size());
    assertTrue(small.weightedChars() <= 10_000, "weight " + small.weightedChars());
    long before = small.size();
    small.of(List.of(Source.of("huge", "word ".repeat(5_000)))); // 25,000 chars: over the budget
    assertTrue(small.size() <= before && small.weightedChars() <= 10_000);
  }
}
