package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.Swar;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Finds personal data with a structure: phone numbers, payment cards, IBANs, national IDs, IP and
 * MAC addresses, credentials in URLs, crypto wallet addresses and dates of birth. One hand-written
 * pass over the normalized text dispatches on the class of the character at each word start: digit
 * runs with separators go once through the numeric validators, alphanumeric tokens through the
 * token shapes, and a few cue words (born, passport, driver) look ahead for their value. Stretches
 * of plain prose (lower-case words, no digits, no cue initials) are skipped eight chars at a time
 * ({@link Swar}). Validators
 * (Luhn, mod 97, Verhoeff, mod 11, mod 23, 3-7-1, base58check, bech32, libphonenumber) run only on
 * candidates; a failed check drops the candidate. Context words in a small window (whole words)
 * raise the score; negative context (order, invoice, version...) drops a candidate that has no
 * positive cue. No regular expressions run over the text. Country-specific IDs (AU, DE, FI, IN,
 * IT, KR, NG, PH, PL, SE, SG, TH, TR, UK, ZA, US bank numbers, MBI and NPI; UK postcodes and plates) come from one table each for digit runs
 * ({@code NationalId}) and for letter-digit tokens ({@code IdTokens}).
 *
 * <p>By default a compact 9-13 digit number without a cue word or printed layout is not reported
 * as an ID (a check digit passes one number in 10 or 11); {@link Builder#bareCheckDigitIds} opts
 * in to reporting it at a weak score, as Presidio does:
 *
 * <pre>{@code
 * Guardrail guard = Guardrail.builder()
 *     .detector(PiiPatternDetector.builder().bareCheckDigitIds(true).build())
 *     .discoverDetectors() // the other built-in detectors; this id is taken
 *     .build();
 * }</pre>
 *
 * <p>Reports the {@code PII} types listed in {@link #types()}. Immutable and thread-safe: all
 * per-call state lives in objects created by {@code detect}.
 */
public final class PiiPatternDetector implements Detector {

  /** Phone numbers, validated by libphonenumber (US default, +CC international, common regions). */
  public static final FindingType PHONE = pii("PHONE");
  /** Payment card numbers (issuer prefix and length, Luhn). */
  public static final FindingType CREDIT_CARD = pii("CREDIT_CARD");
  /** International bank account numbers (country length, mod 97). */
  public static final FindingType IBAN = pii("IBAN");
  /** US social security numbers. */
  public static final FindingType US_SSN = pii("US_SSN");
  /** IPv4 and IPv6 addresses. */
  public static final FindingType IP_ADDRESS = pii("IP_ADDRESS");
  /** MAC addresses. */
  public static final FindingType MAC_ADDRESS = pii("MAC_ADDRESS");
  /** URLs that carry a user name and password. */
  public static final FindingType URL_WITH_CREDENTIALS = pii("URL_WITH_CREDENTIALS");
  /** Bitcoin (base58check, bech32) and Ethereum addresses. */
  public static final FindingType CRYPTO = pii("CRYPTO");
  /** A date next to a birth cue (born, DOB, date of birth, birthday). */
  public static final FindingType DATE_OF_BIRTH = pii("DATE_OF_BIRTH");
  /** UK national insurance numbers. */
  public static final FindingType UK_NINO = pii("UK_NINO");
  /** UK NHS numbers (mod 11), with context. */
  public static final FindingType UK_NHS = pii("UK_NHS");
  /** US individual taxpayer identification numbers (IRS ranges), shaped like an SSN or with context. */
  public static final FindingType US_ITIN = pii("US_ITIN");
  /** Canadian social insurance numbers (Luhn), with context. */
  public static final FindingType CA_SIN = pii("CA_SIN");
  /** Indian Aadhaar numbers (Verhoeff). */
  public static final FindingType IN_AADHAAR = pii("IN_AADHAAR");
  /** Spanish NIF and NIE (mod 23 control letter). */
  public static final FindingType ES_NIF = pii("ES_NIF");
  /** US ABA routing numbers (3-7-1 checksum), with context. */
  public static final FindingType US_ABA_ROUTING = pii("US_ABA_ROUTING");
  /** US passport numbers, only with context. */
  public static final FindingType US_PASSPORT = pii("US_PASSPORT");
  /** US driver's licence numbers, only with context. */
  public static final FindingType US_DRIVER_LICENSE = pii("US_DRIVER_LICENSE");

  private static final Set<FindingType> TYPES = allTypes();

  private static Set<FindingType> allTypes() {
    Set<FindingType> t = new java.util.LinkedHashSet<>(Set.of(PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS,
        MAC_ADDRESS, URL_WITH_CREDENTIALS, CRYPTO, DATE_OF_BIRTH, UK_NINO, UK_NHS, CA_SIN, IN_AADHAAR,
        ES_NIF, US_ABA_ROUTING, US_PASSPORT, US_DRIVER_LICENSE, US_ITIN));
    t.addAll(NationalId.TYPES); // country-specific IDs from digit runs, one table row each
    t.addAll(IdTokens.TYPES); // country-specific IDs mixing letters and digits
    t.addAll(GermanIds.TYPES); // German passport, Führerschein, plate, postcode, register number
    return Set.copyOf(t);
  }

  static final Context NEGATIVE = Context.of("order", "orders", "invoice", "isbn", "issn", "tracking",
      "build", "version", "ref", "reference", "ticket", "sku", "serial", "transaction", "confirmation",
      "receipt", "patent", "doi", "model", "part", "item", "product", "case", "po", "batch", "lot");
  static final Context CARD_CTX = Context.of("card", "credit", "debit", "visa", "mastercard", "amex",
      "american express", "discover", "jcb", "diners", "maestro", "payment", "pay", "paid", "charge", "charged", "cc",
      "cvv", "expiry", "expires");
  static final Context SSN_CTX = Context.of("ssn", "ssns", "social security", "social", "ssa", "taxpayer");
  static final Context ITIN_CTX = Context.of("itin", "itins", "taxpayer", "tax id", "tin");
  static final Context SIN_CTX = Context.of("sin", "social insurance", "nas", "canadian", "canada");
  static final Context ABA_CTX = Context.of("routing", "aba", "rtn", "transit", "bank");
  static final Context PASSPORT_CTX = Context.of("passport");
  static final Context AADHAAR_CTX = Context.of("aadhaar", "aadhar", "uidai", "uid");
  static final Context NHS_CTX = Context.of("nhs", "health service", "patient", "health");
  static final Context PHONE_CTX = Context.of("phone", "call", "calling", "called", "tel", "telephone",
      "mobile", "cell", "fax", "contact", "reach", "text", "sms", "whatsapp", "number", "dial", "ring", "ph",
      "hotline", "landline");

  private final boolean bareCheckDigitIds;

  /** Creates the detector with the default settings; used by {@link java.util.ServiceLoader}. */
  public PiiPatternDetector() {
    this(false);
  }

  private PiiPatternDetector(boolean bareCheckDigitIds) {
    this.bareCheckDigitIds = bareCheckDigitIds;
  }

  /**
   * Returns a builder for a detector with non-default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings of a {@link PiiPatternDetector}. Not thread-safe; {@link #build()} returns an immutable,
   * thread-safe detector.
   */
  public static final class Builder {

    private boolean bareCheckDigitIds;

    private Builder() {}

    /**
     * Whether a compact number of 9 to 13 digits that no other type takes (a phone number, payment
     * card, SSN...) and that has no cue word, printed layout or negative context (order, invoice...)
     * is reported as the first national ID whose check digit it passes (AU ABN/ACN/TFN, CA SIN, US
     * ABA routing and NPI, IN Aadhaar, UK NHS, PL PESEL, TR, SE, KR, TH, ZA, IT VAT, DE tax ID and
     * LANR), at score 0.4: flagged by {@link dev.guardrails.Policy#defaults()}, redacted by the strict
     * policy. Default false. A check digit passes about one random number in three at 9 or 10
     * digits (several types share those lengths) and one in 11 to 20 at 11 to 13: turn it on where
     * bare IDs are likelier than order or account numbers. Rates on neutral text: {@code docs/pii.md}.
     *
     * @param on whether to report such numbers
     * @return this builder
     */
    public Builder bareCheckDigitIds(boolean on) {
      this.bareCheckDigitIds = on;
      return this;
    }

    /**
     * Returns the detector.
     *
     * @return an immutable, thread-safe detector with these settings
     */
    public PiiPatternDetector build() {
      return new PiiPatternDetector(bareCheckDigitIds);
    }
  }

  private static FindingType pii(String name) {
    return FindingType.of(Category.PII, name);
  }

  @Override
  public String toString() {
    return "PiiPatternDetector[bareCheckDigitIds=" + bareCheckDigitIds + "]";
  }

  @Override
  public String id() {
    return "pii.patterns";
  }

  @Override
  public Set<FindingType> types() {
    return TYPES;
  }

  @Override
  public int window() {
    return 128;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    ScanScratch scratch = ScanScratch.acquire();
    try {
      Hits h = scratch.hits(text, id(), out);
      h.bareCheckDigitIds = bareCheckDigitIds;
      scan(h, true, scratch);
    } finally {
      scratch.release();
    }
  }

  /** The single pass; package-private so the benchmark-equivalent tests can drive it. */
  static void scan(Hits h) {
    scan(h, true);
  }

  /** The pass; {@code skip} false visits every word (the reference the skipping is tested against). */
  static void scan(Hits h, boolean skip) {
    ScanScratch scratch = ScanScratch.acquire();
    try {
      scan(h, skip, scratch);
    } finally {
      h.view = null; // the view is the scratch's, handed to the thread's next scan
      scratch.release();
    }
  }

  private static void scan(Hits h, boolean skip, ScanScratch scratch) {
    String s = h.s;
    int n = s.length();
    // one byte per char (chars above U+00FF become '?', never a word char): the word loop below
    // reads a byte array instead of String.charAt, which is most of the scan's time; the array and
    // the digit buffers are the thread's, reused from scan to scan
    h.useScratch(scratch);
    byte[] bytes = scratch.view(s, !h.text.contains(CharClass.NON_ASCII));
    h.view = bytes; // context lookups read it too
    NumericRun numeric = null; // taken at the first digit run
    int i = 0;
    while (i < n) {
      if (skip) {
        i = skipPlain(bytes, n, i);
      }
      if (i >= n) {
        break;
      }
      char c = s.charAt(i);
      if (c >= 128 || !WORD[c]) {
        if ((c == '+' || c == '(') && i + 1 < n && isDigit(s.charAt(i + 1))) {
          if (numeric == null) {
            numeric = scratch.numeric(h);
          }
          i = Math.max(i + 1, numeric.scan(i));
        } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
          i = Math.max(i + 1, IpAddresses.v6(h, i));
        } else {
          i++;
        }
        continue;
      }
      int we = i + 1;
      int rest = 0; // classes of the word's characters after the first
      int k;
      while (we < n && (k = CLASS[bytes[we] & 0xff]) != 0) {
        rest |= k;
        we++;
      }
      if (!isDigit(c) && (rest & ~LOWER) == 0) {
        // a plain word (no digits, at most a capital first letter): only a cue word, a word glued
        // to ':' or '-' (URL scheme, IPv6/MAC hex, dashed NIE), four letters glued to '.' (Cisco
        // MAC "aabb.ccdd.eeff") or two letters before a spaced digit pair (NINO "hh 01 02 03 d")
        // can start a value
        char lc = (char) (c | 0x20);
        int wl = we - i;
        if (lc != 'b' && lc != 'd' && lc != 'p' && (we >= n || s.charAt(we) != ':' && s.charAt(we) != '-'
            && !(wl == 4 && s.charAt(we) == '.') && !(wl == 2 && s.charAt(we) == ' ' && we + 1 < n
            && isDigit(s.charAt(we + 1))))) {
          i = we;
          continue;
        }
      }
      int next;
      if (isDigit(c)) {
        next = Tokens.digitWord(h, i, we);
        if (next < 0) {
          if (numeric == null) {
            numeric = scratch.numeric(h);
          }
          next = numeric.scan(i);
        }
      } else {
        next = Tokens.letterWord(h, i, we);
      }
      i = Math.max(we, next);
    }
  }

  private static final boolean[] WORD = new boolean[128];
  private static final int LOWER = 1;
  private static final int UPPER = 2;
  private static final int DIGIT = 4;
  /** Character classes of ASCII letters and digits by Latin-1 code (0 for everything else). */
  private static final byte[] CLASS = new byte[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      WORD[c] = true;
      CLASS[c] = DIGIT;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      WORD[c] = true;
      WORD[c - 32] = true;
      CLASS[c] = LOWER;
      CLASS[c - 32] = UPPER;
    }
  }

  /**
   * Skips, eight chars at a time, what the loop in {@link #scan} would pass over without a look:
   * returns a position at or after {@code i} ({@code i} itself, the start of a word, or {@code
   * n}) such that every word starting in between is plain (letters only, lower case after
   * the first, not starting with the initials of a cue word) and no '+', '(', ':' or '-' that
   * could start a value or change how a word is read lies in between. The loop then goes on one
   * word at a time from there.
   */
  static int skipPlain(byte[] b, int i) {
    return skipPlain(b, b.length, i);
  }

  /**
   * As {@link #skipPlain(byte[], int)} over the view {@code b[0, n)}, followed by at least eight
   * zero bytes ({@link ScanScratch#view}).
   */
  static int skipPlain(byte[] b, int n, int i) {
    int p = i;
    long carry = 0; // 0x80 when the byte before p is a letter or digit (and p > i)
    int last = i; // start of the latest word before p (or i)
    while (p < n) {
      long w = Swar.load(b, p);
      long x = Swar.low7(w);
      long ascii = Swar.ascii(w);
      long letter = Swar.letter(x);
      long digit = Swar.digit(x);
      long word = (letter | digit) & ascii;
      long starts = word & ~((word << 8) | carry);
      long folded = x | Swar.CASE;
      long cue = starts & (Swar.is(folded, 'b') | Swar.is(folded, 'd') | Swar.is(folded, 'p'));
      for (long m = cue; m != 0; m &= m - 1) {
        int at = p + Swar.first(m);
        if (!cueInitials(b, n, at)) {
          cue &= ~(m & -m);
        }
      }
      long special = ascii & (Swar.is(x, '+') | Swar.is(x, '(') | Swar.is(x, ':') | Swar.is(x, '-') | Swar.is(x, '.'));
      for (long m = special; m != 0; m &= m - 1) {
        if (!specialMatters(b, n, i, p + Swar.first(m))) {
          special &= ~(m & -m);
        }
      }
      long feature = cue | special | ascii & (digit | Swar.capital(x, letter) & ~starts);
      if (feature != 0) {
        long before = starts & (((feature & -feature) << 1) - 1);
        return ninoPrefix(b, n, i, before != 0 ? p + Swar.last(before) : last);
      }
      if (starts != 0) {
        last = p + Swar.last(starts);
      }
      carry = (word >>> 56) & 0x80;
      p += 8;
    }
    return n;
  }

  /**
   * Where the scan resumes for a word start {@code r} found by {@link #skipPlain}: two lower-case or
   * upper-case letters and a space before a digit ({@code hh 01 02 03 d}, a spaced UK NINO) move it
   * back to the letters, which the digit alone would skip; else {@code r}. Never before {@code from}.
   * Only where the letters can start a value: six digits follow in the NINO's layout (pairs or runs
   * of an even length, single spaces between), or the first letter is a D ({@code DE 123456789}, a
   * German VAT number; {@code DL 1234...}, a licence cue). "at 78 651 450", "in 1998" and "is 5"
   * start at the digits (the two-letter word was 17% of the letter words the scan read).
   */
  private static int ninoPrefix(byte[] b, int n, int from, int r) {
    if (r - 3 < from || r >= n || b[r] < '0' || b[r] > '9' || b[r - 1] != ' '
        || !isAsciiLetter(b[r - 2]) || !isAsciiLetter(b[r - 3])
        || r - 4 >= 0 && isLetterOrDigit((char) (b[r - 4] & 0xFF))
        || (b[r - 3] | 0x20) != 'd' && !ninoDigits(b, n, r)) {
      return r;
    }
    return r - 3;
  }

  /**
   * Whether six digits start at {@code p} as {@code Tokens.nino} reads them after the letters: a
   * space only after an even count of digits and before a digit.
   */
  private static boolean ninoDigits(byte[] b, int n, int p) {
    int digits = 0;
    while (p < n && digits < 6) {
      byte c = b[p];
      if (c >= '0' && c <= '9') {
        digits++;
        p++;
      } else if (c == ' ' && digits % 2 == 0 && p + 1 < n && b[p + 1] >= '0' && b[p + 1] <= '9') {
        p++;
      } else {
        break;
      }
    }
    return digits == 6;
  }

  private static boolean isAsciiLetter(byte c) {
    int l = c | 0x20;
    return l >= 'a' && l <= 'z';
  }

  /**
   * Whether the '+', '(', ':' or '-' at {@code at} can matter to a plain word or as a value's
   * start: '+' and '(' before a digit, ':' before '/' or ':' (a URL scheme, IPv6 "::"), and ':' or
   * '-' right after a word of at most four chars that is hex (IPv6 and MAC groups), one char (a
   * dashed NIE) or starts with H (a German register), or '-' before a digit, counting the word from
   * {@code from} at the earliest, where the scan resumed.
   */
  private static boolean specialMatters(byte[] b, int n, int from, int at) {
    byte c = b[at];
    byte next = at + 1 < n ? b[at + 1] : 0;
    if (c == '+' || c == '(') {
      return next >= '0' && next <= '9';
    }
    if (c == ':' && (next == '/' || next == ':')) {
      return true;
    }
    if (c == '.') {
      // only a four-hex group before '.' and a hex digit after (Cisco MAC "aabb.ccdd.eeff")
      if (!IpAddresses.isHex((char) (next & 0xFF)) || at - 4 < from || at - 5 >= 0
          && isLetterOrDigit((char) (b[at - 5] & 0xFF))) {
        return false;
      }
      for (int k = at - 4; k < at; k++) {
        if (!IpAddresses.isHex((char) (b[k] & 0xFF))) {
          return false;
        }
      }
      return true;
    }
    int len = 0;
    boolean hex = true;
    for (int k = at - 1; k >= from && len < 5 && isLetterOrDigit((char) (b[k] & 0xFF)); k--) {
      len++;
      hex &= IpAddresses.isHex((char) (b[k] & 0xFF));
    }
    // what the letter-word shapes read of a short word glued to ':' or '-': IPv6 and MAC groups
    // (hex), a dashed NIE ("X-1234567-L"), a plate or VAT number going on with a digit after '-'
    // ("APP-456CV"), a German register word ("HRB-..."); a word such as "Java:", "User:" or "top-"
    // can start none of them (they were a fifth of the letter words the scan read)
    return len >= 1 && len <= 4 && (hex || len == 1 || c == '-' && next >= '0' && next <= '9'
        || len == 4 && (b[at - 4] | 0x20) == 'h');
  }

  /**
   * Whether the word at {@code at} may be one of the cue words {@link Cues#cue} knows, by its first
   * letters: born, birt(h...), dob, docu(ment), driv(er...), dl, passp(ort). Conservative: any word that could
   * be a cue passes ({@code b | 0x20} is a lower-case letter only for an ASCII letter, the only
   * chars {@link Context#lower} folds). Checking four letters instead of two stops the skip at far
   * fewer common words (page, part, do, does, both, body).
   */
  private static boolean cueInitials(byte[] b, int n, int at) {
    if (at + 1 >= n) {
      return false;
    }
    int c = b[at] | 0x20;
    int d = b[at + 1] | 0x20;
    int e = at + 2 < n ? b[at + 2] | 0x20 : 0;
    int f = at + 3 < n ? b[at + 3] | 0x20 : 0;
    switch (c) {
      case 'b':
        return d == 'o' ? e == 'r' && f == 'n' : d == 'i' && e == 'r' && f == 't';
      case 'd':
        return d == 'o' ? e == 'b' && !isLower(f) || e == 'c' && f == 'u' : d == 'r' ? e == 'i' && f == 'v' : d == 'l' && !isLower(e);
      case 'p':
        // "passport..." (five letters: "password" stopped the skip 185 times on the short answers)
        return d == 'a' && e == 's' && f == 's' && at + 4 < n && (b[at + 4] | 0x20) == 'p';
      default:
        return false;
    }
  }

  private static boolean isLower(int c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * One byte per char of {@code s}: the char itself up to U+00FF, '?' above (never a word char), so
   * hot loops can read an array instead of calling {@code String.charAt}.
   */
  static byte[] latin1View(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    // the encoder turns a surrogate pair into one '?': then copy char by char
    return bytes.length == s.length() ? bytes : latin1(s);
  }

  private static byte[] latin1(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      out[i] = (byte) (c <= 0xFF ? c : '?');
    }
    return out;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetterOrDigit(char c) {
    return c < 128 && WORD[c];
  }
}
