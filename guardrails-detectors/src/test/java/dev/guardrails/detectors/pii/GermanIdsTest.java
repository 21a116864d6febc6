package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validators of the German types of issue 15, part B ({@link GermanIds}), against PUBLISHED
 * example values (each names its source) or values whose check was worked by hand in the comment,
 * never values computed by our code; where a second, independently published formulation of an
 * algorithm exists, the two are compared over many inputs.
 */
class GermanIdsTest {

  private static int[] digits(String s) {
    String only = s.replaceAll("[^0-9]", "");
    int[] d = new int[only.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = only.charAt(i) - '0';
    }
    return d;
  }

  /**
   * The specimen licence (Musterführerschein) B072RRE2I55, worked in the German Wikipedia article
   * "Führerscheinnummer": B=11 x 9 + 0 x 8 + 7 x 7 + 2 x 6 + R=27 x 5 + 27 x 4 + E=14 x 3 + 2 x 2 +
   * I=18 x 1 = 467, 467 mod 11 = 5. Every other check char (0-9, X) is refused; the issue number
   * (last char) is not part of the check.
   */
  @Test
  void fuehrerschein() {
    assertTrue(GermanIds.fuehrerscheinValid("B072RRE2I55", 0));
    assertTrue(GermanIds.fuehrerscheinValid("B072RRE2I5A", 0), "issue number: any letter or digit");
    assertTrue(GermanIds.fuehrerscheinValid("b072rre2i55", 0), "one case throughout");
    for (char x : "012346789X".toCharArray()) {
      assertFalse(GermanIds.fuehrerscheinValid("B072RRE2I" + x + "5", 0), "wrong check char " + x);
    }
    assertFalse(GermanIds.fuehrerscheinValid("Q072RRE2I55", 0), "Land letters run A-P");
    assertFalse(GermanIds.fuehrerscheinValid("BO72RRE2I55", 0), "district digits");
    assertFalse(GermanIds.fuehrerscheinValid("B072rRE2I55", 0), "mixed case");
    // Presidio's rows: two letters and eight digits, a letter where the authority key has its
    // district digits (BO12345678A also fails the check: 375 mod 11 = 1, not 8)
    assertFalse(GermanIds.fuehrerscheinValid("BO12345678A", 0));
    assertFalse(GermanIds.fuehrerscheinValid("MU12345678B", 0));
  }

  /**
   * ICAO 9303 Part 3 worked example (document number L898902C3, check digit 6), the specimen
   * Reisepass (Erika Mustermann) C01X00T47 with MRZ check digit 8 (C=12 x 7 + 0 + 1 + X=33 x 7 + 0 +
   * 0 + T=29 x 7 + 4 x 3 + 7 = 538), and BMI's example serial C01X0006H written without it.
   */
  @Test
  void passportSerial() {
    assertTrue(IdChecks.deIdCard("L898902C36", 0, 10), "ICAO 9303 example");
    assertTrue(IdChecks.deIdCard("C01X00T478", 0, 10), "specimen passport");
    assertTrue(IdChecks.deIdCard("C01X0006H", 0, 9), "BMI example serial");
    for (char x = '0'; x <= '9'; x++) {
      if (x != '8') {
        assertFalse(IdChecks.deIdCard("C01X00T47" + x, 0, 10), "wrong check digit " + x);
      }
    }
  }

