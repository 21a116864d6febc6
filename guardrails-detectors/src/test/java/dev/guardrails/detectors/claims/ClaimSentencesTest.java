package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.detectors.nlp.RuleSentences;
import dev.guardrails.text.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimExtractor#noInnerEnd}, the shortcut that keeps a model sentence whole without running
 * the rule splitter on it, only fires where the rule splitter returns the sentence itself: random
 * trimmed sentences of words, abbreviations, numbers, quotes and end punctuation.
 */
class ClaimSentencesTest {

  @Test
  void shortcutOnlyWhereTheRuleSplitterKeepsTheSentenceWhole() {
    Random r = new Random(47);
    String[] pieces = {"It", "works", "Dr.", "e.g.", "U.S.", "3.5", "$1.2m", "12%", ".", "!", "?", "?!", "\"", "\u201d", ")",
      "Smith", "J.", "etc.", "the", "a", "...", "x.", "Yes", "'"};
    int shortcut = 0;
    for (int it = 0; it < 30_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(8);
      for (int k = 0; k < len; k++) {
        b.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String s = b.toString().trim();
      if (s.isEmpty()) {
        continue;
      }
      if (ClaimExtractor.noInnerEnd(s, 0, s.length())) {
        shortcut++;
        assertEquals(List.of(new Span(0, s.length())), RuleSentences.split(s), "case " + it);
      }
    }
    assertTrue(shortcut > 3_000, "shortcuts: " + shortcut);
  }

  @Test
  void handCheckedRows() {
    assertTrue(ClaimExtractor.noInnerEnd("It works.", 0, 9));
    assertTrue(ClaimExtractor.noInnerEnd("It works", 0, 8));
    assertTrue(!ClaimExtractor.noInnerEnd("It works. Yes", 0, 13));
    assertTrue(!ClaimExtractor.noInnerEnd("Dr. Smith", 0, 9)); // not split by the rules, but not the shortcut's to decide
    assertTrue(!ClaimExtractor.noInnerEnd("He said \"yes.\"", 0, 14));
  }
}
