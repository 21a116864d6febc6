package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The check-digit algorithms against PUBLISHED test vectors: an oracle independent of our code and
 * of {@code tools/pii/gen_pii_cases.py} (which once copied a wrong Verhoeff table row along with
 * the detector, so the generated cases could not see it). Each vector names where it is published.
 */
class ChecksumVectorsTest {

  private static int[] digits(String s) {
    int[] d = new int[s.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.charAt(i) - '0';
    }
    return d;
  }

  private static boolean verhoeff(String s) {
    return Checksums.verhoeff(digits(s), s.length());
  }

  private static boolean luhn(String s) {
    return Checksums.luhn(digits(s), s.length());
  }

  /**
   * Wikipedia, "Verhoeff algorithm" (worked example: the check digit of 236 is 3, so 2363 is valid)
   * and Rosetta Code, "Verhoeff algorithm" (236 -> 3, 12345 -> 1, 123456789012 -> 0).
   */
  @Test
  void verhoeffPublishedVectors() {
    assertTrue(verhoeff("2363"));
    assertTrue(verhoeff("123451"));
    assertTrue(verhoeff("1234567890120"));
    for (int wrong = 0; wrong <= 9; wrong++) {
      assertEquals(wrong == 3, verhoeff("236" + wrong), "236" + wrong);
      assertEquals(wrong == 1, verhoeff("12345" + wrong), "12345" + wrong);
      assertEquals(wrong == 0, verhoeff("123456789012" + wrong), "123456789012" + wrong);
    }
  }

  /**
   * The published guarantee of the scheme (Verhoeff 1969; Wikipedia, "Verhoeff algorithm": it
   * "detects all single-digit errors, and all transposition errors involving two adjacent
   * digits"): for 12-digit numbers (Aadhaar length) with exactly one valid check digit, every
   * single-digit change and every swap of two different adjacent digits is rejected. The vectors
   * above happen not to touch row 4 of the permutation table at digits 6-8; this property does
   * (the wrong row 9,4,5,3,1,2,7,6,8,0 let hundreds of swaps through).
   */
  @Test
  void verhoeffDetectsEverySingleErrorAndAdjacentTransposition() {
    java.util.Random r = new java.util.Random(20261205);
    for (int t = 0; t < 400; t++) {
      StringBuilder base = new StringBuilder();
      for (int k = 0; k < 11; k++) {
        base.append((char) ('0' + r.nextInt(10)));
      }
      String valid = null;
      for (int c = 0; c <= 9; c++) {
        if (verhoeff(base.toString() + c)) {
          assertEquals(null, valid, "two check digits for " + base);
          valid = base.toString() + c;
        }
      }
      assertTrue(valid != null, "no check digit for " + base);
      char[] v = valid.toCharArray();
      for (int i = 0; i < v.length; i++) {
        char keep = v[i];
        for (char x = '0'; x <= '9'; x++) {
          if (x != keep) {
            v[i] = x;
            assertFalse(verhoeff(new String(v)), "single error undetected: " + new String(v));
          }
        }
        v[i] = keep;
        if (i + 1 < v.length && v[i] != v[i + 1]) {
          char[] w = v.clone();
          w[i] = v[i + 1];
          w[i + 1] = v[i];
          assertFalse(verhoeff(new String(w)), "transposition undetected: " + new String(w));
        }
      }
    }
  }

  /**
   * Wikipedia, "Luhn algorithm" (79927398713 is valid: 7992739871 has check digit 3); Rosetta Code,
   * "Luhn test of credit card numbers" (49927398716 valid, 49927398717 invalid, 1234567812345678
   * invalid, 1234567812345670 valid); the test card numbers that Stripe and PayPal publish for
   * their sandboxes (Visa 4111111111111111 and 4242424242424242, Mastercard 5555555555554444,
   * Amex 378282246310005, Discover 6011111111111117, JCB 3530111333300000, Diners 30569309025904).
   */
  @Test
  void luhnPublishedVectors() {
    assertTrue(luhn("79927398713"));
    assertFalse(luhn("79927398710"));
    assertTrue(luhn("49927398716"));
    assertFalse(luhn("49927398717"));
    assertFalse(luhn("1234567812345678"));
    assertTrue(luhn("1234567812345670"));
    for (String card : new String[] {"4111111111111111", "4242424242424242", "5555555555554444", "378282246310005",
        "6011111111111117", "3530111333300000", "30569309025904"}) {
      assertTrue(luhn(card), card);
      int[] d = digits(card);
      assertTrue(NumberRules.card(d, d.length), "issuer range and length: " + card);
    }
  }

  /**
   * ISO 13616 mod 97-10: the examples of the SWIFT IBAN Registry and of Wikipedia, "International
   * Bank Account Number" (GB82WEST12345698765432 is the ECBS example, DE89370400440532013000 and
   * FR1420041010050500013M02606 the registry's German and French examples); changing the last digit
   * breaks the check.
   */
  @Test
  void ibanMod97PublishedVectors() {
    for (String iban : new String[] {"GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606",
        "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957"}) {
      assertTrue(Checksums.ibanMod97(iban, 0, iban.length()), iban);
      String broken = iban.substring(0, iban.length() - 1) + (char) ('0' + (iban.charAt(iban.length() - 1) - '0' + 1) % 10);
      assertFalse(Checksums.ibanMod97(broken, 0, broken.length()), broken);
    }
  }

  /**
   * NHS number mod 11: the example of NHS Digital's Data Dictionary ("NHS Number", 943 476 5919,
   * valid); other final digits are invalid.
   */
  @Test
  void nhsMod11PublishedVector() {
    for (int last = 0; last <= 9; last++) {
      assertEquals(last == 9, Checksums.nhs(digits("943476591" + last), 10), "943476591" + last);
    }
  }

  /**
   * ABA routing 3-7-1: routing numbers the banks publish, Federal Reserve Bank of Boston 011000015
   * and JPMorgan Chase (New York) 021000021.
   */
  @Test
  void abaPublishedVectors() {
    assertTrue(Checksums.aba(digits("011000015"), 9));
    assertTrue(Checksums.aba(digits("021000021"), 9));
    assertFalse(Checksums.aba(digits("021000022"), 9));
  }

  /** Spanish DNI/NIF mod 23: the Ministerio del Interior's example, 12345678 takes letter Z. */
  @Test
  void nifMod23PublishedVector() {
    assertEquals('Z', Checksums.nifLetter(12345678));
  }

  /** Base58check: the address of Bitcoin's genesis block coinbase, 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa. */
  @Test
  void base58checkPublishedVector() {
    String genesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    assertTrue(Checksums.base58check(genesis, 0, genesis.length()));
    String broken = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb";
    assertFalse(Checksums.base58check(broken, 0, broken.length()));
  }
}
