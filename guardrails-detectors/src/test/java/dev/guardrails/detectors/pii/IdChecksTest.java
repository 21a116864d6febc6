package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The country-specific ID validators ({@link IdChecks}) against PUBLISHED example values: each value
 * below is the example the named source prints for its format (an issuer's format note, an
 * encyclopedia article, or, marked "widely published", the example value that public descriptions
 * of the algorithm repeat), never a value computed by our code. Each was re-checked by hand against
 * the algorithm. Every vector is also checked to fail with each other final digit or letter (the
 * check's point: a wrong check digit is rejected).
 */
class IdChecksTest {

  private static int[] digits(String s) {
    String only = s.replaceAll("[^0-9]", "");
    int[] d = new int[only.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = only.charAt(i) - '0';
    }
    return d;
  }

  /** Valid as published, and invalid with any other last digit. */
  private static void valid(String v, NationalId.Check check) {
    int[] d = digits(v);
    assertTrue(check.test(d, d.length), "published vector rejected: " + v);
    int last = d[d.length - 1];
    for (int x = 0; x <= 9; x++) {
      if (x != last) {
        d[d.length - 1] = x;
        assertFalse(check.test(d, d.length), "wrong check digit accepted: " + v + " -> " + x);
      }
    }
  }

  private static void validChars(String v, BiPredicate<String, Integer> check, String alphabet) {
    assertTrue(check.test(v, 0), "published vector rejected: " + v);
    char last = v.charAt(v.length() - 1);
    for (char x : alphabet.toCharArray()) {
      if (x != last) {
        String w = v.substring(0, v.length() - 1) + x;
        assertFalse(check.test(w, 0), "wrong check char accepted: " + w);
      }
    }
  }

  /** ATO, "Format of the ABN" (abr.gov.au): the worked example 51 824 753 556. */
  @Test
  void auAbn() {
    valid("51 824 753 556", IdChecks::auAbn);
  }

  /**
   * ASIC, "Australian Company Number (ACN) check digit" (asic.gov.au), also listed in Wikipedia,
   * "Australian Company Number": 004 085 616 and the example table 000 000 019, 000 250 000,
   * 010 749 961.
   */
  @Test
  void auAcn() {
    for (String v : new String[] {"004 085 616", "000 000 019", "000 250 000", "010 749 961"}) {
      valid(v, IdChecks::auAcn);
    }
  }

  /** Widely published example TFN for the ATO weights 1 4 3 7 5 8 6 9 10: 123 456 782. */
  @Test
  void auTfn() {
    valid("123 456 782", IdChecks::auTfn);
  }

  /** Widely published example Medicare card number for the 1 3 7 9 check: 2123 45670 1. */
  @Test
  void auMedicare() {
    int[] d = digits("2123456701");
    assertTrue(IdChecks.auMedicare(d, 10));
    d[8] = 1; // the check digit is the ninth; the tenth is the issue number
    assertFalse(IdChecks.auMedicare(d, 10));
  }

  /** Wikipedia, "PESEL": 44051401359 (born 14 May 1944); Polish Wikipedia: 02070803628 (8 July 1902). */
  @Test
  void plPesel() {
    valid("44051401359", IdChecks::plPesel);
    valid("02070803628", IdChecks::plPesel);
    assertFalse(IdChecks.plPesel(digits("44053401359"), 11), "month 33 is no month of any century");
  }

  /** Widely published sample T.C. Kimlik number: 10000000146. */
  @Test
  void trTckn() {
    valid("10000000146", IdChecks::trTckn);
    assertFalse(IdChecks.trTckn(digits("00000000146"), 11), "first digit 0");
  }

  /** Widely published example Steuer-IdNr: 86 095 742 719. */
  @Test
  void deTaxId() {
    valid("86095742719", IdChecks::deTaxId);
    assertFalse(IdChecks.deTaxId(digits("12345678903"), 11), "no repeated digit");
  }

  /** Wikipedia, "Personal identity number (Sweden)": 811228-9874 and 670919-9530; with the century 19811228-9874. */
  @Test
  void sePersonnummer() {
    valid("811228-9874", IdChecks::sePersonnummer);
    valid("670919-9530", IdChecks::sePersonnummer);
    valid("19811228-9874", IdChecks::sePersonnummerLong);
  }

  /** Widely published example South African ID number: 8001015009087 (born 1980-01-01). */
  @Test
  void zaId() {
    valid("8001015009087", IdChecks::zaId);
  }

  /** Widely published example Thai ID, in the printed layout: 1-2345-67890-12-1. */
  @Test
  void thTnin() {
    valid("1-2345-67890-12-1", IdChecks::thTnin);
  }

  /** Wikipedia, "National identification number" (Finland): 131052-308T. */
  @Test
  void fiHetu() {
    validChars("131052-308T", IdChecks::fiHetu, "0123456789ABCDEFHJKLMNPRSTUVWXY");
    assertFalse(IdChecks.fiHetu("131052Q308T", 0), "Q is no century sign");
  }

  /**
   * DVV (Digital and Population Data Services Agency), "Reform of the personal identity code" (2023):
   * the new century signs Y and A, and serials 900-999 for temporary codes; examples 010594Y9021 and
   * 020594X903P as quoted in Presidio's test_fi_personal_identity_code_recognizer.py. A temporary code
   * (serial 900-999) is a personal code too, so it is reported; serials 000 and 001 are never issued.
   */
  @Test
  void fiHetuNewSignsAndTemporarySerials() {
    assertTrue(IdChecks.fiHetu("010594Y9021", 0));
    assertTrue(IdChecks.fiHetu("020594X903P", 0));
    assertTrue(IdChecks.fiHetu("010516B903X", 0));
    assertFalse(IdChecks.fiHetu("010594Y001Y", 0), "serial 001 is never issued (check char right)");
  }

  /**
   * CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator Check Digit"
   * (2007): the worked example 123456789 gets check digit 3 (the 80840 prefix adds 24), NPI 1234567893.
   */
  @Test
  void usNpi() {
    valid("1234567893", IdChecks::usNpi);
    assertFalse(IdChecks.usNpi(digits("3234567893"), 10), "first digit 1 or 2");
  }

  /**
   * Korean RRNs issued since October 2020 (Ministry of the Interior and Safety reform) keep the birth
   * date and sex/century digit but end in random digits: 960121-1234567 (Presidio's
   * test_kr_rrn_recognizer.py, expected with a lower score) fails the old check digit and passes the
   * date rule; sex digit 5-8 (foreign residents) and 9 are not a citizen's RRN without the check digit.
   */
  @Test
  void krRrnSince2020() {
    assertFalse(IdChecks.krRrn(digits("9601211234567"), 13), "old check digit fails");
    assertTrue(IdChecks.krRrnDate(digits("9601211234567"), 13));
    assertFalse(IdChecks.krRrnDate(digits("7604135212134"), 13), "5: a foreign resident's number");
    assertFalse(IdChecks.krRrnDate(digits("9613211234567"), 13), "month 13");
    assertFalse(IdChecks.krRrnDate(digits("9601219234567"), 13), "9 is no sex/century digit");
  }

  /** Wikipedia, "Italian fiscal code": RSSMRA85T10A562S (Mario Rossi). */
  @Test
  void itFiscalCode() {
    validChars("RSSMRA85T10A562S", IdChecks::itFiscalCode, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    assertFalse(IdChecks.itFiscalCode("RSSMRA85Z10A562S", 0), "Z is no month letter");
  }

  /**
   * Wikipedia, "National Registration Identity Card": the special number S0000001I (issued to Yusof
   * bin Ishak), quoted in Presidio's context tests; S1234567D, the widely published example NRIC.
   */
  @Test
  void sgNric() {
    validChars("S0000001I", IdChecks::sgNric, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    validChars("S1234567D", IdChecks::sgNric, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  }

  /**
   * The M series of FIN (issued from 1 January 2022), its own check table: M4332674T from Presidio's
   * {@code test_sg_fin_recognizer.py}. By hand: 4x2 + 3x7 + 3x6 + 2x5 + 6x4 + 7x3 + 4x2 = 110, plus
   * 3 = 113, R = 113 mod 11 = 3, P = 11 - 3 = 8, the 8th letter of KLJNPQRTUWX is T. The F/G table
   * would give N for the same digits.
   */
  @Test
  void sgFinMSeries() {
    validChars("M4332674T", IdChecks::sgNric, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    assertFalse(IdChecks.sgNric("A4332674T", 0), "A is no NRIC/FIN series");
  }

  /** Income Tax Department, "Permanent Account Number" format: AAAPL1234C (P: a person). */
  @Test
  void inPan() {
    assertTrue(IdChecks.inPan("AAAPL1234C", 0));
    assertFalse(IdChecks.inPan("AAAXL1234C", 0), "X is no holder kind");
    assertFalse(IdChecks.inPan("AAAPL12345", 0));
  }

  @Test
  void calendarDates() {
    assertTrue(IdChecks.date(2000, 2, 29));
    assertFalse(IdChecks.date(1900, 2, 29));
    assertFalse(IdChecks.date(2001, 4, 31));
    assertEquals(true, IdChecks.date(1999, 12, 31));
  }
}
