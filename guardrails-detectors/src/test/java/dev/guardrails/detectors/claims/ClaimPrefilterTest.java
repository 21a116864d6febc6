package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.Source;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimLanguageDetector#mayFind}, the whole-text test that lets the detector skip sentence
 * detection, changes no finding: the detector with it gives the same findings as without it (every
 * text {@link ClaimLanguageDetector#mayFlag} passes then goes through OpenNLP and the sentence
 * rules), on the claims data sets' responses (with and without their source), on presidio-synth's
 * texts, and on random texts built from the rules' words, near misses, case look-alikes (long s,
 * Kelvin sign, dotted and dotless i) and sentence punctuation. Each run also checks that the test
 * skips sentence analysis on many texts, so it is exercised.
 */
class ClaimPrefilterTest {

  private static final ClaimLanguageDetector DETECTOR = new ClaimLanguageDetector();

  /** The findings, or the class of the exception the detector threw (then both paths must throw it). */
  private static Object run(String text, CheckContext ctx, boolean prefilter) {
    List<Finding> out = new ArrayList<>();
    try {
      DETECTOR.detect(AnalyzedText.of(text), ctx, out::add, prefilter);
    } catch (RuntimeException e) {
      return e.getClass();
    }
    return out;
  }

  /** Counts, over calls of {@link #same}: texts {@code mayFlag} passes, and of those the ones {@code mayFind} stops. */
  private int flagged;
  private int skipped;
  private int findings;

  private void same(String text, CheckContext ctx, String at) {
    Object expected = run(text, ctx, false);
    assertEquals(expected, run(text, ctx, true), at);
    findings += expected instanceof List ? ((List<?>) expected).size() : 0;
    String s = AnalyzedText.of(text).normalized();
    if (!s.isBlank() && ClaimLanguageDetector.mayFlag(s)) {
      flagged++;
      skipped += ClaimLanguageDetector.mayFind(s, ctx.sources().isEmpty()) ? 0 : 1;
    }
  }

  @org.junit.jupiter.api.AfterEach
  void report() {
    System.out.println("claims prefilter: " + flagged + " texts flagged, " + skipped + " skip sentence detection, "
        + findings + " findings, same with the skip");
  }

  @Test
  void sameFindingsOnTheClaimsDataSets() {
    int texts = 0;
    for (Map.Entry<String, List<ClaimsData.Raw>> e : ClaimsData.raw(ClaimsAccuracyTest.datasets().resolve("claims")).entrySet()) {
      for (ClaimsData.Raw r : e.getValue()) {
        same(r.response(), CheckContext.empty(), e.getKey() + " row " + texts);
        same(r.response(), CheckContext.builder().source(Source.of("s", r.source())).build(), e.getKey() + " row " + texts + " with source");
        texts++;
      }
    }
    assertTrue(texts > 1_000 && skipped > 100 && findings > 100,
        "texts " + texts + ", flagged " + flagged + ", skipped " + skipped + ", findings " + findings);
  }

  @Test
  void sameFindingsOnPresidioSynth() throws IOException {
    JsonNode rows = new ObjectMapper().readTree(ClaimsAccuracyTest.datasets().resolve("pii/presidio-synth-v2.json").toFile());
    int texts = 0;
    for (JsonNode r : rows) {
      same(r.get("full_text").asText(), CheckContext.empty(), "row " + texts++);
    }
    assertTrue(texts > 1_000 && skipped > 20, "texts " + texts + ", flagged " + flagged + ", skipped " + skipped);
  }

  private static final String[] WORDS = {
    "studies", "Study", "research", "experts", "scientists", "data", "evidence", "statistics", "show", "shows", "proven",
    "agree", "found", "suggest", "believe", "have", "has", "according to", "According to", "many", "the", "guaranteed",
    "guarantee", "100% safe", "100%", "safe", "always", "Always", "always works", "never fails", "never", "risk-free",
    "no risk", "zero risk", "risk", "without a doubt", "doubt", "proven fact", "cannot fail", "sure", "certain",
    "percent", "per cent", "cent", "recent", "pct", "dollars", "USD", "eur", "euros", "pounds", "gbp", "$", "\u20ac", "\u00a3",
    "%", "12", "3.5", "1,200", "2020", "(2020)", "Smith", "by Gartner", "in the journal Nature", "http://x.org", "doi",
    "shows that", "it", "is", "works", "I", "We", "think", "may", "perhaps", "Hello", "Thanks", "?", ".", "!", ",", "\n",
    "\u017ftudies", "\u017fhow", "u\u017fd", "\u212aey", "R\u0130SK", "r\u0131sk", "\u0130", "caf\u00e9", "data-driven",
    "researchers", "surveys", "analysts", "doctors", "confirms", "indicates", "demonstrated",
  };

  @Test
  void sameFindingsOnRandomTexts() {
    Random r = new Random(47);
    for (int it = 0; it < 6_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 2 + r.nextInt(14);
      for (int k = 0; k < len; k++) {
        String w = WORDS[r.nextInt(WORDS.length)];
        if (r.nextInt(6) == 0) {
          w = w.toUpperCase(Locale.ROOT);
        }
        b.append(w).append(r.nextInt(6) == 0 ? "" : " ");
      }
      CheckContext ctx = it % 4 == 3 ? CheckContext.builder().source(Source.of("s", "A report by Smith.")).build() : CheckContext.empty();
      same(b.toString(), ctx, "case " + it);
    }
    assertTrue(skipped > 200 && findings > 2_000, "flagged " + flagged + ", skipped " + skipped + ", findings " + findings);
  }
}
