package dev.guardrails.detectors.pii;

/**
 * Issuer and numbering rules for payment cards and US social security numbers, over digit arrays.
 *
 * <p>Stateless and thread-safe.
 */
final class NumberRules {

  private NumberRules() {}

  /** A payment card: known issuer prefix with a length it issues, and a valid Luhn check digit. */
  static boolean card(int[] d, int n) {
    if (allSame(d, n) || !issuer(d, n)) {
      return false;
    }
    return Checksums.luhn(d, n);
  }

  private static boolean issuer(int[] d, int n) {
    int p2 = d[0] * 10 + d[1];
    int p3 = p2 * 10 + d[2];
    int p4 = p3 * 10 + d[3];
    int p6 = p4 * 100 + d[4] * 10 + d[5];
    switch (d[0]) {
      case 4: // Visa
        return n == 13 || n == 16 || n == 19;
      case 5: // Mastercard 51-55; Maestro 50, 56-58
        return (p2 >= 51 && p2 <= 55) ? n == 16 : n >= 12 && n <= 19;
      case 2: // Mastercard 2221-2720; JCB 2131
        return (p4 >= 2221 && p4 <= 2720 && n == 16) || (p4 == 2131 && n == 15);
      case 3: // Amex 34/37; Diners 300-305, 36, 38, 39; JCB 3528-3589
        if (p2 == 34 || p2 == 37) {
          return n == 15;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
          return n >= 14 && n <= 19;
        }
        return p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19;
      case 6: // Discover 6011, 644-649, 65, 622126-622925; UnionPay 62; Maestro 6x
        return n >= 12 && n <= 19 && (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || p2 == 62
            || (p6 >= 622126 && p6 <= 622925) || p2 == 63 || p2 == 67 || p2 == 66 || p2 == 60 || p2 == 69
            || p2 == 61 || p2 == 64 || p2 == 68);
      case 1: // JCB 1800
        return p4 == 1800 && n == 15;
      default:
        return false;
    }
  }

  /** A US SSN: area 001-899 except 666, group 01-99, serial 0001-9999; not all-same or 123456789 or known samples. */
  static boolean ssn(int[] d) {
    int area = d[0] * 100 + d[1] * 10 + d[2];
    int group = d[3] * 10 + d[4];
    int serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 || allSame(d, 9)) {
      return false;
    }
    boolean sequential = true;
    for (int i = 0; i < 9; i++) {
      sequential &= d[i] == i + 1;
    }
    // 078-05-1120 (the Woolworth wallet card) and 219-09-9999 (an advertised sample) were never valid.
    return !sequential && !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);
  }

  static boolean allSame(int[] d, int n) {
    for (int i = 1; i < n; i++) {
      if (d[i] != d[0]) {
        return false;
      }
    }
    return true;
  }
}
