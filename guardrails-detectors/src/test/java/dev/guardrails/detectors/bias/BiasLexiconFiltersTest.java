package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scan skips every token its filters mark neither {@link Tokens#MAY_ALONE} nor
 * {@link Tokens#MAY_PAIR}: a filter that says no for a lexicon form would silently lose findings.
 * Each form of every configuration is tokenized as text and must pass.
 */
class BiasLexiconFiltersTest {

  private static final List<BiasDetector.Options> CONFIGS = List.of(BiasDetector.Options.DEFAULT,
      new BiasDetector.Options(true, true, true, true, true), new BiasDetector.Options(false, false, false, false, false));

  @Test
  void everyPhraseStartPassesThePairFilter() {
    for (BiasDetector.Options o : CONFIGS) {
      BiasLexicon lex = BiasLexicon.of(o);
      List<String> keys = new ArrayList<>();
      lex.phrases.keySet().forEach(k -> keys.add(new String((char[]) k)));
      lex.groups.keySet().forEach(k -> keys.add(new String((char[]) k)));
      int checked = 0;
      for (String key : keys) {
        if (key.startsWith("@") || key.indexOf(' ') < 0) {
          continue;
        }
        Tokens t = tokens(lex, key);
        assertEquals(BiasLexicon.tokenCount(key), t.count, key);
        assertNotNull(lex.head(t.canon, t.cStart[0], t.len(0), t.hash[0]), key);
        assertTrue(t.is(0, Tokens.MAY_PAIR), key);
        checked++;
      }
      assertTrue(checked > (o.generalizations() ? 100 : 50), "phrases checked: " + checked);
    }
  }

  @Test
  void everyHeadThatMattersAlonePassesTheAloneFilter() {
    for (BiasDetector.Options o : CONFIGS) {
      BiasLexicon lex = BiasLexicon.of(o);
      int checked = 0;
      for (Map.Entry<Object, BiasLexicon.Node> e : lex.first.entrySet()) {
        BiasLexicon.Node node = e.getValue();
        String head = new String((char[]) e.getKey());
        if ((node.single == null && node.group == null && !node.singular) || head.indexOf(' ') >= 0) {
          continue;
        }
        Tokens t = tokens(lex, head);
        assertEquals(1, t.count, head);
        assertTrue(t.is(0, Tokens.MAY_ALONE), head);
        checked++;
      }
      assertTrue(checked > 100, "heads checked: " + checked);
    }
  }

  @Test
  void inPlaceCanonicalFormsAndGramsMatchTheKeys() {
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    Tokens t = tokens(lex, "The CHAIRMAN\u2019s Wheelchair-Bound, don\u2019t X-Ray");
    assertEquals(List.of("the", "chairman", "wheelchair", "bound", "don't", "x", "ray"), words(t));
    assertEquals("chairman wheelchair bound", new String(t.gram, 0, t.gram(1, 4)));
    assertEquals(Tokens.hash("don't"), t.hash[4]);
    assertNull(lex.head(t.canon, t.cStart[5], t.len(5), t.hash[5]));
  }

  private static Tokens tokens(BiasLexicon lex, String text) {
    Tokens t = new Tokens();
    t.begin(null, lex);
    t.reset(text, 0, text.length());
    t.end();
    return t;
  }

  private static List<String> words(Tokens t) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < t.count; k++) {
      out.add(new String(t.canon, t.cStart[k], t.len(k)));
    }
    return out;
  }
}
