package dev.guardrails.detectors.pii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Check-digit algorithms for the pattern entities. Every method takes the digits (or characters) as
 * an array slice so the scanner validates candidates without building strings.
 *
 * <p>Stateless and thread-safe.
 */
final class Checksums {

  private Checksums() {}

  /** Luhn (mod 10) over digit values {@code d[0, n)}. */
  static boolean luhn(int[] d, int n) {
    return luhn(d, 0, n);
  }

  /** Luhn (mod 10) over digit values {@code d[from, to)}, check digit at {@code to - 1}. */
  static boolean luhn(int[] d, int from, int to) {
    return to > from && luhnSum(d, from, to) % 10 == 0;
  }

  /**
   * The Luhn sum of {@code d[from, to)} (every second digit from the right doubled, digits of
   * products added), for checks that add a constant for an implied prefix (the NPI's 80840).
   */
  static int luhnSum(int[] d, int from, int to) {
    int sum = 0;
    boolean dbl = false;
    for (int i = to - 1; i >= from; i--) {
      int v = d[i];
      if (dbl) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      dbl = !dbl;
    }
    return sum;
  }

  private static final int[][] VERHOEFF_D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  private static final int[][] VERHOEFF_P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

  /** Verhoeff check over {@code d[0, n)} (check digit last), used by Aadhaar. */
  static boolean verhoeff(int[] d, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) {
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d[n - 1 - i]]];
    }
    return c == 0;
  }

  /** UK NHS number: 10 digits, weights 10..2 over the first nine, check = 11 - sum mod 11 (10 invalid). */
  static boolean nhs(int[] d, int n) {
    if (n != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += d[i] * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == d[9];
  }

  /** US ABA routing number: 9 digits, 3-7-1 weights, sum mod 10 == 0, valid Federal Reserve prefix. */
  static boolean aba(int[] d, int n) {
    if (n != 9) {
      return false;
    }
    int prefix = d[0] * 10 + d[1];
    if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80)) {
      return false;
    }
    int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
    return sum % 10 == 0 && sum > 0;
  }

  private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Spanish NIF/NIE control letter for an 8-digit number. */
  static char nifLetter(int number) {
    return NIF_LETTERS.charAt(number % 23);
  }

  /** IBAN mod-97 over {@code s[start, end)} (letters and digits only, already length-checked). */
  static boolean ibanMod97(CharSequence s, int start, int end) {
    int rem = 0;
    int len = end - start;
    for (int k = 0; k < len; k++) {
      char c = s.charAt(start + (k + 4) % len);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
        rem = (rem * 10 + v) % 97;
      } else {
        v = Character.toUpperCase(c) - 'A' + 10;
        if (v < 10 || v > 35) {
          return false;
        }
        rem = (rem * 100 + v) % 97;
      }
    }
    return rem == 1;
  }

  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Bitcoin base58check: decodes {@code s[start,end)} to 25 bytes, version 0x00 or 0x05, double-SHA-256 checksum. */
  static boolean base58check(CharSequence s, int start, int end) {
    byte[] out = new byte[25];
    for (int i = start; i < end; i++) {
      int v = B58.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      int carry = v;
      for (int j = 24; j >= 0; j--) {
        carry += (out[j] & 0xFF) * 58;
        out[j] = (byte) carry;
        carry >>>= 8;
      }
      if (carry != 0) {
        return false; // more than 25 bytes
      }
    }
    if (out[0] != 0 && out[0] != 5) {
      return false;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(out, 0, 21);
      byte[] h = sha.digest(sha.digest());
      for (int i = 0; i < 4; i++) {
        if (h[i] != out[21 + i]) {
          return false;
        }
      }
      return true;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /** Bech32 / bech32m checksum over a lower-case {@code hrp1data} string in {@code s[start,end)}. */
  static boolean bech32(CharSequence s, int start, int end) {
    int sep = -1;
    for (int i = end - 1; i >= start; i--) {
      if (s.charAt(i) == '1') {
        sep = i;
        break;
      }
    }
    if (sep < start + 1 || end - sep - 1 < 6) {
      return false;
    }
    int chk = 1;
    for (int i = start; i < sep; i++) {
      chk = polymod(chk) ^ (Character.toLowerCase(s.charAt(i)) >> 5);
    }
    chk = polymod(chk);
    for (int i = start; i < sep; i++) {
      chk = polymod(chk) ^ (Character.toLowerCase(s.charAt(i)) & 31);
    }
    for (int i = sep + 1; i < end; i++) {
      int v = BECH32.indexOf(Character.toLowerCase(s.charAt(i)));
      if (v < 0) {
        return false;
      }
      chk = polymod(chk) ^ v;
    }
    return chk == 1 || chk == 0x2bc830a3;
  }

  private static int polymod(int chk) {
    int top = chk >>> 25;
    chk = (chk & 0x1ffffff) << 5;
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= gen[i];
      }
    }
    return chk;
  }

  /** Shannon entropy in bits per character of {@code s[start,end)} (ASCII; others share one bucket). */
  static double entropy(CharSequence s, int start, int end) {
    int[] counts = new int[128];
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      counts[c < 128 ? c : 0]++;
    }
    double n = end - start;
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** Whether a base64url slice decodes to a JSON object (starts with '{' and ends with '}' after trimming). */
  static boolean base64UrlJsonObject(CharSequence s, int start, int end) {
    int len = end - start;
    if (len < 4 || len > 8192) {
      return false;
    }
    byte[] in = new byte[len];
    for (int i = 0; i < len; i++) {
      in[i] = (byte) s.charAt(start + i);
    }
    byte[] dec;
    try {
      dec = java.util.Base64.getUrlDecoder().decode(in);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String json = new String(dec, StandardCharsets.UTF_8).trim();
    return json.length() >= 2 && json.charAt(0) == '{' && json.charAt(json.length() - 1) == '}'
        && json.indexOf('"') > 0;
  }
}
