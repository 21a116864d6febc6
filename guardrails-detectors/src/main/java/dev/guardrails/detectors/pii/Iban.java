package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.IBAN;

/**
 * IBANs: a two-letter country code with its registered length (SWIFT IBAN registry), two check
 * digits, the BBAN, compact or in groups of four separated by spaces, dashes or dots (a single line
 * break may wrap between groups), and the ISO 7064 mod-97 check.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class Iban {

  private Iban() {}

  /** Country code to IBAN length, from the SWIFT IBAN registry. */
  private static final String REGISTRY =
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 "
      + "EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 "
      + "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 "
      + "NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 "
      + "SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    for (String entry : REGISTRY.split(" ")) {
      LENGTHS[(entry.charAt(0) - 'A') * 26 + entry.charAt(1) - 'A'] = Byte.parseByte(entry.substring(2));
    }
  }

  /** Registered IBAN length for a country code, or 0. */
  static int length(char a, char b) {
    a = Character.toUpperCase(a);
    b = Character.toUpperCase(b);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return 0;
    }
    return LENGTHS[(a - 'A') * 26 + b - 'A'];
  }

  /** Tries an IBAN starting at {@code i} (two letters, two digits known); returns its end if reported, else -1. */
  static int find(Hits h, int i) {
    String s = h.s;
    int n = s.length();
    int want = length(s.charAt(i), s.charAt(i + 1));
    if (want == 0) {
      return -1;
    }
    boolean upper = Character.isUpperCase(s.charAt(i));
    char[] buf = new char[want];
    int got = 0;
    int p = i;
    while (p < n && got < want) {
      char c = s.charAt(p);
      if (PiiPatternDetector.isLetterOrDigit(c)) {
        if (Character.isLetter(c) && Character.isUpperCase(c) != upper) {
          return -1; // mixed case: a word, not an account number
        }
        buf[got++] = c;
        p++;
      } else if ((c == ' ' || c == '-' || c == '.' || (c == '\n' && h.text.singleLineBreak(p)))
          && got % 4 == 0 && got > 0 && p + 1 < n
          && PiiPatternDetector.isLetterOrDigit(s.charAt(p + 1))) {
        p++;
      } else {
        break;
      }
    }
    if (got != want || (p < n && PiiPatternDetector.isLetterOrDigit(s.charAt(p)))) {
      return -1;
    }
    if (!Checksums.ibanMod97(new String(buf), 0, want)) {
      return -1;
    }
    boolean ctx = CTX.near(h, i, p);
    h.emit(IBAN, i, p, ctx ? 1.0 : 0.9, "IBAN (mod 97 valid)");
    return p;
  }

  private static final Context CTX = Context.of("iban", "bank", "account", "transfer", "wire", "swift", "bic");
}
