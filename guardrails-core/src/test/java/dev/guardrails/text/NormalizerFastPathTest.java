package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The normalizer's shortcuts (the plain check that shares the original string, the prefix it lets
 * the rule chain skip, and the already-normalized check after it) change nothing: on random texts
 * built from the chars and pieces every rule reacts to, {@link Normalizer#analyze} gives the same
 * normalized view and the same offset map as the whole rule chain run from the first char
 * ({@link Normalizer#applyRules}{@code (s, 0)}).
 */
class NormalizerFastPathTest {

  private static final String[] PIECES = {
    "a", "Z", "0", "7", " ", "  ", ".", "-", "_", "/", "@", "*", "`", "~", "&", "#", "\n", "\t", "\r\n",
    "(", ")", "[", "]", ":", ",", "'", "\"", "+", "%", "\\", "\u00e9", "\u00fc", "\u201c", "\u201d",
    "\u2019", "\u00a0", "\u200b", "\u2013", "\u2212", "\u0430", "\u03bf", "\uff11", "\u0661", "\u00ad",
    "\ud83d\ude00", "\ud800", "\u2028", "\ufb01", "\u00bd", "&#64;", "&commat;", " [at] ", "(dot)",
    "**", "__", "\\u0040", "%40", "4 1 1 1 1 1 1 1 1 1", "D E 8 9 3 7 0 4 0 0 4 4", "1.2.3.4.5.6.7.8.9",
    "jane@example.com", "Hello", " the ", "word", "I", " a ", "x\n@y",
  };

  @Test
  void shortcutsGiveTheSameViewAndOffsetsAsTheWholeRuleChain() {
    Random r = new Random(19);
    int shared = 0;
    for (int it = 0; it < 30_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(24);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : PIECES[r.nextInt(6)]);
      }
      String s = b.toString();
      AnalyzedText fast = Normalizer.analyze(s);
      AnalyzedText full = Normalizer.applyRules(s, 0);
      String at = "case " + it + " (" + s.length() + " chars)";
      assertEquals(full.normalized(), fast.normalized(), at);
      assertEquals(full.offsets().length(), fast.offsets().length(), at);
      for (int i = 0; i < fast.normalized().length(); i++) {
        assertEquals(full.offsets().sourceStart(i), fast.offsets().sourceStart(i), at + " index " + i);
        assertEquals(full.offsets().sourceEnd(i), fast.offsets().sourceEnd(i), at + " index " + i);
      }
      if (fast.normalized() == s) {
        shared++;
      }
    }
    assertTrue(shared > 1_000, "texts that share the original: " + shared); // the shortcut must be exercised
  }

  /** Pieces that decide the one-pass check: spaced values, digits, '@' near line breaks, accents. */
  private static final String[] SCAN_PIECES = {
    "4 1 1 1 1 1 1 1 1 1", "D E 8 9 3 7 0 4 0 0 4 4", "\u00c9 E 8 9 3 7 0 4 0 0 4 4", "\u201c1 2 3 4 5 6 7 8 9",
    "1 2 3", "555-123-4567", "(555) 123-4567", "e.g.", "x-ray", " a ", " I ", "5.", "12345", "@", "\n",
    "jane@example.com", "M\u00fcller", "\u00e9", "\u0661", "\u00a0", "(dot)", "(", "%40", "_", "\t", " ", ".",
    "-",
  };

  private static final String[] WORDS = {"word ", "Hello ", "the ", "is. ", "x-"};

  @Test
  void oneScanCheckAgreesWithTheRunByRunCheck() {
    Random r = new Random(23);
    int plain = 0;
    for (int it = 0; it < 40_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(60); // up to a few hundred chars: texts cross the 64-char blocks
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(5) == 0 ? SCAN_PIECES[r.nextInt(SCAN_PIECES.length)] : WORDS[r.nextInt(WORDS.length)]);
      }
      String s = b.toString();
      boolean expected = Normalizer.firstRuleAt(s) < 0;
      assertEquals(expected, Normalizer.needsNoRule(s), "case " + it + " (" + s.length() + " chars)");
      plain += expected ? 1 : 0;
    }
    assertTrue(plain > 2_000 && plain < 38_000, "plain texts: " + plain); // both answers must be exercised
  }

  @Test
  void plainAndAlreadyNormalizedTextsAreNotCopied() {
    // hand-picked: ASCII prose, and prose whose non-ASCII chars fold to themselves
    String[] texts = {
      "Sure! Your order ships on Monday, and the tracking link will follow by email.",
      "The caf\u00e9 on the corner opens at 9 and serves cr\u00eapes \u201call day\u201d.",
      "Contact jane@example.com or call (555) 123-4567 for details.",
      "M\u00fcller\u2019s team won: 3 to 1.",
    };
    for (String t : texts) {
      AnalyzedText a = AnalyzedText.of(t);
      assertSame(t, a.normalized(), "copied: text of " + t.length() + " chars");
      assertTrue(a.offsets().isIdentity());
    }
  }
}
