package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The name scan's passes over the byte view (eight bytes at a time over lower-case words, spaces,
 * digits and punctuation while a capital stands near) find exactly what its char-at-a-time loop
 * finds: random texts of every char class, short (the view of an all-ASCII text) and long (the
 * Latin-1 view), fixed seeds.
 */
class PersonScanTest {

  private static final PersonDetector DETECTOR = new PersonDetector();

  private static final String[] PIECES = {"word ", "the ", "and more ", "people said ", "a", "c", "u", "U", "C", "e",
      "x", " ", " ", " ", ".", "!", "?", ",", ";", "-", "'", "\u2019", "1", "42", "#", "@", "/", "\n", "\t", "é", "Ł",
      "John ", "Smith", "Maria ", "van ", "de la ", "O'Brien ", "Dear ", "Mr. ", "lives at ", "john ", "miller ",
      "will ", "with ", "Kim ", "Park ", "Seo-yeon ", "Yūna ", "Müller ", "well-known ", "it's ", "Amanda's ",
      "corner of ", "12 Main Street ", "İ", "ß", "\u212A", "\uD83D\uDE00", "\u00A0", "aaaaaaaaaaaaaaaaaaaa "};

  @Test
  void viewPassesFindWhatTheCharLoopFinds() {
    Random r = new Random(20261207);
    int compared = 0;
    for (int t = 0; t < 6000; t++) {
      String text = text(r, t % 3 == 0 ? 120 : 24, t % 2 == 0);
      assertEquals(findings(text, false), findings(text, true), () -> "text of " + text.length() + " chars");
      compared++;
    }
    assertEquals(6000, compared);
  }

  @Test
  void viewPassesKeepTheLastLowerWordBeforeACapital() {
    // the lower-case path reads where the last lower-case word ended (prose); texts that reach it
    // after a long stretch the view passed over, and stop it at each kind of char
    for (String stop : new String[] {"A", ".", "-", "'", "\u00E9", "\n", " "}) {
      String text = "Hello " + "the big cat sat on a mat, 42 times; ".repeat(6) + stop + "john miller is here. jane doe too";
      assertEquals(findings(text, false), findings(text, true), stop);
    }
  }

  private static String text(Random r, int pieces, boolean ascii) {
    StringBuilder b = new StringBuilder();
    int len = 1 + r.nextInt(pieces);
    for (int i = 0; i < len; i++) {
      if (r.nextInt(4) == 0) {
        int q = r.nextInt(10);
        b.append(q < 4 ? (char) ('a' + r.nextInt(26)) : q < 6 ? (char) ('A' + r.nextInt(26)) : q < 8 ? (char) r.nextInt(128)
            : (char) (128 + r.nextInt(0x300)));
      } else {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
    }
    String s = b.toString();
    return ascii ? s.replaceAll("[^\\x00-\\x7F]", "e") : s;
  }

  private static List<String> findings(String text, boolean view) {
    List<Finding> out = new ArrayList<>();
    AnalyzedText t = AnalyzedText.of(text);
    if (view) {
      DETECTOR.detect(t, CheckContext.empty(), out::add);
    } else {
      DETECTOR.detectWithoutView(t, out::add);
    }
    List<String> l = new ArrayList<>();
    for (Finding f : out) {
      l.add(f.start() + "-" + f.end() + " " + f.score() + " " + f.attributes());
    }
    return l;
  }
}
