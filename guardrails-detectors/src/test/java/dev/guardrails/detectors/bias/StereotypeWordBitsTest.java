package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

/**
 * The stereotype path reads word sets as bits of one probe per token ({@link StereotypeFeatures#bits}), stored by the
 * feature pass for its sentence: the bits must answer exactly as the sets' {@code contains}, whether stored or probed;
 * the dense classes read from them as the dense-class map; and {@link StereotypeFrames#modelFrames} as the four frames
 * called one after the other (its oracle: the frames' own public methods).
 */
class StereotypeWordBitsTest {

  /** The sets the frames and the dense margin read as bits, with their bits. */
  private static Map<CharArraySet, Long> sets() {
    Map<CharArraySet, Long> m = new java.util.LinkedHashMap<>();
    m.put(StereotypeFrames.REASON, StereotypeFrames.B_REASON);
    m.put(StereotypeFrames.TIE_OPEN, StereotypeFrames.B_TIE_OPEN);
    m.put(StereotypeFrames.HARM_ADVERB, StereotypeFrames.B_HARM_ADVERB);
    m.put(StereotypeFrames.HARM_COPULA, StereotypeFrames.B_HARM_COPULA);
    m.put(StereotypeFrames.CRIME_VERB, StereotypeFrames.B_CRIME_VERB);
    m.put(StereotypeFrames.HARM_VERB, StereotypeFrames.B_HARM_VERB);
    m.put(StereotypeFrames.LACK, StereotypeFrames.B_LACK);
    m.put(StereotypeFrames.HAVE, StereotypeFrames.B_HAVE);
    m.put(StereotypeFrames.COPULA, StereotypeFrames.B_COPULA);
    m.put(StereotypeFrames.DENY_COPULA_NOT, StereotypeFrames.B_DENY_COPULA_NOT);
    m.put(StereotypeFrames.HOLD_VERB, StereotypeFrames.B_HOLD_VERB);
    m.put(StereotypeFrames.BRING_VERB, StereotypeFrames.B_BRING_VERB);
    m.put(StereotypeFrames.THEY, StereotypeFrames.B_THEY);
    m.put(StereotypeFrames.ARE, StereotypeFrames.B_ARE);
    m.put(StereotypeFeatures.QUANT, StereotypeFeatures.W_QUANT);
    m.put(StereotypeFeatures.WITH, StereotypeFeatures.W_WITH);
    m.put(StereotypeFeatures.NEG, StereotypeFeatures.W_NEG);
    m.put(StereotypeFeatures.HARM, StereotypeFeatures.W_HARM);
    m.put(StereotypeFeatures.BLAME, StereotypeFeatures.W_BLAME);
    m.put(BiasLexicon.Parsed.TRAITS, StereotypeFeatures.W_TRAIT);
    m.put(StereotypeFeatures.COUNTRY_S, StereotypeFeatures.W_COUNTRY_S);
    m.put(StereotypeFeatures.PLURAL_IRREGULAR, StereotypeFeatures.W_PLURAL_IRREGULAR);
    return m;
  }

