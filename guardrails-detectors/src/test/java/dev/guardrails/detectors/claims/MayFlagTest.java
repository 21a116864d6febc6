package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimLanguageDetector#mayFlag}'s hashed word lookup gives the answer of its definition,
 * written out here the plain way: a '%' or currency symbol, or a whole word (a maximal run of
 * letters) whose first letter, lower-cased, is a trigger word's first letter and that equals the
 * word ignoring case as {@link String#regionMatches(boolean, int, String, int, int)} does (so a long
 * s or Kelvin sign inside a word folds, at its start it does not). On the claims data sets'
 * responses and on random texts of trigger words, case and Unicode look-alikes.
 */
class MayFlagTest {

  private static final List<String> TRIGGERS = ClaimLanguageDetector.triggerWords();

  private static boolean reference(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL) {
        return true;
      }
    }
    for (int i = 0; i < n; ) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int e = i;
      while (e < n && Character.isLetter(s.charAt(e))) {
        e++;
      }
      char f = Character.toLowerCase(s.charAt(i));
      for (String w : TRIGGERS) {
        if (w.charAt(0) == f && w.length() == e - i && s.regionMatches(true, i, w, 0, w.length())) {
          return true;
        }
      }
      i = e;
    }
    return false;
  }

  @Test
  void sameAnswerOnTheClaimsDataSets() {
    int yes = 0;
    int texts = 0;
    for (Map.Entry<String, List<ClaimsData.Raw>> e : ClaimsData.raw(ClaimsAccuracyTest.datasets().resolve("claims")).entrySet()) {
      for (ClaimsData.Raw r : e.getValue()) {
        boolean expected = reference(r.response());
        assertEquals(expected, ClaimLanguageDetector.mayFlag(r.response()), e.getKey() + " row " + texts);
        yes += expected ? 1 : 0;
        texts++;
      }
    }
    assertTrue(yes > 100 && yes < texts, "flagged " + yes + " of " + texts);
  }

  @Test
  void sameAnswerOnRandomTexts() {
    Random r = new Random(43);
    String[] other = {" ", "the", "a", "x", ".", "-", "\u00e9t\u00e9", "\u017f", "\u212a", "\u0130", "\u0131", "caf\u00e9",
      "12", "\u00c9", "'", "\u0394"};
    int yes = 0;
    for (int it = 0; it < 30_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(8);
      for (int k = 0; k < len; k++) {
        String piece = r.nextInt(4) == 0 ? TRIGGERS.get(r.nextInt(TRIGGERS.size())) : other[r.nextInt(other.length)];
        if (r.nextInt(3) == 0) {
          piece = piece.toUpperCase(java.util.Locale.ROOT);
        } else if (r.nextInt(5) == 0 && piece.length() > 1) {
          piece = piece.substring(1); // a near miss
        } else if (r.nextInt(7) == 0 && !piece.isEmpty()) {
          piece = piece.replace('s', '\u017f').replace('k', '\u212a'); // long s, Kelvin sign: Unicode case folds
        }
        b.append(piece).append(r.nextInt(3) == 0 ? "" : " ");
      }
      String s = b.toString();
      boolean expected = reference(s);
      assertEquals(expected, ClaimLanguageDetector.mayFlag(s), "case " + it);
      yes += expected ? 1 : 0;
    }
    assertTrue(yes > 3_000 && yes < 27_000, "flagged: " + yes);
  }
}
