package dev.guardrails.detectors.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.regex.Pattern;

/**
 * Phone number validation through Google's libphonenumber (per-region number plans): the scanner
 * hands over one candidate digit run at a time, never the whole text.
 *
 * <p>Most candidates skip {@code PhoneNumberUtil.parse} (a few microseconds of regular expressions
 * per call) through {@link FastParse}, which builds the same number directly where it provably can.
 *
 * <p>Thread-safe: {@link PhoneNumberUtil} is a thread-safe singleton.
 */
final class Phones {

  private Phones() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** Regions tried, after the default US, for national formats; the most common in English text. */
  private static final String[] REGIONS = {
    "GB", "CA", "AU", "IN", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI",
    "PL", "IE", "NZ", "ZA", "BR", "MX", "IL", "SG", "PH", "JP", "PT", "CZ", "HU", "GR", "TR", "RU", "CN"};

  /**
   * The order national numbers are tried in the regions (indexes into {@link #REGIONS}): Germany,
   * then the others in their order. A number counts when it is valid in any of them, so the order
   * changes only how soon the search ends: Germany's open numbering plan (most lengths from 5 to 15
   * digits, most leading digits assigned) takes about 73% of random 7-15 digit national candidates
   * that the US and Canada reject, no other region of ours even a third (Finland 30%, Austria 27%,
   * Italy 22%). A list of the next few regions that take the most of what Germany leaves was no
   * faster on the short answers.
   */
  private static final int[] WALK = walk("DE");

  private static int[] walk(String... first) {
    java.util.List<String> order = new java.util.ArrayList<>(java.util.List.of(first));
    for (String r : REGIONS) {
      if (!order.contains(r)) {
        order.add(r);
      }
    }
    int[] walk = new int[REGIONS.length];
    for (int k = 0; k < walk.length; k++) {
      walk[k] = java.util.Arrays.asList(REGIONS).indexOf(order.get(k));
    }
    return walk;
  }

  /** Per region: bit L set when libphonenumber deems a national significant number of L digits possible. */
  private static final int[] LENGTHS = new int[REGIONS.length];
  /** Per region: the national (trunk) prefix, or "" when the region dials none. */
  private static final String[] TRUNK = new String[REGIONS.length];
  /**
   * Per region whose trunk prefix is 0: its mobile numbers' national pattern (a cheap first test
   * for {@link #trunkMobile}); null for the other regions, or when the metadata cannot be read.
   */
  private static final Pattern[] MOBILE = new Pattern[REGIONS.length];
  /** Per region: its country calling code. */
  private static final int[] CC = new int[REGIONS.length];

