package dev.guardrails.detectors.pii;

/**
 * Check-digit algorithms of the country-specific identifiers ({@link NationalId}, {@link IdTokens}),
 * each written from its published specification (named on the method) and tested against
 * published vectors in {@code IdChecksTest}. Digit methods take {@code d[0, n)}; character methods
 * take a slice of the text.
 *
 * <p>Stateless and thread-safe.
 */
final class IdChecks {

  private IdChecks() {}

  private static final int[] W_ABN = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
  private static final int[] W_TFN = {1, 4, 3, 7, 5, 8, 6, 9, 10};
  private static final int[] W_MEDICARE = {1, 3, 7, 9, 1, 3, 7, 9};
  private static final int[] W_PESEL = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  private static final int[] W_RRN = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
  private static final int[] W_NRIC = {2, 7, 6, 5, 4, 3, 2};

  /** ABN (Australian Taxation Office): subtract 1 from the first digit, weights 10 1 3 5 ... 19, sum mod 89 = 0. */
  static boolean auAbn(int[] d, int n) {
    if (n != 11 || d[0] == 0) {
      return false;
    }
    int sum = (d[0] - 1) * W_ABN[0];
    for (int i = 1; i < 11; i++) {
      sum += d[i] * W_ABN[i];
    }
    return sum % 89 == 0;
  }

  /** ACN (ASIC): weights 8 7 ... 1 over the first eight digits, check = (10 - sum mod 10) mod 10. */
  static boolean auAcn(int[] d, int n) {
    if (n != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += d[i] * (8 - i);
    }
    return (10 - sum % 10) % 10 == d[8] && !NumberRules.allSame(d, 9);
  }

  /** TFN (ATO): weights 1 4 3 7 5 8 6 9 10, sum mod 11 = 0. */
  static boolean auTfn(int[] d, int n) {
    if (n != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += d[i] * W_TFN[i];
    }
    return sum % 11 == 0 && !NumberRules.allSame(d, 9);
  }

