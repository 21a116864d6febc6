package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WordList} against the comparison it replaces: every entry tried with the JDK's
 * {@code String.regionMatches(true, ...)} and the same word-boundary test. Texts are random mixes of
 * the entries (in random case, cut), separators and chars that Unicode case folding maps onto ASCII
 * letters ({@code İ}, {@code ı}, the Kelvin sign, the long s) or that are no ASCII at all (a
 * surrogate pair), so the non-ASCII path is exercised.
 */
class WordListTest {

  private static final String[] ENTRIES = {"my name is", "i'm", "dear", "hi", "signed by", "regards,", "attn:",
      "sincerely", "kind", "ssk", "p.o. box", "e-mail", "lives at"};

  @Test
  void matchesLikeRegionMatchesIgnoringCase() {
    WordList list = WordList.of(ENTRIES);
    String[] glue = {" ", "  ", ",", ":", ".", "\n", "x", "é", "\u0130", "\u0131", "\u212A", "\u017F", "\uD835\uDC00", "9", "'"};
    Random r = new Random(20261206L);
    int ends = 0;
    int starts = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + r.nextInt(5);
      for (int k = 0; k < parts; k++) {
        String p = ENTRIES[r.nextInt(ENTRIES.length)];
        if (r.nextInt(4) == 0 && p.length() > 2) {
          p = p.substring(r.nextInt(p.length() / 2));
        }
        StringBuilder q = new StringBuilder();
        for (char c : p.toCharArray()) {
          int pick = r.nextInt(12);
          // a case change, or a char that folds onto this ASCII letter under Unicode rules
          q.append(pick == 0 ? Character.toUpperCase(c) : pick == 1 && c == 'k' ? '\u212A'
              : pick == 1 && c == 's' ? '\u017F' : pick == 1 && c == 'i' ? '\u0130' : c);
        }
        b.append(q).append(glue[r.nextInt(glue.length)]);
      }
      String s = b.toString();
      // the char variants read a copy that, like the name scan's per-thread buffer, may run past the text
      char[] chars = (s + "kind hi").toCharArray();
      for (int i = 0; i <= s.length(); i++) {
        int from = r.nextInt(i + 1);
        boolean end = list.endsAt(s, from, i);
        assertEquals(endsOracle(s, from, i), end, () -> "endsAt differs, text length " + s.length());
        boolean start = list.startsAt(s, i);
        assertEquals(startsOracle(s, i), start, () -> "startsAt differs, text length " + s.length());
        assertEquals(end, list.endsAt(s, chars, from, i), () -> "endsAt over the char copy differs, text length " + s.length());
        assertEquals(start, list.startsAt(s, chars, i), () -> "startsAt over the char copy differs, text length " + s.length());
        ends += end ? 1 : 0;
        starts += start ? 1 : 0;
      }
    }
    assertTrue(ends > 1000 && starts > 1000, "the texts must hold many matches: " + ends + " / " + starts);
  }

  @Test
  void knownCases() {
    WordList list = WordList.of(ENTRIES);
    assertTrue(list.endsAt("Hello, my NAME is", 0, 17));
    assertFalse(list.endsAt("Hello, ymy name is", 0, 18)); // glued to a letter before it
    assertTrue(list.endsAt("Best \u212Aind", 0, 9)); // the Kelvin sign folds onto 'k', as regionMatches folds it
    assertTrue(list.startsAt("Lives at 5 Main St", 0));
    assertFalse(list.startsAt("Lives atop", 0));
    assertFalse(list.endsAt("dear", 1, 4)); // the entry would start before from
    assertThrows(IllegalArgumentException.class, () -> WordList.of("Dear"));
    assertThrows(IllegalArgumentException.class, () -> WordList.of(""));
  }

  private static boolean endsOracle(String s, int from, int to) {
    for (String w : ENTRIES) {
      int st = to - w.length();
      if (st >= from && s.regionMatches(true, st, w, 0, w.length()) && (st == 0 || !Chars.letter(s.charAt(st - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsOracle(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    for (String w : ENTRIES) {
      int e = i + w.length();
      if (e <= s.length() && s.regionMatches(true, i, w, 0, w.length()) && (e == s.length() || !Chars.letter(s.charAt(e)))) {
        return true;
      }
    }
    return false;
  }
}