  static {
    for (int r = 0; r < REGIONS.length; r++) {
      int cc = UTIL.getCountryCodeForRegion(REGIONS[r]);
      CC[r] = cc;
      for (int len = 2; len <= 17; len++) {
        PhoneNumber probe = new PhoneNumber().setCountryCode(cc).setNationalNumber(pow10(len - 1));
        if (UTIL.isPossibleNumberWithReason(probe) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
          LENGTHS[r] |= 1 << len;
        }
      }
      String trunk = UTIL.getNddPrefixForRegion(REGIONS[r], true);
      TRUNK[r] = trunk == null ? "" : trunk;
    }
    try {
      MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
      for (int r = 0; r < REGIONS.length; r++) {
        PhoneMetadata m = source.getMetadataForRegion(REGIONS[r]);
        String mobile = m != null && m.hasMobile() ? m.getMobile().getNationalNumberPattern() : "";
        if (TRUNK[r].equals("0") && !mobile.isEmpty()) {
          MOBILE[r] = Pattern.compile(mobile);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      java.util.Arrays.fill(MOBILE, null); // another metadata layout: no bare number stands alone
    }
  }

  /** "US" and the other regions national numbers are tried in. */
  static String[] regions() {
    String[] all = new String[REGIONS.length + 1];
    all[0] = "US";
    System.arraycopy(REGIONS, 0, all, 1, REGIONS.length);
    return all;
  }

  private static long pow10(int e) {
    long v = 1;
    for (int i = 0; i < e; i++) {
      v *= 10;
    }
    return v;
  }

  /**
   * Whether {@code nd} digits can be a national number of region {@code r}: as they stand, without
   * the region's trunk prefix, or (numbers starting with 0, where carrier-select codes may precede
   * the number) one or two digits shorter. A conservative length pre-check before the costly parse.
   */
  static boolean lengthFits(int r, int nd, char first, char second) {
    int mask = LENGTHS[r];
    if (nd < 32 && (mask & (1 << nd)) != 0) {
      return true;
    }
    String t = TRUNK[r];
    if (!t.isEmpty() && first == t.charAt(0) && (t.length() == 1 || second == t.charAt(1))) {
      int rest = nd - t.length();
      if (rest > 0 && (mask & (1 << rest)) != 0) {
        return true;
      }
    }
    return first == '0' && nd >= 3 && (mask & ((1 << (nd - 1)) | (1 << (nd - 2)))) != 0;
  }

  /**
   * Validity of a candidate: 0 none, 1 valid in another region (or, with +CC, a possible length for
   * a real country code), 2 valid US / NANP, 3 valid international (+CC).
   */
  static int validity(String candidate, boolean international) {
    return validity(candidate, international, true);
  }

  /**
   * As {@link #validity(String, boolean)}; with {@code otherRegions} false a national number is only
   * tried as North American (the caller could not use a result of 1).
   */
  static int validity(String candidate, boolean international, boolean otherRegions) {
    String digits = FastParse.digits(candidate, international);
    try {
      if (international) {
        PhoneNumber p = parse(candidate, digits, null);
        // +CC announces a phone number: one outside the plan's assigned ranges (fictional, new or
        // mistyped) still counts when the country code exists and the length is possible there
        boolean valid = p.getCountryCode() == 1
            // +1: try the two big NANP members before isValidNumber's search over all 25, and skip
            // that search when no other member's leading digits can start this number
            ? FastParse.validForRegion(p, "US") || FastParse.validForRegion(p, "CA")
                || FastParse.mayBeOtherNanp(p) && UTIL.isValidNumber(p)
            : FastParse.isValidNumber(p);
        return valid ? 3 : UTIL.isPossibleNumber(p) ? 1 : 0;
      }
      // where the direct parse does not apply (a leading 0, or a leading 1 before too few digits
      // such as "13813 3784"), the library's full parse costs 5-10 us; a national number (not after
      // the US international prefix 011) reads as itself in the US plan, whose parse cannot fail on
      // 7 to 15 digits (it drops at most a national prefix): when no suffix can be valid in the US
      // or Canada, that parse is skipped. Only then: the suffix test runs Canada's long pattern,
      // dearer than the direct parse and the length tests that reject most numbers
      // the same domain: when no suffix starts like a valid US or Canadian number of its length (a
      // table lookup per length: a leading 0, fewer than ten digits...), the US block is skipped
      boolean usPlan = digits != null && digits.length() >= 7 && digits.length() <= 15 && !digits.startsWith("011");
      if (!(usPlan && !FastParse.mayStartValidSuffix(digits, "US") && !FastParse.mayStartValidSuffix(digits, "CA"))) {
        PhoneNumber us = digits == null ? null : FastParse.parse(digits, "US");
        if (us == null && !(usPlan && !FastParse.mayHaveValidSuffix(digits, "US")
            && !FastParse.mayHaveValidSuffix(digits, "CA"))) {
          us = UTIL.parse(candidate, "US");
        }
        if (us != null && (FastParse.validForRegion(us, "US") || FastParse.validForRegion(us, "CA"))) {
          return 2;
        }
      }
      if (!otherRegions) {
        return 0;
      }
      int nd = 0;
      char first = 0;
      char second = 0;
      for (int i = 0; i < candidate.length(); i++) {
        char c = candidate.charAt(i);
        if (c >= '0' && c <= '9') {
          if (nd == 0) {
            first = c;
          } else if (nd == 1) {
            second = c;
          }
          nd++;
        }
      }
      for (int r : WALK) {
        if (!lengthFits(r, nd, first, second)) {
          continue; // no national number of this region has this many digits: skip the parse
        }
        String region = REGIONS[r];
        if (digits != null && !FastParse.mayHaveValidSuffix(digits, region)) {
          continue; // no national number parse can make of these digits is valid here
        }
        try {
          if (FastParse.validForRegion(parse(candidate, digits, region), region)) {
            return 1;
          }
        } catch (NumberParseException e) {
          // not a number in this region (say, too short once its trunk prefix is gone): try the next
        }
      }
      return 0;
    } catch (NumberParseException e) {
      return 0;
    }
  }

  /**
   * Whether a compact national candidate of ASCII digits that starts with the trunk prefix 0
   * ({@code 09171234567}, {@code 05321234567}, {@code 07700900123}) is a mobile number of one of the
   * regions that dial 0 before national numbers: the way people write their own mobile number at
   * home. Mobile ranges only: the geographic ranges of Germany, Britain or France take most strings
   * of 0 and 9 to 11 digits, mobile ranges a small part. The region's mobile pattern runs on the
   * digits after the 0 first (a fraction of a microsecond); a match is confirmed by libphonenumber's
   * number type and validity of those digits as the region's national number (what its parse
   * makes of them once it strips the trunk 0).
   */
  static boolean trunkMobile(String digits) {
    int nd = digits.length();
    if (nd < 8 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
      return false;
    }
    String rest = digits.substring(1);
    for (int r = 0; r < REGIONS.length; r++) {
      if (MOBILE[r] == null || (LENGTHS[r] & (1 << (nd - 1))) == 0 || !MOBILE[r].matcher(rest).matches()) {
        continue;
      }
      PhoneNumber p = new PhoneNumber().setCountryCode(CC[r]).setNationalNumber(Long.parseLong(rest));
      if (UTIL.getNumberType(p) == PhoneNumberUtil.PhoneNumberType.MOBILE && UTIL.isValidNumberForRegion(p, REGIONS[r])) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code UTIL.parse(candidate, region)} ({@code region} null: international, parsed with "ZZ"),
   * through {@link FastParse} when the candidate's shape lets it build the same number directly.
   */
  static PhoneNumber parse(String candidate, String digits, String region) throws NumberParseException {
    PhoneNumber p = digits == null ? null : FastParse.parse(digits, region);
    return p != null ? p : UTIL.parse(candidate, region == null ? "ZZ" : region);
  }
}
