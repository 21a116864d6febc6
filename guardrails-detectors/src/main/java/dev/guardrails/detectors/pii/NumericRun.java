package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.*;

import dev.guardrails.FindingType;

/**
 * The numeric half of the scanner: collects one run of digit groups joined by single separators
 * ({@code (555) 123-4567}, {@code 4111 1111 1111 1111}, {@code 10.0.0.1}, {@code 4 1 1 1 ...}),
 * then feeds the run, and if nothing matches its sub-runs, to the numeric validators once each:
 * IPv4, card (Luhn + issuer), SSN, SIN, Aadhaar (Verhoeff), NHS (mod 11), ABA (3-7-1), passport,
 * phone (libphonenumber).
 *
 * <p>A single line break may wrap a run ({@code "4111 1111\n1111 1111"}): the whole run is then
 * tried as a payment card only (issuer, length and Luhn must all agree across the break), else the
 * two lines are classified as separate runs, as before. A single-group run whose original was
 * disguised (letter-spaced, with zero-width characters or entities: {@link Hits#disguised}) counts
 * as shaped: nine digits that pass the SSN rules are an SSN, and a number that is valid only
 * with a leading '+' is an international phone number.
 *
 * <p>One instance per scan at a time, kept per thread ({@link ScanScratch}); not thread-safe.
 */
final class NumericRun {

  private static final int MAX_GROUPS = ScanScratch.MAX_GROUPS;
  private static final int MAX_GROUP_DIGITS = 19;
  /**
   * libphonenumber checks allowed per run: the sub-run search is quadratic in the groups (at most
   * 20), and a run of single spaced digits would otherwise cost thousands of parses.
   */
  private static final int PHONE_BUDGET = 8;

  /** Words that make a grouped number a code rather than an ID (a coupon or promo code, a PIN). */
  private static final Context CODE_CTX = Context.of("code", "codes", "promo", "coupon", "voucher", "pin");

  private Hits h;
  private String s;
  private final int[] gs;
  private final int[] ge;
  private final char[] sep;
  private final int[] lens;
  private int g;
  private int runStart;
  private boolean plus;
  private int wrap; // index of the group after a wrapping line break, or 0
  private boolean cardOnly;
  private int phoneBudget;
  /**
   * Set by {@link #classify} when its groups form a whole value of a known structure (a dotted quad
   * of bytes, a Luhn-valid number in a registered card range) that it did not report, for context:
   * such a run is not searched for sub-runs ("1111 1111 1111" out of a card, "192.168.216" out of an
   * address are not phone numbers).
   */
  private boolean explained;
  private int negStart = -1;
  private int negEnd;
  private boolean negValue;

  private final ScanScratch scratch;

  NumericRun(Hits h, ScanScratch scratch) {
    this.scratch = scratch;
    this.gs = scratch.gs;
    this.ge = scratch.ge;
    this.sep = scratch.sep;
    this.lens = scratch.lens;
    reuse(h);
  }

  /** Starts over for the scan of {@code h}'s text, as a fresh instance would (kept per thread by {@link ScanScratch}). */
  NumericRun reuse(Hits h) {
    this.h = h;
    this.s = h.s;
    scratch.groups();
    g = 0;
    runStart = 0;
    plus = false;
    wrap = 0;
    cardOnly = false;
    phoneBudget = 0;
    explained = false;
    negStart = -1;
    negEnd = 0;
    negValue = false;
    return this;
  }

  /** Drops the references to the scanned text. */
  void forget() {
    h = null;
    s = null;
  }

