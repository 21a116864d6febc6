package dev.guardrails.detectors.claims;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.Source;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reports language that pretends to have support: vague attributions with no named source
 * ("studies show", "experts agree"), citations, DOIs and URLs that appear in no source (and
 * malformed DOIs, numbered references when there are no sources), precise statistics stated with
 * no source, and absolute certainty on factual claims ("guaranteed", "100% safe").
 *
 * <p>Reports {@code CLAIM/UNSUPPORTED_ATTRIBUTION}, {@code CLAIM/UNVERIFIABLE_CITATION},
 * {@code CLAIM/OVERCONFIDENT} and {@code CLAIM/UNSUPPORTED}. Attributions and statistics are only
 * reported when the context has no sources (with sources, {@link ClaimGroundingDetector} checks the
 * content itself); citations and certainty always. Stateless and thread-safe.
 */
public final class ClaimLanguageDetector implements Detector {

  /** A vague appeal to unnamed authority. */
  public static final FindingType UNSUPPORTED_ATTRIBUTION = FindingType.of(Category.CLAIM, "UNSUPPORTED_ATTRIBUTION");
  /** A citation, DOI or URL no source contains, or a malformed one. */
  public static final FindingType UNVERIFIABLE_CITATION = FindingType.of(Category.CLAIM, "UNVERIFIABLE_CITATION");
  /** Absolute certainty about a factual claim. */
  public static final FindingType OVERCONFIDENT = FindingType.of(Category.CLAIM, "OVERCONFIDENT");

  private static final String[] SUBJECTS = {"studies", "study", "research", "experts", "scientists", "researchers",
    "doctors", "science", "surveys", "data", "evidence", "statistics", "analysts", "specialists"};
  private static final Set<String> VERBS = Set.of("show", "shows", "shown", "prove", "proves", "proven", "proved",
      "agree", "agrees", "say", "says", "suggest", "suggests", "confirm", "confirms", "confirmed", "found", "find",
      "finds", "indicate", "indicates", "believe", "recommend", "demonstrate", "demonstrates", "demonstrated");
  private static final String[] CERTAINTY = {"guaranteed", "guarantee", "guarantees", "100% safe", "100% effective",
    "100% accurate", "100% certain", "100% sure", "always works", "never fails", "without a doubt", "risk-free",
    "completely safe", "proven fact", "absolutely certain", "cannot fail", "no risk", "zero risk", "always"};

  /** Creates the detector; used by {@link java.util.ServiceLoader}. */
  public ClaimLanguageDetector() {}

  @Override
  public String id() {
    return "claims.language";
  }

  @Override
  public Set<FindingType> types() {
    return Set.of(UNSUPPORTED_ATTRIBUTION, UNVERIFIABLE_CITATION, OVERCONFIDENT, ClaimGroundingDetector.UNSUPPORTED);
  }

  @Override
  public boolean sentenceScoped() {
    return true;
  }

  @Override
  public int window() {
    return 1024;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    String s = text.normalized();
    if (s.isBlank()) {
      return;
    }
    List<Source> sources = ctx.sources();
    Citations.scan(text, sources, id(), UNVERIFIABLE_CITATION, out);
    if (!mayFlag(s)) {
      return; // no word or symbol any sentence-level rule needs: skip sentence analysis altogether
    }
    for (Span sent : ClaimExtractor.sentences(text)) {
      String lower = lowerSameLength(s.substring(sent.start(), sent.end()));
      boolean attributed = false;
      if (sources.isEmpty()) {
        long found = lower.endsWith("?") ? -1 : attribution(lower);
        if (found >= 0 && !namesSource(s, sent.start(), sent.end())) {
          int at = (int) (found >>> 32);
          int end = (int) found;
          Span sp = text.toOriginal(sent.start() + at, sent.start() + end);
          out.accept(Finding.of(id(), UNSUPPORTED_ATTRIBUTION, sp.start(), sp.end(), 0.8, "appeal to unnamed authority"));
          attributed = true;
        }
      }
      ClaimExtractor.Claim c = ClaimExtractor.claim(s, sent.start(), sent.end());
      if (c == null) {
        continue;
      }
      long certainty = certainty(lower);
      int certain = (int) (certainty >>> 32);
      if (certainty >= 0 && certain > 0) { // a leading "Always ..." is an instruction, not a claim
        int end = (int) certainty;
        Span sp = text.toOriginal(sent.start() + certain, sent.start() + end);
        out.accept(Finding.of(id(), OVERCONFIDENT, sp.start(), sp.end(), 0.7, "absolute certainty on a factual claim"));
      }
      if (sources.isEmpty() && !attributed && preciseStatistic(c)) {
        Span sp = text.toOriginal(sent.start(), sent.end());
        out.accept(Finding.of(id(), ClaimGroundingDetector.UNSUPPORTED, sp.start(), sp.end(), 0.6,
            "precise statistic with no source"));
      }
    }
  }

