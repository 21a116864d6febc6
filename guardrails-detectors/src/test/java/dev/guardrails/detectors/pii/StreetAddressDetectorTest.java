package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.testing.DetectorContract;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreetAddressDetectorTest extends DetectorContract {

  private static final Detector DETECTOR = new StreetAddressDetector();

  @Override
  protected Detector detector() {
    return DETECTOR;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "Send it to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please.",
        "Flat 5, 12 High Street\nLondon",
        "PSC 9009, Box 9725\nAPO AA 33274",
        "Main Street has no number, version 2 Road map neither.",
        "the corner of Beiteveien 2 and Sieda Radial");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I live at 217 Lovers Lane now.|217 Lovers Lane",
      "Ship to 42 Wallaby Way, Sydney.|42 Wallaby Way, Sydney",
      "Office: 350 Fifth Ave. Suite 3400, New York, NY 10118-0110.|350 Fifth Ave. Suite 3400, New York, NY 10118-0110",
      "Mail 1 Infinite Loop, Cupertino, CA 95014 today|1 Infinite Loop, Cupertino, CA 95014",
      "It is Flat 5, 12 High Street in town.|Flat 5, 12 High Street",
      "The bus station is on Vesterskovvej 79|Vesterskovvej 79",
      "We met at Via Roma 131 yesterday.|Via Roma 131",
      "Deliver to 33 avenue de Provence, please.|33 avenue de Provence",
      "Our office is at ul. Cicha 86 now.|ul. Cicha 86",
      "Write to P.O. Box 211 for forms.|P.O. Box 211",
      "Send it to PO Box 55 today.|PO Box 55",
      "Address: Rákóczi út 13 in Veszprém|Rákóczi út 13",
      "It is at 3911 fourth avenue suite 112 downtown.|3911 fourth avenue suite 112",
      "Return to 91215 Harjukuja 54¶Suite 318¶SEINÄJOKI¶Finland 38524|91215 Harjukuja 54¶Suite 318¶SEINÄJOKI¶Finland 38524",
      "Meet at the corner of Main Street and Elm Road tonight.|the corner of Main Street and Elm Road",
      "at USS Mahler¶FPO AA 70489 then|USS Mahler¶FPO AA 70489",
      // no digit: the ship before the word FPO/APO/DPO, in any case, at the text's end or before a dot or comma
      "Write to USS Mahler¶FPO|USS Mahler¶FPO",
      "Write to USS Mahler apo. Support|USS Mahler apo",
      "Write to USS Mahler dpo, report|USS Mahler dpo",
      "Unit 5146 Box 1772¶DPO AE 91410|Unit 5146 Box 1772¶DPO AE 91410",
      "Apt 4B, 77 Massachusetts Avenue, Cambridge, MA 02139|Apt 4B, 77 Massachusetts Avenue, Cambridge, MA 02139",
      // anchors as far before their number as the grammar lets them be: a street-type word, two
      // particles and two name words (five runs of spaces), three capitalized words (three runs)
      "Meet at rue de la Paix Blanche 12 now.|rue de la Paix Blanche 12",
      "She lives at Santa Maria Street 5.|Santa Maria Street 5",
      "She lives at Santa Maria Del Street 5.|Maria Del Street 5",
      "Write to P. O. Box 7 today|P. O. Box 7",
      "Write to PSC #9009, Box 9725|PSC #9009, Box 9725",
      "see ul.Cicha 86 now|ul.Cicha 86",
  })
  void findsAddresses(String row, String expectedRow) {
    String text = row.replace('¶', '\n'); // line breaks are written as a pilcrow in the table
    String expected = expectedRow.replace('¶', '\n');
    List<Finding> found = run(text);
    assertEquals(1, found.size(), () -> "findings: " + found.size());
    Finding f = found.get(0);
    assertEquals(expected, text.substring(f.start(), f.end()));
    assertEquals(StreetAddressDetector.STREET_ADDRESS, f.type());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Turn left on Main Street.",
      "See version 2 Road map for details.",
      "We have 3 Green Apples and 2 pears.",
      "Read Chapter 5 on page 12.",
      "Upgrade to Windows 10 today.",
      "He was born in March 1990.",
      "We met on Monday 12 at noon.",
      "The score was 3 to 2.",
      "Call 555 0100 for support.",
      "It costs 20 dollars per month.",
      "Room 101 is on the left.",
      "Flight 714 to Sydney departs at 9.",
      "The 5 Musicians Of The 70s list.",
      "Apple Inc. is on Infinite Loop.",
      "Order 12345 shipped on May 3.",
      "Write to USS Mahler xpo report", // "po" but no FPO, APO or DPO word
      "Write to USS Mahler FPOs today",
      "Version 1.2.3 of the road app.",
      // a text ending right after "corner" (found by PipelineFuzzTest; read past the end)
      "Meet at rue de la Paix Blanche Noire 12 now.", // a third name word: the street-type word reads four
      "Meet me at the corner",
      "Meet me at the corner ",
      "e .corner",
  })
  void ignoresNearMisses(String text) {
    List<Finding> found = run(text);
    assertEquals(List.of(), found, () -> "unexpected: " + found.stream().map(f -> text.substring(f.start(), f.end())).toList());
  }

  /**
   * The number-first scan against the word loop it stands in for (which meets every word and asks
   * it about every anchor; it still runs texts with "corner" or FPO/APO/DPO): the same spans on
   * random texts made of address parts, numbers, prose and odd chars (Greek letters, a fullwidth
   * and an Arabic-Indic digit, Latin-1 chars whose low seven bits read as a digit or a letter),
   * short ones and ones long enough for the eight-byte passes.
   */
  @Test
  void numberFirstScanMatchesWordLoop() {
    String[] pieces = {
        "word ", "the ", "and more ", "people said ", "a", "e", "x", "\u00e9", "\u0141", " ", " ", ".", "-", "'", ",",
        "\n", "\t", "#", "/", ":", "(", "1", "12", "217 ", "45B ", "12-14 ", "90210", "\u0663", "Lovers ", "Lane",
        " Main Street", " St. ", " Ave.", "Road ", "High ", "Via Roma ", "rue de la ", "ul. ", "Cicha ",
        "Parijsstraat ", "R\u00e1k\u00f3czi \u00fat ", "Harjukuja ", "Box ", "PO Box ", "P. O. Box ", "P.O.", "PSC ",
        "Unit ", "Suite ", "Apt. ", "Flat 5, ", "#12", ", Springfield, IL 62704", "Chapter ", "Order ", "lives at ",
        "address is ", "USS Mahler ", "USNS ", "Santa Maria ", "Del ", "\u017f", "\u212a", "O'Brien ", "well-known ",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "corner ", "of ", "FPO", "apo", " DPO",
        "\u039b\u03b5\u03c9\u03c6\u03cc\u03c1\u03bf\u03c2 ", "\uff15", "\u00b2", "\u00b0", "\u0080", "\u00f0"};
    Random r = new Random(20261207L);
    int withAddress = 0;
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(t % 10 == 0 ? 160 : 30);
      boolean plain = r.nextInt(4) > 0; // mostly without the digit-free anchors' words
      boolean ascii = r.nextInt(3) == 0; // a third all ASCII (the view made by one array copy)
      for (int k = 0; k < len; k++) {
        String piece = r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100_000)) : pieces[r.nextInt(pieces.length)];
        if (plain && (piece.contains("corner") || piece.contains("PO") || piece.contains("po"))) {
          piece = " ";
        }
        if (ascii && !piece.chars().allMatch(c -> c < 128)) {
          piece = "-";
        }
        b.append(piece);
      }
      withAddress += sameAsWordLoop(b.toString()) ? 1 : 0;
    }
    assertTrue(withAddress > 5_000, "texts with an address: " + withAddress); // the comparison saw addresses
  }

  /**
   * Asserts that the scan (and, for an ASCII text, the scan over its byte view) finds the spans the
   * word loop finds in {@code text}.
   *
   * @return whether the text holds an address
   */
  private static boolean sameAsWordLoop(String text) {
    int[] expected = StreetAddressDetector.scanWords(text);
    assertArrayEquals(expected, StreetAddressDetector.scan(text), () -> "spans of: " + text);
    if (text.chars().allMatch(c -> c < 128)) {
      assertArrayEquals(expected, StreetAddressDetector.scan(text, true), () -> "spans over the ASCII view of: " + text);
    }
    return expected.length > 0;
  }

  /**
   * The number-first scan against the word loop on texts built around the word before a number,
   * which decides whether the words before the number are tested at all: lower-case words of up
   * to three letters and longer, "box", "psc", "cmr" and "unit" in any case, street-type words
   * written after the name ("utca", "gate", "u", "t\u00e9r"), street-type words before it, joiners,
   * digits and non-ASCII letters glued to words, and the separators the anchors read over.
   */
  @Test
  void wordsBeforeNumberMatchWordLoop() {
    String[] words = {
        "in", "at", "di", "de la", "the", "founded", "approximately", "box", "Box", "bOX", "psc", "PSC", "cmr",
        "unit", "uNIT", "Unit", "utca", "gate", "u", "t\u00e9r", "vej", "Calle", "calle", "via", "Via", "Roma",
        "Koskikatu", "Step", "Rue", "rue", "ul.", "St.", "lives at", "is", "well-known", "O'Brien", "x-ray",
        "12B", "A", "\u00e9t\u00e9", "\u0141\u00f3d\u017a", "\u212aing", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    String[] gaps = {" ", " ", " ", "  ", ". ", ".", "#", " #", "\t", ", ", "\n", "-", "'", "(", ""};
    Random r = new Random(20261208L);
    int withAddress = 0;
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(t % 10 == 0 ? 40 : 8);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(3) == 0 ? String.valueOf(r.nextInt(r.nextBoolean() ? 100 : 10_000_000)) : words[r.nextInt(words.length)]);
        b.append(gaps[r.nextInt(gaps.length)]);
      }
      withAddress += sameAsWordLoop(b.toString()) ? 1 : 0;
    }
    assertTrue(withAddress > 300, "texts with an address: " + withAddress); // the comparison saw addresses (456)
  }

  /**
   * The number-first scan against the word loop on texts where sentences' dots stand before the
   * words that precede a number: the walk back from a number stops at a dot with five letters
   * before it, which no anchor's read passes over (an abbreviation's dot has one to four letters
   * before it, "P.O." dots stand within six chars of a word "P" or "PO"). Words of four, five and
   * six letters before dots, abbreviations, "P.O." spelled several ways, non-ASCII letters before a
   * dot, address cues and street-type words before capitalized words and numbers.
   */
  @Test
  void sentenceDotsMatchWordLoop() {
    String[] words = {
        "Step", "install", "the", "package", "Roma", "Maria", "Santa", "Via", "via", "Str", "Strada", "Avda", "Hauptstrasse",
        "lives at", "address is", "located at", "is in", "from", "Box", "PO", "P", "O", "Apt", "Suite", "Unit", "Main",
        "Street", "Lane", "St", "Ave", "ul", "Cicha", "Koskikatu", "Parijsstraat", "\u0141\u00f3d\u017a", "caf\u00e9",
        "ab", "abcd", "abcde", "abcdef", "x-ray", "O'Brien", "Mahler", "corner", "of"};
    String[] gaps = {" ", " ", ". ", ".", ". ", "..", " . ", "  ", ".\t", "#", "\n", ", ", ": ", ""};
    Random r = new Random(20261209L);
    int withAddress = 0;
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(t % 10 == 0 ? 40 : 10);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(4) == 0 ? String.valueOf(r.nextInt(r.nextBoolean() ? 100 : 100_000)) : words[r.nextInt(words.length)]);
        b.append(gaps[r.nextInt(gaps.length)]);
      }
      withAddress += sameAsWordLoop(b.toString()) ? 1 : 0;
    }
    assertTrue(withAddress > 300, "texts with an address: " + withAddress); // the comparison saw addresses
  }
}