  @Test
  void bitsAreTheSetsStoredOrProbed() {
    Map<CharArraySet, Long> sets = sets();
    List<String> pieces = new ArrayList<>();
    for (CharArraySet s : sets.keySet()) {
      if (s != BiasLexicon.Parsed.TRAITS) {
        for (Object w : s) {
          pieces.add(new String((char[]) w));
        }
      }
    }
    int words = pieces.size();
    for (String extra : "lazy Are THEY because. mass boss bus mens kiss ’ é 1 , - their' isn't aren't they're".split(" ")) {
      pieces.add(extra);
    }
    StereotypeModel model = StereotypeModel.load();
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    SplittableRandom r = new SplittableRandom(12);
    Tokens t = new Tokens();
    long checked = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int w = r.nextInt(1, 60); w > 0; w--) {
        b.append(pieces.get(r.nextInt(pieces.size()))).append(r.nextInt(5) == 0 ? "" : " ");
      }
      String text = b.toString();
      t.begin();
      t.reset(text, 0, text.length());
      assertEquals(0, t.bitsTo, "a reset forgets the stored bits");
      long[] probed = new long[t.count];
      int[] dense = new int[t.count];
      for (int k = 0; k < t.count; k++) {
        probed[k] = StereotypeFeatures.bits(t, k);
        dense[k] = StereotypeFeatures.denseClass(t, k);
        assertEquals(plural(t, k), StereotypeFeatures.plural(t, k));
      }
      // the feature pass stores its sentence's bits (here the first MAX_TOKENS tokens, no mention)
      int end = Math.min(t.count, StereotypeFeatures.MAX_TOKENS);
      f.features(t, 0, end, sc.spans, 0, model.mask, sc.sym, sc.gPos, sc.feats);
      assertEquals(end, t.bitsTo);
      for (int k = 0; k < t.count; k++) {
        int c = t.cStart[k];
        int len = t.len(k);
        long stored = StereotypeFeatures.bits(t, k);
        assertEquals(probed[k], stored);
        assertEquals(plural(t, k), StereotypeFeatures.plural(t, k), "plural of a stored token");
        assertEquals(dense[k], StereotypeFeatures.denseClass(t, k), "dense class of a stored token");
        for (Map.Entry<CharArraySet, Long> e : sets.entrySet()) {
          boolean want = e.getKey().contains(t.canon, c, len);
          assertEquals(want, (stored & e.getValue()) != 0, () -> "token " + new String(t.canon, c, len));
          checked += want ? 1 : 0;
        }
      }
    }
    assertTrue(words > 100 && checked > 50_000, words + " words, " + checked + " hits");
  }

  /** The plural test as it read the two sets before the word bits. */
  private static boolean plural(Tokens t, int k) {
    int len = t.len(k);
    if (StereotypeFeatures.COUNTRY_S.contains(t.canon, t.cStart[k], len)) {
      return false;
    }
    char last = t.canon[t.cEnd[k] - 1];
    return (len > 3 && last == 's' && t.canon[t.cEnd[k] - 2] != 's')
        || StereotypeFeatures.PLURAL_IRREGULAR.contains(t.canon, t.cStart[k], len);
  }

  /** {@link StereotypeFeatures#plural} reads the one-country list only for a word in 's': all its words end so. */
  @Test
  void everyOneCountryWordEndsInS() {
    for (Object w : StereotypeFeatures.COUNTRY_S) {
      char[] c = (char[]) w;
      assertEquals('s', c[c.length - 1], new String(c));
    }
  }

  @Test
  void modelFramesAreTheFourFramesInTurn() throws IOException {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    int[] spans = new int[2 * StereotypeFeatures.MAX_TOKENS];
    int[] found = new int[4]; // harm, another frame, none; sentences with a mention
    TrainingSentences.forEach(2, (s, t, from, to, end) -> {
      int m = f.mentions(t, from, end, spans);
      if (m > 0) {
        int want;
        if (StereotypeFrames.harm(t, from, end, spans, m)) {
          want = StereotypeFrames.HARM_FRAME;
        } else if ((want = StereotypeFrames.reason(t, from, end, spans, m)) < 0
            && (want = StereotypeFrames.lack(t, from, end, spans, m)) < 0) {
          want = StereotypeFrames.predicate(t, from, end, spans, m);
        }
        assertEquals(want, StereotypeFrames.modelFrames(t, from, end, spans, m), s);
        found[want == StereotypeFrames.HARM_FRAME ? 0 : want >= 0 ? 1 : 2]++;
        found[3]++;
      }
    });
    assertTrue(found[3] > 5_000 && found[0] > 100 && found[1] > 50,
        found[3] + " sentences with a mention; harm " + found[0] + ", reason/lack/predicate " + found[1]);
  }
}
