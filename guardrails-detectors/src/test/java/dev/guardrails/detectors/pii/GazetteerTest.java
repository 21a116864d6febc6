package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
  void theRecentMemoAnswersAsTheListsDo() {
    // words of 1 to 12 chars (kept in the memo up to nine, in the slot up to six, pooled above), some
    // on both lists, one spelled with the Kelvin sign; random case, asked again and again so that
    // slots are hit, missed and overwritten (far more distinct words than the memo's 1,024 slots)
    List<String> first = List.of("a", "ab", "Main", "rue", "O'Brien", "Avenue", "avenida", "Cordelia", "Saint-Jean",
        "Bartholomew", "\u00C9cole", "Kelvin");
    List<String> second = List.of("ab", "rue", "Avenida", "Cordelia", "stra\u00DFe", "kelvinator", "bartholomew");
    Gazetteer[] lists = Gazetteer.union(List.of(first, second));
    Gazetteer.Recent recent = new Gazetteer.Recent(lists[0]);
    // hand-checked tags: bit 0 for the first list, bit 1 for the second
    String text = " MAIN rue AB cordelia \u212Aelvin KELVINATOR \u00E9cole bartholomew o\u2019brien stra\u00DFe mai ";
    int[] expected = {1, 3, 3, 3, 1, 2, 1, 3, 1, 2, 0};
    char[] c = text.toCharArray();
    for (int round = 0; round < 3; round++) {
      int w = 0;
      for (int a = 1; a < c.length; a = text.indexOf(' ', a) + 1) {
        int b = text.indexOf(' ', a);
        assertEquals(expected[w++], recent.tags(c, a, b), text.substring(a, b));
      }
    }
    Random r = new Random(20261207L);
    List<String> pool = new ArrayList<>(first);
    pool.addAll(second);
    for (int i = 0; i < 4000; i++) {
      StringBuilder b = new StringBuilder();
      for (int len = 1 + r.nextInt(12); b.length() < len; ) {
        b.append("abcdeAB'-\u00E9".charAt(r.nextInt(10)));
      }
      pool.add(b.toString());
    }
    char[] buf = new char[40];
    for (int i = 0; i < 60_000; i++) {
      String w = pool.get(r.nextInt(i % 3 == 0 ? 64 : pool.size()));
      StringBuilder cased = new StringBuilder();
      for (char ch : w.toCharArray()) {
        cased.append(r.nextBoolean() ? Character.toUpperCase(ch) : ch);
      }
      String x = cased.toString();
      x.getChars(0, x.length(), buf, 3);
      int want = (inIgnoringCase(first, x) ? 1 : 0) | (inIgnoringCase(second, x) ? 2 : 0);
      assertEquals(want, recent.tags(buf, 3, 3 + x.length()), x);
      assertEquals(lists[0].tags(buf, 3, 3 + x.length()), recent.tags(buf, 3, 3 + x.length()), x);
    }
  }

  /** Whether a list holds {@code w}, comparing char by char lower-cased (the gazetteer's folding, but for apostrophes). */
  private static boolean inIgnoringCase(List<String> list, String w) {
    for (String e : list) {
      if (e.length() == w.length() && e.toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCharArrayLookupsAnswerAsTheStringOnes() {
    Gazetteer[] lists = Gazetteer.union(List.of(List.of("Main", "rue", "O'Brien", "Ñandú", "a", LONG, "Saint-Jean"),
        List.of("via", "rue", "\u00E9cole", "kelvin")));
    String s = "x MAIN Rue o\u2019brien \u00D1AND\u00DA A " + LONG.toUpperCase(Locale.ROOT) + " saint-jean VIA \u00C9cole \u212Aelvin ";
    char[] c = (s + "main").toCharArray(); // longer than the text, as the name scan's buffer may be
    for (int a = 0; a <= s.length(); a++) {
      for (int b = a; b <= s.length(); b++) {
        for (Gazetteer l : lists) {
          assertEquals(l.contains(s, a, b), l.contains(c, a, b), s.substring(a, b));
          assertEquals(l.tags(s, a, b), l.tags(c, a, b), s.substring(a, b));
        }
      }
    }
    assertTrue(lists[0].contains(c, 2, 6) && lists[1].contains(c, 7, 10) && lists[1].tags(c, 7, 10) == 3);
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

  @Test
  void aUnionAnswersEachListAsItsOwnGazetteerDoes() {
    List<String> words = new ArrayList<>();
    Random r = new Random(11);
    String alphabet = "abcdeéł'-ABZ";
    for (int i = 0; i < 600; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(i % 50 == 0 ? 80 : 5);
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      words.add(b.toString());
    }
    // overlapping lists, one with duplicates of its own
    List<String> twice = new ArrayList<>(words.subList(280, 320));
    twice.addAll(words.subList(280, 300));
    List<List<String>> lists = List.of(words.subList(0, 200), words.subList(100, 300), words.subList(250, 260),
        List.of(), twice);
    Gazetteer[] union = Gazetteer.union(lists);
    assertEquals(lists.size(), union.length);
    for (int l = 0; l < lists.size(); l++) {
      Gazetteer alone = Gazetteer.of(lists.get(l));
      assertEquals(alone.size(), union[l].size(), "size of list " + l);
      for (String w : words) {
        String text = "<" + w + ">";
        assertEquals(alone.contains(text, 1, 1 + w.length()), union[l].contains(text, 1, 1 + w.length()), w);
        assertEquals(alone.contains(w), (union[0].tags(w, 0, w.length()) & (1 << l)) != 0, w);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Gazetteer.union(List.of()));
  }

  @Test
  void aSyllableTrieAnswersAsAGazetteerOfTheSameSyllables() {
    Random r = new Random(5);
    List<String> syllables = new ArrayList<>();
    String inventory = "abkno'";
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + r.nextInt(5); k > 0; k--) {
        b.append(inventory.charAt(r.nextInt(inventory.length())));
      }
      syllables.add(b.toString());
    }
    Romanized.Trie trie = new Romanized.Trie(syllables);
    Gazetteer g = Gazetteer.of(syllables);
    String queries = "abknoABKNO'\u2019\u212Aé-";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + r.nextInt(6); k > 0; k--) {
        b.append(queries.charAt(r.nextInt(queries.length())));
      }
      String q = b.toString();
      assertEquals(g.contains(q), trie.contains(q, 0, q.length()), q);
    }
    assertThrows(IllegalArgumentException.class, () -> new Romanized.Trie(List.of("ab-c")));
  }

  @Test
  void aMinimizedTrieWalksAsTheTrieAsBuilt() {
    Random r = new Random(11);
    List<List<String>> inventories = new ArrayList<>(List.of(Romanized.korean(), Romanized.chinese(), Romanized.japanese()));
    for (int n = 0; n < 20; n++) {
      List<String> random = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(400); i++) {
        StringBuilder b = new StringBuilder();
        for (int k = 1 + r.nextInt(6); k > 0; k--) {
          b.append("abkno'".charAt(r.nextInt(6)));
        }
        random.add(b.toString());
      }
      inventories.add(random);
    }
    for (List<String> inventory : inventories) {
      Romanized.Trie small = new Romanized.Trie(inventory);
      Romanized.Trie built = new Romanized.Trie(inventory, false);
      // both are deterministic automata: walking them side by side over every char from every
      // reachable node pair compares them on every string (past the built trie's end both are dead)
      java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      todo.add(new int[] {0, 0});
      seen.add(0);
      while (!todo.isEmpty()) {
        int[] pair = todo.poll();
        assertEquals(built.syllable(pair[0]), small.syllable(pair[1]));
        for (char c : "abcdefghijklmnopqrstuvwxyzABCZ'\u2019-é".toCharArray()) {
          int b = built.step(pair[0], c);
          int m = small.step(pair[1], c);
          assertEquals(b < 0, m < 0, inventory.size() + " syllables, char " + (int) c);
          if (b >= 0 && seen.add(b)) {
            todo.add(new int[] {b, m});
          }
        }
      }
      assertEquals(built.nodes(), seen.size()); // every node of the built trie was compared
      assertTrue(small.nodes() <= built.nodes());
    }
    assertTrue(new Romanized.Trie(Romanized.korean()).nodes() < 100); // from about 20,000 as built
  }
}