  /** Scans the run starting at {@code i} (a digit, '+' or '('), reports what validates, returns the run's end. */
  int scan(int i) {
    int n = s.length();
    int p = i;
    runStart = i;
    plus = false;
    if (s.charAt(p) == '+') {
      plus = true;
      p++;
    }
    if (p < n && s.charAt(p) == '(') {
      p++;
    }
    g = 0;
    wrap = 0;
    while (p < n && isDigit(s.charAt(p))) {
      int start = p;
      while (p < n && isDigit(s.charAt(p))) {
        p++;
      }
      if (p - start > MAX_GROUP_DIGITS) {
        return p; // a long digit string: no entity here
      }
      gs[g] = start;
      ge[g] = p;
      g++;
      if (g == MAX_GROUPS) {
        break;
      }
      int q = p;
      while (q < n && q - p < 3 && isSep(s.charAt(q))) {
        q++;
      }
      if (q == p && wrap == 0 && g > 1 && p + 1 < n && isDigit(s.charAt(p + 1)) && h.text.singleLineBreak(p)) {
        wrap = g; // "4111 1111\n1111 1111": a wrapped line inside the run
        sep[g] = sep[g - 1];
        p++;
        continue;
      }
      if (q == p || q >= n || !isDigit(s.charAt(q))) {
        break;
      }
      if (g == 4 && (s.charAt(p) == '/' || s.charAt(p) == '.') && sep[1] == '.' && sep[2] == '.' && sep[3] == '.'
          && IpAddresses.quad(s, gs, ge, 0)) {
        break; // a dotted quad, then a CIDR prefix or a fifth number: the quad is judged on its own
      }
      char kind = sepKind(p, q);
      if (kind == 0) {
        break;
      }
      sep[g] = kind;
      p = q;
    }
    int end = ge[g - 1];
    // the last group is dropped when glued to letters (an alphanumeric token, which the token path
    // handles) or when it is a clock time's hour ("2000-04-16 11:34:35", "call 555 0199 10:30")
    if (end < n && isLetterOrDigit(s.charAt(end)) && !isExtension(end)
        || end + 1 < n && s.charAt(end) == ':' && isDigit(s.charAt(end + 1))) {
      if (g == 1) {
        return end;
      }
      g--;
      if (wrap >= g) {
        wrap = 0;
      }
    }
    if (g > 0 && runStart >= h.lastEnd) {
      classifyRun();
    }
    return end;
  }

  private void classifyRun() {
    phoneBudget = PHONE_BUDGET;
    if (wrap > 0) {
      cardOnly = true;
      boolean card = classify(0, g - 1);
      cardOnly = false;
      if (!card) {
        classifyRange(0, wrap - 1);
        classifyRange(wrap, g - 1);
      }
      return;
    }
    if (singleDigits()) {
      classify(0, g - 1); // letter-spaced digits: the whole run or nothing (sub-runs would be quadratic)
      return;
    }
    classifyRange(0, g - 1);
  }

  /** Classifies groups {@code [lo, hi]} as one run: the whole, else its longest valid sub-runs. */
  private void classifyRange(int lo, int hi) {
    if (classify(lo, hi) || hi - lo < 2 || explained) {
      return;
    }
    int a = lo;
    while (a <= hi) {
      boolean found = false;
      for (int b = hi; b >= a && !found; b--) {
        if (!(a == lo && b == hi) && !cutsToken(a, b, lo, hi)) {
          found = classify(a, b);
          if (found) {
            a = b + 1;
          }
        }
      }
      if (!found) {
        a++;
      }
    }
  }

  /**
   * True when sub-run {@code [a, b]} of {@code [lo, hi]} cuts a token that '-' or '.' joins on
   * either side: "078-051121 07805-1121" is two tokens, not "078-051121 07805", and a piece of
   * one token ("123-456-001" of "000-123-456-001", "532.123.45" of "532.123.45.67") is never
   * reported alone, since redacting it would leave the rest of the value visible.
   */
  private boolean cutsToken(int a, int b, int lo, int hi) {
    return (a > lo && (sep[a] == '-' || sep[a] == '.')) || (b < hi && (sep[b + 1] == '-' || sep[b + 1] == '.'));
  }

