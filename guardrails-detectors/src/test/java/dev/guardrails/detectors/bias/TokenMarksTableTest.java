package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's one table of per-token flags ({@link TokenMarks}, its filter in front) against a plain
 * {@link HashMap} built from the same hash lists, for every list hash and for random hashes (where the filter or the
 * probe could wrongly say yes or no); and the lexicon flags it gives tokens against the lexicon's own head nodes.
 */
class TokenMarksTableTest {

  private static final List<BiasDetector.Options> CONFIGS = List.of(BiasDetector.Options.DEFAULT,
      new BiasDetector.Options(true, true, true, true, true), new BiasDetector.Options(false, false, false, true, false),
      new BiasDetector.Options(false, false, false, false, false));

  private static Map<Integer, Integer> expected(BiasLexicon lex) {
    Map<Integer, Integer> m = new HashMap<>();
    for (int h : StereotypeFeatures.INSTANCE.headHashes()) {
      m.merge(h, Tokens.GROUP_HEAD, (a, b) -> a | b);
    }
    for (int h : StereotypeFeatures.INSTANCE.singleHashes()) {
      m.merge(h, Tokens.GROUP_SINGLE, (a, b) -> a | b);
    }
    for (int h : StereotypeFrames.anchorHashes()) {
      m.merge(h, Tokens.ANCHOR, (a, b) -> a | b);
    }
    m.merge(Tokens.hash("who"), Tokens.GROUP_WHO, (a, b) -> a | b);
    m.merge(Tokens.hash("that"), Tokens.GROUP_WHO, (a, b) -> a | b);
    if (lex != null) {
      // from the lexicon's nodes, not from the hash lists the table is built from
      for (Map.Entry<Object, BiasLexicon.Node> e : lex.first.entrySet()) {
        BiasLexicon.Node node = e.getValue();
        int h = Tokens.hash(new String((char[]) e.getKey()));
        if (node.single != null || node.group != null || node.singular) {
          m.merge(h, Tokens.MAY_ALONE, (a, b) -> a | b);
        }
        if (node.maxPhrase > 1 || node.maxGroup > 1) {
          m.merge(h, Tokens.PHRASE_HEAD, (a, b) -> a | b);
        }
      }
    }
    return m;
  }

  @Test
  void everyHashGetsExactlyItsFlags() {
    for (BiasDetector.Options o : CONFIGS) {
      BiasLexicon lex = BiasLexicon.of(o);
      check(lex.marks(), expected(lex));
    }
    check(TokenMarks.get(), expected(null));
  }

  private static void check(TokenMarks marks, Map<Integer, Integer> want) {
    for (Map.Entry<Integer, Integer> e : want.entrySet()) {
      assertEquals((int) e.getValue(), marks.of(e.getKey()), "hash " + e.getKey());
    }
    SplittableRandom r = new SplittableRandom(19);
    int passed = 0;
    for (int i = 0; i < 300_000; i++) {
      int h = r.nextInt();
      assertEquals((int) want.getOrDefault(h, 0), marks.of(h), "hash " + h);
      passed += TokenMarks.filterBit(marks.filter, TokenMarks.spread(h)) ? 1 : 0;
    }
    assertTrue(passed < 300_000 / 8, "the filter lets most random hashes through: " + passed);
  }

  @Test
  void theHeadMarkIsDroppedWhereNoGroupTermCanStart() {
    Tokens t = new Tokens();
    t.reset("The weather in the United States is mild for the people");
    // the weather in the united states is mild for the people
    assertEquals(11, t.count);
    assertEquals(0, t.flags[0] & Tokens.GROUP_HEAD, "the (weather)");
    assertEquals(0, t.flags[3] & Tokens.GROUP_HEAD, "the (united)");
    assertTrue(t.is(4, Tokens.GROUP_HEAD) && t.is(4, Tokens.GROUP_PAIR), "united (states)");
    assertTrue(t.is(10, Tokens.GROUP_HEAD) && t.is(10, Tokens.GROUP_SINGLE), "people, last");
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int k = 0; k < t.count; k++) {
      // the table's own heads: a head mark kept wherever the table could find a term
      int h = t.hash[k];
      boolean single = java.util.Arrays.stream(f.singleHashes()).anyMatch(x -> x == h);
      boolean pair = k + 1 < t.count && java.util.Arrays.stream(f.headHashes()).anyMatch(x -> x == h)
          && f.mayBePair(h, t.hash[k + 1]);
      assertEquals(single || pair, t.is(k, Tokens.GROUP_HEAD), "token " + k);
    }
  }
}
