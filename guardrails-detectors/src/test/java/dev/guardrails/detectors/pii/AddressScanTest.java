package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressScan#same} against the comparison it replaces, the JDK's
 * {@code String.regionMatches(true, ...)}: every pair of one char of the text (all 65,536) and one
 * char of a word, then random words and texts mixing ASCII in both cases with chars that Unicode
 * case mapping takes onto ASCII letters (the Kelvin sign, the long s, dotted and dotless i).
 */
class AddressScanTest {

  @Test
  void comparesOneCharAsTheJdk() {
    String words = "aAkKsSiIzZ09 .-'#@[{`~\u00E9\u00C9\u212A\u017F\u0130\u0131";
    for (int w = 0; w < words.length(); w++) {
      String word = String.valueOf(words.charAt(w));
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        String s = String.valueOf((char) c);
        boolean jdk = s.regionMatches(true, 0, word, 0, 1);
        int code = c;
        assertEquals(jdk, AddressScan.same(s, 0, word), () -> "char U+" + Integer.toHexString(code) + " vs " + word);
      }
    }
  }

  @Test
  void comparesWordsAsTheJdk() {
    String[] words = {"corner", "PO", "Box", "USCGC", "Unit", "the ", "lives at", "straße", "strasse", "kiosk", "FPO"};
    String chars = "aAbBcCkKsSiIoOrRnNeEtTuUxX .,-\u212A\u017F\u0130\u0131\u00DF\u00E9";
    Random r = new Random(20261207L);
    int equal = 0;
    for (int t = 0; t < 200_000; t++) {
      String w = words[r.nextInt(words.length)];
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < w.length(); k++) {
        int pick = r.nextInt(6);
        char c = w.charAt(k);
        b.append(pick == 0 ? chars.charAt(r.nextInt(chars.length()))
            : pick == 1 ? Character.toUpperCase(c) : pick == 2 ? Character.toLowerCase(c) : c);
      }
      String s = "x" + b + "y";
      boolean jdk = s.regionMatches(true, 1, w, 0, w.length());
      equal += jdk ? 1 : 0;
      assertEquals(jdk, AddressScan.same(s, 1, w), () -> "text " + s.length() + " chars vs " + w);
    }
    assertTrue(equal > 10_000, "some texts must match: " + equal);
    assertTrue(AddressScan.is("at the Corner of", 7, 13, "corner"));
    assertFalse(AddressScan.is("at the Cornet of", 7, 13, "corner"));
  }

  /**
   * {@link AddressLexicons#compoundStreet}, which compares a word only with the endings that share
   * its last char: hand-checked words in both cases, with the three letters the ending needs before
   * it, and the Kelvin sign and the long s, which the JDK's comparison takes onto ASCII letters.
   */
  @Test
  void compoundStreetEndings() {
    String[] yes = {"Parijsstraat", "PARIJSSTRAAT", "Vesterskovvej", "Harjukuja", "Kungsgatan", "Storgata",
        "Hauptstraße", "Hauptstrasse", "Bahnhofstr", "Oudedijk", "Oudedij\u212A", "Hauptstra\u017Fse", "Drottninggatan",
        "Laugavegur", "Marktplatz", "Kirkevegen", "Mainstreet", "Nowaulica", "Hietalahdenkatu", "Jaroslavská"};
    String[] no = {"Straat", "straat", "Roma", "March", "Street", "London", "Vej", "abcde", "Kuja", "Springfield", "Jaroslav"};
    for (String w : yes) {
      assertTrue(AddressLexicons.compoundStreet(w, 0, w.length()), w);
      String padded = "at " + w + " 8";
      assertTrue(AddressLexicons.compoundStreet(padded, 3, 3 + w.length()), padded);
    }
    for (String w : no) {
      assertFalse(AddressLexicons.compoundStreet(w, 0, w.length()), w);
    }
  }
}
