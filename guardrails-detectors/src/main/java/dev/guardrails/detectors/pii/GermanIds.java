package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.isDigit;
import static dev.guardrails.detectors.pii.PiiPatternDetector.isLetterOrDigit;

import dev.guardrails.Category;
import dev.guardrails.FindingType;
import dev.guardrails.detectors.internal.WordLists;
import java.util.Set;

/**
 * German identifiers of issue 15, part B, one place for each type's shape, validator, cue words
 * and scores: passport serial ({@code DE_PASSPORT}), driving-licence number ({@code
 * DE_FUEHRERSCHEIN}), vehicle plate ({@code DE_KFZ}), postcode ({@code DE_PLZ}), commercial
 * register number ({@code DE_HANDELSREGISTER}); and the validators of the digit-run rows of {@link
 * NationalId} for the Steuernummer ({@code DE_TAX_NUMBER}), the lifelong doctor number ({@code
 * DE_LANR}) and the practice number ({@code DE_BSNR}). Each is written from the issuer's published
 * format (named on the method); every check starts with a length and first-character test.
 *
 * <p>Values without a check digit or too short to stand alone (plates, postcodes, passport
 * serials) are reported only next to a cue word.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class GermanIds {

  private GermanIds() {}

  static final FindingType DE_PASSPORT = pii("DE_PASSPORT");
  static final FindingType DE_FUEHRERSCHEIN = pii("DE_FUEHRERSCHEIN");
  static final FindingType DE_KFZ = pii("DE_KFZ");
  static final FindingType DE_PLZ = pii("DE_PLZ");
  static final FindingType DE_HANDELSREGISTER = pii("DE_HANDELSREGISTER");

  /** Types reported here ({@code DE_TAX_NUMBER}, {@code DE_LANR}, {@code DE_BSNR} are {@link NationalId} rows). */
  static final Set<FindingType> TYPES = Set.of(DE_PASSPORT, DE_FUEHRERSCHEIN, DE_KFZ, DE_PLZ, DE_HANDELSREGISTER);

  static final Context PASSPORT_CTX = Context.of("reisepass", "reisepassnummer", "reisepasses", "passnummer",
      "pass nr", "passport", "passport number", "german passport", "dienstpass", "diplomatenpass", "kinderreisepass");
  static final Context FUEHRERSCHEIN_CTX = Context.of("führerschein", "führerscheinnummer", "führerscheins",
      "fuehrerschein", "fuehrerscheinnummer", "fahrerlaubnis", "fahrerlaubnisnummer", "driving licence",
      "driving license", "driver's license", "driver's licence", "licence number", "license number");
  static final Context KFZ_CTX = Context.of("kennzeichen", "kfz kennzeichen", "kfz", "autokennzeichen",
      "nummernschild", "amtliches kennzeichen", "fahrzeug", "fahrzeugs", "pkw", "auto", "wagen", "license plate",
      "licence plate", "number plate", "plate", "registration", "vehicle", "car");
  static final Context PLZ_CTX = Context.of("plz", "postleitzahl", "postleitzahlen", "anschrift", "adresse",
      "wohnort", "wohnhaft", "postfach");
  /** Cues of the Steuernummer rows of {@link NationalId} (10, 11 and 13 digits alike). */
  static final Context TAX_NUMBER_CTX = Context.of("steuernummer", "steuer nr", "steuer-nr", "st.-nr", "st nr",
      "stnr", "st.nr", "tax number");
  static final Context REGISTER_CTX = Context.of("handelsregister", "handelsregisternummer", "amtsgericht",
      "registergericht", "registernummer", "commercial register", "company register");

  private static FindingType pii(String name) {
    return FindingType.of(Category.PII, name);
  }

  // ------------------------------------------------------------------ dispatch from Tokens

  /**
   * A word {@code s[i, we)} that starts with a letter: a passport serial (9 or 10 chars), a
   * driving-licence number (11) or a glued register number ({@code HRB123456}). Returns its end if
   * reported, else -1.
   */
  static int letterWord(Hits h, int i, int we) {
    int len = we - i;
    char c = h.s.charAt(i);
    if ((c == 'H' || c == 'h') && len >= 4 && len <= 9) {
      int e = register(h, i, i + 3, we);
      if (e > 0) {
        return e;
      }
    }
    if (len == 9 || len == 10) {
      return passport(h, i, we);
    }
    return len == 11 ? fuehrerschein(h, i, we) : -1;
  }

  /**
   * A word {@code s[i, we)} of at most six chars that starts with a digit: the number of a register
   * entry ({@code HRB 12345}), of a plate ({@code M-AB 1234}) or a postcode ({@code PLZ 80331}).
   * Returns its end if reported, else -1.
   */
  static int digitWord(Hits h, int i, int we) {
    String s = h.s;
    if (i >= 2 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '-') && districtLetter(s.charAt(i - 2))) {
      if (i >= 4 && s.charAt(i - 1) == ' ') {
        int e = register(h, i - 4, i, we);
        if (e > 0) {
          return e;
        }
      }
      int e = plate(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    return we - i == 5 ? plz(h, i, we) : -1;
  }

  // ------------------------------------------------------------------ DE_HANDELSREGISTER

  /**
   * Handelsregister number (HGB § 8, HRV § 13): {@code HRA} (sole traders, partnerships) or {@code
   * HRB} (corporations), one case, then at most six digits ({@code s[d, e)}, glued or after one
   * space at {@code p}); the court ({@code Amtsgericht München}) raises the score. Returns the end.
   */
  private static int register(Hits h, int p, int d, int e) {
    String s = h.s;
    int nd = e - d;
    if (nd < 1 || nd > 6 || p > 0 && isLetterOrDigit(s.charAt(p - 1))) {
      return -1;
    }
    char a = s.charAt(p);
    char r = s.charAt(p + 1);
    char k = s.charAt(p + 2);
    boolean upper = a == 'H' && r == 'R' && (k == 'A' || k == 'B');
    boolean lower = a == 'h' && r == 'r' && (k == 'a' || k == 'b');
    if (!upper && !lower || !Tokens.allDigits(s, d, e) || s.charAt(d) == '0') {
      return -1;
    }
    h.emit(DE_HANDELSREGISTER, p, e, REGISTER_CTX.near(h, p, e) ? 0.95 : 0.85, "DE_HANDELSREGISTER (register, number)");
    return e;
  }

  // ------------------------------------------------------------------ DE_KFZ

  /** District codes by {@link #districtKey}: no string per candidate. */
  private static final boolean[] DISTRICTS = loadDistricts();

  private static boolean[] loadDistricts() {
    boolean[] t = new boolean[30 * 30 * 30];
    for (String code : WordLists.lowerCaseWords(GermanIds.class, "de-kfz-districts.txt", "vehicle district codes")) {
      int key = 0;
      for (int k = 0; k < code.length(); k++) {
        int v = letterValue(code.charAt(k));
        if (v == 0 || code.length() > 3) {
          throw new IllegalStateException("vehicle district code resource: not 1-3 letters, length " + code.length());
        }
        key = key * 30 + v;
      }
      t[key] = true;
    }
    return t;
  }

  /** 1-26 for a-z or A-Z, 27-29 for ä ö ü (either case), else 0. */
  private static int letterValue(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 1;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 1;
    }
    return switch (c) {
      case 'ä', 'Ä' -> 27;
      case 'ö', 'Ö' -> 28;
      case 'ü', 'Ü' -> 29;
      default -> 0;
    };
  }

  private static boolean districtLetter(char c) {
    return letterValue(c) != 0;
  }

  /** Whether {@code s[a, b)} (one to three letters) is a district code, either case. */
  static boolean district(CharSequence s, int a, int b) {
    if (b - a < 1 || b - a > 3) {
      return false;
    }
    int key = 0;
    for (int k = a; k < b; k++) {
      int v = letterValue(s.charAt(k));
      if (v == 0) {
        return false;
      }
      key = key * 30 + v;
    }
    return DISTRICTS[key];
  }

  /**
   * A vehicle plate whose number is the word {@code s[i, we)} (FZV § 8 and Anlage 4): the district
   * code (1-3 letters, FZV Anlage 1), one or two letters, one to four digits (the first not 0),
   * eight chars at most, then {@code E} (electric) or {@code H} (historic) may follow the digits;
   * the parts joined by a space or a dash ({@code M-AB 1234}, {@code HH AB 1234}, {@code
   * B-AB-1234}), one case. Reported next to a cue word only. Returns its end or -1.
   */
  private static int plate(Hits h, int i, int we) {
    String s = h.s;
    int nd = 0;
    while (i + nd < we && isDigit(s.charAt(i + nd))) {
      nd++;
    }
    int tail = we - i - nd;
    if (nd < 1 || nd > 4 || s.charAt(i) == '0' || tail > 1) {
      return -1;
    }
    char suffix = tail == 1 ? s.charAt(we - 1) : 'E';
    // the recognition letters before the separator at i - 1
    int le = i - 1;
    int ls = le;
    while (ls > 0 && le - ls < 3 && Tokens.isLetter(s.charAt(ls - 1))) {
      ls--;
    }
    int nl = le - ls;
    if (nl < 1 || nl > 2 || ls < 2 || s.charAt(ls - 1) != ' ' && s.charAt(ls - 1) != '-') {
      return -1;
    }
    int de = ls - 1;
    int ds = de;
    while (ds > 0 && de - ds < 4 && districtLetter(s.charAt(ds - 1))) {
      ds--;
    }
    int nc = de - ds;
    if (nc < 1 || nc > 3 || ds > 0 && (isLetterOrDigit(s.charAt(ds - 1)) || districtLetter(s.charAt(ds - 1)))
        || nc + nl + nd > 8) {
      return -1;
    }
    boolean upper = Tokens.isUpper(s.charAt(ls));
    for (int p = ds; p < we; p++) {
      char c = s.charAt(p);
      if (upper ? Tokens.isLower(c) || c >= 0xE0 : Tokens.isUpper(c) || c >= 0xC0 && c < 0xE0) {
        return -1;
      }
    }
    if (!(suffix == 'E' || suffix == 'H' || suffix == 'e' || suffix == 'h') || !district(s, ds, de)
        || !KFZ_CTX.near(h, ds, we)) {
      return -1;
    }
    h.emit(DE_KFZ, ds, we, 0.85, "DE_KFZ (district code, context)");
    return we;
  }

  // ------------------------------------------------------------------ DE_PLZ

  /**
   * A postcode {@code s[i, i+5)} (Deutsche Post, five digits since 1993; Leitzone 0 has no region
   * 00): five digits not joined to another number, next to a postcode or address cue, or after
   * the country prefix {@code D-}. Returns its end or -1.
   */
  private static int plz(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    if (s.charAt(i) == '0' && s.charAt(i + 1) == '0' || !Tokens.allDigits(s, i, we)) {
      return -1;
    }
    char before = i > 0 ? s.charAt(i - 1) : ' ';
    boolean country = before == '-' && i >= 2 && s.charAt(i - 2) == 'D' && (i == 2 || !isLetterOrDigit(s.charAt(i - 3)));
    if (!country && (before == '.' || before == ',' || before == '/' || before == '-' || before == '+'
        || before == ' ' && i >= 2 && isDigit(s.charAt(i - 2)))
        || we + 1 < n && (s.charAt(we) == '.' || s.charAt(we) == ',' || s.charAt(we) == '/' || s.charAt(we) == '-'
        || s.charAt(we) == ' ') && isDigit(s.charAt(we + 1))) {
      return -1;
    }
    int[] d = h.digits();
    for (int k = 0; k < 5; k++) {
      d[k] = s.charAt(i + k) - '0';
    }
    if (NumberRules.allSame(d, 5) || !country && !PLZ_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(DE_PLZ, i, we, 0.8, "DE_PLZ (context)");
    return we;
  }

  // ------------------------------------------------------------------ DE_PASSPORT

  /** First letters of passport serials (BMI: C-K for passports, Z for travel documents of foreigners). */
  private static final String PASSPORT_FIRST = "CFGHJKZ";

  /**
   * A Reisepass serial {@code s[i, we)} (PassV Anlage 11, BMI "Einführung alphanumerischer
   * Seriennummern", November 2007): nine chars of digits and {@code CFGHJKLMNPRTVWXYZ}, the first a
   * letter of {@code CFGHJK} (passports) or {@code Z} (travel documents), the tenth when written
   * the ICAO 9303 check digit ({@link IdChecks#deIdCard}: the same serial scheme). One case; only
   * next to a passport cue. Returns its end or -1.
   */
  /**
   * Whether {@code s[i, we)} has the German passport serial's layout (upper case, first letter of
   * {@code CFGHJKZ}, the serial alphabet, the check digit when ten chars long) with a letter after
   * the first char, which neither US layout (nine digits; a letter and eight digits) has: the type
   * of such a value after an English "passport" cue.
   */
  static boolean passportLayout(String s, int i, int we) {
    int len = we - i;
    if (len != 9 && len != 10 || PASSPORT_FIRST.indexOf(s.charAt(i)) < 0 || !IdChecks.deIdCard(s, i, len)) {
      return false;
    }
    for (int p = i + 1; p < i + 9; p++) {
      if (Tokens.isUpper(s.charAt(p))) {
        return true;
      }
    }
    return false;
  }

  private static int passport(Hits h, int i, int we) {
    String s = h.s;
    char f = s.charAt(i);
    boolean upper = Tokens.isUpper(f);
    if (PASSPORT_FIRST.indexOf(upper ? f : (char) (f - 32)) < 0) {
      return -1;
    }
    CharSequence v = s;
    int at = i;
    if (!upper) {
      for (int p = i; p < we; p++) {
        if (Tokens.isUpper(s.charAt(p))) {
          return -1;
        }
      }
      v = s.substring(i, we).toUpperCase(java.util.Locale.ROOT);
      at = 0;
    }
    if (!IdChecks.deIdCard(v, at, we - i) || !PASSPORT_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(DE_PASSPORT, i, we, we - i == 10 ? 0.9 : 0.85, "DE_PASSPORT (context)");
    return we;
  }

  // ------------------------------------------------------------------ DE_FUEHRERSCHEIN

  /**
   * A Führerschein number {@code s[i, i+11)}: upper case stands alone, lower case needs a cue.
   * Returns its end or -1.
   */
  private static int fuehrerschein(Hits h, int i, int we) {
    String s = h.s;
    boolean upper = Tokens.isUpper(s.charAt(i));
    if (!fuehrerscheinValid(s, i)) {
      return -1;
    }
    boolean cue = FUEHRERSCHEIN_CTX.near(h, i, we);
    if (!cue && !upper) {
      return -1;
    }
    h.emit(DE_FUEHRERSCHEIN, i, we, cue ? 0.95 : 0.75, "DE_FUEHRERSCHEIN (check digit valid)");
    return we;
  }

  /**
   * Führerscheinnummer of the card licence (FeV § 25, Anlage 8; the 11-char number of field 5): the
   * licensing authority's key (a letter A-P for the Land in alphabetical order, two digits for the
   * district, one letter or digit), a five-char serial (digits, then upper-case letters), a check
   * digit and the issue number (a letter or digit). Check: the first nine chars as values (digits,
   * A=10 ... Z=35) times 9 8 7 ... 1, sum mod 11, 10 written {@code X}. One case; {@code s[i, i+11)}.
   */
  static boolean fuehrerscheinValid(CharSequence s, int i) {
    boolean upper = Tokens.isUpper(s.charAt(i));
    int sum = 0;
    for (int k = 0; k < 11; k++) {
      char c = s.charAt(i + k);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (upper ? Tokens.isUpper(c) : Tokens.isLower(c)) {
        v = (upper ? c - 'A' : c - 'a') + 10;
      } else {
        return false;
      }
      boolean ok = switch (k) {
        case 0 -> v >= 10 && v <= 25; // A-P
        case 1, 2 -> v <= 9;
        case 9 -> v <= 9 || v == 33; // a digit or X
        default -> true;
      };
      if (!ok) {
        return false;
      }
      if (k < 9) {
        sum += v * (9 - k);
      } else if (k == 9) {
        int check = sum % 11;
        if (check == 10 ? v != 33 : v != check) {
          return false;
        }
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ NationalId validators

  /**
   * Lebenslange Arztnummer (KBV, "Richtlinie der KBV zur Vergabe der Arzt-, Betriebsstätten- sowie
   * der Praxisnetznummern"): nine digits, a six-digit doctor number, a check digit, a two-digit
   * specialty group. Check = (10 - (the six digits times 4 9 4 9 4 9) mod 10) mod 10. One digit
   * repeated nine times is a placeholder.
   */
  static boolean lanr(int[] d, int n) {
    if (n != 9 || NumberRules.allSame(d, 9)) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 6; k++) {
      sum += d[k] * (k % 2 == 0 ? 4 : 9);
    }
    return (10 - sum % 10) % 10 == d[6];
  }

  /**
   * Betriebsstättennummer (KBV, the same Richtlinie): nine digits, the first two the Kassenärztliche
   * Vereinigung's region, then seven digits; no check digit (reported only next to a cue). Region
   * 00 and one digit repeated are not issued.
   */
  static boolean bsnr(int[] d, int n) {
    return n == 9 && !(d[0] == 0 && d[1] == 0) && !NumberRules.allSame(d, 9) && !NumberRules.counting(d, 9);
  }

  /**
   * Steuernummer in the Länder's layouts (10 or 11 digits: {@code FF/BBB/UUUUP}, {@code
   * FFF/BBB/UUUUP}, {@code FFF/BBBB/UUUP}, {@code FFBBB/UUUUP}, {@code 0FF BBB UUUUP}; ELSTER,
   * "Aufbau der Steuernummer"): no check that holds across the Länder (each has its own check-digit
   * procedure), so only a digit repeated and the counting sequence are refused.
   */
  static boolean taxNumber(int[] d, int n) {
    return (n == 10 || n == 11) && !NumberRules.allSame(d, n) && !NumberRules.counting(d, n);
  }

  /**
   * The 13-digit Steuernummer of the federal scheme (ELSTER, {@code FFFF0BBBUUUUP}; {@code
   * 5FFF0BBBBUUUP} in North Rhine-Westphalia): the tax office's federal number (the Land's prefix:
   * 1 Saarland and Berlin, 21-24 and 26-28, 3 Brandenburg, Saxony, Saxony-Anhalt, 4
   * Mecklenburg-Vorpommern and Thuringia, 5 North Rhine-Westphalia, 9 Bavaria), then 0, district,
   * serial and check digit.
   */
  static boolean taxNumber13(int[] d, int n) {
    if (n != 13 || d[4] != 0) {
      return false;
    }
    return switch (d[0]) {
      case 1, 3, 4, 5, 9 -> true;
      case 2 -> d[1] >= 1 && d[1] <= 8 && d[1] != 5;
      default -> false;
    };
  }
}
