package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.*;

/**
 * Cue words that announce a value too shapeless to find alone: "born", "DOB", "birth(day|date)"
 * look ahead for a date (numeric or with a month name); "passport" for a passport number; "driver",
 * "driving", "DL" for a driver's licence number. The look-ahead is bounded ({@value #AHEAD} chars).
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class Cues {

  private Cues() {}

  static final int AHEAD = 48;

  /** The first letters of {@link #MONTHS}. */
  private static final String MONTH_INITIALS = "jfmasond";

  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  /** Checks whether {@code s[i,we)} is a cue word and reports its value; returns where to resume or -1. */
  static int cue(Hits h, int i, int we) {
    String s = h.s;
    int len = we - i;
    char c = Context.lower(s.charAt(i));
    if (c == 'b' && (eq(s, i, len, "born") || eq(s, i, len, "birth") || eq(s, i, len, "birthday")
        || eq(s, i, len, "birthdate")) || c == 'd' && eq(s, i, len, "dob")) {
      return birthDate(h, we);
    }
    if (c == 'p' && len >= 8 && len <= 16 && eq(s, i, 8, "passport")
        || c == 'd' && eq(s, i, len, "document") && i >= 7 && eq(s, i - 7, 6, "travel") && s.charAt(i - 1) == ' ') {
      // "passport", "passports", "passportnumber", "passportno"; "travel document" 
      return value(h, we, US_PASSPORT, 6, 9, 6, "passport number (context)");
    }
    if (c == 'd' && (eq(s, i, len, "driver") || eq(s, i, len, "drivers") || eq(s, i, len, "driving")
        || eq(s, i, len, "dl"))) {
      return value(h, we, US_DRIVER_LICENSE, 5, 16, 4, "driver's licence number (context)");
    }
    return -1;
  }

  private static boolean eq(String s, int i, int len, String word) {
    if (len != word.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (Context.lower(s.charAt(i + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The first token after the cue with enough digits (letters, digits, inner dashes). */
  private static int value(Hits h, int from, dev.guardrails.FindingType type, int minLen, int maxLen,
      int minDigits, String message) {
    String s = h.s;
    int limit = Math.min(s.length(), from + AHEAD);
    int p = from;
    while (p < limit) {
      while (p < limit && !isLetterOrDigit(s.charAt(p))) {
        p++;
      }
      int start = p;
      int digits = 0;
      int chars = 0;
      while (p < s.length() && (isLetterOrDigit(s.charAt(p))
          || (s.charAt(p) == '-' && p + 1 < s.length() && isLetterOrDigit(s.charAt(p + 1)) && p > start))) {
        if (isDigit(s.charAt(p))) {
          digits++;
        }
        if (s.charAt(p) != '-') {
          chars++;
        }
        p++;
      }
      if (digits > 0) {
        if (type == US_PASSPORT && IdTokens.passportOwned(s, start, p)
            || type == US_DRIVER_LICENSE && (p - start == 16 && IdChecks.ukDrivingLicence(s, start)
            || p - start == 10 && IdChecks.itDriverLicence(s, start) || krLicenceLayout(s, start, p)
            || p - start == 11 && Tokens.isUpper(s.charAt(start)) && GermanIds.fuehrerscheinValid(s, start))) {
          // a UK, Italian, Spanish or Korean passport layout; a DVLA, Italian, Korean or German
          // driver's licence number (German: upper case, check digit valid, it stands alone):
          // IdTokens, NationalId and GermanIds report them
          return -1;
        }
        if (type == US_PASSPORT && p - start == 8 && Tokens.isUpper(s.charAt(start)) && digits == 7) {
          // one letter and seven digits: the Indian passport's layout (a US passport has nine chars)
          h.emit(IdTokens.IN_PASSPORT, start, p, 0.75, "IN_PASSPORT (context)");
          return p;
        }
        if (chars >= minLen && chars <= maxLen && digits >= minDigits && !(digits == 4 && chars == 4)) {
          h.emit(type == US_PASSPORT ? IdTokens.passportType(s, start, p, type) : type, start, p, 0.75, message);
          return p;
        }
        return -1;
      }
      if (p - start > 12) {
        return -1;
      }
    }
    return -1;
  }

  /** The Korean licence layout {@code 11-22-123456-12} (dashes) at {@code s[start, end)}: NationalId reports it. */
  private static boolean krLicenceLayout(String s, int start, int end) {
    if (end - start != 15 || s.charAt(start + 2) != '-' || s.charAt(start + 5) != '-' || s.charAt(start + 12) != '-') {
      return false;
    }
    int region = (s.charAt(start) - '0') * 10 + s.charAt(start + 1) - '0';
    return Tokens.allDigits(s, start, start + 2) && Tokens.allDigits(s, start + 3, start + 5)
        && Tokens.allDigits(s, start + 6, start + 12) && Tokens.allDigits(s, start + 13, end)
        && (region >= 11 && region <= 26 || region == 28);
  }

  private static int birthDate(Hits h, int from) {
    String s = h.s;
    int limit = Math.min(s.length(), from + AHEAD);
    for (int p = from; p < limit; p++) {
      if (p > 0 && isLetterOrDigit(s.charAt(p - 1)) || !isLetterOrDigit(s.charAt(p))) {
        continue;
      }
      int e = isDigit(s.charAt(p)) ? numericDate(s, p) : -1;
      if (e < 0) {
        e = wordDate(s, p);
      }
      if (e > 0) {
        h.emit(DATE_OF_BIRTH, p, e, 0.85, "date of birth");
        return e;
      }
      if (s.charAt(p) == '.' || s.charAt(p) == ';') {
        return -1;
      }
    }
    return -1;
  }

  /** d/m/y, m/d/y, y-m-d with '/', '-' or '.'; returns the end or -1. */
  static int numericDate(String s, int p) {
    int n = s.length();
    int[] v = new int[3];
    int[] len = new int[3];
    char sep = 0;
    int q = p;
    for (int k = 0; k < 3; k++) {
      int st = q;
      while (q < n && q - st < 5 && isDigit(s.charAt(q))) {
        v[k] = v[k] * 10 + s.charAt(q) - '0';
        q++;
      }
      len[k] = q - st;
      if (len[k] == 0) {
        return -1;
      }
      if (k < 2) {
        if (q >= n) {
          return -1;
        }
        char c = s.charAt(q);
        if (c != '/' && c != '-' && c != '.' || (sep != 0 && c != sep)) {
          return -1;
        }
        sep = c;
        q++;
      }
    }
    if (q < n && isLetterOrDigit(s.charAt(q))) {
      return -1;
    }
    if (len[0] == 4) {
      return year(v[0]) && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31 && len[2] <= 2 ? q : -1;
    }
    boolean yearOk = len[2] == 2 || (len[2] == 4 && year(v[2]));
    boolean dm = len[0] <= 2 && len[1] <= 2 && v[0] >= 1 && v[1] >= 1 && v[0] <= 31 && v[1] <= 31
        && (v[0] <= 12 || v[1] <= 12);
    return yearOk && dm ? q : -1;
  }

  private static boolean year(int y) {
    return y >= 1900 && y <= 2100;
  }

  /** "January 5, 1990", "Jan. 5 1990", "5 January 1990", "5th of May, 1990", "May 1990"; returns end or -1. */
  static int wordDate(String s, int p) {
    int n = s.length();
    int q = p;
    int day = 0;
    if (isDigit(s.charAt(q))) {
      while (q < n && isDigit(s.charAt(q)) && q - p < 2) {
        day = day * 10 + s.charAt(q++) - '0';
      }
      q = skipOrdinal(s, q);
      if (q < n && s.charAt(q) == ' ') {
        q++;
      }
      if (q + 3 < n && s.regionMatches(true, q, "of ", 0, 3)) {
        q += 3;
      }
      int m = month(s, q);
      if (m < 0 || day < 1 || day > 31) {
        return -1;
      }
      return yearAfter(s, m, true);
    }
    int m = month(s, q);
    if (m < 0) {
      return -1;
    }
    int r = m;
    if (r < n && s.charAt(r) == ' ' && r + 1 < n && isDigit(s.charAt(r + 1))) {
      int d = r + 1;
      int dv = 0;
      while (d < n && isDigit(s.charAt(d)) && d - r - 1 < 4) {
        dv = dv * 10 + s.charAt(d++) - '0';
      }
      if (d - r - 1 == 4 && year(dv)) {
        return d < n && isLetterOrDigit(s.charAt(d)) ? -1 : d; // "May 1990"
      }
      if (d - r - 1 <= 2 && dv >= 1 && dv <= 31) {
        return yearAfter(s, skipOrdinal(s, d), false);
      }
    }
    return -1;
  }

  private static int yearAfter(String s, int q, boolean required) {
    int n = s.length();
    int start = q;
    if (q < n && s.charAt(q) == ',') {
      q++;
    }
    if (q < n && s.charAt(q) == ' ') {
      q++;
    }
    int y = 0;
    int st = q;
    while (q < n && isDigit(s.charAt(q)) && q - st < 4) {
      y = y * 10 + s.charAt(q++) - '0';
    }
    if (q - st == 4 && year(y) && (q == n || !isLetterOrDigit(s.charAt(q)))) {
      return q;
    }
    return required ? -1 : start;
  }

  private static int skipOrdinal(String s, int q) {
    if (q + 2 <= s.length()) {
      int a = Context.lower(s.charAt(q));
      int b = Context.lower(s.charAt(q + 1));
      if (a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h') {
        return q + 2;
      }
    }
    return q;
  }

  /** If a month name or 3-letter abbreviation (optionally with '.') starts at q, returns its end, else -1. */
  private static int month(String s, int q) {
    int n = s.length();
    if (q < n && s.charAt(q) < 128 && MONTH_INITIALS.indexOf(Context.lower(s.charAt(q))) < 0) {
      return -1; // no month starts with this ASCII char (others may fold to a letter: the long s)
    }
    for (String m : MONTHS) {
      int len = m.length();
      if (q + len <= n && s.regionMatches(true, q, m, 0, len) && (q + len == n || !isLetterOrDigit(s.charAt(q + len)))) {
        return q + len;
      }
      if (q + 3 <= n && s.regionMatches(true, q, m, 0, 3) && (q + 3 == n || !isLetterOrDigit(s.charAt(q + 3)))) {
        return q + 3 < n && s.charAt(q + 3) == '.' ? q + 4 : q + 3;
      }
    }
    return -1;
  }
}
