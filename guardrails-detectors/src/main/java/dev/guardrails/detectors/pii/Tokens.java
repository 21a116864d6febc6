package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.*;

/**
 * The token half of the scanner: shapes that start at a word boundary and mix letters and digits
 * (IBAN, UK NINO, Spanish NIF/NIE, crypto addresses, credentials in URLs, MAC and IPv6) and cue
 * words that look ahead for their value ({@link Cues}). Each check first tests a few characters,
 * so ordinary words cost a handful of comparisons.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class Tokens {

  private Tokens() {}

  private static final Context NINO_CTX = Context.of("national insurance", "nino", "ni", "insurance");

  /** A word {@code s[i,we)} that starts with a digit: returns where to resume, or -1 for the numeric path. */
  static int digitWord(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    if (len == 6 || len == 11) {
      int e = IdTokens.digitWord(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if (len <= 6) {
      int e = GermanIds.digitWord(h, i, we); // HRB 12345, M-AB 1234, PLZ 80331
      if (e > 0) {
        return e;
      }
    }
    if (len == 2 && we + 2 < n && s.charAt(we) == ' ' && isLetter(s.charAt(we + 1))
        || len >= 5 && len <= 10 && isDigit(s.charAt(i + 1)) && isLetter(s.charAt(i + 2))) {
      int e = IdTokens.trPlate(h, i, we); // "34 ABC 1234", "34ABC1234" next to a vehicle cue
      if (e > 0) {
        return e;
      }
    }
    if (we < n) {
      char after = s.charAt(we);
      if (len == 2 && (after == ':' || after == '-') && IpAddresses.isHex(s.charAt(i + 1))) {
        int e = IpAddresses.mac(h, i);
        if (e > 0) {
          return e;
        }
      }
      if (after == ':' && len <= 4) {
        int e = IpAddresses.v6(h, i);
        if (e > 0) {
          return e;
        }
      }
    }
    if (len == 4 && we < n && s.charAt(we) == '.' && we + 1 < n && IpAddresses.isHex(s.charAt(we + 1))) {
      int e = IpAddresses.ciscoMac(h, i);
      if (e > 0) {
        return e;
      }
    }
    if (len == 4 && we + 10 <= n && s.charAt(we) == ':') {
      int e = colonAadhaar(h, i);
      if (e > 0) {
        return e;
      }
    }
    boolean letters = false;
    for (int p = i; p < we && !letters; p++) {
      letters = !isDigit(s.charAt(p));
    }
    if (!letters && (len == 8 || len == 7) && we + 1 < n && s.charAt(we) == '-' && isLetter(s.charAt(we + 1))
        && (we + 2 == n || !isLetterOrDigit(s.charAt(we + 2)))) {
      int num = Integer.parseInt(s, i, we, 10); // "55555555-K"; seven digits: a leading zero left out
      if (Checksums.nifLetter(num) == Character.toUpperCase(s.charAt(we + 1))) {
        h.emit(ES_NIF, i, we + 2, len == 8 ? 0.8 : 0.6, "Spanish NIF (control letter valid)");
        return we + 2;
      }
    }
    if (len == 2 && !letters && we < n && (s.charAt(we) == '-')) {
      // "00-1A-..." was tried as a MAC above; digits-and-dash runs continue on the numeric path
      return -1;
    }
    if (!letters) {
      return -1;
    }
    if ((len == 9 || len == 8) && allDigits(s, i, we - 1) && isLetter(s.charAt(we - 1))) {
      // eight digits and the control letter; seven when a leading zero is left out; either case
      int num = Integer.parseInt(s, i, we - 1, 10);
      char letter = s.charAt(we - 1);
      if (Checksums.nifLetter(num) == Character.toUpperCase(letter)) {
        h.emit(ES_NIF, i, we, len == 9 && isUpper(letter) ? 0.85 : 0.6, "Spanish NIF (control letter valid)");
        return we;
      }
      // not a NIF: a Singapore business UEN has the same layout (below)
    }
    if (len >= 9 && len <= 12 || len == 15 || len == 4 && we < n && s.charAt(we) == '-') {
      int e = IdTokens.mixedDigitWord(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if (len == 42 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
      for (int p = i + 2; p < we; p++) {
        if (!IpAddresses.isHex(s.charAt(p))) {
          return we;
        }
      }
      h.emit(CRYPTO, i, we, 0.8, "Ethereum address");
      return we;
    }
    if (len >= 26 && len <= 35 && (s.charAt(i) == '1' || s.charAt(i) == '3') && Checksums.base58check(s, i, we)) {
      h.emit(CRYPTO, i, we, 0.95, "Bitcoin address (base58check valid)");
    }
    return we;
  }

  /** A word {@code s[i,we)} that starts with a letter: checks the token shapes; returns where to resume. */
  static int letterWord(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    char c = s.charAt(i);
    if (we < n && s.charAt(we) == ':') {
      if (we + 2 < n && s.charAt(we + 1) == '/' && s.charAt(we + 2) == '/') {
        return Math.max(we, urlWithCredentials(h, i, we + 3));
      }
      if (len <= 4 && allHex(s, i, we)) {
        int e = IpAddresses.v6(h, i);
        if (e > 0) {
          return e;
        }
      }
    }
    if (len == 2 && we < n && (s.charAt(we) == ':' || s.charAt(we) == '-') && allHex(s, i, we)) {
      int e = IpAddresses.mac(h, i);
      if (e > 0) {
        return e;
      }
    }
    if (len >= 2 && isLetter(s.charAt(i + 1))) {
      if (len >= 4 && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3))) {
        int e = Iban.find(h, i);
        if (e > 0) {
          return e;
        }
      }
      if ((isUpper(c) && isUpper(s.charAt(i + 1)) || isLower(c) && isLower(s.charAt(i + 1)))
          && (len == 9 || len == 8 || len == 2)) {
        int e = nino(h, i, we);
        if (e > 0) {
          return e;
        }
      }
    }
    if ((c == 'D' || c == 'd') && (len == 11 || len == 2 && we + 1 < n && isDigit(s.charAt(we + 1)))) {
      int e = IdTokens.deVat(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if ((len == 4 && we + 1 < n && s.charAt(we) == '.' && IpAddresses.isHex(s.charAt(we + 1)))) {
      int e = IpAddresses.ciscoMac(h, i);
      if (e > 0) {
        return e;
      }
    }
    if (len == 9 || len == 10 || len == 16) {
      int e = IdTokens.letterWord(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if (len >= 9 && len <= 11 || len >= 4 && (c == 'H' || c == 'h')) {
      int e = GermanIds.letterWord(h, i, we); // German passport, Führerschein, HRB123456
      if (e > 0) {
        return e;
      }
    }
    if (len <= 7 && isUpper(c) && (len >= 2 && isDigit(s.charAt(i + 1)) || len >= 3 && isDigit(s.charAt(i + 2))
        || c == 'G' && (len == 3 || len == 6))) {
      int e = IdTokens.postcode(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if ((len == 4 || len == 7) && isLetter(s.charAt(i + 1)) && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3))) {
      int e = IdTokens.ukPlate(h, i, we);
      if (e > 0) {
        return e;
      }
    }
    if (len == 3 && we + 6 <= n && (s.charAt(we) == '-' || s.charAt(we) == ' ') && isDigit(s.charAt(we + 1))
        || len == 8 && isDigit(s.charAt(i + 3))) {
      int e = IdTokens.ngPlate(h, i, we); // "APP-456CV" next to a vehicle cue
      if (e > 0) {
        return e;
      }
    }
    if (len >= 7 && len <= 11 && isUpper(c) && isUpper(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))) {
      int e = IdTokens.inPlate(h, i, we); // "KA53ME3456" next to a vehicle cue
      if (e > 0) {
        return e;
      }
    }
    char cu = Character.toUpperCase(c);
    if ((cu == 'X' || cu == 'Y' || cu == 'Z') && (len >= 2 && isDigit(s.charAt(i + 1)) || len == 1 && we < n && s.charAt(we) == '-')) {
      nie(h, i);
      return we;
    }
    if ((c == 'b' || c == 'B') && len >= 14 && len <= 74 && (s.charAt(i + 1) == 'c' || s.charAt(i + 1) == 'C')
        && s.charAt(i + 2) == '1' && Checksums.bech32(s, i, we)) {
      h.emit(CRYPTO, i, we, 0.95, "Bitcoin address (bech32 valid)");
      return we;
    }
    if (len <= 16) {
      return Math.max(we, Cues.cue(h, i, we));
    }
    return we;
  }

  private static int nino(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    char a = Character.toUpperCase(s.charAt(i));
    char b = Character.toUpperCase(s.charAt(i + 1));
    boolean lower = isLower(s.charAt(i));
    if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
      return -1;
    }
    // prefixes never allocated: BG, GB, NK, KN, TN, NT, ZZ (compared as chars: no string per word)
    if (a == 'B' && b == 'G' || a == 'G' && b == 'B' || a == 'N' && b == 'K' || a == 'K' && b == 'N'
        || a == 'T' && b == 'N' || a == 'N' && b == 'T' || a == 'Z' && b == 'Z') {
      return -1;
    }
    int p = i + 2;
    int digits = 0;
    while (p < n && digits < 6) {
      char c = s.charAt(p);
      if (isDigit(c)) {
        digits++;
        p++;
      } else if (c == ' ' && digits % 2 == 0 && p + 1 < n && isDigit(s.charAt(p + 1))) {
        p++;
      } else {
        break;
      }
    }
    if (digits != 6) {
      return -1;
    }
    char lo = lower ? 'a' : 'A';
    if (p + 1 < n && s.charAt(p) == ' ' && s.charAt(p + 1) >= lo && s.charAt(p + 1) <= lo + 3) {
      p++;
    }
    if (p < n && s.charAt(p) >= lo && s.charAt(p) <= lo + 3) {
      p++;
    } else if (p + 1 < n && s.charAt(p) == ' ' && isLetterOrDigit(s.charAt(p + 1))
        && (p + 2 == n || !isLetterOrDigit(s.charAt(p + 2)))) {
      return -1; // "AB 12 34 56 H": a suffix, but not one of A-D
    } else if (lower || !NINO_CTX.near(h, i, p)) {
      return -1;
    }
    if (p < n && isLetterOrDigit(s.charAt(p))) {
      return -1;
    }
    h.emit(UK_NINO, i, p, NINO_CTX.near(h, i, p) ? 0.95 : 0.8, "UK national insurance number");
    return p;
  }

  private static void nie(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int p = i + 1;
    if (p < n && s.charAt(p) == '-') {
      p++;
    }
    int start = p;
    while (p < n && p - start < 8 && isDigit(s.charAt(p))) {
      p++;
    }
    if (p - start != 7) {
      return;
    }
    int num = (Character.toUpperCase(s.charAt(i)) - 'X') * 10_000_000 + Integer.parseInt(s, start, p, 10);
    if (p < n && s.charAt(p) == '-') {
      p++;
    }
    if (p < n && Character.toUpperCase(s.charAt(p)) == Checksums.nifLetter(num)
        && Character.isUpperCase(s.charAt(p)) == Character.isUpperCase(s.charAt(i))
        && (p + 1 == n || !isLetterOrDigit(s.charAt(p + 1)))) {
      h.emit(ES_NIF, i, p + 1, 0.85, "Spanish NIE (control letter valid)");
    }
  }

  /** {@code scheme://user:password@host}: reports the URL up to the end of the host. */
  private static int urlWithCredentials(Hits h, int schemeStart, int p) {
    String s = h.s;
    int n = s.length();
    int colon = -1;
    int q = p;
    while (q < n && q - p < 256) {
      char c = s.charAt(q);
      if (c == '@' || c == '/' || c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '<' || c == '>') {
        break;
      }
      if (c == ':' && colon < 0) {
        colon = q;
      }
      q++;
    }
    if (q >= n || s.charAt(q) != '@' || colon <= p || colon + 1 >= q) {
      return -1;
    }
    int host = q + 1;
    int e = host;
    while (e < n && (isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '.' || s.charAt(e) == '-')) {
      e++;
    }
    while (e > host && s.charAt(e - 1) == '.') {
      e--;
    }
    if (e == host) {
      return -1;
    }
    h.emit(URL_WITH_CREDENTIALS, schemeStart, e, 0.95, "URL with embedded credentials");
    return e;
  }

  static boolean allDigits(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!isDigit(s.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!IpAddresses.isHex(s.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * An Aadhaar number written with colons ({@code 3123:4567:8909}) at {@code i}: three groups of
   * four digits, Verhoeff valid, first digit 2-9; returns its end if reported, else -1.
   */
  private static int colonAadhaar(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int end = i + 14;
    if (end > n || s.charAt(i) < '2' || s.charAt(i + 9) != ':') {
      return -1;
    }
    int[] d = h.digits();
    int nd = 0;
    for (int k = 0; k < 14; k++) {
      char c = s.charAt(i + k);
      if (k == 4 || k == 9) {
        continue;
      }
      if (!isDigit(c)) {
        return -1;
      }
      d[nd++] = c - '0';
    }
    if (end < n && (isLetterOrDigit(s.charAt(end)) || s.charAt(end) == ':') || i > 0 && s.charAt(i - 1) == ':'
        || !Checksums.verhoeff(d, 12)) {
      return -1;
    }
    boolean ctx = PiiPatternDetector.AADHAAR_CTX.near(h, i, end);
    h.emit(IN_AADHAAR, i, end, ctx ? 0.9 : 0.6, "Aadhaar number (Verhoeff valid)");
    return end;
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
