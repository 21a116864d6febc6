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
    return mod1110(d, 10) == d[10];
  }

  /** The ISO/IEC 7064 MOD 11,10 check digit of {@code d[0, len)}. */
  private static int mod1110(int[] d, int len) {
    int product = 10;
    for (int i = 0; i < len; i++) {
      int sum = (d[i] + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    return check == 10 ? 0 : check;
  }

  /**
   * USt-IdNr (German VAT identification number, Bundeszentralamt für Steuern): {@code DE} and nine
   * digits, the first not 0, the ninth an ISO/IEC 7064 MOD 11,10 check digit over the eight before
   * it (as the tax ID's). {@code d[0, 9)}: the digits after {@code DE}.
   */
  static boolean deVat(int[] d, int n) {
    return n == 9 && d[0] != 0 && mod1110(d, 8) == d[8];
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
   * Organisationsnummer (Swedish legal entities, Skatteverket SKV 709): ten digits, the third 2 or
   * more so that it never reads as a personnummer's month, the first (the legal-form group) not 0,
   * Luhn check digit over the ten.
   */
  static boolean seOrgNr(int[] d, int n) {
    return n == 10 && d[0] != 0 && d[2] >= 2 && Checksums.luhn(d, 10);
  }

  /**
   * Resident registration number (Korea, 주민등록번호): YYMMDD, a sex/century digit 1-4 (5-8 are
   * foreigners' numbers: {@link #krFrn}), then five digits and a check = (11 - sum of digits x 2 3 4
   * 5 6 7 8 9 2 3 4 5 mod 11) mod 10.
   */
  static boolean krRrn(int[] d, int n) {
    if (n != 13 || d[6] > 4 || !krRrnBirth(d)) {
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

  // ------------------------------------------------------------------ issue 15, second round

  private static final String B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * GSTIN (Indian Goods and Services Tax identification number, GSTN): two digits of the state
   * code (01-38, 97 other territory), the holder's PAN (five letters, four digits, a letter), an
   * entity number ({@code 1-9}, then {@code A-Z}), {@code Z}, and a check char: the first 14 chars
   * as 0-35 ({@code 0-9A-Z}) times 1 2 1 2 ..., each product's base-36 digits added (Luhn mod 36),
   * check = (36 - sum mod 36) mod 36. Upper case; {@code s[i, i+15)}.
   */
  static boolean inGstin(CharSequence s, int i) {
    int state = digit(s.charAt(i)) * 10 + digit(s.charAt(i + 1));
    if (state < 1 || state > 38 && state != 97 || !inPanShape(s, i + 2) || s.charAt(i + 13) != 'Z') {
      return false;
    }
    char entity = s.charAt(i + 12);
    if (!(entity >= '1' && entity <= '9' || entity >= 'A' && entity <= 'Z')) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 14; k++) {
      int v = B36.indexOf(s.charAt(i + k));
      int p = v * (k % 2 == 0 ? 1 : 2);
      sum += p / 36 + p % 36;
    }
    return s.charAt(i + 14) == B36.charAt((36 - sum % 36) % 36);
  }

  /** 0-9 for an ASCII digit, else 100 (out of every range the callers test). */
  private static int digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : 100;
  }

  private static final int[] W_UEN_BUSINESS = {10, 4, 9, 3, 8, 2, 7, 1};
  private static final int[] W_UEN_LOCAL = {10, 8, 6, 4, 9, 7, 5, 3, 1};
  private static final int[] W_UEN_OTHER = {4, 3, 5, 3, 10, 2, 2, 5, 7};
  private static final String UEN_OTHER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWX0123456789";
  /** ACRA's entity-type codes of the third UEN format (positions 4-5 of {@code T08LL0001A}). */
  private static final java.util.Set<String> UEN_ENTITY_TYPES = java.util.Set.of("LP", "LL", "FC", "PF", "RF", "MQ",
      "MM", "NB", "CC", "CS", "MB", "FM", "GS", "GA", "GB", "DP", "CP", "NR", "CM", "CD", "MD", "HS", "VH", "CH", "MH",
      "CL", "XL", "CX", "RP", "TU", "TC", "FB", "FN", "PA", "PB", "SS", "MC", "SM");

  /**
   * Singapore Unique Entity Number (ACRA, uen.gov.sg "About UEN"; IRAS/OECD TIN sheet), one of
   * three formats, each with a check letter: businesses {@code nnnnnnnnX} (weights 10 4 9 3 8 2 7
   * 1, sum mod 11 into {@code XMKECAWLJDB}); local companies {@code yyyynnnnnX} (year 1800-2099,
   * weights 10 8 6 4 9 7 5 3 1, mod 11 into {@code ZKCMDNERGWH}); other entities {@code
   * TyyPQnnnnX} (T 20xx, S 19xx, R 18xx, an entity-type code PQ, the chars as their index in
   * {@code ABCDEFGHJKLMNPQRSTUVWX0123456789} times 4 3 5 3 10 2 2 5 7, (sum - 5) mod 11 into the
   * same alphabet). Upper case; {@code s[i, i+len)}, {@code len} 9 or 10.
   */
  static boolean sgUen(CharSequence s, int i, int len) {
    char last = s.charAt(i + len - 1);
    if (len == 9) {
      int sum = 0;
      for (int k = 0; k < 8; k++) {
        int d = digit(s.charAt(i + k));
        if (d > 9) {
          return false;
        }
        sum += d * W_UEN_BUSINESS[k];
      }
      return last == "XMKECAWLJDB".charAt(sum % 11);
    }
    if (len != 10) {
      return false;
    }
    char c = s.charAt(i);
    if (c >= '0' && c <= '9') {
      int sum = 0;
      for (int k = 0; k < 9; k++) {
        int d = digit(s.charAt(i + k));
        if (d > 9) {
          return false;
        }
        sum += d * W_UEN_LOCAL[k];
      }
      int year = digit(c) * 1000 + digit(s.charAt(i + 1)) * 100 + digit(s.charAt(i + 2)) * 10 + digit(s.charAt(i + 3));
      return year >= 1800 && year <= 2099 && last == "ZKCMDNERGWH".charAt(sum % 11);
    }
    if (c != 'T' && c != 'S' && c != 'R' || digit(s.charAt(i + 1)) > 9 || digit(s.charAt(i + 2)) > 9
        || !UEN_ENTITY_TYPES.contains(s.subSequence(i + 3, i + 5).toString())) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 9; k++) {
      char ch = s.charAt(i + k);
      if (k >= 5 && digit(ch) > 9) {
        return false;
      }
      sum += UEN_OTHER_ALPHABET.indexOf(ch) * W_UEN_OTHER[k];
    }
    return last == UEN_OTHER_ALPHABET.charAt(((sum - 5) % 11 + 11) % 11);
  }

  /** Letters a Medicare Beneficiary Identifier never uses (CMS: S L O I B Z, read as digits). */
  private static boolean mbiLetter(char u) {
    return u >= 'A' && u <= 'Z' && "SLOIBZ".indexOf(u) < 0;
  }

  /**
   * Medicare Beneficiary Identifier (CMS, "Understanding the MBI format"): 11 chars, by position
   * 1 a digit 1-9; 2, 5, 8, 9 a letter; 3 and 6 a letter or digit; 4, 7, 10, 11 a digit; letters
   * A-Z without S L O I B Z. No check digit. {@code v} holds the 11 chars (dashes removed), folded
   * to upper case.
   */
  static boolean usMbi(char[] v) {
    if (v[0] < '1' || v[0] > '9') {
      return false;
    }
    for (int k = 1; k < 11; k++) {
      char c = v[k];
      boolean ok = switch (k) {
        case 1, 4, 7, 8 -> mbiLetter(c);
        case 2, 5 -> mbiLetter(c) || c >= '0' && c <= '9';
        default -> c >= '0' && c <= '9';
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * UK driving licence number (DVLA, the 16-char "driver number"): the first five letters of the
   * surname padded with 9, the decade digit of the birth year, the birth month (+50 for women),
   * the day, the year digit, two initials padded with 9, a digit, two check chars. Checked here:
   * the layout and the birth date; the check chars' algorithm is not published. One case; {@code
   * s[i, i+16)}.
   */
  static boolean ukDrivingLicence(CharSequence s, int i) {
    boolean upper = s.charAt(i) < 'a';
    boolean padded = false;
    for (int k = 0; k < 16; k++) {
      char c = s.charAt(i + k);
      char u = upper ? c : c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? '#' : c;
      boolean letter = u >= 'A' && u <= 'Z';
      boolean dig = u >= '0' && u <= '9';
      boolean ok;
      if (k < 5) {
        // surname letters, then only 9s
        ok = k == 0 ? letter : padded ? u == '9' : letter || u == '9';
        padded |= u == '9';
      } else if (k <= 10 || k == 13) {
        ok = dig;
      } else if (k == 11) {
        ok = letter;
      } else if (k == 12) {
        ok = letter || u == '9';
      } else {
        ok = letter || dig;
      }
      if (!ok) {
        return false;
      }
    }
    int year = (s.charAt(i + 5) - '0') * 10 + s.charAt(i + 10) - '0';
    int month = (s.charAt(i + 6) - '0') * 10 + s.charAt(i + 7) - '0';
    int day = (s.charAt(i + 8) - '0') * 10 + s.charAt(i + 9) - '0';
    if (month > 50) {
      month -= 50;
    }
    return date(1900 + year, month, day) || date(2000 + year, month, day);
  }

  /** The 124 postcode areas (Royal Mail: 121 in the UK, and GY, JE, IM), one- and two-letter. */
  private static final java.util.Set<String> UK_AREAS = java.util.Set.of("AB", "AL", "B", "BA", "BB", "BD", "BH",
      "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG",
      "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG",
      "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL",
      "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH",
      "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST",
      "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS",
      "WV", "YO", "ZE");
  /** {@link #UK_AREAS} by first letter x 27 + second letter (1-26, 0 for none): no string per candidate. */
  private static final boolean[] UK_AREA = new boolean[26 * 27];

  static {
    for (String a : UK_AREAS) {
      UK_AREA[(a.charAt(0) - 'A') * 27 + (a.length() == 2 ? a.charAt(1) - 'A' + 1 : 0)] = true;
    }
  }

  /**
   * A UK postcode's outward code {@code s[i, e)} (Royal Mail PAF: area + district, {@code A9 A9A
   * A99 AA9 AA9A AA99}): a known area, a district digit, then a digit or a letter ({@code
   * ABCDEFGHJKPSTUW} after a one-letter area, {@code ABEHMNPRVWXY} after two). Upper case.
   */
  static boolean ukOutward(CharSequence s, int i, int e) {
    int len = e - i;
    if (len < 2 || len > 4) {
      return false;
    }
    int a = Tokens.isUpper(s.charAt(i + 1)) ? 2 : 1;
    char first = s.charAt(i);
    if (len - a < 1 || first < 'A' || first > 'Z'
        || !UK_AREA[(first - 'A') * 27 + (a == 2 ? s.charAt(i + 1) - 'A' + 1 : 0)] || digit(s.charAt(i + a)) > 9) {
      return false;
    }
    if (len - a == 1) {
      return true;
    }
    if (len - a > 2) {
      return false;
    }
    char c = s.charAt(i + a + 1);
    return c >= '0' && c <= '9' || (a == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").indexOf(c) >= 0;
  }

  /** A UK postcode's inward code at {@code s[i, i+3)}: a digit and two letters other than C I K M O V. Upper case. */
  static boolean ukInward(CharSequence s, int i) {
    return digit(s.charAt(i)) <= 9 && ukInwardLetter(s.charAt(i + 1)) && ukInwardLetter(s.charAt(i + 2));
  }

  private static boolean ukInwardLetter(char c) {
    return c >= 'A' && c <= 'Z' && "CIKMOV".indexOf(c) < 0;
  }

  /** Letters of German ID document numbers (no vowels, no B D Q S: they read as digits or other letters). */
  private static final String DE_DOC_LETTERS = "CFGHJKLMNPRTVWXYZ";

  /**
   * Personalausweis document number (German ID card since November 2010, BSI TR-03127 / PAuswV):
   * nine chars, the first a letter of {@code CFGHJKLMNPRTVWXYZ}, the others digits or those
   * letters; written with its ICAO 9303 check digit as a tenth char (weights 7 3 1, letters
   * A=10 ... Z=35, sum mod 10). Upper case; {@code s[i, i+len)}, {@code len} 9 or 10.
   */
  static boolean deIdCard(CharSequence s, int i, int len) {
    if (len != 9 && len != 10 || DE_DOC_LETTERS.indexOf(s.charAt(i)) < 0) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 9; k++) {
      char c = s.charAt(i + k);
      boolean dig = c >= '0' && c <= '9';
      if (!dig && DE_DOC_LETTERS.indexOf(c) < 0) {
        return false;
      }
      sum += (dig ? c - '0' : c - 'A' + 10) * (k % 3 == 0 ? 7 : k % 3 == 1 ? 3 : 1);
    }
    return len == 9 || s.charAt(i + 9) == (char) ('0' + sum % 10);
  }

  /**
   * Krankenversichertennummer (German health-insurance number, the fixed ten-char part: GKV-
   * Spitzenverband "Richtlinien ... Krankenversichertennummer"): a letter and nine digits, the last
   * a check digit. The letter as two digits (A=01 ... Z=26) and the next eight digits, times 1 2 1
   * 2 ..., the products' digits added, sum mod 10. Either case; {@code s[i, i+10)}.
   */
  static boolean deKvnr(CharSequence s, int i) {
    char l = s.charAt(i);
    l = l >= 'a' && l <= 'z' ? (char) (l - 32) : l;
    if (l < 'A' || l > 'Z') {
      return false;
    }
    int v = l - 'A' + 1;
    int sum = v / 10 + digitSum(v % 10 * 2);
    for (int k = 1; k < 9; k++) {
      int d = digit(s.charAt(i + k));
      if (d > 9) {
        return false;
      }
      sum += k % 2 == 1 ? d : digitSum(d * 2);
    }
    return digit(s.charAt(i + 9)) == sum % 10;
  }

  private static int digitSum(int p) {
    return p > 9 ? p - 9 : p;
  }

  private static final int[] W_RVNR = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};

  /**
   * Versicherungsnummer (German pension/social insurance number, Deutsche Rentenversicherung,
   * VKVV): two digits of the area, the birth date DDMMYY (day + 50 when a date's serials run out),
   * the surname's initial, a two-digit serial, a check digit: the letter as two digits (A=01 ...
   * Z=26), the twelve digits times 2 1 2 5 7 1 2 1 2 1 2 1, the products' digits added, sum mod
   * 10. Either case for the letter; {@code s[i, i+12)}.
   */
  static boolean deRvnr(CharSequence s, int i) {
    char l = s.charAt(i + 8);
    l = l >= 'a' && l <= 'z' ? (char) (l - 32) : l;
    if (l < 'A' || l > 'Z') {
      return false;
    }
    int[] d = new int[12];
    for (int k = 0; k < 8; k++) {
      d[k] = digit(s.charAt(i + k));
    }
    d[8] = (l - 'A' + 1) / 10;
    d[9] = (l - 'A' + 1) % 10;
    d[10] = digit(s.charAt(i + 9));
    d[11] = digit(s.charAt(i + 10));
    for (int x : d) {
      if (x > 9) {
        return false;
      }
    }
    int day = d[2] * 10 + d[3];
    int month = d[4] * 10 + d[5];
    int year = d[6] * 10 + d[7];
    day = day > 50 ? day - 50 : day;
    if (!date(1900 + year, month, day) && !date(2000 + year, month, day)) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 12; k++) {
      sum += digitSum2(d[k] * W_RVNR[k]);
    }
    return digit(s.charAt(i + 11)) == sum % 10;
  }

  /** The sum of the decimal digits of a product below 100. */
  private static int digitSum2(int p) {
    return p / 10 + p % 10;
  }

  /**
   * The last March age identifier accepted (2027: {@code 27}, and {@code 77} from September 2027):
   * a fixed constant, not the clock, so that a text gets the same findings on every date. DVLA
   * issued {@code 26} in March 2026; one year of lead covers plates issued until this constant is
   * raised (a yearly edit, with {@code IdChecksTest.ukPlate}).
   */
  static final int UK_PLATE_YEAR = 27;

  /**
   * A UK vehicle registration mark in the current format (DVLA, since September 2001): a memory tag
   * of two letters (the region, {@code A-H K-P R S V W Y}; then any letter but I, Q, Z), a two-digit
   * age identifier (March: the year's last two digits, 02 on; September: + 50, 51 on; none beyond
   * {@link #UK_PLATE_YEAR}) and three random letters without I and Q. {@code v} holds the seven chars (the
   * separator removed), upper case.
   */
  static boolean ukPlate(char[] v) {
    char a = v[0];
    if (a < 'A' || a > 'Z' || "IJQTUXZ".indexOf(a) >= 0 || v[1] < 'A' || v[1] > 'Z' || "IQZ".indexOf(v[1]) >= 0) {
      return false;
    }
    int age = digit(v[2]) * 10 + digit(v[3]);
    if (!(age >= 2 && age <= UK_PLATE_YEAR || age >= 51 && age <= UK_PLATE_YEAR + 50)) {
      return false;
    }
    for (int k = 4; k < 7; k++) {
      if (v[k] < 'A' || v[k] > 'Z' || v[k] == 'I' || v[k] == 'Q') {
        return false;
      }
    }
    return true;
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

  // ------------------------------------------------------------------ issue 15, part A (ids): KR, ES, IT, IN, NG, TR

  /**
   * Foreign registration number (Korea, 외국인등록번호, Ministry of Justice), numbers issued before
   * October 2020: the layout of a resident registration number with a sex/century digit 5-8
   * (foreigners born 1900-1999: 5, 6; 2000-2099: 7, 8) and the RRN's weights 2 3 4 5 6 7 8 9 2 3 4
   * 5, but check = (13 - sum mod 11) mod 10 (the RRN's digit plus 2, mod 10).
   */
  static boolean krFrn(int[] d, int n) {
    if (n != 13 || !krFrnDate(d, n)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += d[i] * W_RRN[i];
    }
    return (13 - sum % 11) % 10 == d[12];
  }

  /**
   * The part of a foreign registration number that numbers issued since October 2020 keep (the last
   * six digits random, as for {@link #krRrnDate}): YYMMDD and a sex/century digit 5-8.
   */
  static boolean krFrnDate(int[] d, int n) {
    return n == 13 && d[6] >= 5 && d[6] <= 8 && krRrnBirth(d);
  }

  private static final int[] W_BRN = {1, 3, 7, 1, 3, 7, 1, 3, 5};

  /**
   * Business registration number (Korea, 사업자등록번호, National Tax Service; OECD "Korea - TIN"
   * sheet): a tax office code (101 or more), a two-digit business kind (not 00), a four-digit serial
   * (not 0000) and a check digit: the first nine digits times 1 3 7 1 3 7 1 3 5, plus (ninth digit
   * x 5) / 10, check = (10 - sum mod 10) mod 10.
   */
  static boolean krBrn(int[] d, int n) {
    if (n != 10 || d[0] * 100 + d[1] * 10 + d[2] < 101 || d[3] == 0 && d[4] == 0
        || d[5] == 0 && d[6] == 0 && d[7] == 0 && d[8] == 0) {
      return false;
    }
    int sum = d[8] * 5 / 10;
    for (int i = 0; i < 9; i++) {
      sum += d[i] * W_BRN[i];
    }
    return (10 - sum % 10) % 10 == d[9];
  }

  /**
   * Driver's licence number (Korea, 운전면허번호, Korean National Police Agency / Road Traffic
   * Authority): a two-digit region code of the issuing police agency (11 Seoul ... 26 Ulsan, 28
   * northern Gyeonggi), two digits of the year of issue, a six-digit serial and two more digits; no
   * published check digit, so the region code is the test.
   */
  static boolean krDriverLicence(int[] d, int n) {
    int region = d[0] * 10 + d[1];
    return n == 12 && (region >= 11 && region <= 26 || region == 28);
  }

  /**
   * Partita IVA (Italian VAT number, Agenzia delle Entrate, DPR 633/1972 art. 35): seven digits of
   * the holder, a three-digit provincial office code (001-100, or 120, 121, 888, 999) and a Luhn
   * check digit over the eleven digits.
   */
  static boolean itVat(int[] d, int n) {
    if (n != 11) {
      return false;
    }
    int office = d[7] * 100 + d[8] * 10 + d[9];
    return (office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 || office == 999)
        && Checksums.luhn(d, 11);
  }

  /** Document-type letters of Korean passports: M multiple, S single, R residence, G official, D diplomatic. */
  private static final String KR_PASSPORT_TYPES = "MSRGD";

  /**
   * Korean passport number (Ministry of Foreign Affairs), {@code s[i, i+9)}, either case: the type
   * letter ({@code MSRGD}) and eight digits (books issued before December 2021), or the letter, three
   * digits, a letter and four digits (since then: {@code M123A4567}). Returns 2 for the newer layout
   * (no other country of ours uses it), 1 for the older one (a letter and eight digits, also the US
   * layout: a Korean cue decides), 0 for neither.
   */
  static int krPassport(CharSequence s, int i) {
    if (KR_PASSPORT_TYPES.indexOf(Character.toUpperCase(s.charAt(i))) < 0) {
      return 0;
    }
    boolean newer = Tokens.isLetter(s.charAt(i + 4));
    for (int k = 1; k < 9; k++) {
      if (!(k == 4 && newer) && digit(s.charAt(i + k)) > 9) {
        return 0;
      }
    }
    return newer ? 2 : 1;
  }

  /** {@code n} letters then {@code 9 - n} digits at {@code s[i, i+9)}, either case (passports, ID cards). */
  static boolean lettersDigits(CharSequence s, int i, int n) {
    for (int k = 0; k < 9; k++) {
      char c = s.charAt(i + k);
      if (k < n ? !Tokens.isLetter(c) : digit(c) > 9) {
        return false;
      }
    }
    return true;
  }

  /**
   * Italian electronic identity card number (CIE 3.0, Istituto Poligrafico e Zecca dello Stato):
   * two letters, five digits, two letters ({@code CA12345AB}), upper case; {@code s[i, i+9)}.
   */
  static boolean itCie(CharSequence s, int i) {
    for (int k = 0; k < 9; k++) {
      char c = s.charAt(i + k);
      if (k < 2 || k > 6 ? !Tokens.isUpper(c) : digit(c) > 9) {
        return false;
      }
    }
    return true;
  }

  /**
   * Italian driving licence number (patente di guida, Motorizzazione civile), {@code s[i, i+10)},
   * upper case: two letters (the issuing province) and seven digits, or {@code U1} (issued centrally
   * since the 2013 EU card) and seven digits or consonants (vowels are not used, as they read as
   * digits or spell words), then a letter. No published check character.
   */
  static boolean itDriverLicence(CharSequence s, int i) {
    boolean central = s.charAt(i) == 'U' && s.charAt(i + 1) == '1';
    if (!central && !(Tokens.isUpper(s.charAt(i)) && Tokens.isUpper(s.charAt(i + 1))) || !Tokens.isUpper(s.charAt(i + 9))) {
      return false;
    }
    for (int k = 2; k < 9; k++) {
      char c = s.charAt(i + k);
      if (digit(c) > 9 && !(central && Tokens.isUpper(c) && "AEIOU".indexOf(c) < 0)) {
        return false;
      }
    }
    return true;
  }

  /** The state and union-territory codes of Indian registration marks (MoRTH, CMVR 1989 rule 50; OD/OR, UK/UA both in use). */
  private static final java.util.Set<String> IN_STATES = java.util.Set.of("AN", "AP", "AR", "AS", "BR", "CG", "CH",
      "DD", "DL", "DN", "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL",
      "OD", "OR", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UA", "UK", "UP", "WB");
  /** {@link #IN_STATES} by first letter x 26 + second letter: no string per candidate. */
  private static final boolean[] IN_STATE = new boolean[26 * 26];

  static {
    for (String c : IN_STATES) {
      IN_STATE[(c.charAt(0) - 'A') * 26 + c.charAt(1) - 'A'] = true;
    }
  }

  /**
   * Indian vehicle registration mark (Central Motor Vehicles Rules 1989, rule 50), compact, upper
   * case, {@code s[i, i+len)}: a state code, a one- or two-digit district (RTO) code, a series of up
   * to three letters and a four-digit number ({@code KA53ME3456}, {@code DL3CJI0001}).
   */
  static boolean inPlate(CharSequence s, int i, int len) {
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    if (len < 7 || len > 11 || !Tokens.isUpper(a) || !Tokens.isUpper(b) || !IN_STATE[(a - 'A') * 26 + b - 'A']) {
      return false;
    }
    int p = i + 2;
    int e = i + len;
    int rto = 0;
    while (p < e && digit(s.charAt(p)) <= 9 && rto < 2) {
      p++;
      rto++;
    }
    int series = 0;
    while (p < e && Tokens.isUpper(s.charAt(p)) && series < 3) {
      p++;
      series++;
    }
    if (rto == 0 || e - p != 4) {
      return false;
    }
    for (; p < e; p++) {
      if (digit(s.charAt(p)) > 9) {
        return false;
      }
    }
    return true;
  }

  /**
   * Turkish licence plate (Karayolları Trafik Yönetmeliği): a province code 01-81, one to three
   * letters of the plate alphabet (the Latin letters without Q, W, X and the dotted/undotted I, none
   * of Ç Ğ Ö Ş Ü) and two to five digits. {@code province}: the code's value; the letters at {@code
   * s[from, from+nLetters)}, either case.
   */
  static boolean trPlate(int province, CharSequence s, int from, int nLetters, int nDigits) {
    if (province < 1 || province > 81 || nLetters < 1 || nLetters > 3 || nDigits < 2 || nDigits > 5) {
      return false;
    }
    for (int k = 0; k < nLetters; k++) {
      char u = Character.toUpperCase(s.charAt(from + k));
      if (u < 'A' || u > 'Z' || "IQWX".indexOf(u) >= 0) {
        return false;
      }
    }
    return true;
  }
}
