package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The word-vector table's failure modes and lookup ({@link StereotypeEmbeddings}). */
class StereotypeEmbeddingsTest {

  private static byte[] shipped() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        StereotypeEmbeddings.class.getResourceAsStream(StereotypeEmbeddings.RESOURCE), StereotypeEmbeddings.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  @Test
  void missingTableIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StereotypeEmbeddings.load("no-such-vectors.bin"));
    assertTrue(e.getMessage().contains("no-such-vectors.bin"), e.getMessage());
  }

  @Test
  void corruptOrTruncatedTableIsRejectedWithItsName() throws IOException {
    byte[] good = shipped();
    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 1;
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    for (byte[] bad : List.of(flipped, Arrays.copyOf(good, good.length - 9), longer, new byte[10],
        "not a table".repeat(9).getBytes())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> StereotypeEmbeddings.read(bad, "x-vectors.bin"));
      assertTrue(e.getMessage().contains("x-vectors.bin"), e.getMessage());
    }
  }

  @Test
  void shippedTableAndModelFitTheSizeBudget() throws IOException {
    int table = shipped().length;
    int model = StereotypeModel.load().write().length;
    assertTrue(table + model <= 5_000_000, "table " + table + " + model " + model + " bytes");
  }

  @Test
  void tokensFindTheirVectorsByTheirHashAndOthersNone() {
    StereotypeEmbeddings e = StereotypeEmbeddings.shared();
    Tokens t = new Tokens();
    t.reset("Lazy LAZY lazy zzqxv, feckless slothful.");
    int lazy = e.row(t, 0);
    assertTrue(lazy >= 0, "a word of the training sets");
    assertEquals(lazy, e.row(t, 1), "case folded by the tokenizer");
    assertEquals(lazy, e.row(t, 2));
    assertEquals(-1, e.row(t, 3), "no such word");
    assertTrue(e.row(t, 4) >= 0 && e.row(t, 5) >= 0, "WordNet adjectives the training sets never use");
    assertTrue(e.row(t, 4) != lazy && e.row(t, 5) != e.row(t, 4));
    Tokens c = new Tokens();
    c.reset("males man's acres act's");
    assertEquals(Tokens.hash("males"), Tokens.hash("man's"), "a hash collision of one length");
    assertTrue(e.row(c, 0) >= 0 && e.row(c, 1) >= 0 && e.row(c, 0) != e.row(c, 1), "both kept, apart");
    assertTrue(e.row(c, 2) != e.row(c, 3));
  }

  /** The detector's margin from the projected table equals the dot product of the trainer's dense features. */
  @Test
  void projectedMarginEqualsTheDenseDotProduct() {
    StereotypeModel m = StereotypeModel.load();
    assertTrue(m.dense.length > 0 && m.embeddings != null, "the shipped model reads word vectors");
    StereotypeScorer s = new StereotypeScorer(m, StereotypeFeatures.INSTANCE, m.embeddings);
    for (String text : List.of("Scots are avaricious.", "Most immigrants are not lazy and never steal.",
        "All Brazilians are so debauched, and Germans are dour.", "Women were enfranchised in 1918 in Britain.")) {
      Tokens t = new Tokens();
      t.reset(text);
      StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
      assertTrue(s.extract(t, 0, t.count, sc), text);
      double dot = 0;
      for (int i = 0; i < m.dense.length; i++) {
        dot += m.dense[i] * sc.dense[i];
      }
      assertTrue(dot != 0, text);
      assertEquals(dot, sc.denseMargin, 1e-4 * (1 + Math.abs(dot)), text);
    }
  }

  /** Meaning, as an independent check of the distillation: a trait is nearer its synonym than an unrelated word. */
  @Test
  void synonymsAreNearerThanUnrelatedWords() {
    StereotypeEmbeddings e = StereotypeEmbeddings.shared();
    assertTrue(cosine(e, "greedy", "greed") > cosine(e, "greedy", "bicycle"));
    assertTrue(cosine(e, "criminals", "robbers") > cosine(e, "criminals", "window"));
    assertTrue(cosine(e, "stupid", "idiotic") > cosine(e, "stupid", "harbour"));
  }

  private static double cosine(StereotypeEmbeddings e, String a, String b) {
    float[] v = new float[2 * e.dims];
    Tokens t = new Tokens();
    t.reset(a + " " + b);
    int oa = e.row(t, 0);
    int ob = e.row(t, 1);
    assertTrue(oa >= 0 && ob >= 0, a + " / " + b + " in the table");
    e.add(oa, 1f, v, 0);
    e.add(ob, 1f, v, e.dims);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < e.dims; i++) {
      dot += v[i] * v[e.dims + i];
      na += v[i] * v[i];
      nb += v[e.dims + i] * v[e.dims + i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