  /** Medicare card (Services Australia): first digit 2-6, weights 1 3 7 9 1 3 7 9, ninth digit = sum mod 10; tenth the issue number. */
  static boolean auMedicare(int[] d, int n) {
    if (n != 10 || d[0] < 2 || d[0] > 6) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += d[i] * W_MEDICARE[i];
    }
    return sum % 10 == d[8];
  }

  /**
   * PESEL (Polish population register): YYMMDD with the century in the month (+80 1800s, +0
   * 1900s, +20 2000s, +40 2100s, +60 2200s), weights 1 3 7 9 1 3 7 9 1 3, check = (10 - sum mod
   * 10) mod 10.
   */
  static boolean plPesel(int[] d, int n) {
    if (n != 11) {
      return false;
    }
    int mm = d[2] * 10 + d[3];
    int century = mm > 80 ? 1800 : mm > 60 ? 2200 : mm > 40 ? 2100 : mm > 20 ? 2000 : 1900;
    int month = mm % 20;
    if (!date(century + d[0] * 10 + d[1], month, d[4] * 10 + d[5])) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += d[i] * W_PESEL[i];
    }
    return (10 - sum % 10) % 10 == d[10];
  }

  /**
   * T.C. Kimlik No (Turkish population register): 11 digits, first not 0; tenth = (7 x (sum of
   * digits 1,3,5,7,9) - (sum of digits 2,4,6,8)) mod 10; eleventh = sum of the first ten mod 10.
   */
  static boolean trTckn(int[] d, int n) {
    if (n != 11 || d[0] == 0) {
      return false;
    }
    int odd = d[0] + d[2] + d[4] + d[6] + d[8];
    int even = d[1] + d[3] + d[5] + d[7];
    int tenth = ((odd * 7 - even) % 10 + 10) % 10;
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += d[i];
    }
    return tenth == d[9] && sum % 10 == d[10];
  }

  /**
   * Steuerliche Identifikationsnummer (German tax ID, Bundeszentralamt für Steuern): 11 digits,
   * first not 0; among the first ten exactly one digit occurs two or three times and the others at
   * most once; check digit by ISO/IEC 7064 MOD 11,10.
   */
  static boolean deTaxId(int[] d, int n) {
    if (n != 11 || d[0] == 0) {
      return false;
    }
    int repeated = 0;
    for (int digit = 0; digit <= 9; digit++) {
      int c = 0;
      for (int i = 0; i < 10; i++) {
        c += d[i] == digit ? 1 : 0;
      }
      if (c > 3) {
        return false;
      }
      if (c >= 2) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    int product = 10;
    for (int i = 0; i < 10; i++) {
      int sum = (d[i] + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    return (check == 10 ? 0 : check) == d[10];
  }

  /**
   * Personnummer (Swedish Tax Agency, SKV 704): YYMMDD (day + 60 for a coordination number), a
   * three-digit serial and a Luhn check digit over the ten digits.
   */
  static boolean sePersonnummer(int[] d, int n) {
    if (n != 10) {
      return false;
    }
    int day = d[4] * 10 + d[5];
    return date(2000 + d[0] * 10 + d[1], d[2] * 10 + d[3], day > 60 ? day - 60 : day) && Checksums.luhn(d, 10);
  }

  /** The twelve-digit personnummer (century first, {@code 19811228-9874}): century 18-20, then {@link #sePersonnummer}. */
  static boolean sePersonnummerLong(int[] d, int n) {
    if (n != 12) {
      return false;
    }
    int century = d[0] * 10 + d[1];
    if (century < 18 || century > 20) {
      return false;
    }
    int day = d[6] * 10 + d[7];
    return date(century * 100 + d[2] * 10 + d[3], d[4] * 10 + d[5], day > 60 ? day - 60 : day)
        && Checksums.luhn(d, 2, 12);
  }

  /**
   * Resident registration number (Korea, 주민등록번호): YYMMDD, a sex/century digit 1-8, then
   * five digits and a check = (11 - sum of digits x 2 3 4 5 6 7 8 9 2 3 4 5 mod 11) mod 10.
   */
  static boolean krRrn(int[] d, int n) {
    if (n != 13 || !krRrnBirth(d)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += d[i] * W_RRN[i];
    }
    return (11 - sum % 11) % 10 == d[12];
  }

  /**
   * The part of a resident registration number that numbers issued since October 2020 keep: YYMMDD
   * and a sex/century digit 1-8 (the Ministry of the Interior and Safety made the last six digits
   * random then, so no check digit). Citizens only (1-4): 5-8 are foreign residents' numbers.
   */
  static boolean krRrnDate(int[] d, int n) {
    return n == 13 && d[6] >= 1 && d[6] <= 4 && krRrnBirth(d);
  }

  /** YYMMDD a valid date in the century that the sex/century digit {@code d[6]} (1-8) names. */
  private static boolean krRrnBirth(int[] d) {
    if (d[6] < 1 || d[6] > 8) {
      return false;
    }
    int century = d[6] <= 2 || d[6] == 5 || d[6] == 6 ? 1900 : 2000;
    return date(century + d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]);
  }

  /**
   * US National Provider Identifier (CMS, "Requirements for National Provider Identifier (NPI) and
   * NPI Enumerator Check Digit"): 10 digits, first 1 or 2, Luhn over the number prefixed by the
   * card issuer prefix 80840, whose Luhn contribution is the constant 24.
   */
  static boolean usNpi(int[] d, int n) {
    return n == 10 && (d[0] == 1 || d[0] == 2) && (24 + Checksums.luhnSum(d, 0, 10)) % 10 == 0;
  }

  /** Thai national ID: first digit 1-8, check = (11 - sum of digits x 13 12 ... 2 mod 11) mod 10. */
  static boolean thTnin(int[] d, int n) {
    if (n != 13 || d[0] == 0 || d[0] == 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += d[i] * (13 - i);
    }
    return (11 - sum % 11) % 10 == d[12];
  }

  /** South African ID (Department of Home Affairs): YYMMDD, SSSS, citizenship 0-2, one digit, Luhn check. */
  static boolean zaId(int[] d, int n) {
    if (n != 13 || d[10] > 2) {
      return false;
    }
    return date(2000 + d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]) && Checksums.luhn(d, 13);
  }

  /**
   * Philippine TIN (BIR): nine digits, the first 0 for a company and 1-9 for an individual. The
   * ninth is a check digit, but the BIR does not publish its formula (it declined a Freedom of
   * Information request for it in 2022), so none is tested. A valid US ITIN is left to the ITIN rule,
   * which shares the cue "TIN"; one digit repeated and the counting sequence are placeholders.
   */
  static boolean phTin(int[] d, int n) {
    return n == 9 && !(d[0] == 9 && NumberRules.itin(d)) && !NumberRules.allSame(d, 9) && !NumberRules.counting(d, 9);
  }

  /** The 12-digit Philippine TIN: the nine of {@link #phTin} and a three-digit branch code (000 for the head office). */
  static boolean phTinBranch(int[] d, int n) {
    return n == 12 && phTin(d, 9);
  }

  /** A calendar date; February 29 only in leap years (Gregorian). */
  static boolean date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    int max = month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    return day <= max;
  }

  // ------------------------------------------------------------------ character IDs

  private static final String SG_ST = "JZIHGFEDCBA";
  private static final String SG_FG = "XWUTRQPNMLK";
  /** The M series' letters by remainder: ICA's table {@code KLJNPQRTUWX} read from the end (P = 11 - R). */
  private static final String SG_M = "XWUTRQPNJLK";

  /**
   * Singapore NRIC/FIN ({@code S1234567D}): prefix S, T (citizens, PR), F, G (foreigners, to 2021)
   * or M (foreigners, FINs issued from 1 January 2022), seven digits, a check letter: digits x 2 7 6
   * 5 4 3 2, plus 4 for T and G, plus 3 for M, remainder R mod 11, looked up in {@code JZIHGFEDCBA}
   * (S, T) or {@code XWUTRQPNMLK} (F, G); the M series has its own table: P = 11 - R, letter P of
   * {@code KLJNPQRTUWX} (ICA). Case-insensitive; {@code s[i, i+9)}.
   */
  static boolean sgNric(CharSequence s, int i) {
    char p = Character.toUpperCase(s.charAt(i));
    if (p != 'S' && p != 'T' && p != 'F' && p != 'G' && p != 'M') {
      return false;
    }
    int sum = p == 'T' || p == 'G' ? 4 : p == 'M' ? 3 : 0;
    for (int k = 0; k < 7; k++) {
      char c = s.charAt(i + 1 + k);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * W_NRIC[k];
    }
    char check = (p == 'S' || p == 'T' ? SG_ST : p == 'M' ? SG_M : SG_FG).charAt(sum % 11);
    return Character.toUpperCase(s.charAt(i + 8)) == check;
  }

  private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
      22, 25, 24, 23};
  private static final String CF_MONTHS = "ABCDEHLMPRST";
  private static final String CF_OMOCODE = "LMNPQRSTUV";

  /**
   * Codice fiscale (Italian fiscal code, DM 23/12/1976): six letters (surname, name), two year
   * digits, a month letter ({@code ABCDEHLMPRST}), two day digits (+40 for women), a place code
   * (letter + three digits), a check letter: odd positions through the table 1 0 5 7 9 13 15 ...
   * (digits as A-J), even positions as 0-25, sum mod 26. Digits may be replaced by
   * {@code LMNPQRSTUV} (omocodia). One case throughout; {@code s[i, i+16)}.
   */
  static boolean itFiscalCode(CharSequence s, int i) {
    boolean upper = s.charAt(i) >= 'A' && s.charAt(i) <= 'Z';
    int sum = 0;
    for (int k = 0; k < 16; k++) {
      char c = s.charAt(i + k);
      char u = upper ? c : (char) (c - 32);
      boolean letter = u >= 'A' && u <= 'Z';
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !digit) {
        return false;
      }
      boolean numericPlace = k == 6 || k == 7 || k == 9 || k == 10 || k == 12 || k == 13 || k == 14;
      if (numericPlace ? !digit && CF_OMOCODE.indexOf(u) < 0 : !letter || k == 8 && CF_MONTHS.indexOf(u) < 0) {
        return false;
      }
      if (k == 15) {
        return u - 'A' == sum % 26;
      }
      int v = digit ? c - '0' : u - 'A';
      sum += k % 2 == 0 ? CF_ODD[v] : v;
    }
    return false;
  }

  private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  /**
   * Henkilötunnus (Finnish personal identity code, Digital and Population Data Services Agency):
   * DDMMYY, a century sign ({@code +} 1800s; {@code -} or {@code Y X W V U} 1900s; {@code A B C D
   * E F} 2000s), a serial 002-899 (900-999: temporary codes, also personal) and a check char: the nine digits as a number mod 31 looked up
   * in {@code 0123456789ABCDEFHJKLMNPRSTUVWXY}. {@code s[i, i+11)}, upper case.
   */
  static boolean fiHetu(CharSequence s, int i) {
    int num = 0;
    for (int k = 0; k < 10; k++) {
      if (k == 6) {
        continue;
      }
      char c = s.charAt(i + k);
      if (c < '0' || c > '9') {
        return false;
      }
      num = num * 10 + c - '0';
    }
    char sign = s.charAt(i + 6);
    int century = sign == '+' ? 1800 : sign == '-' || sign >= 'U' && sign <= 'Y' ? 1900
        : sign >= 'A' && sign <= 'F' ? 2000 : -1;
    int serial = num % 1000;
    int dmy = num / 1000;
    if (century < 0 || serial < 2
        || !date(century + dmy % 100, dmy / 100 % 100, dmy / 10000)) {
      return false;
    }
    return s.charAt(i + 10) == HETU_CHECK.charAt(num % 31);
  }

  /**
   * PAN (Indian Income Tax Department): five letters, four digits, a letter; the fourth letter is
   * the holder's kind (P person, C company, H HUF, F firm, A AOP, T trust, B BOI, L local
   * authority, J artificial juridical person, G government). Upper case; {@code s[i, i+10)}.
   */
  static boolean inPan(CharSequence s, int i) {
    return inPanShape(s, i) && "PCHFATBLJG".indexOf(s.charAt(i + 3)) >= 0;
  }

  /** Five upper-case letters, four digits, a letter: the PAN layout, whatever the holder letter. */
  static boolean inPanShape(CharSequence s, int i) {
    for (int k = 0; k < 10; k++) {
      char c = s.charAt(i + k);
      boolean digitPlace = k >= 5 && k <= 8;
      if (digitPlace ? c < '0' || c > '9' : c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
