package dev.guardrails.benchmarks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naive baseline for {@link PiiBenchmark}: the entities of the pattern scan (PII patterns,
 * secrets, email) as one {@code java.util.regex} pattern each, run one after another over the whole
 * text, the way a regex-list scanner (Presidio's pattern recognizers, many DLP rule sets) works.
 * Matches are only counted: no checksums or context, so the baseline does strictly less work than
 * the detectors.
 *
 * <p>Immutable and thread-safe.
 */
public final class NaivePiiBaseline {

  private NaivePiiBaseline() {}

  /** One pattern per entity, compiled once. */
  static final List<Pattern> PATTERNS = List.of(
      // EMAIL
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      // PHONE
      Pattern.compile("(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)|\\d{2,4})[ .-]?\\d{3,4}[ .-]?\\d{3,4}"),
      // CREDIT_CARD
      Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
      // IBAN
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b"),
      // US_SSN
      Pattern.compile("\\b\\d{3}[- ]\\d{2}[- ]\\d{4}\\b"),
      // IP_ADDRESS v4 and v6
      Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
      Pattern.compile("\\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\\b|\\b(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{0,4}\\b"),
      // MAC_ADDRESS
      Pattern.compile("\\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\\b"),
      // URL_WITH_CREDENTIALS
      Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:[^\\s/@]+@[A-Za-z0-9.-]+"),
      // CRYPTO: base58, bech32, ETH
      Pattern.compile("\\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\\b|\\bbc1[a-z0-9]{11,71}\\b|\\b0x[0-9a-fA-F]{40}\\b"),
      // DATE_OF_BIRTH
      Pattern.compile("(?i)\\b(?:born|dob|date of birth|birthday)\\b\\W{0,20}\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}"),
      // UK_NINO
      Pattern.compile("\\b[A-CEGHJ-PR-TW-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"),
      // UK_NHS, CA_SIN, US_ABA_ROUTING, IN_AADHAAR
      Pattern.compile("\\b\\d{3} ?\\d{3} ?\\d{4}\\b"),
      Pattern.compile("\\b\\d{3}[- ]?\\d{3}[- ]?\\d{3}\\b"),
      Pattern.compile("\\b[0-9]{9}\\b"),
      Pattern.compile("\\b[2-9]\\d{3} ?\\d{4} ?\\d{4}\\b"),
      // ES_NIF / NIE
      Pattern.compile("\\b[XYZ]?-?\\d{7,8}-?[A-Z]\\b"),
      // US_PASSPORT, US_DRIVER_LICENSE (with their cue word)
      Pattern.compile("(?i)\\bpassport\\b\\W{0,20}[A-Z0-9]{6,9}\\b"),
      Pattern.compile("(?i)\\b(?:driver'?s?|driving|dl)\\b[^\\n]{0,30}?\\b[A-Z0-9-]{5,16}\\b"),
      // secrets
      Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),
      Pattern.compile("\\bgh[posur]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{50,}"),
      Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
      Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
      Pattern.compile("\\b[srp]k_live_[A-Za-z0-9]{16,}"),
      Pattern.compile("\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}"),
      Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]{0,6000}?-----END [A-Z ]*PRIVATE KEY-----"),
      Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth)\\b[\"']?\\s*[:=]\\s*[\"']?[^\\s\"',;]{8,}"));

  /** Runs every pattern over {@code text}; returns the number of matches. */
  public static int scan(String text) {
    int n = 0;
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        n++;
      }
    }
    return n;
  }
}
