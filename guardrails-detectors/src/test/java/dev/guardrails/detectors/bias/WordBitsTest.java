package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

/** {@link WordBits} answers as the sets it joins ({@code CharArraySet.contains} over each token's canonical chars). */
class WordBitsTest {

  private static CharArraySet set(String... words) {
    return new CharArraySet(List.of(words), false);
  }

  @Test
  void eachTokenGetsTheBitsOfTheSetsThatHoldIt() {
    // "males" and "man's" share a length and a hash: the table must tell them apart by their chars
    CharArraySet a = set("are", "is", "aren't", "males", "not", "x");
    CharArraySet b = set("man's", "not", "never", "lazy");
    CharArrayMap<Byte> v = new CharArrayMap<>(8, false);
    v.put("lazy", (byte) -1);
    v.put("kind", (byte) 1);
    v.put("males", (byte) 1);
    WordBits bits = new WordBits.Builder().add(a, 1).add(b, 2).add(v, (byte) -1, 4).add(v, (byte) 1, 8).build();
    assertEquals(Tokens.hash("males"), Tokens.hash("man's"));
    String[] pieces = {"are", "is", "aren't", "males", "man's", "not", "never", "lazy", "kind", "x", "y", "Are", "MALES",
        "arent", "ar", "mal", "kinds", "lazy's", "notx", "’", "'", "é", "naïve", "1", "99", "-", ",", ".", "\n", "\"", " "};
    SplittableRandom r = new SplittableRandom(19);
    Tokens t = new Tokens();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int w = r.nextInt(1, 20); w > 0; w--) {
        s.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String text = s.toString();
      t.begin();
      t.reset(text, 0, text.length());
      for (int k = 0; k < t.count; k++) {
        int c = t.cStart[k];
        int len = t.len(k);
        Byte val = v.get(t.canon, c, len);
        int want = (a.contains(t.canon, c, len) ? 1 : 0) | (b.contains(t.canon, c, len) ? 2 : 0)
            | (val != null && val == -1 ? 4 : 0) | (val != null && val == 1 ? 8 : 0);
        assertEquals(want, bits.of(t, k), () -> "token " + new String(t.canon, c, len) + " of " + text.length() + " chars");
      }
    }
  }
}
