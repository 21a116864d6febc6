package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The public-figure lookup of the risk annotation is asked only for a name whose last word carries
 * {@link NameLexicons#T_FIGURE_LAST}: that must hold for the last word of every entry of the figures
 * file (read here from the resource itself, not through {@link NameLexicons#FIGURES}), in any case,
 * read from a text and from a char copy longer than the text.
 */
class PublicFigureTagTest {

  private static List<String> figures() throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PublicFigureTagTest.class.getResourceAsStream("/dev/guardrails/detectors/pii/public-figures.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && t.charAt(0) != '#') {
          out.add(t);
        }
      }
    }
    return out;
  }

  @Test
  void everyFiguresLastWordCarriesTheTag() throws Exception {
    List<String> figures = figures();
    assertTrue(figures.size() > 10_000, "figures: " + figures.size());
    for (String f : figures) {
      String[] variants = {f, f.toUpperCase(Locale.ROOT), f.toLowerCase(Locale.ROOT)};
      for (int v = 0; v < variants.length; v++) {
        String name = variants[v];
        String text = "Yes, " + name + " came.";
        int a = 5;
        int b = a + name.length();
        if (v == 0) {
          assertTrue(PersonRisk.LIST.contains(text, a, b), f);
        } else if (!PersonRisk.LIST.contains(text, a, b)) {
          continue; // a case mapping that folds back to other chars ("ß" -> "SS"): no entry, nothing to tell
        }
        int last = a + name.lastIndexOf(' ') + 1;
        char[] copy = java.util.Arrays.copyOf(text.toCharArray(), text.length() + 8);
        assertTrue((NameLexicons.tags(text, last, b) & NameLexicons.T_FIGURE_LAST) != 0, f);
        assertTrue((NameLexicons.tags(copy, last, b) & NameLexicons.T_FIGURE_LAST) != 0, f);
      }
    }
  }

  @Test
  void handCheckedNames() {
    // on Pantheon's list: "Barack Obama", "Albert Einstein"; not: the synthetic "Amara Nwosu"
    for (String name : List.of("Barack Obama", "Albert Einstein")) {
      assertTrue(PersonRisk.LIST.contains(name, 0, name.length()), name);
      String last = name.substring(name.indexOf(' ') + 1);
      assertEquals(NameLexicons.T_FIGURE_LAST, NameLexicons.tags(last, 0, last.length()) & NameLexicons.T_FIGURE_LAST, last);
    }
    assertFalse(PersonRisk.LIST.contains("Amara Nwosu", 0, 11));
    assertEquals(0, NameLexicons.tags("Nwosu", 0, 5) & NameLexicons.T_FIGURE_LAST);
    // a word no figure's name ends with
    assertEquals(0, NameLexicons.tags("the", 0, 3) & NameLexicons.T_FIGURE_LAST);
  }
}