  /**
   * Words (lower case) without which no sentence-level rule can fire: attribution subjects, a
   * distinctive word of every certainty phrase, and percent/currency words (a '%' or currency symbol
   * also counts). A conservative pre-filter: answers without any skip sentence detection.
   */
  private static final String[][] TRIGGERS_BY_LETTER = new String[26][];

  static {
    java.util.List<java.util.List<String>> buckets = new java.util.ArrayList<>();
    for (int i = 0; i < 26; i++) {
      buckets.add(new java.util.ArrayList<>());
    }
    java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(SUBJECTS));
    words.addAll(java.util.List.of("guaranteed", "guarantee", "guarantees", "safe", "effective", "accurate", "certain",
        "sure", "always", "never", "fails", "fail", "doubt", "risk", "proven", "percent", "pct", "cent"));
    words.addAll(Terms.CURRENCY_WORDS);
    for (String w : CERTAINTY) {
      boolean covered = false;
      for (String part : w.split("[ %-]")) {
        covered |= words.contains(part);
      }
      if (!covered && !w.contains("%")) {
        throw new AssertionError("certainty phrase without a trigger word: " + w);
      }
    }
    for (String w : words) {
      buckets.get(w.charAt(0) - 'a').add(w);
    }
    for (int i = 0; i < 26; i++) {
      TRIGGERS_BY_LETTER[i] = buckets.get(i).toArray(new String[0]);
    }
  }

  /** True when {@code s} holds a trigger word (whole word, any case), a '%' or a currency symbol. */
  static boolean mayFlag(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int k = c < 0x80 ? ASCII_KIND[c] : c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL ? SYMBOL
          : Character.isLetter(c) ? LETTER : 0;
      if (k != LETTER) {
        if (k == SYMBOL) {
          return true;
        }
        i++;
        continue;
      }
      int e = i + 1;
      char d;
      if (c < 0x80 && e < n && (d = s.charAt(e)) < 0x80 && ASCII_KIND[d] == LETTER
          && !TRIGGER_PREFIX[((c | 0x20) - 'a') * 26 + ((d | 0x20) - 'a')]) {
        // no trigger word starts with these two letters (ASCII letters compare ignoring case as
        // c | 0x20): skip the word without hashing it, as most words are
        e++;
        while (e < n && ((d = s.charAt(e)) < 0x80 ? ASCII_KIND[d] == LETTER : Character.isLetter(d))) {
          e++;
        }
        i = e;
        continue;
      }
      // the word's hash, lower-cased as it is read (ASCII letters only: c | 0x20)
      int h = c | 0x20;
      boolean ascii = c < 0x80;
      while (e < n && ((d = s.charAt(e)) < 0x80 ? ASCII_KIND[d] == LETTER : Character.isLetter(d))) {
        h = 31 * h + (d | 0x20);
        ascii &= d < 0x80;
        e++;
      }
      if (ascii ? isTrigger(s, i, e, h) : isTriggerAnyCase(s, i, e)) {
        return true;
      }
      i = e;
    }
    return false;
  }

  /** The first two letters of the trigger words, at {@code (first - 'a') * 26 + (second - 'a')}. */
  private static final boolean[] TRIGGER_PREFIX = new boolean[26 * 26];

  static {
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      for (String w : bucket) {
        if (w.length() < 2 || !w.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
          throw new AssertionError("trigger word is not two or more lower-case ASCII letters: " + w);
        }
        TRIGGER_PREFIX[(w.charAt(0) - 'a') * 26 + (w.charAt(1) - 'a')] = true;
      }
    }
  }

  /** An ASCII word: one probe of the hashed trigger table, then a compare of the one candidate. */
  private static boolean isTrigger(String s, int from, int to, int hash) {
    for (int slot = mix(hash) & (TRIGGER_TABLE.length - 1); TRIGGER_TABLE[slot] != null; slot = (slot + 1) & (TRIGGER_TABLE.length - 1)) {
      String w = TRIGGER_TABLE[slot];
      if (w.length() == to - from && s.regionMatches(true, from, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  /** A word with a non-ASCII letter: {@code regionMatches} ignoring case as Unicode does (the long s, the Kelvin sign). */
  private static boolean isTriggerAnyCase(String s, int from, int to) {
    char f = Character.toLowerCase(s.charAt(from));
    if (f >= 'a' && f <= 'z') {
      for (String w : TRIGGERS_BY_LETTER[f - 'a']) {
        if (w.length() == to - from && s.regionMatches(true, from, w, 0, w.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The trigger words, lower case (for tests). */
  static java.util.List<String> triggerWords() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      out.addAll(java.util.List.of(bucket));
    }
    return out;
  }

  private static int mix(int h) {
    return h ^ (h >>> 7) ^ (h >>> 15);
  }

  /** The trigger words by {@link #mix}ed hash of their chars, open addressing; a quarter full at most. */
  private static final String[] TRIGGER_TABLE;

  static {
    int count = 0;
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      count += bucket.length;
    }
    String[] table = new String[Integer.highestOneBit(count * 4) * 2];
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      for (String w : bucket) {
        int slot = mix(w.hashCode()) & (table.length - 1);
        while (table[slot] != null) {
          slot = (slot + 1) & (table.length - 1);
        }
        table[slot] = w;
      }
    }
    TRIGGER_TABLE = table;
  }

  private static final byte LETTER = 1;
  private static final byte SYMBOL = 2;
  /** {@link #mayFlag}'s classes of ASCII chars: a letter, '%' or a currency symbol ('$'), other. */
  private static final byte[] ASCII_KIND = new byte[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_KIND[c] = c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL ? SYMBOL
          : Character.isLetter(c) ? LETTER : 0;
    }
  }


  /** Returns start and end (packed {@code start << 32 | end}) of a "<subject> <verb>" or "according to <subject>" phrase, or -1. */
  static long attribution(String lower) {
    for (String subj : SUBJECTS) {
      for (int i = lower.indexOf(subj); i >= 0; i = lower.indexOf(subj, i + 1)) {
        if (i > 0 && Character.isLetter(lower.charAt(i - 1))) {
          continue;
        }
        int e = i + subj.length();
        if (e < lower.length() && Character.isLetter(lower.charAt(e))) {
          continue;
        }
        int w = e;
        while (w < lower.length() && lower.charAt(w) == ' ') {
          w++;
        }
        if (lower.startsWith("have ", w) || lower.startsWith("has ", w)) {
          w = lower.indexOf(' ', w) + 1;
        }
        int we = w;
        while (we < lower.length() && Character.isLetter(lower.charAt(we))) {
          we++;
        }
        if (we > w && VERBS.contains(lower.substring(w, we))) {
          return ((long) i << 32) | we;
        }
        int acc = lower.lastIndexOf("according to", i);
        if (acc >= 0 && i - acc <= "according to many ".length() + 2) {
          return ((long) acc << 32) | e;
        }
      }
    }
    return -1;
  }

  /**
   * {@code s.toLowerCase(Locale.ROOT)} when that keeps the length, else each char lowered on its own
   * ({@link Character#toLowerCase(char)}), so an index into the result is an index into {@code s}:
   * a char whose lower case is longer ('\u0130', capital I with a dot, lowers to two chars) shifted
   * every later index, and a phrase after it was reported past the sentence's end (the detector
   * threw). Both forms agree on every ASCII letter, so the phrase rules read them alike.
   */
  static String lowerSameLength(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.length() == s.length()) {
      return lower;
    }
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(s.charAt(i));
    }
    return new String(out);
  }

  /** True when the sentence names its source: a capitalized name after the attribution, a year in brackets, a link. */
  private static boolean namesSource(String s, int a, int b) {
    String sent = s.substring(a, b);
    if (sent.contains("http") || sent.contains("doi") || bracketedYear(sent)) {
      return true;
    }
    String lower = lowerSameLength(sent);
    for (String cue : new String[] {"according to ", " by ", " from ", " at ", " in the journal ", " published in "}) {
      int i = lower.indexOf(cue);
      if (i >= 0) {
        int j = i + cue.length();
        if (lower.startsWith("the ", j)) {
          j += 4;
        }
        if (j < sent.length() && Character.isUpperCase(sent.charAt(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True for "(Smith et al., 2020)": a parenthesis holding a four-digit year within 60 chars. */
  private static boolean bracketedYear(String sent) {
    for (int i = sent.indexOf('('); i >= 0; i = sent.indexOf('(', i + 1)) {
      int digits = 0;
      for (int j = i + 1; j < sent.length() && j <= i + 60 && sent.charAt(j) != '('; j++) {
        char ch = sent.charAt(j);
        if (ch == ')') {
          if (digits >= 4) {
            return true;
          }
          break;
        }
        digits = Character.isDigit(ch) ? digits + 1 : 0;
        if (digits == 4 && j + 1 < sent.length() && sent.charAt(j + 1) == ')') {
          return true;
        }
      }
    }
    return false;
  }

  private static long certainty(String lower) {
    for (String w : CERTAINTY) {
      int i = lower.indexOf(w);
      while (i >= 0) {
        boolean left = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
        int e = i + w.length();
        boolean right = e >= lower.length() || !Character.isLetterOrDigit(lower.charAt(e));
        if (left && right) {
          return ((long) i << 32) | e;
        }
        i = lower.indexOf(w, i + 1);
      }
    }
    return -1;
  }

  /** A decimal percentage, or a number with four or more significant digits beside a unit word. */
  private static boolean preciseStatistic(ClaimExtractor.Claim c) {
    for (int i = 0; i < c.seq.size(); i++) {
      String t = c.seq.terms[i];
      if (c.seq.kinds[i] == Terms.PERCENT && t.indexOf('.') >= 0) {
        return true;
      }
      if (c.seq.kinds[i] == Terms.PERCENT || c.seq.kinds[i] == Terms.MONEY) {
        return true;
      }
    }
    return false;
  }
}