  /**
   * Lebenslange Arztnummer: Presidio's rows re-worked by hand (123456: 4 + 18 + 12 + 36 + 20 + 54 =
   * 144, check 6; 987654: 36 + 72 + 28 + 54 + 20 + 36 = 246, check 4), and the KBV check compared
   * with the equivalent formulation published as p = (6 (a + c + e) + b + d + f) mod 10 (R. Muschall,
   * "Lustige Prüfziffer", 2008) over 2,000 random numbers.
   */
  @Test
  void lanr() {
    assertTrue(GermanIds.lanr(digits("123456601"), 9));
    assertTrue(GermanIds.lanr(digits("987654401"), 9));
    assertFalse(GermanIds.lanr(digits("123456901"), 9));
    assertFalse(GermanIds.lanr(digits("555555555"), 9), "one digit repeated");
    Random r = new Random(15_2);
    for (int t = 0; t < 2000; t++) {
      int[] d = new int[9];
      for (int k = 0; k < 9; k++) {
        d[k] = r.nextInt(10);
      }
      int p = (6 * (d[0] + d[2] + d[4]) + d[1] + d[3] + d[5]) % 10;
      boolean same = true;
      for (int k = 1; k < 9; k++) {
        same &= d[k] == d[0];
      }
      assertEquals(p == d[6] && !same, GermanIds.lanr(d, 9), java.util.Arrays.toString(d));
    }
  }

  /**
   * The 13-digit federal Steuernummer: every Land's published example of the ELSTER scheme (Lexware
   * program help "Aufbau der Steuernummer"), and Presidio's rows, whose fifth digit is not 0 or whose
   * prefix is no Land's.
   */
  @Test
  void taxNumber13() {
    for (String v : new String[] {"2893081508152", "9181081508155", "1121081508150", "3048081508155", "2475081508152",
        "2202081508156", "2613081508153", "4079081508151", "2324081508151", "5133081508159", "2722081508154",
        "1010081508182", "3201012312340", "3101081508154", "2129081508158", "4151081508156"}) {
      assertTrue(GermanIds.taxNumber13(digits(v), 13), v);
    }
    for (String v : new String[] {"0281508150123", "0981508150999", "1681508150001", "0181508150000", "1781508150001",
        "0081508150001", "6181081508155", "2581081508152"}) {
      assertFalse(GermanIds.taxNumber13(digits(v), 13), v);
    }
  }

  private static String found(String text) {
    StringBuilder sb = new StringBuilder();
    new PiiPatternDetector().detect(dev.guardrails.text.AnalyzedText.of(text), dev.guardrails.CheckContext.empty(),
        f -> sb.append(f.type().name()).append('=').append(text, f.start(), f.end()).append(';'));
    return sb.toString();
  }

  /** The scanner's entry points: after an English licence cue, glued and spaced register numbers, plates, postcodes. */
  @Test
  void scannerEntryPoints() {
    assertEquals("DE_FUEHRERSCHEIN=B072RRE2I55;", found("driving licence B072RRE2I55"));
    assertEquals("DE_HANDELSREGISTER=HRB 86786;", found("Amtsgericht München, HRB 86786."));
    assertEquals("DE_HANDELSREGISTER=HRB123456;", found("Registernummer HRB123456"));
    assertEquals("DE_KFZ=MÜ-XY 12;", found("Kennzeichen MÜ-XY 12"));
    assertEquals("", found("Kennzeichen MÜ-xy 12"), "mixed case");
    assertEquals("", found("siehe Abschnitt M AB 12"), "no cue");
    assertEquals("DE_PLZ=80331;", found("Anschrift: Marienplatz 1, 80331 München"));
    assertEquals("DE_PLZ=80331;", found("D-80331 München"));
    assertEquals("", found("Der Preis beträgt 80331 Euro."));
    assertEquals("DE_TAX_NUMBER=181/815/08155;", found("Steuernummer 181/815/08155"));
    assertEquals("", found("am 12/05/2024"), "a date stays a date");
  }

  /** District codes of FZV Anlage 1 (the resource list), with umlauts; codes that were never issued. */
  @Test
  void districtCodes() {
    for (String c : new String[] {"B", "M", "HH", "KA", "S", "MIL", "MÜ", "ÖHR", "BGL", "LDS", "k", "hh"}) {
      assertTrue(GermanIds.district(c, 0, c.length()), c);
    }
    for (String c : new String[] {"I", "Q", "QQ", "XYZ", "BXYZ", "", "M1"}) {
      assertFalse(GermanIds.district(c, 0, c.length()), c);
    }
  }
}
