package dev.guardrails.detectors.pii;

import dev.guardrails.Category;
import dev.guardrails.FindingType;

/**
 * The country-specific identifiers found from digit runs, one table row each: the finding type,
 * the digit count, the printed group layouts, the validator (its published algorithm in {@link
 * IdChecks}), the cue words and the scores. {@link NumericRun} asks {@link #find} once per digit
 * run it classifies; a row costs a length test unless the digit count fits. Adding an ID means a
 * row here, a validator in {@link IdChecks} and its test rows; the cue words live only here.
 *
 * <p>Without a cue word ({@code cueRequired}) a row is reported only in one of its printed layouts
 * ({@code standAlone}): a bare 9 to 13 digit number is as likely a phone, order or account number,
 * and a check digit passes for one number in 10 or 11. Presidio does the same (its pattern scores
 * such IDs "weak" until a context word raises them).
 *
 * <p>Immutable and thread-safe.
 */
enum NationalId {

  /** Australian Business Number: 11 digits, ATO weights mod 89; printed {@code 51 824 753 556}. */
  AU_ABN("AU_ABN", 11, new int[][] {{2, 3, 3, 3}}, true, 0.75, 0.95, IdChecks::auAbn,
      Context.of("abn", "australian business number", "business number")),
  /** Australian Company Number: 9 digits, ASIC weights 8..1 mod 10; printed {@code 004 085 616}. */
  AU_ACN("AU_ACN", 9, new int[][] {{3, 3, 3}}, false, 0, 0.9, IdChecks::auAcn,
      Context.of("acn", "australian company number", "company number")),
  /** Australian Tax File Number: 9 digits, ATO weights mod 11. */
  AU_TFN("AU_TFN", 9, new int[][] {{3, 3, 3}}, false, 0, 0.9, IdChecks::auTfn,
      Context.of("tfn", "tax file number", "tax file")),
  /** Australian Medicare card number: 10 digits (first 2-6), weights 1 3 7 9 mod 10; printed {@code 2123 45670 1}. */
  AU_MEDICARE("AU_MEDICARE", 10, new int[][] {{4, 5, 1}}, false, 0, 0.9, IdChecks::auMedicare,
      Context.of("medicare")),
  /** Polish PESEL: 11 digits, birth date with the century in the month, weights 1 3 7 9 mod 10. */
  PL_PESEL("PL_PESEL", 11, null, false, 0, 0.9, IdChecks::plPesel, Context.of("pesel")),
  /** Turkish identity number (T.C. Kimlik No): 11 digits, two check digits. */
  TR_TCKN("TR_TCKN", 11, null, false, 0, 0.9, IdChecks::trTckn,
      Context.of("tc", "tckn", "kimlik", "tc kimlik", "turkish", "turkey", "nufus", "identity number", "national id")),
  /** German tax identification number (Steuer-IdNr): 11 digits, ISO 7064 MOD 11,10, digit repetition rule. */
  DE_TAX_ID("DE_TAX_ID", 11, new int[][] {{2, 3, 3, 3}}, false, 0, 0.9, IdChecks::deTaxId,
      Context.of("steuer", "steuerid", "steuer id", "steuernummer", "steueridentifikationsnummer", "idnr",
          "identifikationsnummer", "tax id", "tin")),
  /** Lebenslange Arztnummer (German doctor number): 9 digits, check digit over the first six (weights 4 9). */
  DE_LANR("DE_LANR", 9, null, false, 0, 0.9, GermanIds::lanr,
      Context.of("lanr", "arztnummer", "arzt nr", "lebenslange arztnummer", "doctor number", "physician number")),
  /** Betriebsstättennummer (German practice number): 9 digits, KV region first, no check digit. */
  DE_BSNR("DE_BSNR", 9, null, false, 0, 0.85, GermanIds::bsnr,
      Context.of("bsnr", "betriebsstättennummer", "betriebsstaettennummer", "betriebsstätte", "praxisnummer",
          "practice number")),
  /**
   * Steuernummer in the Länder's layouts, 10 digits ({@code 21/815/08150}, {@code 93815/08152},
   * {@code 75 815 08152}; Rhineland-Palatinate {@code 22/815/0815/4}): joined by slashes or spaces,
   * only next to a cue (no check holds across the Länder).
   */
  DE_TAX_NUMBER("DE_TAX_NUMBER", 10, new int[][] {{2, 3, 5}, {5, 5}, {2, 3, 4, 1}}, " /", false, 0, 0.9,
      GermanIds::taxNumber, GermanIds.TAX_NUMBER_CTX),
  /** The 11-digit Länder layouts: {@code 181/815/08155}, {@code 013 815 08153}, North Rhine-Westphalia {@code 133/8150/8159}. */
  DE_TAX_NUMBER_11("DE_TAX_NUMBER", 11, new int[][] {{3, 3, 5}, {3, 4, 4}}, " /", false, 0, 0.9,
      GermanIds::taxNumber, GermanIds.TAX_NUMBER_CTX),
  /** The 13-digit federal (ELSTER) form {@code 9181081508155}: Land prefix, then 0 at the fifth digit. */
  DE_TAX_NUMBER_13("DE_TAX_NUMBER", 13, null, false, 0, 0.9, GermanIds::taxNumber13, GermanIds.TAX_NUMBER_CTX),
  /** Swedish personal identity number: YYMMDD-NNNC (or with the century), birth date, Luhn over 10 digits. */
  SE_PERSONNUMMER("SE_PERSONNUMMER", 10, new int[][] {{6, 4}, {8, 4}}, true, 0.7, 0.9, IdChecks::sePersonnummer,
      IdTokens.SE_CTX),
  /** The 12-digit form of {@link #SE_PERSONNUMMER} with the century: {@code 19811228-9874}. */
  SE_PERSONNUMMER_LONG("SE_PERSONNUMMER", 12, new int[][] {{8, 4}}, true, 0.75, 0.9, IdChecks::sePersonnummerLong,
      IdTokens.SE_CTX),
  /**
   * Swedish organisation number (organisationsnummer, Bolagsverket/Skatteverket): NNNNNN-NNNC, the
   * third digit 2 or more (a personnummer's month digit is 0 or 1), Luhn over the 10 digits.
   */
  SE_ORGANISATIONSNUMMER("SE_ORGANISATIONSNUMMER", 10, new int[][] {{6, 4}}, true, 0.7, 0.9, IdChecks::seOrgNr,
      Context.of("organisationsnummer", "orgnummer", "orgnr", "org nr", "organisation number", "organization number",
          "company identity", "företag")),
  /** Korean resident registration number: YYMMDD-SNNNNNC, birth date, weights 2..9 mod 11. */
  KR_RRN("KR_RRN", 13, new int[][] {{6, 7}}, true, 0.75, 0.95, IdChecks::krRrn,
      IdTokens.KR_CTX),
  /**
   * A resident registration number issued since October 2020 (random last six digits, no check
   * digit): the birth date and sex/century digit in the printed {@code 960121-1234567} form, or next
   * to a cue; scored below the check-digit row.
   */
  KR_RRN_2020("KR_RRN", 13, new int[][] {{6, 7}}, true, 0.6, 0.85, IdChecks::krRrnDate,
      IdTokens.KR_CTX),
  // issue 15, part A (ids): Korean foreign registration, business registration and driver's licence
  // numbers, Italian VAT number
  /** Korean foreign registration number: YYMMDD-SNNNNNC, sex/century digit 5-8, the RRN weights, check + 2. */
  KR_FRN("KR_FRN", 13, new int[][] {{6, 7}}, true, 0.75, 0.95, IdChecks::krFrn, IdTokens.KR_FRN_CTX),
  /** A foreign registration number issued since October 2020 (random last six digits), as {@link #KR_RRN_2020}. */
  KR_FRN_2020("KR_FRN", 13, new int[][] {{6, 7}}, true, 0.6, 0.85, IdChecks::krFrnDate, IdTokens.KR_FRN_CTX),
  /** Korean business registration number: 10 digits, NTS weights; printed {@code 116-82-00276}. */
  KR_BRN("KR_BRN", 10, new int[][] {{3, 2, 5}}, true, 0.75, 0.95, IdChecks::krBrn,
      Context.of("brn", "business registration", "business registration number", "business number",
          "사업자등록번호", "사업자 등록번호", "사업자번호", "사업자")),
  /**
   * Korean driver's licence number: 12 digits, a region code 11-26 or 28; printed {@code
   * 11-22-123456-12} (stands alone: no other ID of ours is grouped 2-2-6-2); compact only after a
   * licence cue that names a driver's licence (a bare "licence" also precedes software keys).
   */
  KR_DRIVER_LICENSE("KR_DRIVER_LICENSE", 12, new int[][] {{2, 2, 6, 2}}, true, 0.7, 0.9, IdChecks::krDriverLicence,
      Context.of("driver license", "driver's license", "drivers license", "driving licence", "driving license",
          "driver licence", "운전면허", "운전면허번호", "면허번호", "운전면허증")),
  /** Italian VAT number (partita IVA): 11 digits, a provincial office code, Luhn; only with a cue (no printed layout). */
  IT_VAT_CODE("IT_VAT_CODE", 11, null, false, 0, 0.9, IdChecks::itVat,
      Context.of("partita iva", "p.iva", "p. iva", "p iva", "piva", "iva", "vat", "vat number", "vat no", "vat code",
          "codice iva", "numero di partita iva")),
  /** Thai national ID (TNIN): 13 digits, weights 13..2 mod 11; printed {@code 1-2345-67890-12-1}. */
  TH_TNIN("TH_TNIN", 13, new int[][] {{1, 4, 5, 2, 1}}, true, 0.8, 0.95, IdChecks::thTnin,
      Context.of("thai", "thailand", "tnin", "national id", "id card", "citizen id",
          "เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "บัตรประชาชน")),
  /** South African ID number: YYMMDD SSSS C A Z, birth date, citizenship 0-2, Luhn. */
  ZA_ID("ZA_ID", 13, null, false, 0, 0.9, IdChecks::zaId,
      Context.of("south african", "south africa", "rsa id", "sa id", "id number", "identity number",
          "permanent resident")),
  /** Nigerian National Identification Number: 11 digits, no published check digit. */
  NG_NIN("NG_NIN", 11, null, false, 0, 0.75, null,
      Context.of("nin", "nimc", "national identification number", "nigerian", "nigeria")),
  /** US National Provider Identifier (health-care providers): 10 digits, first 1-2, Luhn with the 80840 prefix. */
  US_NPI("US_NPI", 10, new int[][] {{4, 3, 3}}, false, 0, 0.85, IdChecks::usNpi,
      Context.of("npi", "national provider identifier", "national provider id", "provider identifier", "provider number",
          "provider id", "prescriber")),
  /** Philippine taxpayer identification number: 9 digits, or 12 with the branch code, no check digit. */
  PH_TIN("PH_TIN", 9, new int[][] {{3, 3, 3}}, false, 0, 0.8, IdChecks::phTin,
      Context.of("tin", "bir", "taxpayer identification", "philippine", "philippines")),
  /**
   * The 12-digit form of {@link #PH_TIN} (branch code appended): {@code 000-123-456-000}. A generic
   * "tax ID" cue names it too: no other tax number of the table has twelve digits, while nine-digit
   * tax IDs are also US SSNs, ITINs and EINs.
   */
  PH_TIN_BRANCH("PH_TIN", 12, new int[][] {{3, 3, 3, 3}}, false, 0, 0.8, IdChecks::phTinBranch,
      Context.of("tin", "bir", "taxpayer identification", "philippine", "philippines", "tax id", "taxpayer id"));

  /** US bank account numbers: 8 to 17 digits, compact, no check digit; only with a cue ({@link #bank}). */
  static final FindingType US_BANK_NUMBER = FindingType.of(Category.PII, "US_BANK_NUMBER");
  static final Context BANK_CTX = Context.of("bank account", "account number", "account no", "acct", "checking account",
      "savings account", "bank acct", "account num");

  /** Finding types of the table, in order (duplicates kept out). */
  static final java.util.Set<FindingType> TYPES;

  static {
    java.util.Set<FindingType> t = new java.util.LinkedHashSet<>();
    for (NationalId id : values()) {
      t.add(id.type);
    }
    t.add(US_BANK_NUMBER);
    TYPES = java.util.Collections.unmodifiableSet(t);
  }

  /** A digit validator over {@code d[0, n)}; null in the table where no check digit is published. */
  @FunctionalInterface
  interface Check {
    boolean test(int[] d, int n);
  }

  final FindingType type;
  final int digits;
  /** Printed layouts (group lengths, joined by one kind of separator of {@link #separators}); null: compact only. */
  final int[][] layouts;
  /** The separators a printed layout may use (one kind per number): space and dash unless the row says. */
  final String separators;
  /** Whether a printed layout is reported without a cue word. */
  final boolean standAlone;
  final double score;
  final double cueScore;
  final Check check;
  final Context cues;
  private final String message;

  NationalId(String name, int digits, int[][] layouts, boolean standAlone, double score, double cueScore, Check check,
      Context cues) {
    this(name, digits, layouts, " -", standAlone, score, cueScore, check, cues);
  }

  NationalId(String name, int digits, int[][] layouts, String separators, boolean standAlone, double score,
      double cueScore, Check check, Context cues) {
    this.type = FindingType.of(Category.PII, name);
    this.digits = digits;
    this.layouts = layouts;
    this.separators = separators;
    this.standAlone = standAlone;
    this.score = score;
    this.cueScore = cueScore;
    this.check = check;
    this.cues = cues;
    this.message = name + (check == null ? " (context)" : " (check valid)");
  }

  private static final NationalId[] ALL = values();

  /** Shortest and longest digit counts of the table: runs outside cost one comparison. */
  static final int MIN_DIGITS = 9;
  static final int MAX_DIGITS = 13;

  /**
   * Reports the first row that matches a digit run: its digit count, a layout ({@code lens} of
   * {@code groups} groups joined by {@code uniform}, one of the row's separators; one group is the
   * compact form), its validator,
   * then a cue word near {@code s[start, end)} unless the layout stands alone. Returns whether one
   * was reported.
   */
  static boolean find(Hits h, int[] d, int nd, int[] lens, int groups, char uniform, int start, int end) {
    if (nd < MIN_DIGITS || nd > MAX_DIGITS) {
      return false;
    }
    for (NationalId id : ALL) {
      if (id.digits != nd) {
        continue;
      }
      boolean laidOut = groups > 1 && uniform != 'm' && id.separators.indexOf(uniform) >= 0 && id.layout(lens, groups);
      if (groups > 1 && !laidOut || id.check != null && !id.check.test(d, nd)) {
        continue;
      }
      boolean cue = id.cues.near(h, start, end);
      if (cue || laidOut && id.standAlone) {
        h.emit(id.type, start, end, cue ? id.cueScore : id.score, id.message);
        return true;
      }
    }
    return false;
  }

  /**
   * Rows whose validator is a layout, range or birth date, not a check digit: never reported bare
   * (see {@link #bare}).
   */
  static final java.util.Set<NationalId> WITHOUT_CHECK_DIGIT = java.util.Collections.unmodifiableSet(
      java.util.EnumSet.of(DE_BSNR, DE_TAX_NUMBER, DE_TAX_NUMBER_11, DE_TAX_NUMBER_13, KR_RRN_2020, KR_FRN_2020,
          KR_DRIVER_LICENSE, NG_NIN, PH_TIN, PH_TIN_BRANCH));

  /**
   * Score of a bare compact number reported by the opt-in {@link PiiPatternDetector.Builder#bareCheckDigitIds}:
   * below the default policy's redaction threshold (0.5), so it is flagged there and redacted by the
   * strict one; Presidio scores such values 0.05-0.4.
   */
  static final double BARE_SCORE = 0.4;

  /**
   * The opt-in bare report: the first row with a check digit ({@link #WITHOUT_CHECK_DIGIT} left out)
   * whose digit count and validator fit the compact number {@code d[0, nd)}, without a cue word.
   * Returns whether one was reported.
   */
  static boolean bare(Hits h, int[] d, int nd, int start, int end) {
    if (nd < MIN_DIGITS || nd > MAX_DIGITS) {
      return false;
    }
    for (NationalId id : ALL) {
      if (id.digits == nd && id.check != null && !WITHOUT_CHECK_DIGIT.contains(id) && id.check.test(d, nd)) {
        h.emit(id.type, start, end, BARE_SCORE, id.type.name() + " (bare, check valid)");
        return true;
      }
    }
    return false;
  }

  /**
   * A US bank account number: one group of 8 to 17 digits with a bank-account cue near it (there is
   * no check digit, and any other long number would pass).
   */
  static boolean bank(Hits h, int nd, int groups, int start, int end) {
    if (groups != 1 || nd < 8 || nd > 17 || !BANK_CTX.near(h, start, end)) {
      return false;
    }
    h.emit(US_BANK_NUMBER, start, end, 0.8, "US_BANK_NUMBER (context)");
    return true;
  }

  private boolean layout(int[] lens, int groups) {
    if (layouts == null) {
      return false;
    }
    for (int[] l : layouts) {
      if (l.length == groups) {
        boolean same = true;
        for (int k = 0; k < groups && same; k++) {
          same = l[k] == lens[k];
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }
}
