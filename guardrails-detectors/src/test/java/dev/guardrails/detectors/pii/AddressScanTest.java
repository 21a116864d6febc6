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
  /**
   * {@link AddressScan#addressCueBefore} (which compares the cues only after a char some cue ends
   * with) against the plain comparison of every cue with {@code regionMatches(true, ...)}, on
   * random texts of cue words, capitals, separators and chars that case mapping folds onto ASCII
   * letters (the long s onto "s", the Kelvin sign onto "k").
   */
  @Test
  void addressCueAsEveryCueCompared() {
    String[] cues = {"at", "on", "address is", "address:", "address", "addresses", "located at", "lives at", "live at",
        "moved to", "to", "is in", "send it to", "deliver to", "ship to", "from"};
    String[] pieces = {"at", "AT", "on", "oN", "address", "ADDRESSES", "is", "in", "to", "TO", "from", "FROM", "lives", "ship",
        "x", "Step", "\u017f", "addre\u017f\u017f", "\u212a", "fro\u217f", " ", " ", ":", ": ", ".", ", ", "\n", "-", "\u00e9"};
    Random r = new Random(20261208L);
    int cued = 0;
    for (int t = 0; t < 100_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(6); k >= 0; k--) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String s = b.toString();
      for (int a = 0; a <= s.length(); a++) {
        int e = a;
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == ':')) {
          e--;
        }
        boolean expected = false;
        for (String cue : cues) {
          int start = e - cue.length();
          if (start >= 0 && s.regionMatches(true, start, cue, 0, cue.length())
              && (start == 0 || !Character.isLetter(s.charAt(start - 1)))) {
            expected = true;
          }
        }
        cued += expected ? 1 : 0;
        int at = a;
        assertEquals(expected, AddressScan.addressCueBefore(s, a), () -> "cue before " + at + " in " + s);
      }
    }
    assertTrue(cued > 10_000, "positions after a cue: " + cued);
  }

  /**
   * {@link AddressLexicons#prefix} (which looks a word up only when its first two chars and its
   * length fit some entry) against the list itself, on every entry in three casings, their
   * prefixes and extensions, and random words.
   */
  @Test
  void prefixFilterAsTheList() {
    String[] entries = {"via", "viale", "vicolo", "piazza", "piazzale", "corso", "largo", "rue", "avenue", "av", "avda",
        "avenida", "boulevard", "bd", "bld", "calle", "carrer", "paseo", "passeig", "plaza", "pra\u00e7a", "praca", "rua",
        "travessa", "estrada", "alameda", "ul", "ulica", "aleja", "al", "strada", "str", "calea", "bulevardul", "bulevar",
        "chemin", "impasse", "all\u00e9e", "allee", "quai", "place", "cours", "rambla", "ronda", "camino", "carretera",
        "ctra", "piazzetta", "contrada", "Step", "Stra", "Strasse", "Vias", "ru", "rues", "\u212a\u00e9"};
    java.util.List<String> words = new java.util.ArrayList<>();
    for (String e : entries) {
      for (String w : new String[] {e, e.toUpperCase(java.util.Locale.ROOT), Character.toUpperCase(e.charAt(0)) + e.substring(1)}) {
        words.add(w);
        words.add(w + "s");
        if (w.length() > 2) {
          words.add(w.substring(0, w.length() - 1));
        }
      }
    }
    Random r = new Random(20261209L);
    String letters = "abcdeilmoprstuvACLPRSUV\u00e7\u00e9";
    for (int t = 0; t < 50_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = 2 + r.nextInt(9); k > 0; k--) {
        b.append(letters.charAt(r.nextInt(letters.length())));
      }
      words.add(b.toString());
    }
    int listed = 0;
    for (String w : words) {
      String s = "x " + w + " 12";
      boolean expected = AddressLexicons.PREFIX.contains(s, 2, 2 + w.length());
      listed += expected ? 1 : 0;
      assertEquals(expected, AddressLexicons.prefix(s, 2, 2 + w.length()), () -> "prefix: " + w);
    }
    assertTrue(listed > 100, "listed: " + listed);
  }
}
