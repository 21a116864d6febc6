package dev.guardrails.detectors.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone number validation through Google's libphonenumber (per-region number plans): the scanner
 * hands over one candidate digit run at a time, never the whole text.
 *
 * <p>Thread-safe: {@link PhoneNumberUtil} is a thread-safe singleton.
 */
final class Phones {

  private Phones() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** Regions tried, after the default US, for national formats; the most common in English text. */
  private static final String[] REGIONS = {
    "GB", "CA", "AU", "IN", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI",
    "PL", "IE", "NZ", "ZA", "BR", "MX", "IL", "SG", "JP", "PT", "CZ", "HU", "GR", "TR", "RU", "CN"};

  /** Validity of a candidate: 0 none, 1 valid in another region, 2 valid US / NANP, 3 valid international (+CC). */
  static int validity(String candidate, boolean international) {
    try {
      if (international) {
        PhoneNumber p = UTIL.parse(candidate, "ZZ");
        return UTIL.isValidNumber(p) ? 3 : 0;
      }
      PhoneNumber us = UTIL.parse(candidate, "US");
      if (UTIL.isValidNumberForRegion(us, "US") || UTIL.isValidNumberForRegion(us, "CA")) {
        return 2;
      }
      for (String region : REGIONS) {
        PhoneNumber p = UTIL.parse(candidate, region);
        if (UTIL.isValidNumberForRegion(p, region)) {
          return 1;
        }
      }
      return 0;
    } catch (NumberParseException e) {
      return 0;
    }
  }
}
