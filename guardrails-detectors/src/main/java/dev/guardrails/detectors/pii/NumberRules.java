package dev.guardrails.detectors.pii;

/**
 * Issuer and numbering rules for payment cards and US social security numbers, over digit arrays.
 *
 * <p>Stateless and thread-safe.
 */
final class NumberRules {

  private NumberRules() {}

  /** Issuer check result: no known issuer range for this prefix and length. */
  static final int NO_ISSUER = 0;
  /** Issuer check result: a range a network publishes as its own (ISO/IEC 7812 IIN registry, network docs). */
  static final int REGISTERED = 2;
  /**
   * Issuer check result: inside a network's block but outside its published sub-ranges, or a legacy
   * range (JCB's classic {@code 35} block, Maestro's retired {@code 0604}, UATP {@code 1}). Accepted
   * with a lower score; {@link NumericRun} asks for card context before reporting the weakest ones.
   */
  static final int BLOCK = 1;

  /** A payment card: known issuer prefix with a length it issues, and a valid Luhn check digit. */
  static boolean card(int[] d, int n) {
    return cardIssuer(d, n) != NO_ISSUER;
  }

  /**
   * {@link #REGISTERED}, {@link #BLOCK} or {@link #NO_ISSUER} for the digits {@code d[0,n)}: the
   * Luhn check digit must hold, not all digits may be the same, and the prefix must belong to an
   * issuer that uses length {@code n}.
   */
  static int cardIssuer(int[] d, int n) {
    if (n < 12 || n > 19 || allSame(d, n) || !Checksums.luhn(d, n)) {
      return NO_ISSUER;
    }
    return issuer(d, n);
  }

  private static int issuer(int[] d, int n) {
    int p2 = d[0] * 10 + d[1];
    int p3 = p2 * 10 + d[2];
    int p4 = p3 * 10 + d[3];
    int p6 = p4 * 100 + d[4] * 10 + d[5];
    boolean len16to19 = n >= 16;
    switch (d[0]) {
      case 4: // Visa, Visa Electron
        return n == 13 || n == 16 || n == 19 ? REGISTERED : NO_ISSUER;
      case 5:
        if (p2 >= 51 && p2 <= 55) { // Mastercard
          return n == 16 ? REGISTERED : NO_ISSUER;
        }
        // Maestro 50, 56-58 (12-19); Dankort 5019, Verve 506099-506198/507865-507964, RuPay 508, UzCard 5614
        return p2 == 50 || p2 >= 56 ? REGISTERED : NO_ISSUER;
      case 2:
        if (p4 >= 2221 && p4 <= 2720) { // Mastercard 2-series
          return n == 16 ? REGISTERED : NO_ISSUER;
        }
        if (p4 >= 2200 && p4 <= 2205) { // Mir 2200-2204, BORICA 2205
          return len16to19 ? REGISTERED : NO_ISSUER;
        }
        return p4 == 2131 && n == 15 ? REGISTERED : NO_ISSUER; // JCB 15-digit
      case 3:
        if (p2 == 34 || p2 == 37) { // American Express
          return n == 15 ? REGISTERED : NO_ISSUER;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) { // Diners Club
          return n >= 14 ? REGISTERED : NO_ISSUER;
        }
        if (p2 == 35 && len16to19) { // JCB 3528-3589, RuPay 353/356, LankaPay 357111; rest of the JCB block
          return (p4 >= 3528 && p4 <= 3589) || p3 == 353 || p3 == 356 ? REGISTERED : BLOCK;
        }
        return NO_ISSUER;
      case 6:
        // Discover 6011/644-649/65 and 622126-622925, UnionPay 62 and 81, RuPay 60/65, Maestro 6x,
        // InterPayment 636, InstaPayment 637-639, Troy 65
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || p2 == 62 || (p6 >= 622126 && p6 <= 622925)) {
          return len16to19 ? REGISTERED : NO_ISSUER;
        }
        return REGISTERED; // Maestro 60-69: 12-19 digits
      case 8: // UnionPay 81, RuPay 81-82, UzCard 8600
        return (p2 == 81 || p2 == 82 || p4 == 8600) && len16to19 ? REGISTERED : NO_ISSUER;
      case 9: // Troy 9792, Humo 9860
        return (p4 == 9792 || p4 == 9860) && n == 16 ? REGISTERED : NO_ISSUER;
      case 1:
        if (p4 == 1800 || p4 == 1946) { // JCB 1800 (15), GPN 1946 (16-19)
          return p4 == 1800 ? (n == 15 ? REGISTERED : NO_ISSUER) : (len16to19 ? REGISTERED : NO_ISSUER);
        }
        return n == 15 ? REGISTERED : NO_ISSUER; // UATP airline cards (ISO/IEC 7812 major industry 1)
      case 0: // Maestro's retired 0604 range
        return p4 == 604 ? BLOCK : NO_ISSUER;
      default:
        return NO_ISSUER;
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

  /**
   * A US ITIN (IRS): nine digits starting with 9, the fourth and fifth digits in 50-65, 70-88,
   * 90-92 or 94-99.
   */
  static boolean itin(int[] d) {
    int group = d[3] * 10 + d[4];
    return d[0] == 9 && (group >= 50 && group <= 65 || group >= 70 && group <= 88 || group >= 90 && group <= 92
        || group >= 94);
  }

  static boolean allSame(int[] d, int n) {
    for (int i = 1; i < n; i++) {
      if (d[i] != d[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The counting sequence {@code 123456789} (then {@code 0}, {@code 1}...) over {@code d[0, n)}: the
   * value forms and documentation fill in, never an issued number of a scheme without a check digit.
   */
  static boolean counting(int[] d, int n) {
    for (int i = 0; i < n; i++) {
      if (d[i] != (i + 1) % 10) {
        return false;
      }
    }
    return true;
  }
}
