package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stereotype path's token marks ({@link TokenMarks}): set by the tokenizer from the same tables the mention
 * finder and the attribution frame probed themselves, so their findings cannot change.
 */
class StereotypeTokenMarksTest {

  private static final int ALL = Tokens.GROUP_HEAD | Tokens.GROUP_SINGLE | Tokens.GROUP_PAIR | Tokens.GROUP_WHO
      | Tokens.ANCHOR;

  @Test
  void everyHeadSingleAndAnchorHashIsMarked() {
    TokenMarks marks = TokenMarks.get();
    int[] heads = StereotypeFeatures.INSTANCE.headHashes();
    int[] singles = StereotypeFeatures.INSTANCE.singleHashes();
    int[] anchors = StereotypeFrames.anchorHashes();
    assertTrue(heads.length > 1000, "group-term heads: " + heads.length);
    assertTrue(singles.length > 500, "one-token group terms: " + singles.length);
    assertEquals(19, anchors.length);
    for (int h : heads) {
      assertTrue((marks.of(h) & Tokens.GROUP_HEAD) != 0);
    }
    for (int h : singles) {
      assertTrue((marks.of(h) & Tokens.GROUP_SINGLE) != 0);
    }
    for (int h : anchors) {
      assertTrue((marks.of(h) & Tokens.ANCHOR) != 0);
    }
  }

  @Test
  void tokensCarryTheMarks() {
    Tokens t = new Tokens();
    t.reset("Most people who are gay work hard, because the United States is big.");
    // most people who are gay work hard because the united states is big
    assertEquals(13, t.count);
    assertEquals(0, t.flags[0] & ALL, "most");
    assertTrue(t.is(1, Tokens.GROUP_HEAD) && t.is(1, Tokens.GROUP_SINGLE), "people");
    assertTrue(t.is(2, Tokens.GROUP_WHO), "who");
    assertTrue(t.is(4, Tokens.GROUP_HEAD), "gay");
    assertTrue(t.is(5, Tokens.ANCHOR) && t.is(7, Tokens.ANCHOR), "work, because");
    assertTrue(t.is(9, Tokens.GROUP_PAIR), "united states");
    assertEquals(0, t.flags[11] & ALL, "is");
    for (int k = 0; k + 1 < t.count; k++) {
      boolean pair = t.is(k, Tokens.GROUP_HEAD) && StereotypeFeatures.INSTANCE.mayBePair(t.hash[k], t.hash[k + 1]);
      assertEquals(pair, t.is(k, Tokens.GROUP_PAIR), "token " + k);
    }
  }

  @Test
  void unmarkedTokensFindTheSameTerms() {
    String s = "Most people who are gay work hard, because the United States is big.";
    Tokens marked = new Tokens();
    marked.reset(s);
    Tokens plain = new Tokens();
    plain.begin(dev.guardrails.text.AnalyzedText.of(s), BiasLexicon.of(BiasDetector.Options.DEFAULT), false);
    plain.reset(s, 0, s.length());
    assertTrue(marked.marked);
    assertTrue(!plain.marked);
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    assertEquals(11, (int) f.term(plain, 9, plain.count), "united states: tokens 9 and 10");
    for (int k = 0; k < plain.count; k++) {
      assertEquals(0, plain.flags[k] & ALL);
      assertEquals(f.term(marked, k, marked.count), f.term(plain, k, plain.count), "token " + k);
    }
  }
}
