package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClaimTriggers#mayFlag}'s hashed word lookup gives the answer of its definition,
 * written out here the plain way: a '%' or currency symbol, or a whole word (a maximal run of
 * letters) whose first letter, lower-cased, is a trigger word's first letter and that equals the
 * word ignoring case as {@link String#regionMatches(boolean, int, String, int, int)} does (so a long
 * s or Kelvin sign inside a word folds, at its start it does not). On the claims data sets'
 * responses and on random texts of trigger words, case and Unicode look-alikes. The same for
 * {@link ClaimTriggers#triggers}'s kind bits, against word lists written out here by rule.
 */
class MayFlagTest {

  private static final List<String> TRIGGERS = ClaimTriggers.triggerWords();

  private static final int ATTRIBUTION = ClaimTriggers.ATTRIBUTION_TRIGGER;
  private static final int CERTAINTY = ClaimTriggers.CERTAINTY_TRIGGER;
  private static final int STATISTIC = ClaimTriggers.STATISTIC_TRIGGER;

  /** The rule each trigger word can fire, by hand: subjects of attributions, certainty words, statistic units. */
  private static final Map<String, Integer> KIND = kinds();

  private static Map<String, Integer> kinds() {
    Map<String, Integer> m = new java.util.HashMap<>();
    for (String w : List.of("studies", "study", "research", "experts", "scientists", "researchers", "doctors", "science",
        "surveys", "data", "evidence", "statistics", "analysts", "specialists")) {
      m.put(w, ATTRIBUTION);
    }
    for (String w : List.of("guaranteed", "guarantee", "guarantees", "safe", "effective", "accurate", "certain", "sure",
        "always", "never", "fails", "fail", "doubt", "risk", "proven")) {
      m.put(w, CERTAINTY);
    }
    for (String w : List.of("percent", "pct", "cent", "dollars", "euros", "pounds", "usd", "eur", "gbp")) {
      m.put(w, STATISTIC);
    }
    return m;
  }

  private static boolean reference(String s) {
    return referenceKinds(s) != 0;
  }

  private static int referenceKinds(String s) {
    int n = s.length();
    int kinds = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        kinds |= CERTAINTY | STATISTIC; // "100% safe"; "12%"
      } else if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
        kinds |= STATISTIC;
      }
    }
    for (int i = 0; i < n; ) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int e = i;
      while (e < n && Character.isLetter(s.charAt(e))) {
        e++;
      }
      char f = Character.toLowerCase(s.charAt(i));
      for (String w : TRIGGERS) {
        if (w.charAt(0) == f && w.length() == e - i && s.regionMatches(true, i, w, 0, w.length())) {
          kinds |= KIND.get(w);
        }
      }
      i = e;
    }
    return kinds;
  }

  @Test
  void everyTriggerWordHasItsRule() {
    assertEquals(KIND.keySet(), new java.util.HashSet<>(TRIGGERS));
    for (String w : TRIGGERS) {
      assertEquals(KIND.get(w), ClaimTriggers.triggerKind(w), w);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Studies show it works.|1",
      "It is ALWAYS on.|2",
      "Up 12% this year.|6",
      "It costs $5.|4",
      "Fifty EUROS, guaranteed, say the EXPERTS.|7",
      "Studying datasets is riskier.|0",
      "\u017ftudies show it.|0",
  })
  void kindsOfHandCheckedTexts(String text, int kinds) {
    assertEquals(kinds, ClaimTriggers.triggers(text));
    assertEquals(kinds, referenceKinds(text));
  }

  @Test
  void sameAnswerOnTheClaimsDataSets() {
    int yes = 0;
    int texts = 0;
    for (Map.Entry<String, List<ClaimsData.Raw>> e : ClaimsData.raw(ClaimsAccuracyTest.datasets().resolve("claims")).entrySet()) {
      for (ClaimsData.Raw r : e.getValue()) {
        boolean expected = reference(r.response());
        assertEquals(expected, ClaimTriggers.mayFlag(r.response()), e.getKey() + " row " + texts);
        assertEquals(referenceKinds(r.response()), ClaimTriggers.triggers(r.response()), e.getKey() + " row " + texts);
        yes += expected ? 1 : 0;
        texts++;
      }
    }
    assertTrue(yes > 100 && yes < texts, "flagged " + yes + " of " + texts);
  }

  @Test
  void sameAnswerOnRandomTexts() {
    Random r = new Random(43);
    String[] other = {" ", "the", "a", "x", ".", "-", "\u00e9t\u00e9", "\u017f", "\u212a", "\u0130", "\u0131", "caf\u00e9",
      "12", "\u00c9", "'", "\u0394", "\u20ac", "\u2019", "\u00a0", "\u4e2d\u6587", "[", "http", "d\u0130i", "www", "\u00a3"};
    int yes = 0;
    for (int it = 0; it < 30_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(8);
      for (int k = 0; k < len; k++) {
        String piece = r.nextInt(4) == 0 ? TRIGGERS.get(r.nextInt(TRIGGERS.size())) : other[r.nextInt(other.length)];
        if (r.nextInt(3) == 0) {
          piece = piece.toUpperCase(java.util.Locale.ROOT);
        } else if (r.nextInt(5) == 0 && piece.length() > 1) {
          piece = piece.substring(1); // a near miss
        } else if (r.nextInt(7) == 0 && !piece.isEmpty()) {
          piece = piece.replace('s', '\u017f').replace('k', '\u212a'); // long s, Kelvin sign: Unicode case folds
        }
        b.append(piece).append(r.nextInt(3) == 0 ? "" : " ");
      }
      String s = b.toString();
      boolean expected = reference(s);
      assertEquals(expected, ClaimTriggers.mayFlag(s), "case " + it);
      assertEquals(referenceKinds(s), ClaimTriggers.triggers(s), "kinds, case " + it);
      assertEquals(referenceKinds(s) | referenceCitation(s), ClaimTriggers.scanWords(s), "words, case " + it);
      yes += expected ? 1 : 0;
    }
    assertTrue(yes > 3_000 && yes < 27_000, "flagged: " + yes);
  }

  /**
   * The citation bit by its definition: a '[' or a whole word "http", "https", "www" or "doi"
   * ignoring case as {@code regionMatches} does; where {@link Citations} can report.
   */
  private static int referenceCitation(String s) {
    if (s.indexOf('[') >= 0) {
      return ClaimTriggers.CITATION_CANDIDATE;
    }
    int n = s.length();
    for (int i = 0; i < n; ) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int e = i;
      while (e < n && Character.isLetter(s.charAt(e))) {
        e++;
      }
      for (String w : List.of("http", "https", "www", "doi")) {
        if (w.length() == e - i && s.regionMatches(true, i, w, 0, w.length())) {
          return ClaimTriggers.CITATION_CANDIDATE;
        }
      }
      i = e;
    }
    return 0;
  }

  /**
   * The eight-chars-at-a-time scan of ASCII texts gives the definition's bits, citation bit
   * included, as the word-by-word scan does: random ASCII texts of trigger words (any case, cut
   * short, glued to letters, digits and signs), citation words, '%', '$', '[' and words sharing a
   * trigger's first three letters, 1 to 300 chars (word starts on every byte of a long).
   */
  @Test
  void asciiScanGivesTheDefinitionsBits() {
    Random r = new Random(44);
    String[] other = {" ", "  ", "the", "a", "x", ".", "-", "12", "'", "%", "$", "[", "[3]", "http", "https://x.org", "www",
      "WWW.x", "doi", "DOI:10.1/x", "stud", "studied", "percentile", "and", "anal", "proverb", "\n", "\t", "(", ")", "e.g.",
      "U.S.", "Dr.", "do", "ht", "ww", "euro", "usda", "z", "Q"};
    int yes = 0;
    for (int it = 0; it < 40_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(it % 4 == 0 ? 60 : 10);
      for (int k = 0; k < len; k++) {
        String piece = r.nextInt(3) == 0 ? TRIGGERS.get(r.nextInt(TRIGGERS.size())) : other[r.nextInt(other.length)];
        if (r.nextInt(3) == 0) {
          piece = piece.toUpperCase(java.util.Locale.ROOT);
        } else if (r.nextInt(5) == 0 && piece.length() > 1) {
          piece = r.nextBoolean() ? piece.substring(1) : piece.substring(0, piece.length() - 1); // near misses
        }
        b.append(piece).append(r.nextInt(3) == 0 ? "" : r.nextInt(9) == 0 ? "," : " ");
      }
      String s = b.toString();
      int expected = referenceKinds(s) | referenceCitation(s);
      assertEquals(expected, ClaimTriggers.scanAscii(s), "case " + it);
      assertEquals(expected, ClaimTriggers.scanWords(s), "word scan, case " + it);
      assertEquals(expected, ClaimTriggers.scan(s), "scan, case " + it);
      yes += expected != 0 ? 1 : 0;
    }
    assertTrue(yes > 10_000 && yes < 38_000, "flagged: " + yes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "see [2] and https://x.org|8",
      "Visit WWW.example.com|8",
      "doi:10.1000/182 shows|8",
      "adoi: wwwx httpx [x|8",
      "no link here: example.com|0",
      "Studies at www.x.org show 12%|15",
      "XXXXXXXstudies show|0",
      "XXXXXXX.studies|1",
      "XXXXXXXX studies|1",
  })
  void citationBitOnHandCheckedRows(String text, int bits) {
    assertEquals(bits, ClaimTriggers.scanAscii(text));
    assertEquals(bits, ClaimTriggers.scanWords(text));
  }

  /**
   * {@link ClaimTriggers#phraseAtTrigger} is a necessary condition of the attribution and
   * certainty rules: in every sentence the detector reads, of random ASCII texts of subjects, verbs,
   * "according to", certainty phrases and their parts (any case, odd spacing, abbreviations), a
   * phrase either rule finds means the test holds for the whole text, and every sentence where a
   * rule can fire (a phrase, or a percent or money term) holds one of
   * {@link ClaimTriggers#triggerOffsets}: the only sentences looked for.
   */
  @Test
  void phraseTestHoldsWhereTheRulesFire() {
    Random r = new Random(45);
    String[] pieces = {"Studies", "show", "experts", "agree", "according to", "According  to", "many", "research", "has",
      "have", "found", "data", "suggests", "the", "It", "is", "guaranteed", "100% safe", "100%", "safe", "completely",
      "always", "Always", "works", "never", "fails", "without a doubt", "doubt", "risk-free", "no risk", "zero", "risk",
      "proven fact", "proven", "cannot fail", "absolutely certain", "sure", "Dr.", "e.g.", "U.S.", ".", "?", "!", "\n",
      "  ", "Smith", "(2020)", "by Harvard", "x", "scientists", "doctors", "recommend", "evidence", "indicates", "12.5%",
      "40 percent", "3 per cent", "$5", "5 dollars", "EUR 3", "7 pct", "1,500", "2.3 million", "USD"};
    int fired = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(16);
      for (int k = 0; k < len; k++) {
        String piece = pieces[r.nextInt(pieces.length)];
        b.append(r.nextInt(6) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece).append(r.nextInt(6) == 0 ? "" : " ");
      }
      dev.guardrails.text.AnalyzedText text = dev.guardrails.text.AnalyzedText.of(b.toString());
      String s = text.normalized();
      boolean any = false;
      int[] places = ClaimTriggers.triggerOffsets(s, true, true, true);
      for (dev.guardrails.text.Span sent : ClaimExtractor.sentences(text)) {
        String lower = ClaimLanguageDetector.lowerSameLength(s.substring(sent.start(), sent.end()));
        boolean phrase = ClaimLanguageDetector.attribution(lower) >= 0 || ClaimLanguageDetector.certainty(lower) >= 0;
        Terms.Seq seq = Terms.tokenize(s, sent.start(), sent.end());
        boolean statistic = false;
        for (int t = 0; t < seq.size(); t++) {
          statistic |= seq.kinds[t] == Terms.PERCENT || seq.kinds[t] == Terms.MONEY;
        }
        if (phrase || statistic) {
          boolean held = false;
          for (int o : places) {
            held |= o >= sent.start() && o < sent.end();
          }
          assertTrue(held, "a sentence where a rule can fire holds a trigger offset, case " + it);
        }
        any |= phrase;
      }
      if (any) {
        fired++;
        assertTrue(ClaimTriggers.phraseAtTrigger(s, true, true), "case " + it);
      }
    }
    assertTrue(fired > 5_000, "texts where a rule fires: " + fired);
  }

  /**
   * The trigger offsets the detector reads from its ASCII scan's recorded places equal those of
   * reading the text again ({@link ClaimTriggers#triggerOffsets(String, boolean, boolean, boolean)},
   * held to the rules by {@link #phraseTestHoldsWhereTheRulesFire}), for every choice of rules, on
   * random texts of trigger words, signs packed against words ("5%risk"), citation starts (a scan
   * that stops early, every bit seen) and filler; the scan's bits are unchanged.
   */
  @Test
  void scanPlacesGiveTheTextsTriggerOffsets() {
    Random r = new Random(46);
    String[] pieces = {"Studies", "show", "experts", "agree", "according to", "research", "has", "found", "data",
      "guaranteed", "100% safe", "100%", "safe", "always", "never", "fails", "without a doubt", "risk-free", "no risk",
      "proven fact", "absolutely certain", "sure", "12.5%", "40 percent", "3 per cent", "$5", "$", "%", "5 dollars",
      "EUR 3", "7 pct", "USD", "[1]", "https://x.org", "www", "doi", "the", "a", "is", ".", "?", "\n", "x", "Dr."};
    int places = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(24);
      for (int k = 0; k < len; k++) {
        String piece = pieces[r.nextInt(pieces.length)];
        b.append(r.nextInt(5) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String s = b.toString();
      ClaimTriggers.Places scan = ClaimTriggers.places();
      assertEquals(ClaimTriggers.scanWords(s), ClaimTriggers.scanAscii(s, scan), "case " + it);
      for (int flags = 0; flags < 8; flags++) {
        int[] expected = ClaimTriggers.triggerOffsets(s, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
        assertArrayEquals(expected, ClaimTriggers.triggerOffsets(s, scan, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0),
            "case " + it + " flags " + flags);
        places += expected.length;
      }
    }
    assertTrue(places > 50_000, "offsets compared: " + places);
    // more places than a scan records (Places.MAX): the text is read again, so no offset is lost
    String many = "Studies show 5% more. ".repeat(ClaimTriggers.Places.MAX);
    ClaimTriggers.Places scan = ClaimTriggers.places();
    ClaimTriggers.scanAscii(many, scan);
    assertEquals(ClaimTriggers.Places.MAX, scan.count, "places recorded up to the bound");
    int[] all = ClaimTriggers.triggerOffsets(many, true, true, true);
    assertTrue(all.length > ClaimTriggers.Places.MAX, "offsets: " + all.length);
    assertArrayEquals(all, ClaimTriggers.triggerOffsets(many, scan, true, true, true));
  }

  /**
   * {@link ClaimTriggers#statisticOffsets}, the trigger offsets of a non-ASCII text read by the
   * statistics rule alone: every sentence of random texts of numbers, percent and currency words and
   * signs (any case, the long s and dotted capital I that fold to ASCII letters, other non-ASCII
   * letters and symbols) that holds a percent or money term holds one of the offsets; and on such a
   * text {@link ClaimTriggers#triggerOffsets} gives them for statistics alone, null with another rule.
   */
  @Test
  void statisticOffsetsHoldEveryPercentOrMoneyTerm() {
    Random r = new Random(46);
    String[] pieces = {"12.5%", "12 %", "40 percent", "40 PERCENT", "3 per cent", "3 per\u00A0cent", "7 pct", "$5", "\u20AC5",
      "5 \u20AC", "\u00A35", "\u00A5100", "\u20B9 20", "5 dollars", "5 Dollars", "EUR 3", "3 eur", "3 EUROS", "9 gbp",
      "9 u\u017Fd", "9 \u0130tems", "9 pounds", "1,500", "2.3 million", "7 billion euros", "caf\u00E9", "na\u00EFve",
      "\u00FCber", "Stra\u00DFe", "\u00BD", "the", "rate", "is", "was", "of", ".", "!", "?", "\n", "  ", "Dr.", "e.g.",
      "\u201Cquoted\u201D", "\u2014", "centimes", "percentage", "x"};
    int terms = 0;
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder("\u00E9 ");
      int len = 1 + r.nextInt(16);
      for (int k = 0; k < len; k++) {
        b.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(6) == 0 ? "" : " ");
      }
      dev.guardrails.text.AnalyzedText text = dev.guardrails.text.AnalyzedText.of(b.toString());
      String s = text.normalized();
      int[] places = ClaimTriggers.statisticOffsets(s);
      if (s.chars().anyMatch(c -> c >= 0x80)) {
        assertArrayEquals(places, ClaimTriggers.triggerOffsets(s, false, false, true), "case " + it);
        assertNull(ClaimTriggers.triggerOffsets(s, true, false, true), "case " + it);
        assertNull(ClaimTriggers.triggerOffsets(s, false, true, true), "case " + it);
      }
      for (dev.guardrails.text.Span sent : ClaimExtractor.sentences(text)) {
        Terms.Seq seq = Terms.tokenize(s, sent.start(), sent.end());
        boolean statistic = false;
        for (int t = 0; t < seq.size(); t++) {
          statistic |= seq.kinds[t] == Terms.PERCENT || seq.kinds[t] == Terms.MONEY;
        }
        if (statistic) {
          terms++;
          boolean held = false;
          for (int o : places) {
            held |= o >= sent.start() && o < sent.end();
          }
          assertTrue(held, "a sentence with a percent or money term holds a statistic offset, case " + it);
        }
      }
    }
    assertTrue(terms > 10_000, "sentences with a percent or money term: " + terms);
  }
}
