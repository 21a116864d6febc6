package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's per-token hash, computed two chars a step while it lower-cases, against an
 * independent oracle: {@link String#hashCode()} of the expected canonical token (the JDK's
 * {@code 31 * h + c}), for tokens of odd and even lengths, capitals inside, digits, apostrophes,
 * possessives and non-ASCII letters; and the lexicon's pair filter on a real pair and random ones.
 */
class TokensHashTest {

  @Test
  void everyTokenHashIsTheStringHashOfItsCanonicalForm() {
    String text = "I a an the Them WOMEN crazy lame-duck don't O'Neil chairman's 42 x9y "
        + "Gro\u00DFe \u00C9COLE na\u00EFve caf\u00E9s abcdefghijklmnopqrstuvwxyz AbCdEfGhI can\u2019t Wheelchair-bound.";
    List<String> expected = List.of("i", "a", "an", "the", "them", "women", "crazy", "lame", "duck", "don't", "o'neil",
        "chairman", "42", "x9y", "gro\u00DFe", "\u00E9cole", "na\u00EFve", "caf\u00E9s", "abcdefghijklmnopqrstuvwxyz",
        "abcdefghi", "can't", "wheelchair", "bound");
    Tokens t = new Tokens();
    t.begin(dev.guardrails.text.AnalyzedText.of(text), BiasLexicon.of(BiasDetector.Options.DEFAULT));
    t.reset(text, 0, text.length());
    assertEquals(expected.size(), t.count);
    for (int k = 0; k < t.count; k++) {
      String canon = new String(t.canon, t.cStart[k], t.len(k));
      assertEquals(expected.get(k), canon);
      assertEquals(expected.get(k).hashCode(), t.hash[k], canon);
      assertEquals(Tokens.hash(canon), t.hash[k], canon);
    }
  }

  @Test
  void thePairFilterPassesRealPairsAndFewRandomOnes() {
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    int pairs = 0;
    for (int i = 0; i < 200_000; i++) {
      pairs += lex.mayBePair(r.nextInt(), r.nextInt()) ? 1 : 0;
    }
    assertEquals(true, lex.mayBePair(Tokens.hash("you"), Tokens.hash("guys")));
    assertEquals(true, pairs < 20_000, "the pair filter passes most random pairs: " + pairs);
  }

  @Test
  void generalPunctuationHoldsNoWordCharAndKeepsItsClasses() {
    // the tokenizer's shortcut for U+2000..U+206F rests on Character's own answer
    for (char c = '\u2000'; c <= '\u206F'; c++) {
      assertEquals(false, Character.isLetterOrDigit(c), Integer.toHexString(c));
    }
    int word = Tokens.nonAsciiClass('\u00E9');
    assertEquals(word, Tokens.nonAsciiClass('\u0661')); // ARABIC-INDIC DIGIT ONE: a word char too
    assertEquals(Tokens.nonAsciiClass('\u201C'), Tokens.nonAsciiClass('\u201D'));
    assertEquals(Tokens.nonAsciiClass('\u2014'), Tokens.nonAsciiClass('\u2026'));
    assertEquals(Tokens.nonAsciiClass('\u2019'), Tokens.nonAsciiClass('\u00A0'));
    java.util.Set<Integer> classes = new java.util.HashSet<>(List.of(word, Tokens.nonAsciiClass('\u201C'),
        Tokens.nonAsciiClass('\u2014'), Tokens.nonAsciiClass('\u2019')));
    assertEquals(4, classes.size(), "word, quote, clause and soft are four classes");
    String text = "The user\u2019s reply\u2014short\u2026 \u201Cfine\u201D";
    Tokens t = new Tokens();
    t.reset(text);
    // the user's reply short fine: the possessive dropped, the dash and ellipsis break the clause, the quotes mark
    assertEquals(5, t.count);
    assertEquals("user", new String(t.canon, t.cStart[1], t.len(1)));
    assertEquals(true, t.is(3, Tokens.HARD_BEFORE), "after the dash");
    assertEquals(true, t.is(4, Tokens.QUOTED) && t.is(4, Tokens.HARD_BEFORE), "quoted");
  }
}
