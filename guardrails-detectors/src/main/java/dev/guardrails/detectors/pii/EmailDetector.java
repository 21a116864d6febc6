package dev.guardrails.detectors.pii;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.EnumSet;
import java.util.Set;

/**
 * Finds email addresses: one linear pass over the normalized text that expands around each
 * {@code @} within RFC length bounds (64-char local part, 253-char domain), then checks the
 * address's shape and that its top-level domain is real. Every finding holds an {@code '@'} of the
 * normalized view (an obfuscated {@code [at]} is decoded to one there), so a text without one is
 * skipped ({@link #triggers()}).
 *
 * <p>Reports {@code PII/EMAIL}. Stateless and thread-safe.
 */
public final class EmailDetector implements Detector {

  /** The type this detector reports. */
  public static final FindingType EMAIL = FindingType.of(Category.PII, "EMAIL");

  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  /** Creates the detector; used by {@link java.util.ServiceLoader}. */
  public EmailDetector() {}

  @Override
  public String id() {
    return "pii.email";
  }

  @Override
  public Set<FindingType> types() {
    return Set.of(EMAIL);
  }

  private static final Set<CharClass> TRIGGERS = java.util.Collections.unmodifiableSet(EnumSet.of(CharClass.AT));

  /** Returns {@code '@'}: every address is found around one. */
  @Override
  public Set<CharClass> triggers() {
    return TRIGGERS;
  }

  @Override
  public int window() {
    return MAX_LOCAL + 1 + MAX_DOMAIN;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    String s = text.normalized();
    int n = s.length();
    int lastEnd = 0;
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      // Local part: expand left, bounded.
      int ls = at;
      while (ls > lastEnd && at - ls < MAX_LOCAL && isLocalChar(s.charAt(ls - 1))) {
        ls--;
      }
      if (ls > lastEnd && isLocalChar(s.charAt(ls - 1))) {
        continue; // local part longer than allowed: part of a longer token
      }
      while (ls < at && (s.charAt(ls) == '.' || s.charAt(ls) == '-')) {
        ls++; // a local part does not start with a dot; a leading dash is punctuation
      }
      if (ls == at || s.charAt(at - 1) == '.') {
        continue; // empty or ends with '.'
      }
      // Domain: expand right, bounded.
      int de = at + 1;
      while (de < n && de - at - 1 < MAX_DOMAIN && isDomainChar(s.charAt(de))) {
        de++;
      }
      while (de > at + 1 && (s.charAt(de - 1) == '.' || s.charAt(de - 1) == '-')) {
        de--; // sentence-final dot or dash
      }
      int tldStart = validDomain(s, at + 1, de);
      if (tldStart < 0 || hasDoubleDot(s, ls, at)) {
        continue;
      }
      Span span = text.toOriginal(ls, de);
      out.accept(Finding.of(id(), EMAIL, span.start(), span.end(), 0.95, "email address"));
      lastEnd = de;
      at = de - 1;
    }
  }

  /** Returns the TLD's start index if {@code s[start, end)} is a valid domain with a real TLD, else -1. */
  private static int validDomain(String s, int start, int end) {
    if (end - start < 4) {
      return -1;
    }
    int labelStart = start;
    int labels = 0;
    for (int i = start; i <= end; i++) {
      if (i == end || s.charAt(i) == '.') {
        int len = i - labelStart;
        if (len < 1 || len > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return -1;
        }
        labels++;
        if (i < end) {
          labelStart = i + 1;
        }
      }
    }
    if (labels < 2) {
      return -1;
    }
    boolean punycode = s.regionMatches(true, labelStart, "xn--", 0, 4); // an IDN TLD (xn--p1ai is .рф)
    for (int i = labelStart; i < end; i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(punycode && (c >= '0' && c <= '9' || c == '-'))) {
        return -1;
      }
    }
    return Tlds.isTld(s, labelStart, end) ? labelStart : -1;
  }

  private static boolean hasDoubleDot(String s, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (s.charAt(i) == '.' && s.charAt(i - 1) == '.') {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLocalChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
}
