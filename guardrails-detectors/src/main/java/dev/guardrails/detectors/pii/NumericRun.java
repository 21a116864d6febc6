package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.*;

/**
 * The numeric half of the scanner: collects one run of digit groups joined by single separators
 * ({@code (555) 123-4567}, {@code 4111 1111 1111 1111}, {@code 10.0.0.1}, {@code 4 1 1 1 ...}),
 * then feeds the run, and if nothing matches its sub-runs, to the numeric validators once each:
 * IPv4, card (Luhn + issuer), SSN, SIN, Aadhaar (Verhoeff), NHS (mod 11), ABA (3-7-1), passport,
 * phone (libphonenumber).
 *
 * <p>One instance per {@code detect} call; not thread-safe.
 */
final class NumericRun {

  private static final int MAX_GROUPS = 20;
  private static final int MAX_GROUP_DIGITS = 19;

  private final Hits h;
  private final String s;
  private final int[] gs = new int[MAX_GROUPS];
  private final int[] ge = new int[MAX_GROUPS];
  private final char[] sep = new char[MAX_GROUPS];
  private int g;
  private int runStart;
  private boolean plus;

  NumericRun(Hits h) {
    this.h = h;
    this.s = h.s;
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
      if (q == p || q >= n || !isDigit(s.charAt(q))) {
        break;
      }
      char kind = sepKind(p, q);
      if (kind == 0) {
        break;
      }
      sep[g] = kind;
      p = q;
    }
    int end = ge[g - 1];
    if (end < n && isLetterOrDigit(s.charAt(end)) && !isExtension(end)) {
      if (g == 1) {
        return end; // the digits start an alphanumeric token; the token path handles it
      }
      g--; // drop the group glued to letters
    }
    if (g > 0 && runStart >= h.lastEnd) {
      classifyRun();
    }
    return end;
  }

  private void classifyRun() {
    if (classify(0, g - 1) || g < 3 || singleDigits()) {
      return;
    }
    int a = 0;
    while (a < g) {
      boolean found = false;
      for (int b = g - 1; b >= a && !found; b--) {
        if (!(a == 0 && b == g - 1)) {
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

  /** Tries the validators on groups {@code [a, b]}; reports and returns true on the first that passes. */
  private boolean classify(int a, int b) {
    int start = a == 0 ? runStart : gs[a];
    if (start < h.lastEnd) {
      return false;
    }
    int end = ge[b];
    int[] d = h.digits();
    int nd = 0;
    char uniform = 0;
    boolean allLen1 = true;
    for (int k = a; k <= b; k++) {
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
      return IpAddresses.v4(h, gs, ge, a, start, end);
    }
    if (uniform == '/' || uniform == '.' && groups == 3 && ge[b] - gs[b] == 4 && ge[a] - gs[a] <= 2) {
      return false; // dates and fractions; a date of birth is found from its cue word
    }
    boolean neg = NEGATIVE.near(s, start, end);
    if (!plusHere && nd >= 12 && nd <= 19 && cardShape(a, b, uniform, allLen1) && NumberRules.card(d, nd)) {
      boolean ctx = CARD_CTX.near(s, start, end);
      if (!neg || ctx) {
        h.emit(CREDIT_CARD, start, end, ctx ? 0.95 : 0.85, "payment card number (Luhn valid)");
        return true;
      }
      return false;
    }
    if (nd == 9 && !plusHere && nineDigits(d, a, b, uniform, start, end, neg)) {
      return true;
    }
    if (nd == 12 && !plusHere && (groups == 1 || shape(a, b, 4, 4, 4)) && d[0] >= 2 && Checksums.verhoeff(d, 12)) {
      boolean ctx = AADHAAR_CTX.near(s, start, end);
      if (ctx || (groups == 3 && uniform != 'm' && !neg)) {
        h.emit(IN_AADHAAR, start, end, ctx ? 0.9 : 0.6, "Aadhaar number (Verhoeff valid)");
        return true;
      }
    }
    if (nd == 10 && !plusHere && (groups == 1 || shape(a, b, 3, 3, 4)) && Checksums.nhs(d, 10)
        && NHS_CTX.near(s, start, end)) {
      h.emit(UK_NHS, start, end, 0.9, "NHS number (mod 11 valid)");
      return true;
    }
    return phone(a, b, nd, groups, start, end, plusHere, neg);
  }

  private boolean nineDigits(int[] d, int a, int b, char uniform, int start, int end, boolean neg) {
    int groups = b - a + 1;
    boolean ssnShape = groups == 3 && (uniform == '-' || uniform == ' ') && shape(a, b, 3, 2, 4);
    boolean ssnCtx = SSN_CTX.near(s, start, end);
    if ((ssnShape && (!neg || ssnCtx)) || (groups == 1 && ssnCtx)) {
      if (NumberRules.ssn(d)) {
        h.emit(US_SSN, start, end, (ssnShape ? 0.85 : 0.6) + (ssnCtx ? 0.1 : 0), "US social security number");
        return true;
      }
      if (ssnShape) {
        return false;
      }
    }
    if ((groups == 1 || shape(a, b, 3, 3, 3)) && d[0] != 0 && d[0] != 8 && Checksums.luhn(d, 9)
        && SIN_CTX.near(s, start, end)) {
      h.emit(CA_SIN, start, end, 0.9, "Canadian social insurance number (Luhn valid)");
      return true;
    }
    if (groups == 1 && Checksums.aba(d, 9) && ABA_CTX.near(s, start, end)) {
      h.emit(US_ABA_ROUTING, start, end, 0.9, "US bank routing number (ABA checksum valid)");
      return true;
    }
    if (groups == 1 && PASSPORT_CTX.before(s, start, Context.BEFORE)) {
      h.emit(US_PASSPORT, start, end, 0.7, "passport number (context)");
      return true;
    }
    return false;
  }

  private boolean phone(int a, int b, int nd, int groups, int start, int end, boolean plusHere, boolean neg) {
    if (nd < 7 || nd > 15) {
      return false;
    }
    boolean ctx = PHONE_CTX.near(s, start, end);
    if (neg && !ctx) {
      return false;
    }
    boolean idd = !plusHere && s.charAt(gs[a]) == '0' && s.charAt(gs[a] + 1) == '0' && ge[a] - gs[a] <= 5;
    String cand = s.substring(start, end);
    if (idd) {
      cand = "+" + s.substring(gs[a] + 2, end);
    }
    int v = Phones.validity(cand, plusHere || idd);
    boolean shaped = groups >= 3 || s.charAt(start) == '0' || s.charAt(start) == '(' || plusHere || idd;
    double score;
    if (v >= 2) {
      score = v == 3 ? 0.8 : 0.7;
    } else if (v == 1 && (shaped || ctx)) {
      score = 0.55;
    } else {
      return false;
    }
    if (groups == 1 && !plusHere && !ctx && v < 2) {
      return false;
    }
    int e = extensionEnd(end);
    h.emit(PHONE, start, e, score + (ctx ? 0.15 : 0), "phone number");
    return true;
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
