package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SuffixTrie} against the hashed lookup it replaces: for every suffix length of random words
 * (letters of the endings, capitals, accents, the Kelvin sign, typographic apostrophes), the trie's
 * mask holds exactly the lengths {@link Gazetteer#contains} finds; plus hand-checked surname endings.
 */
class SuffixTrieTest {

  private static final List<String> ENDINGS = List.of(NameLexicons.SURNAME_ENDINGS);

  @Test
  void agreesWithTheGazetteerOnEverySuffixOfRandomWords() {
    for (List<String> words : List.of(ENDINGS, NameLexicons.ORIGIN_ENDING_WORDS, List.of("a", "o'k", "x"))) {
      Gazetteer g = Gazetteer.of(words);
      SuffixTrie t = new SuffixTrie(words);
      String alphabet = "aeiouvkszncdhtrlbgyqAEIOVKSZNCámóčćğŭőéíöK\u212A'\u2019-ı";
      Random r = new Random(19);
      int hits = 0;
      for (int n = 0; n < 60_000; n++) {
        StringBuilder b = new StringBuilder("  ");
        int len = 1 + r.nextInt(12);
        for (int i = 0; i < len; i++) {
          b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        if (r.nextInt(3) == 0) {
          b.append(words.get(r.nextInt(words.size()))); // a real ending, often after a random stem
        }
        String s = b.append(' ').toString();
        int end = s.length() - 1;
        int max = r.nextInt(10);
        long expected = 0;
        for (int e = 1; e <= max && e <= end; e++) {
          if (g.contains(s, end - e, end)) {
            expected |= 1L << e;
          }
        }
        assertEquals(expected, t.lengths(s.toCharArray(), end, max), s + " max " + max);
        hits += expected != 0 ? 1 : 0;
      }
      assertTrue(hits > 1_000, "the random words should hit endings often: " + hits);
    }
  }

  @Test
  void handCheckedSurnameEndings() {
    assertTrue(NameLexicons.surnameEnding("Novákov\u00E1".toCharArray(), 0, 8)); // -ová
    assertTrue(NameLexicons.surnameEnding("x Petrović".toCharArray(), 2, 10)); // -ović
    assertTrue(NameLexicons.surnameEnding("GUDMUNDSSON".toCharArray(), 0, 11)); // -sson, any case
    assertFalse(NameLexicons.surnameEnding("Sson".toCharArray(), 0, 4)); // under six letters
    assertFalse(NameLexicons.surnameEnding("String".toCharArray(), 0, 6));
    assertFalse(NameLexicons.surnameEnding("Kosko".toCharArray(), 0, 5)); // five letters: too short
    assertTrue(NameLexicons.surnameEnding("Shevchenko".toCharArray(), 0, 10)); // -enko
    assertTrue(NameLexicons.originShape("Hosseinzadeh".toCharArray(), 0, 12, 0)); // -zadeh
    assertTrue(NameLexicons.originShape("Nurlanuly".toCharArray(), 0, 9, 0)); // -uly
    assertFalse(NameLexicons.originShape("Khanuly".toCharArray(), 0, 7, NameLexicons.T_ENGLISH)); // an English word never
    assertFalse(NameLexicons.originShape("Bekbek".toCharArray(), 0, 3, 0)); // under five letters
  }
}
