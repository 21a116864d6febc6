package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.isLetterOrDigit;

import dev.guardrails.Category;
import dev.guardrails.FindingType;

/**
 * Country-specific identifiers that mix letters and digits, reached from the token half of the
 * scanner ({@link Tokens}) by word length: Singapore NRIC/FIN (9), UK passport (9, after a cue),
 * German ID card (9 or 10 with its check digit, after a cue), German VAT ID (DE + 9 digits),
 * German health-insurance number (10), German pension insurance number (12), UK vehicle
 * registration (4 + 3 or 7),
 * Indian PAN and voter ID (10), Singapore UEN (9, 10), US Medicare Beneficiary Identifier (11, or
 * 4-3-4 with dashes), Indian GSTIN (15), Italian fiscal code and UK driving licence (16), UK
 * postcode (outward code of 2-4, inward code of 3), Finnish personal identity code (6 digits +
 * century sign). Each entry: its type, its validator in {@link IdChecks}, its cue words and
 * scores, in one place; every check starts with a length and first-character test.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class IdTokens {

  private IdTokens() {}

  static final FindingType SG_NRIC_FIN = pii("SG_NRIC_FIN");
  static final FindingType IN_PAN = pii("IN_PAN");
  static final FindingType IN_VOTER = pii("IN_VOTER");
  static final FindingType IN_PASSPORT = pii("IN_PASSPORT");
  static final FindingType IT_FISCAL_CODE = pii("IT_FISCAL_CODE");
  static final FindingType FI_HETU = pii("FI_HETU");
  static final FindingType UK_PASSPORT = pii("UK_PASSPORT");
  static final FindingType UK_DRIVING_LICENCE = pii("UK_DRIVING_LICENCE");
  static final FindingType UK_POSTCODE = pii("UK_POSTCODE");
  static final FindingType US_MBI = pii("US_MBI");
  static final FindingType SG_UEN = pii("SG_UEN");
  static final FindingType IN_GSTIN = pii("IN_GSTIN");
  static final FindingType DE_ID_CARD = pii("DE_ID_CARD");
  static final FindingType DE_VAT_ID = pii("DE_VAT_ID");
  static final FindingType DE_HEALTH_INSURANCE = pii("DE_HEALTH_INSURANCE");
  static final FindingType DE_SOCIAL_SECURITY = pii("DE_SOCIAL_SECURITY");
  static final FindingType UK_VEHICLE_REGISTRATION = pii("UK_VEHICLE_REGISTRATION");
  // issue 15, part A (ids)
  static final FindingType KR_PASSPORT = pii("KR_PASSPORT");
  static final FindingType ES_PASSPORT = pii("ES_PASSPORT");
  static final FindingType IT_PASSPORT = pii("IT_PASSPORT");
  static final FindingType IT_IDENTITY_CARD = pii("IT_IDENTITY_CARD");
  static final FindingType IT_DRIVER_LICENSE = pii("IT_DRIVER_LICENSE");
  static final FindingType IN_VEHICLE_REGISTRATION = pii("IN_VEHICLE_REGISTRATION");
  static final FindingType NG_VEHICLE_REGISTRATION = pii("NG_VEHICLE_REGISTRATION");
  static final FindingType TR_LICENSE_PLATE = pii("TR_LICENSE_PLATE");
  /** The types of part A, in one place for {@link #TYPES}. */
  private static final java.util.Set<FindingType> TYPES_A = java.util.Set.of(KR_PASSPORT, ES_PASSPORT, IT_PASSPORT,
      IT_IDENTITY_CARD, IT_DRIVER_LICENSE, IN_VEHICLE_REGISTRATION, NG_VEHICLE_REGISTRATION, TR_LICENSE_PLATE);

  /** Every type reported here. */
  static final java.util.Set<FindingType> TYPES = union(java.util.Set.of(SG_NRIC_FIN, IN_PAN, IN_VOTER, IN_PASSPORT,
      IT_FISCAL_CODE, FI_HETU, UK_PASSPORT, UK_DRIVING_LICENCE, UK_POSTCODE, US_MBI, SG_UEN, IN_GSTIN,
      DE_ID_CARD, DE_VAT_ID, DE_HEALTH_INSURANCE, DE_SOCIAL_SECURITY, UK_VEHICLE_REGISTRATION), TYPES_A);

  private static java.util.Set<FindingType> union(java.util.Set<FindingType> a, java.util.Set<FindingType> b) {
    java.util.Set<FindingType> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return java.util.Set.copyOf(u);
  }

  /** Cues of the Swedish personnummer, its 10- and 12-digit rows alike. */
  static final Context SE_CTX = Context.of("personnummer", "personnr", "pnr", "samordningsnummer", "swedish", "sweden",
      "personal identity");
  /** Cues of the Korean RRN, the check-digit row and the post-2020 row alike. */
  static final Context KR_CTX = Context.of("rrn", "resident registration", "korean", "korea", "jumin");
  static final Context SG_CTX = Context.of("nric", "fin", "singapore", "ic", "identity card");
  static final Context PAN_CTX = Context.of("pan", "permanent account number", "income tax");
  static final Context VOTER_CTX = Context.of("voter", "voters", "vote", "epic", "election", "electoral");
  static final Context CF_CTX = Context.of("codice fiscale", "fiscal code", "cf", "tax code", "codice");
  static final Context HETU_CTX = Context.of("henkilötunnus", "hetu", "personal identity code", "finnish", "finland",
      "sotu");
  /** Cues of a UK passport number (two letters and seven digits are reported only next to one). */
  static final Context UK_PASSPORT_CTX = Context.of("passport", "passports", "passport no", "passport number",
      "hm passport office", "hmpo");
  static final Context UK_DL_CTX = Context.of("driving licence", "driving license", "driver licence", "licence",
      "license", "dvla", "driver number");
  static final Context POSTCODE_CTX = Context.of("postcode", "postcodes", "post code", "postal code", "address");
  static final Context MBI_CTX = Context.of("mbi", "medicare", "beneficiary", "medicare id", "medicare number");
  static final Context UEN_CTX = Context.of("uen", "unique entity number", "acra", "registration number",
      "company registration", "business registration", "singapore");
  /** Cues of a Personalausweis number (nine chars of digits and consonants are reported only next to one). */
  static final Context DE_ID_CTX = Context.of("personalausweis", "personalausweisnummer", "ausweis", "ausweisnummer",
      "ausweis nr", "german id", "german identity card", "identity card", "id card", "dokumentennummer");
  static final Context DE_VAT_CTX = Context.of("ust-idnr", "ust idnr", "ustidnr", "ust-id", "ust id", "umsatzsteuer",
      "umsatzsteuer-identifikationsnummer", "vat", "vat id", "vat number", "vat no");
  static final Context KVNR_CTX = Context.of("kvnr", "krankenversichertennummer", "versichertennummer", "krankenkasse",
      "egk", "egk-nummer", "health insurance", "versicherungsnummer");
  static final Context RVNR_CTX = Context.of("rvnr", "versicherungsnummer", "rentenversicherungsnummer",
      "sozialversicherungsnummer", "sozialversicherungsausweis", "svnr", "social security", "rentenversicherung");
  static final Context PLATE_CTX = Context.of("reg", "registration", "number plate", "plate", "plates", "vehicle",
      "vehicles", "car", "vrm", "registration number");
  static final Context GSTIN_CTX = Context.of("gstin", "gstins", "gst", "gst number", "goods and services tax");
  // issue 15, part A (ids): cue words of the Korean, Spanish, Italian IDs and the IN, NG, TR plates
  static final Context KR_FRN_CTX = Context.of("frn", "foreigner registration", "foreign registration",
      "alien registration", "registration card", "외국인등록번호", "외국인등록", "외국인", "korean", "korea");
  /** A passport cue in any of our languages (the value's shape or a country word names the country). */
  static final Context PASSPORT_ANY_CTX = Context.of("passport", "passports", "passport no", "passport number",
      "pasaporte", "pasaportes", "passaporto", "passaporti", "여권", "여권번호");
  /** Country words that name a passport's issuer where two countries share its layout. */
  static final Context KR_COUNTRY_CTX = Context.of("korean", "korea", "south korea", "republic of korea",
      "대한민국", "한국", "여권", "여권번호");
  static final Context IT_COUNTRY_CTX = Context.of("italian", "italy", "italia", "italiano", "italiana",
      "passaporto", "repubblica italiana");
  static final Context UK_COUNTRY_CTX = Context.of("uk", "british", "united kingdom", "great britain", "gb",
      "hm passport office", "hmpo");
  static final Context IT_ID_CTX = Context.of("carta d'identità", "carta d’identità", "carta d'identita",
      "carta di identità", "carta di identita", "carta identità", "documento d'identità", "cie",
      "italian identity card", "italian id card", "italian id");
  static final Context IT_DL_CTX = Context.of("patente", "patente di guida", "numero patente", "driving licence",
      "driving license", "driver license", "driver's license", "drivers license", "licence", "license");
  static final Context IN_PLATE_CTX = Context.of("registration number", "registration", "reg", "vehicle number",
      "vehicle", "number plate", "plate", "car", "bike", "scooter", "motorcycle", "truck", "rc");
  static final Context NG_PLATE_CTX = Context.of("plate number", "plate", "plates", "number plate", "registration",
      "vehicle", "car", "frsc");
  static final Context TR_PLATE_CTX = Context.of("plaka", "plakası", "plakasi", "plakalı", "plaka numarası",
      "plaka no", "araç", "aracın", "license plate", "licence plate", "number plate", "plate", "plates",
      "registration", "vehicle");

  private static FindingType pii(String name) {
    return FindingType.of(Category.PII, name);
  }

  /** A word {@code s[i, we)} that starts with a letter: returns its end if an ID was reported, else -1. */
  static int letterWord(Hits h, int i, int we) {
    String s = h.s;
    int len = we - i;
    if (len == 9 && IdChecks.sgNric(s, i) && sameCase(s, i, we)) {
      boolean cue = SG_CTX.near(h, i, we);
      if (cue || Tokens.isUpper(s.charAt(i))) {
        h.emit(SG_NRIC_FIN, i, we, cue ? 0.95 : 0.85, "SG_NRIC_FIN (check letter valid)");
        return we;
      }
      return -1;
    }
    if (len == 9) {
      int e = itDocument(h, i, we);
      e = e > 0 ? e : ukPassport(h, i, we);
      e = e > 0 ? e : deIdCard(h, i, we);
      return e > 0 ? e : passportA(h, i, we);
    }
    if (len == 10) {
      if (IdChecks.inPanShape(s, i)) {
        // the holder-kind letter is required unless a PAN cue announces the value
        boolean cue = PAN_CTX.near(h, i, we);
        if (!cue && !IdChecks.inPan(s, i)) {
          return -1;
        }
        h.emit(IN_PAN, i, we, cue ? 0.95 : 0.75, "IN_PAN (shape, holder kind)");
        return we;
      }
      if (voter(s, i) && VOTER_CTX.near(h, i, we)) {
        h.emit(IN_VOTER, i, we, 0.85, "IN_VOTER (context)");
        return we;
      }
      int e = uen(h, i, we);
      e = e > 0 ? e : deIdCard(h, i, we);
      e = e > 0 ? e : kvnr(h, i, we);
      return e > 0 ? e : itDriverLicence(h, i, we);
    }
    if (len == 16 && IdChecks.itFiscalCode(s, i)) {
      h.emit(IT_FISCAL_CODE, i, we, CF_CTX.near(h, i, we) ? 1.0 : 0.9, "IT_FISCAL_CODE (check letter valid)");
      return we;
    }
    if (len == 16 && IdChecks.ukDrivingLicence(s, i)) {
      h.emit(UK_DRIVING_LICENCE, i, we, UK_DL_CTX.near(h, i, we) ? 0.95 : 0.85, "UK_DRIVING_LICENCE (layout, birth date)");
      return we;
    }
    return -1;
  }

  /**
   * A word {@code s[i, we)} that starts with a digit and holds a letter: a Singapore UEN ({@code
   * 53125226D}, {@code 201434292D}), a Medicare Beneficiary Identifier ({@code 1EG4TE5MK73}, or its
   * first group {@code 1EG4} before {@code -TE5-MK73}) or a GSTIN ({@code 27AAPFU0939F1ZV}); returns
   * its end if reported, else -1.
   */
  static int mixedDigitWord(Hits h, int i, int we) {
    int len = we - i;
    if (len == 9 || len == 10) {
      return uen(h, i, we);
    }
    if (len == 11 || len == 4 && we < h.s.length() && h.s.charAt(we) == '-') {
      return mbi(h, i, we);
    }
    if (len == 12 && IdChecks.deRvnr(h.s, i)) {
      h.emit(DE_SOCIAL_SECURITY, i, we, RVNR_CTX.near(h, i, we) ? 0.95 : 0.85, "DE_SOCIAL_SECURITY (birth date, check digit)");
      return we;
    }
    if (len == 15 && IdChecks.inGstin(h.s, i)) {
      h.emit(IN_GSTIN, i, we, GSTIN_CTX.near(h, i, we) ? 0.95 : 0.9, "IN_GSTIN (check char valid)");
      return we;
    }
    return -1;
  }

  /** A Singapore UEN {@code s[i, we)} of 9 or 10 chars, upper case, check letter valid: returns its end or -1. */
  private static int uen(Hits h, int i, int we) {
    String s = h.s;
    if (!Tokens.isUpper(s.charAt(we - 1)) || !IdChecks.sgUen(s, i, we - i)) {
      return -1;
    }
    h.emit(SG_UEN, i, we, UEN_CTX.near(h, i, we) ? 0.95 : 0.75, "SG_UEN (check letter valid)");
    return we;
  }

  /**
   * A Medicare Beneficiary Identifier at {@code s[i, ...)}: 11 chars compact, or 4-3-4 joined by
   * dashes; one case. The dashed form and the upper-case compact form stand alone; a lower-case
   * compact one needs a cue. Returns its end if reported, else -1.
   */
  private static int mbi(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    boolean dashed = we - i == 4;
    int end = dashed ? i + 13 : we;
    if (end > n || end < n && (isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-')
        || dashed && s.charAt(i + 8) != '-') {
      return -1;
    }
    boolean upper = true;
    boolean lower = true;
    char[] v = new char[11];
    int k = 0;
    for (int p = i; p < end; p++) {
      char c = s.charAt(p);
      if (dashed && (p == i + 4 || p == i + 8)) {
        continue;
      }
      if (!isLetterOrDigit(c)) {
        return -1;
      }
      upper &= !Tokens.isLower(c);
      lower &= !Tokens.isUpper(c);
      v[k++] = Tokens.isLower(c) ? (char) (c - 32) : c;
    }
    if (!upper && !lower || !IdChecks.usMbi(v)) {
      return -1;
    }
    boolean cue = MBI_CTX.near(h, i, end);
    if (!cue && !dashed && !upper) {
      return -1;
    }
    h.emit(US_MBI, i, end, cue ? 0.95 : 0.8, "US_MBI (layout)");
    return end;
  }

  /**
   * A German VAT ID starting at {@code s[i]} ({@code DE} or {@code de}), the word {@code s[i, we)}
   * being {@code DE136695976} or {@code DE} before a separator and nine digits ({@code DE 136 695
   * 976}, {@code DE-136695976}, groups of three joined by space, dash or dot): returns its end if
   * reported, else -1.
   */
  static int deVat(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    if (!(a == 'D' && b == 'E' || a == 'd' && b == 'e')) {
      return -1;
    }
    int[] d = h.digits();
    int p = i + 2;
    if (we - i == 2) {
      if (p + 10 > n || s.charAt(p) != ' ' && s.charAt(p) != '-' && s.charAt(p) != '.') {
        return -1;
      }
      p++;
    } else if (we - i != 11) {
      return -1;
    }
    int nd = 0;
    int groupLen = 0;
    while (p < n && nd < 9) {
      char c = s.charAt(p);
      if (PiiPatternDetector.isDigit(c)) {
        d[nd++] = c - '0';
        groupLen++;
        p++;
      } else if ((c == ' ' || c == '-' || c == '.') && groupLen == 3 && (nd == 3 || nd == 6) && we - i == 2) {
        groupLen = 0;
        p++;
      } else {
        break;
      }
    }
    if (nd != 9 || p < n && isLetterOrDigit(s.charAt(p)) || !IdChecks.deVat(d, 9)) {
      return -1;
    }
    h.emit(DE_VAT_ID, i, p, DE_VAT_CTX.near(h, i, p) ? 0.95 : 0.85, "DE_VAT_ID (check digit valid)");
    return p;
  }

  /**
   * A German health-insurance number {@code s[i, we)} (a letter and nine digits, check digit
   * valid): upper case alone, lower case next to a cue. Returns its end if reported, else -1.
   */
  private static int kvnr(Hits h, int i, int we) {
    String s = h.s;
    boolean upper = Tokens.isUpper(s.charAt(i));
    if (!IdChecks.deKvnr(s, i)) {
      return -1;
    }
    boolean cue = KVNR_CTX.near(h, i, we);
    if (!cue && !upper) {
      return -1;
    }
    h.emit(DE_HEALTH_INSURANCE, i, we, cue ? 0.95 : 0.75, "DE_HEALTH_INSURANCE (check digit valid)");
    return we;
  }

  /**
   * A Personalausweis number {@code s[i, we)} (nine chars, or ten with the check digit, upper case)
   * next to an ID-card cue: returns its end if reported, else -1.
   */
  private static int deIdCard(Hits h, int i, int we) {
    if (!IdChecks.deIdCard(h.s, i, we - i) || !DE_ID_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(DE_ID_CARD, i, we, we - i == 10 ? 0.9 : 0.8, "DE_ID_CARD (context)");
    return we;
  }

  /** Two letters and seven digits, one case, next to a passport cue ({@code s[i, we)}, 9 chars). */
  private static int ukPassport(Hits h, int i, int we) {
    String s = h.s;
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    if (!(Tokens.isUpper(a) && Tokens.isUpper(b) || Tokens.isLower(a) && Tokens.isLower(b))
        || !Tokens.allDigits(s, i + 2, we) || !UK_PASSPORT_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(UK_PASSPORT, i, we, 0.85, "UK_PASSPORT (context)");
    return we;
  }

  /**
   * A UK vehicle registration in the current format whose first half is the word {@code s[i, we)}:
   * {@code AB51 ABC}, {@code AB51-ABC} or compact {@code AB51ABC}; one case. Returns its end if
   * reported, else -1.
   */
  static int ukPlate(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    int end;
    if (len == 7) {
      end = we;
    } else if (len == 4 && we + 4 <= n && (s.charAt(we) == ' ' || s.charAt(we) == '-')
        && (we + 4 == n || !isLetterOrDigit(s.charAt(we + 4)) && s.charAt(we + 4) != '-')) {
      end = we + 4;
    } else {
      return -1;
    }
    char[] v = new char[7];
    boolean upper = Tokens.isUpper(s.charAt(i));
    for (int p = i, k = 0; p < end; p++) {
      if (p == we && len == 4) {
        continue;
      }
      char c = s.charAt(p);
      if (!upper && Tokens.isUpper(c) || upper && Tokens.isLower(c)) {
        return -1;
      }
      v[k++] = Tokens.isLower(c) ? (char) (c - 32) : c;
    }
    if (!IdChecks.ukPlate(v)) {
      return -1;
    }
    h.emit(UK_VEHICLE_REGISTRATION, i, end, PLATE_CTX.near(h, i, end) ? 0.9 : 0.7, "UK_VEHICLE_REGISTRATION (layout)");
    return end;
  }

  /**
   * A UK postcode whose outward code is the word {@code s[i, we)} ({@code SW1A}, then a space and
   * {@code 1AA}), or the whole postcode written without the space ({@code SW1A1AA}); {@code GIR
   * 0AA} too. Upper case; returns its end if reported, else -1.
   */
  static int postcode(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    int end;
    if (len >= 5 && IdChecks.ukInward(s, we - 3)
        && (IdChecks.ukOutward(s, i, we - 3) || len == 6 && s.startsWith("GIR0AA", i))) {
      end = we;
    } else if (we + 4 <= n && s.charAt(we) == ' ' && (we + 4 == n || !isLetterOrDigit(s.charAt(we + 4)))
        && IdChecks.ukInward(s, we + 1) && (IdChecks.ukOutward(s, i, we) || len == 3 && s.startsWith("GIR 0AA", i))) {
      end = we + 4;
    } else {
      return -1;
    }
    h.emit(UK_POSTCODE, i, end, POSTCODE_CTX.near(h, i, end) ? 0.9 : 0.7, "UK_POSTCODE (area, layout)");
    return end;
  }

  /**
   * A word {@code s[i, we)} of digits that may open a Finnish identity code ({@code 131052-308T},
   * {@code 010594Y9032}, {@code 131052A308T}): returns its end if reported, else -1.
   */
  static int digitWord(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    if (len != 6 && len != 11 || i + 11 > n || i + 11 < n && isLetterOrDigit(s.charAt(i + 11))
        || i > 0 && (s.charAt(i - 1) == '-' || s.charAt(i - 1) == '+')) {
      return -1;
    }
    if (len == 6 && s.charAt(we) != '-' && s.charAt(we) != '+') {
      return -1;
    }
    if (!IdChecks.fiHetu(s, i)) {
      return -1;
    }
    h.emit(FI_HETU, i, i + 11, HETU_CTX.near(h, i, i + 11) ? 0.95 : 0.85, "FI_HETU (check char valid)");
    return i + 11;
  }

  // ------------------------------------------------------------------ issue 15, part A (ids)

  /**
   * A 9-char word {@code s[i, we)} after or before a passport cue ({@link #PASSPORT_ANY_CTX}) in a
   * layout one country of ours uses: Korea's {@code M123A4567} (type letter, three digits, a letter,
   * four digits); Spain's three letters and six digits; Korea's older type letter and eight digits
   * when a Korean word is near (else the US layout: {@link Cues} reports it). Returns its end or -1.
   */
  private static int passportA(Hits h, int i, int we) {
    String s = h.s;
    int kr = IdChecks.krPassport(s, i);
    FindingType t = kr == 2 || kr == 1 && KR_COUNTRY_CTX.near(h, i, we) ? KR_PASSPORT
        : IdChecks.lettersDigits(s, i, 3) ? ES_PASSPORT : null;
    if (t == null || !PASSPORT_ANY_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(t, i, we, 0.85, t.name() + " (context)");
    return we;
  }

  /**
   * Whether {@link #letterWord} reports the value {@code s[start, end)} that follows a passport cue,
   * so that {@link Cues} leaves it alone: two letters and seven digits (UK, Italy), three letters and
   * six digits (Spain), Korea's layouts.
   */
  static boolean passportOwned(String s, int start, int end) {
    if (end - start != 9) {
      return false;
    }
    int kr = IdChecks.krPassport(s, start);
    return kr == 2 || kr == 1 && KR_COUNTRY_CTX.near(s, start, end) || IdChecks.lettersDigits(s, start, 3)
        || IdChecks.lettersDigits(s, start, 2) && sameCase(s, start, start + 2);
  }

  /**
   * The type of a passport number {@code s[start, end)} that {@link Cues} found after a passport
   * cue and {@link #letterWord} does not report: a UK passport when it is nine digits (the UK's
   * format before 2020's two-letter numbers) and a UK word is near; a German passport when it has
   * the German serial's layout with a letter after the first char (no US layout has one); else
   * {@code generic} (the US passport type: a 9-digit number is the US book layout as well).
   */
  static FindingType passportType(String s, int start, int end, FindingType generic) {
    if (end - start == 9 && Tokens.allDigits(s, start, end) && UK_COUNTRY_CTX.near(s, start, end)) {
      return UK_PASSPORT;
    }
    return GermanIds.passportLayout(s, start, end) ? GermanIds.DE_PASSPORT : generic;
  }

  /**
   * An Italian document number {@code s[i, we)} of nine chars: an identity card (CIE {@code
   * CA12345AB}, or the paper card's two letters and seven digits) next to an identity-card cue, or a
   * passport (two letters and seven digits, the UK layout too) next to a passport cue and an Italian
   * word. Returns its end or -1.
   */
  private static int itDocument(Hits h, int i, int we) {
    String s = h.s;
    boolean twoSeven = IdChecks.lettersDigits(s, i, 2) && sameCase(s, i, i + 2);
    if ((twoSeven || IdChecks.itCie(s, i)) && IT_ID_CTX.near(h, i, we)) {
      h.emit(IT_IDENTITY_CARD, i, we, 0.85, "IT_IDENTITY_CARD (context)");
      return we;
    }
    if (twoSeven && IT_COUNTRY_CTX.near(h, i, we) && PASSPORT_ANY_CTX.near(h, i, we)) {
      h.emit(IT_PASSPORT, i, we, 0.85, "IT_PASSPORT (context)");
      return we;
    }
    return -1;
  }

  /** An Italian driving licence number {@code s[i, we)} (10 chars) next to a licence cue: returns its end or -1. */
  private static int itDriverLicence(Hits h, int i, int we) {
    if (!IdChecks.itDriverLicence(h.s, i) || !IT_DL_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(IT_DRIVER_LICENSE, i, we, 0.85, "IT_DRIVER_LICENSE (layout, context)");
    return we;
  }

  /**
   * An Indian registration mark {@code s[i, we)} (compact, upper case, 7-11 chars: {@code
   * KA53ME3456}) next to a vehicle cue: returns its end or -1.
   */
  static int inPlate(Hits h, int i, int we) {
    if (!IdChecks.inPlate(h.s, i, we - i) || !IN_PLATE_CTX.near(h, i, we)) {
      return -1;
    }
    h.emit(IN_VEHICLE_REGISTRATION, i, we, 0.85, "IN_VEHICLE_REGISTRATION (layout, context)");
    return we;
  }

  /**
   * A Nigerian number plate (FRSC, 2011 series: the three-letter local government code, three
   * digits, two letters; {@code APP-456CV}, {@code APP 456CV}, {@code APP456CV}) whose first part is
   * the word {@code s[i, we)}; one case; next to a vehicle cue. Returns its end or -1.
   */
  static int ngPlate(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    int d; // where the three digits start
    if (len == 8) {
      d = i + 3;
    } else if (len == 3 && we + 6 <= n && (s.charAt(we) == '-' || s.charAt(we) == ' ')) {
      d = we + 1;
    } else {
      return -1;
    }
    int end = d + 5;
    if (end > n || end < n && (isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-')
        || i > 0 && s.charAt(i - 1) == '-') {
      return -1;
    }
    boolean upper = Tokens.isUpper(s.charAt(i));
    for (int k = 0; k < 8; k++) {
      char c = s.charAt(k < 3 ? i + k : d + k - 3);
      boolean ok = k >= 3 && k < 6 ? PiiPatternDetector.isDigit(c) : upper ? Tokens.isUpper(c) : Tokens.isLower(c);
      if (!ok) {
        return -1;
      }
    }
    if (!NG_PLATE_CTX.near(h, i, end)) {
      return -1;
    }
    h.emit(NG_VEHICLE_REGISTRATION, i, end, 0.85, "NG_VEHICLE_REGISTRATION (layout, context)");
    return end;
  }

  /**
   * A Turkish licence plate starting with the province code at {@code s[i]}: {@code 34 ABC 1234}
   * (single spaces), or compact {@code 34ABC1234} (the word {@code s[i, we)}); letters of one case;
   * next to a vehicle cue. Returns its end or -1.
   */
  static int trPlate(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    if (i > 0 && (s.charAt(i - 1) == '-' || s.charAt(i - 1) == '.')) {
      return -1;
    }
    boolean spaced = we - i == 2;
    if (spaced && (we + 1 >= n || s.charAt(we) != ' ')) {
      return -1;
    }
    int p = spaced ? we + 1 : i + 2;
    int ls = p;
    while (p < n && p - ls < 4 && Tokens.isLetter(s.charAt(p))) {
      p++;
    }
    int nl = p - ls;
    if (nl == 0 || !sameCase(s, ls, p) || spaced && (p >= n || s.charAt(p) != ' ')) {
      return -1;
    }
    if (spaced) {
      p++;
    }
    int ds = p;
    while (p < n && p - ds < 6 && PiiPatternDetector.isDigit(s.charAt(p))) {
      p++;
    }
    if (p < n && isLetterOrDigit(s.charAt(p)) || !spaced && p != we) {
      return -1;
    }
    int province = (s.charAt(i) - '0') * 10 + s.charAt(i + 1) - '0';
    if (!IdChecks.trPlate(province, s, ls, nl, p - ds) || !TR_PLATE_CTX.near(h, i, p)) {
      return -1;
    }
    h.emit(TR_LICENSE_PLATE, i, p, 0.85, "TR_LICENSE_PLATE (layout, context)");
    return p;
  }

  /** EPIC (Election Commission of India): three upper-case letters and seven digits. */
  private static boolean voter(String s, int i) {
    for (int k = 0; k < 10; k++) {
      char c = s.charAt(i + k);
      if (k < 3 ? !Tokens.isUpper(c) : !PiiPatternDetector.isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameCase(String s, int i, int we) {
    boolean upper = Tokens.isUpper(s.charAt(i));
    return (upper ? Tokens.isUpper(s.charAt(we - 1)) : Tokens.isLower(s.charAt(we - 1)));
  }
}
