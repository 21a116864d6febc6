package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The context lookup over the scan's one-byte view ({@link Context#in(byte[], String, int, int)})
 * must answer as the lookup over the string does: checked on random texts built from cue
 * fragments, case changes, separators and chars above U+00FF (which the view reads as '?'), for
 * cue lists with one-char cues, spaced phrases, Latin-1 and Thai cues.
 */
class ContextViewTest {

  private static final Context[] LISTS = {
    PiiPatternDetector.PHONE_CTX,
    PiiPatternDetector.NEGATIVE,
    PiiPatternDetector.CARD_CTX,
    GermanIds.PLZ_CTX,
    GermanIds.TAX_NUMBER_CTX,
    Context.of("x", "a b", "straße", "ä", "?", "เลข", "บัตร", "n\u00b0", "st.-nr"),
  };

  private static final String[] PIECES = {
    "call", "Call", "CALL", "phone", "ph", "po", "order", "visa", "card", "plz", "postfach", "steuer nr",
    "steuer-nr", "steuer_nr", "st.-nr", "st nr", "stnr", "a b", "a-b", "x", "X", "straße", "STRASSE",
    "ä", "Ä", "?", "เลข", "บัตร", "n°", "\u0100", "\u2019", "\ud83d\ude00", " ", " ", "  ", "-", "_", ".",
    ",", ":", "1", "42", "abc", "xcall", "callx", "c", "p", "s", "\n", "é", "ß",
  };

  @Test
  void viewLookupAnswersAsTheStringLookup() {
    Random r = new Random(20261207L);
    int hits = 0;
    int checked = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(14);
      for (int k = 0; k < parts; k++) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = sb.toString();
      byte[] view = PiiPatternDetector.latin1View(s);
      byte[] padded = java.util.Arrays.copyOf(view, view.length + ScanScratch.PAD);
      for (int q = 0; q < 4; q++) {
        int from = r.nextInt(s.length() + 1);
        int to = from + r.nextInt(s.length() - from + 1);
        for (Context c : LISTS) {
          boolean want = c.in(s, from, to);
          assertEquals(want, c.in(padded, s, from, to), () -> "in(" + from + ", " + to + ") of " + s);
          hits += want ? 1 : 0;
          checked++;
        }
      }
    }
    // the texts are built so that both answers occur thousands of times (about 3% are hits)
    assertTrue(hits > 5_000, hits + " of " + checked);
    assertTrue(hits < checked / 2, hits + " of " + checked);
  }

  @Test
  void handCheckedCases() {
    Context phone = PiiPatternDetector.PHONE_CTX;
    String s = "Please CALL me: 555 0199, or dial-in";
    byte[] v = java.util.Arrays.copyOf(PiiPatternDetector.latin1View(s), s.length() + ScanScratch.PAD);
    assertTrue(phone.in(v, s, 0, 12)); // "CALL" as a whole word
    assertFalse(phone.in(v, s, 8, 12)); // "LL me": no cue starts there
    assertTrue(phone.in(v, s, 29, s.length())); // "dial" before '-'
    Context thai = Context.of("เลข");
    String t = "x เลข 1234";
    byte[] tv = java.util.Arrays.copyOf(PiiPatternDetector.latin1View(t), t.length() + ScanScratch.PAD);
    assertTrue(thai.in(tv, t, 0, t.length()));
    assertFalse(thai.in(tv, "x ??? 1234", 0, t.length()), "a '?' in the text is not a Thai char");
  }
}
