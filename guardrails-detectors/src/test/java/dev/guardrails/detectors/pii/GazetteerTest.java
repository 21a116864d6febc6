package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Gazetteer} lookups, including its quick rejection by first char and length: every entry is
 * found in any case and inside a longer text, and random strings are found exactly when they are
 * entries.
 */
class GazetteerTest {

  private static final String LONG = "x".repeat(70) + "y";

  private final Gazetteer g = Gazetteer.of(List.of("Main", "rue", "Via", "O'Brien", "Ñandú", "łódź", "a",
      "Avenue", "avenida", "ab", LONG, "\u00E9cole", "Saint-Jean"));

  @Test
  void findsEveryEntryInAnyCaseAndInsideText() {
    for (String w : List.of("main", "MAIN", "Rue", "via", "o\u2019brien", "ÑANDÚ", "ŁÓDŹ", "A", "AVENUE", "Avenida",
        "AB", LONG.toUpperCase(Locale.ROOT), "\u00C9COLE", "saint-jean")) {
      assertTrue(g.contains(w), w);
      String text = "<< " + w + " >>";
      assertTrue(g.contains(text, 3, 3 + w.length()), text);
    }
    assertEquals(13, g.size());
  }

  @Test
  void nearMissesAreNotEntries() {
    for (String w : List.of("mai", "mains", "ru", "vía", "obrien", "nandu", "lodz", "b", "avenues", "abc",
        LONG + "y", LONG.substring(1), "ecole", "", "saint jean")) {
      assertFalse(g.contains(w), w);
    }
  }

  @Test
  void randomStringsAreFoundExactlyWhenTheyAreEntries() {
    List<String> words = new ArrayList<>();
    Random r = new Random(4);
    String alphabet = "abcdeéł'-ABZ";
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(i % 50 == 0 ? 80 : 6);
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      words.add(b.toString());
    }
    Gazetteer big = Gazetteer.of(words.subList(0, 200));
    Set<String> in = new HashSet<>();
    for (String w : words.subList(0, 200)) {
      in.add(w.toLowerCase(Locale.ROOT));
    }
    for (String w : words) {
      assertEquals(in.contains(w.toLowerCase(Locale.ROOT)), big.contains(w), w);
    }
  }
}