  /**
   * True when every group is one digit ({@code 1 1 1 1 ...}): letter-spaced digits are judged as
   * a whole (the normalizer already joins runs of 9 to 40 of them), not searched for sub-runs,
   * which cost O(groups^2) phone validations per run and made "1 1 1 ..." hundreds of ms per KB.
   */
  private boolean singleDigits() {
    for (int k = 0; k < g; k++) {
      if (ge[k] - gs[k] != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link PiiPatternDetector#NEGATIVE} context (order, invoice, version...) is near the
   * candidate {@code s[start, end)}: looked up once per candidate (the last one is remembered), and
   * only when a rule reads it.
   */
  private boolean neg(int start, int end) {
    if (negStart != start || negEnd != end) {
      negValue = NEGATIVE.near(h, start, end);
      negStart = start;
      negEnd = end;
    }
    return negValue;
  }

  /** Tries the validators on groups {@code [a, b]}; reports and returns true on the first that passes. */
  private boolean classify(int a, int b) {
    explained = false;
    int start = a == 0 ? runStart : gs[a];
    if (start < h.lastEnd) {
      return false;
    }
    int end = ge[b];
    int[] d = h.digits();
    int nd = 0;
    char uniform = 0;
    boolean allLen1 = true;
    for (int k = a, past = b + 1; k < past; k++) {
      if (nd + ge[k] - gs[k] > d.length) {
        return false; // more digits than any entity has (20 groups may hold 380)
      }
      for (int p = gs[k]; p < ge[k]; p++) {
        d[nd++] = s.charAt(p) - '0';
      }
      allLen1 &= ge[k] - gs[k] == 1;
      if (k > a) {
        uniform = k == a + 1 ? sep[k] : (uniform == sep[k] ? uniform : 'm');
      }
    }
    boolean plusHere = plus && a == 0;
    if (a == 0 && !plus && start < gs[0]) {
      start = gs[0] - 1; // leading '('
    }
    int groups = b - a + 1;
    if (groups == 4 && uniform == '.') {
      boolean quad = IpAddresses.quad(s, gs, ge, a);
      boolean ip = quad && IpAddresses.v4(h, gs, ge, a, start, end);
      explained = quad && !ip;
      if (quad || !phoneGroups(a, b)) {
        return ip;
      }
      // not a byte quad, and grouped as phone numbers are ("532.123.45.67"): tried as a phone below
    }
    if (uniform == '/' && !plusHere && nd >= NationalId.MIN_DIGITS && nd <= NationalId.MAX_DIGITS) {
      // slashes: a date or fraction, unless a slashed ID layout next to its cue (Steuernummer 181/815/08155)
      for (int k = a, past = b + 1; k < past; k++) {
        lens[k - a] = ge[k] - gs[k];
      }
      return NationalId.find(h, d, nd, lens, groups, uniform, start, end);
    }
    if (uniform == '/' || uniform == '.' && groups == 3 && ge[b] - gs[b] == 4 && ge[a] - gs[a] <= 2
        || uniform == '.' && groups == 2 || groups == 3 && (uniform == '-' || uniform == '.') && (isoDate(a) || dayMonthYear(a))) {
      return false; // dates, decimals and fractions; a date of birth is found from its cue word
    }
    if (nd < 7) {
      return false; // shorter than any phone number or ID: years, amounts, counts
    }
    if (nd >= NationalId.MIN_DIGITS && nd <= NationalId.MAX_DIGITS && !plusHere) {
      for (int k = a, past = b + 1; k < past; k++) {
        lens[k - a] = ge[k] - gs[k];
      }
      if (NationalId.find(h, d, nd, lens, groups, uniform, start, end)) {
        return true;
      }
    }
    int issuer = !plusHere && nd >= 12 && nd <= 19 && cardShape(a, b, uniform, allLen1)
        ? NumberRules.cardIssuer(d, nd) : NumberRules.NO_ISSUER;
    if (issuer != NumberRules.NO_ISSUER) {
      boolean ctx = CARD_CTX.near(h, start, end);
      // a registered issuer range stands on its own unless negative context speaks against it;
      // a block or legacy range needs a card word nearby
      if (issuer == NumberRules.REGISTERED ? ctx || !neg(start, end) : ctx) {
        double base = issuer == NumberRules.REGISTERED ? 0.85 : 0.75;
        h.emit(CREDIT_CARD, start, end, base + (ctx ? 0.1 : 0), "payment card number (issuer range, Luhn valid)");
        return true;
      }
      if (issuer == NumberRules.REGISTERED) {
        explained = true;
        return false;
      }
    }
    if (cardOnly) {
      return false;
    }
    if (nd == 9 && !plusHere) {
      if (nineDigits(d, a, b, uniform, start, end)) {
        return true;
      }
      if (groups == 3 && uniform != 'm' && shape(a, b, 3, 2, 4)) {
        return false; // SSN-shaped but not valid ("078-05-1120"): no phone number has this shape
      }
    }
    if (nd == 12 && !plusHere && (groups == 1 || shape(a, b, 4, 4, 4)) && d[0] >= 2 && Checksums.verhoeff(d, 12)) {
      boolean ctx = AADHAAR_CTX.near(h, start, end);
      if (ctx || (groups == 3 && uniform != 'm' && !neg(start, end))) {
        h.emit(IN_AADHAAR, start, end, ctx ? 0.9 : 0.6, "Aadhaar number (Verhoeff valid)");
        return true;
      }
    }
    if (nd == 10 && !plusHere && (groups == 1 || shape(a, b, 3, 3, 4)) && Checksums.nhs(d, 10)
        && NHS_CTX.near(h, start, end)) {
      h.emit(UK_NHS, start, end, 0.9, "NHS number (mod 11 valid)");
      return true;
    }
    if (!plusHere && NationalId.bank(h, nd, groups, start, end)) {
      return true;
    }
    if (NumberRules.counting(d, nd)) {
      return false; // 1234567890, 12345678901: the number forms fill in, whatever plan it fits (+1 234 567 8901)
    }
    if (phone(a, b, nd, groups, start, end, plusHere)) {
      return true;
    }
    // opt-in: a compact number nothing else took, whose check digit fits an ID (weak score)
    return h.bareCheckDigitIds && groups == 1 && !plusHere && !neg(start, end) && !NumberRules.allSame(d, nd)
        && bareCheckDigitId(d, nd, start, end);
  }

  /**
   * The opt-in {@link PiiPatternDetector.Builder#bareCheckDigitIds}: reports a compact number of 9
   * to 13 digits without a cue word or printed layout as the first ID whose check digit it passes
   * (the US, Canadian, Indian and UK types of this class first, then the {@link NationalId} table
   * in its order), at {@link NationalId#BARE_SCORE}. A check digit passes one number in 10 or 11,
   * so the type is a guess among those that fit.
   */
  private boolean bareCheckDigitId(int[] d, int nd, int start, int end) {
    FindingType t = nd == 9 && d[0] != 0 && d[0] != 8 && Checksums.luhn(d, 9) ? CA_SIN
        : nd == 9 && Checksums.aba(d, 9) ? US_ABA_ROUTING
        : nd == 12 && d[0] >= 2 && Checksums.verhoeff(d, 12) ? IN_AADHAAR
        : nd == 10 && Checksums.nhs(d, 10) ? UK_NHS : null;
    if (t == null) {
      return NationalId.bare(h, d, nd, start, end);
    }
    h.emit(t, start, end, NationalId.BARE_SCORE, t.name() + " (bare, check valid)");
    return true;
  }

  private boolean nineDigits(int[] d, int a, int b, char uniform, int start, int end) {
    boolean neg = neg(start, end);
    int groups = b - a + 1;
    boolean ssnShape = groups == 3 && (uniform == '-' || uniform == ' ' || uniform == '.') && shape(a, b, 3, 2, 4);
    // one dash in the wrong place ("078-051121", "07805-1121"): an SSN typed carelessly, not a phone shape
    boolean oddShape = groups == 2 && uniform == '-' && (ge[a] - gs[a] == 3 || ge[a] - gs[a] == 5);
    boolean ssnCtx = SSN_CTX.near(h, start, end);
    boolean disguised = groups == 1 && !neg && h.disguised(start, end);
    if (d[0] == 9 && (ssnShape || oddShape || groups == 1 && ITIN_CTX.near(h, start, end)) && NumberRules.itin(d)) {
      h.emit(US_ITIN, start, end, (ssnShape ? 0.8 : 0.6) + (ITIN_CTX.near(h, start, end) ? 0.15 : 0),
          "US individual taxpayer identification number");
      return true;
    }
    if ((ssnShape && (!neg || ssnCtx)) || (groups == 1 && (ssnCtx || disguised)) || (oddShape && !neg)) {
      if (NumberRules.ssn(d)) {
        h.emit(US_SSN, start, end, (ssnShape ? 0.85 : disguised ? 0.7 : 0.6) + (ssnCtx ? 0.1 : 0),
            "US social security number");
        return true;
      }
      if (ssnShape || oddShape) {
        return false;
      }
    }
    boolean sinShape = shape(a, b, 3, 3, 3) && (uniform == ' ' || uniform == '-');
    if ((groups == 1 || shape(a, b, 3, 3, 3)) && d[0] != 0 && d[0] != 8 && Checksums.luhn(d, 9) && !NumberRules.allSame(d, 9)) {
      boolean ctx = SIN_CTX.near(h, start, end);
      // SIN's printed form (3-3-3, Luhn valid) stands on its own unless the text speaks of a phone
      if (ctx || sinShape && !neg && !PHONE_CTX.near(h, start, end) && !CODE_CTX.near(h, start, end)) {
        h.emit(CA_SIN, start, end, ctx ? 0.9 : 0.6, "Canadian social insurance number (Luhn valid)");
        return true;
      }
    }
    if (shape(a, b, 4, 4, 1) && uniform == '-' && Checksums.aba(d, 9)) {
      // the routing number as printed in a check's fraction form "XXXX-YYYY-C"
      h.emit(US_ABA_ROUTING, start, end, ABA_CTX.near(h, start, end) ? 0.9 : 0.6, "US bank routing number (ABA checksum valid)");
      return true;
    }
    if (groups == 1 && Checksums.aba(d, 9) && ABA_CTX.near(h, start, end)) {
      h.emit(US_ABA_ROUTING, start, end, 0.9, "US bank routing number (ABA checksum valid)");
      return true;
    }
    if (groups == 1 && PASSPORT_CTX.before(h, start, Context.BEFORE)) {
      h.emit(US_PASSPORT, start, end, 0.7, "passport number (context)");
      return true;
    }
    return false;
  }

  private boolean phone(int a, int b, int nd, int groups, int start, int end, boolean plusHere) {
    if (nd < 7 || nd > 15 || phoneBudget <= 0) {
      return false;
    }
    boolean ctx = PHONE_CTX.near(h, start, end);
    if (!ctx && neg(start, end)) {
      return false;
    }
    phoneBudget--;
    boolean idd = !plusHere && s.charAt(gs[a]) == '0' && s.charAt(gs[a] + 1) == '0' && ge[a] - gs[a] <= 5;
    boolean shaped = groups >= 3 || s.charAt(start) == '0' || s.charAt(start) == '(' || plusHere || idd;
    // a number valid only outside North America counts when shaped or announced, and never as a
    // bare digit string without a cue: skip the per-region parses when that result could not count
    boolean otherRegions = (shaped || ctx) && !(groups == 1 && !plusHere && !ctx);
    String cand = s.substring(start, end);
    if (idd) {
      cand = "+" + s.substring(gs[a] + 2, end);
    }
    int v = Phones.validity(cand, plusHere || idd, otherRegions);
    if (v < 2 && groups == 1 && !plusHere && !idd && h.disguised(start, end)) {
      // a letter-spaced number ("4 4 2 0 ...") has usually lost its '+': valid with it is evidence enough
      v = Math.max(v, Phones.validity("+" + cand, true));
    }
    // a compact number with its trunk prefix that is a mobile number at home ("09171234567")
    boolean trunkMobile = v < 2 && groups == 1 && !plusHere && !idd && !ctx && s.charAt(start) == '0'
        && Phones.trunkMobile(cand);
    if (trunkMobile) {
      v = 1;
    }
    double score;
    if (v >= 2) {
      score = v == 3 ? 0.8 : 0.7;
    } else if (v == 1 && (shaped || ctx)) {
      score = 0.55;
    } else {
      return false;
    }
    if (groups == 1 && !plusHere && !ctx && v < 2 && !trunkMobile) {
      return false;
    }
    int e = extensionEnd(end);
    h.emit(PHONE, start, e, score + (ctx ? 0.15 : 0), "phone number");
    return true;
  }

  /**
   * Groups {@code a..a+2} read as a date with the year last ({@code 5-20-2021}, {@code 20-05-2021}):
   * day and month of one or two digits (month 1-12 in either place, day 1-31), year 1900-2099.
   */
  private boolean dayMonthYear(int a) {
    int l1 = ge[a] - gs[a];
    int l2 = ge[a + 1] - gs[a + 1];
    if (l1 > 2 || l2 > 2 || ge[a + 2] - gs[a + 2] != 4) {
      return false;
    }
    int x = Integer.parseInt(s, gs[a], ge[a], 10);
    int y = Integer.parseInt(s, gs[a + 1], ge[a + 1], 10);
    int year = Integer.parseInt(s, gs[a + 2], ge[a + 2], 10);
    boolean md = x >= 1 && x <= 12 && y >= 1 && y <= 31;
    boolean dm = y >= 1 && y <= 12 && x >= 1 && x <= 31;
    return (md || dm) && year >= 1900 && year <= 2099;
  }

  /** Groups {@code a..a+2} read as an ISO date: a 4-digit year 1900-2099, month 1-12, day 1-31. */
  private boolean isoDate(int a) {
    if (ge[a] - gs[a] != 4 || ge[a + 1] - gs[a + 1] != 2 || ge[a + 2] - gs[a + 2] != 2) {
      return false;
    }
    int y = Integer.parseInt(s, gs[a], ge[a], 10);
    int m = Integer.parseInt(s, gs[a + 1], ge[a + 1], 10);
    int d = Integer.parseInt(s, gs[a + 2], ge[a + 2], 10);
    return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  }

  private boolean cardShape(int a, int b, char uniform, boolean allLen1) {
    if (a == b) {
      return true;
    }
    if (uniform != ' ' && uniform != '-') {
      return false;
    }
    if (allLen1) {
      return uniform == ' ';
    }
    if (shape(a, b, 4, 6, 5) || shape(a, b, 4, 6, 4)) {
      return true;
    }
    for (int k = a; k < b; k++) {
      if (ge[k] - gs[k] != 4) {
        return false;
      }
    }
    return ge[b] - gs[b] <= 4;
  }

  /**
   * Groups {@code [a, b]} of two to four digits each, as phone numbers are grouped; version numbers
   * and object identifiers ({@code 10.0.19041.1}) have parts of one digit or of five and more.
   */
  private boolean phoneGroups(int a, int b) {
    for (int k = a, past = b + 1; k < past; k++) {
      int len = ge[k] - gs[k];
      if (len < 2 || len > 4) {
        return false;
      }
    }
    return true;
  }

  private boolean shape(int a, int b, int l1, int l2, int l3) {
    return b - a == 2 && ge[a] - gs[a] == l1 && ge[a + 1] - gs[a + 1] == l2 && ge[b] - gs[b] == l3;
  }

  private boolean isExtension(int end) {
    return extensionEnd(end) > end;
  }

  /** Extends a phone number over an extension such as {@code x123}, {@code ext. 123}. */
  private int extensionEnd(int end) {
    int n = s.length();
    int p = end;
    if (p < n && s.charAt(p) == ' ') {
      p++;
    }
    if (p < n && (s.charAt(p) == 'x' || s.charAt(p) == 'X')) {
      p++;
    } else if (p + 3 <= n && s.regionMatches(true, p, "ext", 0, 3)) {
      p += 3;
      if (p < n && s.charAt(p) == '.') {
        p++;
      }
      if (p < n && s.charAt(p) == ' ') {
        p++;
      }
    } else {
      return end;
    }
    int q = p;
    while (q < n && q - p < 6 && isDigit(s.charAt(q))) {
      q++;
    }
    if (q == p || (q < n && isLetterOrDigit(s.charAt(q)))) {
      return end;
    }
    return q;
  }

  private char sepKind(int p, int q) {
    if (q - p == 1) {
      char c = s.charAt(p);
      return c == '(' || c == ')' ? 'p' : c;
    }
    boolean paren = false;
    int other = 0;
    for (int k = p; k < q; k++) {
      char c = s.charAt(k);
      if (c == '(' || c == ')') {
        paren = true;
      } else if (c != ' ') {
        other++;
      }
    }
    if (paren && other == 0) {
      return 'p';
    }
    return q - p == 3 && s.charAt(p) == ' ' && s.charAt(p + 1) == '-' && s.charAt(p + 2) == ' ' ? '-' : 0;
  }

  private static boolean isSep(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
  }
}
