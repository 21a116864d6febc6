package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Finding;
import dev.guardrails.Source;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The citation pass that jumps between the places a citation may start finds exactly what the
 * per-char pass finds: on the claims data sets' responses (with and without their source) and on
 * random texts built from citation pieces, near misses and case look-alikes.
 */
class CitationsSkipTest {

  private static List<Finding> run(String text, List<Source> sources, boolean skip) {
    List<Finding> out = new ArrayList<>();
    Citations.scan(AnalyzedText.of(text), sources, "claims.language", ClaimLanguageDetector.UNVERIFIABLE_CITATION, out::add, skip);
    return out;
  }

  @Test
  void sameFindingsOnTheClaimsDataSets() {
    int texts = 0;
    int found = 0;
    for (Map.Entry<String, List<ClaimsData.Raw>> e : ClaimsData.raw(ClaimsAccuracyTest.datasets().resolve("claims")).entrySet()) {
      for (ClaimsData.Raw r : e.getValue()) {
        for (List<Source> sources : List.of(List.<Source>of(), List.of(Source.of("s", r.source())))) {
          List<Finding> expected = run(r.response(), sources, false);
          assertEquals(expected, run(r.response(), sources, true), e.getKey() + " row " + texts);
          found += expected.size();
        }
        texts++;
      }
    }
    assertTrue(texts > 1_000, "texts: " + texts);
    System.out.println("citations: " + found + " findings over " + texts + " responses, same with the skip");
  }

  private static final String[] PIECES = {
    "http://example.com/a", "https://x.org/p?q=1", "http:/", "https//x", "HTTP://A.B", "hTTps://c.d", "www.example.com",
    "WWW.Example.COM", "wWw.", "ww.", "doi:10.1000/182", "DOI: 10.1038/nature", "doi:bad", "doi:", "d\u0130O:1",
    "[1]", "[12]", "[123456]", "[x]", "[", "]", ":", ".", "h", "w", "d", "a", " ", "\n", "(", ")", "\"", "xhttp://a.b",
    "the", "study", "\u0131", "\u00e9", "//", "10.1",
  };

  @Test
  void sameFindingsOnRandomTexts() {
    Random r = new Random(41);
    int found = 0;
    for (int it = 0; it < 40_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(16);
      for (int k = 0; k < len; k++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = b.toString();
      List<Source> sources = switch (it % 3) {
        case 0 -> List.of();
        case 1 -> List.of(Source.of("a", "see https://x.org/p?q=1 and doi:10.1000/182"));
        default -> List.of(Source.of("a", "www.example.com"), Source.of("b", "nothing"));
      };
      List<Finding> expected = run(s, sources, false);
      assertEquals(expected, run(s, sources, true), "case " + it);
      found += expected.size();
    }
    assertTrue(found > 10_000, "findings: " + found);
  }
}
