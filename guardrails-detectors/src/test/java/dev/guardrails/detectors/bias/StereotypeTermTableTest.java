package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The group-term table of {@link StereotypeFeatures#term} (keyed by the tokens' hashes, each hit confirmed against the
 * tokens' chars): every term of {@value StereotypeFeatures#GROUPS_FILE} of up to three tokens is found over its own
 * text with the mode its row gives (read here from the file, not from the table), and hand-checked sentences give the
 * longest term, its class and no term across a clause break or for a near miss.
 */
class StereotypeTermTableTest {

  private static final StereotypeFeatures F = StereotypeFeatures.INSTANCE;

  private static Tokens tokens(String s) {
    Tokens t = new Tokens();
    t.reset(s);
    return t;
  }

  private static byte mode(long term) {
    return (byte) (term >>> 32);
  }

  @Test
  void everyListedTermIsFoundWithItsRowsMode() throws Exception {
    Map<String, Character> rows = new LinkedHashMap<>(); // the term's text -> its mode letter, last row wins
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        StereotypeFeatures.class.getResourceAsStream(StereotypeFeatures.GROUPS_FILE), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] c = line.split("\t");
          rows.put(c[0], c[2].charAt(0));
        }
      }
    }
    assertTrue(rows.size() > 1500, "rows: " + rows.size());
    String letters = "gdpcnol"; // GROUP = 1 ... PLACE = 7, in the file's letters
    int checked = 0;
    for (Map.Entry<String, Character> row : rows.entrySet()) {
      Tokens t = tokens(row.getKey());
      if (t.count == 0 || t.count > 3) {
        continue;
      }
      long term = F.term(t, 0, t.count);
      assertEquals(t.count, (int) term, row.getKey());
      assertEquals(letters.indexOf(row.getValue()) + 1, mode(term), row.getKey());
      checked++;
    }
    assertTrue(checked > 1500, "checked: " + checked);
  }

  @Test
  void longestTermItsClassAndNoTermAcrossABreak() {
    // the(0) united(1) states(2) and(3) 20(4) year(5) old(6) women(7)
    Tokens t = tokens("The United States and 20 year old women.");
    assertEquals(3, (int) F.term(t, 1, t.count), "united states");
    assertEquals(StereotypeFeatures.PLACE, mode(F.term(t, 1, t.count)));
    assertEquals(7, (int) F.term(t, 4, t.count), "20 year old");
    assertEquals(StereotypeFeatures.DESCRIPTOR, mode(F.term(t, 4, t.count)));
    assertEquals(0, F.term(t, 4, 6), "20 year: no term within two tokens");
    assertEquals(0, F.term(t, 0, t.count), "the");
    assertEquals(8, (int) F.term(t, 7, t.count), "women");
    assertEquals(3, F.axis(t, 7, 8), "women: gender");
    assertEquals(1, F.axis(t, 1, 3), "united states: a country, class 1");

    // african(0) american(1) nurses(2): the two-token group term wins over "african" alone
    Tokens a = tokens("African American nurses");
    assertEquals(2, (int) F.term(a, 0, a.count));
    assertEquals(1, (int) F.term(a, 0, 1), "african alone before the limit");
    assertEquals(5, F.axis(a, 0, 3), "race before the occupation");

    // a clause break inside: "united" and "states" are no term together
    Tokens b = tokens("They united; states differ.");
    assertEquals(0, F.term(b, 1, b.count));

    // a near miss: same first token, a word that is no term's second
    Tokens c = tokens("United stated");
    assertEquals(0, F.term(c, 0, c.count));

    // "gay muslim men": the first class that is not a person noun's
    Tokens d = tokens("gay muslim men");
    assertEquals(4, F.axis(d, 0, 3), "orientation");
    assertEquals(2, F.axis(d, 1, 3), "religion");
  }
}
