package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefilter's packing of eight bytes and its hits at the ends of texts of every length. */
class KeywordsTest {

  /** Each byte's six folded bits ({@code (c | 0x20) & 0x3F}) land at bits {@code [6k, 6k+6)}. */
  @Test
  void packPutsEachFoldedByteInItsSixBits() {
    Random rnd = new Random(1);
    for (int it = 0; it < 10_000; it++) {
      long w = rnd.nextLong();
      long packed = Keywords.pack(w);
      for (int k = 0; k < 8; k++) {
        int b = (int) (w >>> (8 * k)) & 0xFF;
        assertEquals((b | 0x20) & 0x3F, (int) (packed >>> (6 * k)) & 0x3F, "byte " + k + " of " + Long.toHexString(w));
      }
      assertEquals(0, packed >>> 48);
    }
  }

  /**
   * Hits come in order of their start although each is found at its anchor, up to
   * {@code maxAnchorAt} chars after it: on dense texts of the vendored keywords, glued and
   * overlapping, the cursor's starts never go back, and equal a naive search's in order.
   */
  @Test
  void hitsComeInOrderOfTheirStart() {
    GitleaksRules g = GitleaksRules.defaults();
    java.util.List<String> kws = new java.util.ArrayList<>();
    for (GitleaksRules.Rule r : g.rules) {
      for (String k : r.keywords) {
        if (!kws.contains(k) && k.length() > 2) {
          kws.add(k);
        }
      }
    }
    Keywords index = new Keywords(kws, kws.stream().map(k -> new int[0]).toList());
    Random rnd = new Random(17);
    int hits = 0;
    for (int it = 0; it < 500; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 20; k++) {
        String w = kws.get(rnd.nextInt(kws.size()));
        int from = rnd.nextInt(3) == 0 ? rnd.nextInt(w.length()) : 0; // a tail glued to the next keyword
        b.append(w, from, w.length());
      }
      String text = b.toString();
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      java.util.List<Integer> expected = new java.util.ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        for (String w : kws) {
          if (lower.startsWith(w, i)) {
            expected.add(i);
          }
        }
      }
      java.util.List<Integer> actual = new java.util.ArrayList<>();
      Keywords.Cursor c = index.cursor(SecretText.latin1View(text));
      while (c.next()) {
        actual.add(c.start());
      }
      assertEquals(expected, actual, "case " + it);
      hits += actual.size();
    }
    assertEquals(true, hits > 5_000, "hits " + hits);
  }

  /** A keyword at every offset of texts of every length up to 40 is found once, in any case. */
  @Test
  void keywordFoundAtEveryOffsetOfEveryLength() {
    Keywords k = new Keywords(List.of("akia", "key", "sk"), List.of(new int[0], new int[0], new int[0]));
    for (int len = 3; len <= 40; len++) {
      for (int at = 0; at + 4 <= len; at++) {
        StringBuilder b = new StringBuilder("x".repeat(len));
        b.replace(at, at + 4, at % 2 == 0 ? "AKIA" : "akIa");
        Keywords.Cursor c = k.cursor(SecretText.latin1View(b.toString()));
        int hits = 0;
        while (c.next()) {
          assertEquals(at, c.start(), "length " + len);
          hits++;
        }
        assertEquals(1, hits, "length " + len + " at " + at);
      }
    }
  }
}
