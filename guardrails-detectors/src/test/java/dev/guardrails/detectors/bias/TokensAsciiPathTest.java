package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.text.AnalyzedText;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's ASCII path (eight bytes a step) against its general loop, which reads any text char by char: the same
 * tokens, canonical forms, offsets, flags and hashes on random texts built from a fixed seed (words of every length,
 * capitals, acronyms, digits, apostrophes and possessives, quotes, hyphens, clause and sentence punctuation, line breaks
 * and soft wraps; half of them ASCII, half with non-ASCII words and marks where the general loop takes over), with and
 * without the lexicon's and the stereotype path's marks; and each token's hash against an independent oracle, {@link
 * String#hashCode()} of its canonical form.
 */
class TokensAsciiPathTest {

  private static final String[] PIECES = {"the", "a", "women", "Women", "WOMEN", "NASA", "I", "old", "people", "who", "are",
    "lazy", "because", "don't", "O'Neil", "chairman's", "Chairman'S", "dogs'", "it's", "'s", "abcdefgh", "abcdefghi",
    "Abcdefghijklmnopqrstuvwxyz0123", "x9y", "42", "1990s", "wheelchair-bound", "lame", "duck", "he", "or", "she", "Mexicans",
    "gay", "men", "always", "\"", "\"quoted words\"", "?", "!", ".", ",", ";", ":", "(", ")", "-", "--", "/", "\n", "\n\n",
    "\t", "  ", "'", "''", "a'b", "x'", "'X", "AbC", "aB", "Zz", "@", "#", "~", "{", "`", "[", "]", "\r\n", "...",
    // non-ASCII: the general loop takes over at the first one
    "Jos\u00E9", "\u00E9", "caf\u00E9s", "\u201Cquoted\u201D", "\u2014", "\u0141\u00F3d\u017A", "don\u2019t", "Gro\u00DFe",
    "\u00C9COLE", "x\u0301", "\u20AC5", "d'\u00C9", "O'\u00E9", "it'\u00E9"};

  @Test
  void theAsciiPathAgreesWithTheGeneralLoop() {
    SplittableRandom r = new SplittableRandom(20261207L);
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    Tokens fast = new Tokens();
    Tokens general = new Tokens();
    general.generalOnly = true;
    long tokens = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(n % 10 == 0 ? 200 : 30);
      for (int k = 0; k < len; k++) {
        if (n % 2 == 0 && r.nextInt(6) == 0) {
          b.append((char) (1 + r.nextInt(127))); // any ASCII char but NUL
        } else {
          b.append(PIECES[r.nextInt(n % 2 == 0 ? PIECES.length - 14 : PIECES.length)]); // even: ASCII only
        }
        if (r.nextInt(3) != 0) {
          b.append(' ');
        }
      }
      String text = b.toString();
      AnalyzedText at = AnalyzedText.of(text);
      String s = at.normalized();
      for (int mode = 0; mode < 3; mode++) {
        if (mode == 0) {
          fast.begin();
          general.begin();
          fast.reset(s, 0, s.length());
          general.reset(s, 0, s.length());
        } else {
          fast.begin(at, lex, mode == 1);
          general.begin(at, lex, mode == 1);
          int cut = s.length() / 2; // two segments: an open quotation carries over
          fast.reset(s, 0, cut);
          general.reset(s, 0, cut);
          same(fast, general, mode);
          fast.reset(s, cut, s.length());
          general.reset(s, cut, s.length());
        }
        same(fast, general, mode);
        tokens += fast.count;
      }
    }
    assertEquals(true, tokens > 500_000, "tokens compared: " + tokens);
  }

  private static void same(Tokens fast, Tokens general, int mode) {
    int n = general.count;
    assertEquals(n, fast.count, "mode " + mode);
    assertArrayEquals(Arrays.copyOf(general.cStart, n), Arrays.copyOf(fast.cStart, n));
    assertArrayEquals(Arrays.copyOf(general.cEnd, n), Arrays.copyOf(fast.cEnd, n));
    assertArrayEquals(Arrays.copyOf(general.oStart, n), Arrays.copyOf(fast.oStart, n));
    assertArrayEquals(Arrays.copyOf(general.oEnd, n), Arrays.copyOf(fast.oEnd, n));
    assertArrayEquals(Arrays.copyOf(general.flags, n), Arrays.copyOf(fast.flags, n), "flags, mode " + mode);
    assertArrayEquals(Arrays.copyOf(general.hash, n), Arrays.copyOf(fast.hash, n));
    assertEquals(general.marked, fast.marked);
    for (int k = 0; k < n; k++) {
      String canon = new String(fast.canon, fast.cStart[k], fast.len(k));
      assertEquals(new String(general.canon, general.cStart[k], general.len(k)), canon);
      assertEquals(canon.hashCode(), fast.hash[k], canon);
    }
  }

  @Test
  void hash8IsTheStringHashOfEightChars() {
    String w = "abcdefgh";
    long y = 0;
    for (int i = 7; i >= 0; i--) {
      y = (y << 8) | w.charAt(i);
    }
    assertEquals(w.hashCode(), Tokens.hash8(y));
    assertEquals("\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f".hashCode(), Tokens.hash8(0x7F7F7F7F7F7F7F7FL));
  }
}
