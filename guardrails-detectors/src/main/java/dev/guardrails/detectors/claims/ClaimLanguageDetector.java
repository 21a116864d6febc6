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
import dev.guardrails.text.CharClass;
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

  static final String[] SUBJECTS = {"studies", "study", "research", "experts", "scientists", "researchers",
    "doctors", "science", "surveys", "data", "evidence", "statistics", "analysts", "specialists"};
  static final Set<String> VERBS = Set.of("show", "shows", "shown", "prove", "proves", "proven", "proved",
      "agree", "agrees", "say", "says", "suggest", "suggests", "confirm", "confirms", "confirmed", "found", "find",
      "finds", "indicate", "indicates", "believe", "recommend", "demonstrate", "demonstrates", "demonstrated");
  static final String[] CERTAINTY = {"guaranteed", "guarantee", "guarantees", "100% safe", "100% effective",
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
    // the normalized view is ASCII when neither view holds a char above U+007F (known from normalizing)
    boolean ascii = !text.contains(CharClass.NON_ASCII);
    ClaimTriggers.Places scan = ascii ? ClaimTriggers.places() : null;
    int scanned = ascii ? ClaimTriggers.scanAscii(s, scan) : ClaimTriggers.scanWords(s);
    if ((scanned & ClaimTriggers.CITATION_CANDIDATE) != 0) {
      // only a text with '[' or a word "http", "https", "www" or "doi" can hold a citation
      Citations.scan(text, sources, id(), UNVERIFIABLE_CITATION, out);
    }
    int kinds = scanned & ClaimTriggers.ALL;
    if (kinds == 0) {
      return; // no word or symbol any sentence-level rule needs: skip sentence analysis altogether
    }
    boolean noSources = sources.isEmpty();
    // a rule whose trigger the text lacks cannot fire in any sentence: skip it (and the sentence's
    // claim analysis when no rule that needs it is left)
    boolean attributions = noSources && (kinds & ClaimTriggers.ATTRIBUTION_TRIGGER) != 0;
    boolean certainties = (kinds & ClaimTriggers.CERTAINTY_TRIGGER) != 0;
    // (an ASCII digit is known from normalizing; only a text with other chars is searched for one.
    // A digit the normalized view lost only costs the per-sentence test below)
    boolean statistics = noSources && (kinds & ClaimTriggers.STATISTIC_TRIGGER) != 0
        && (text.contains(CharClass.DIGIT) || text.contains(CharClass.NON_ASCII) && hasDigit(s, 0, s.length()));
    if (!attributions && !certainties && !statistics) {
      return; // e.g. a currency word with no number, or an attribution subject when sources are given
    }
    // an ASCII text's trigger places were recorded by its scan: only those are tested, the text is not read again
    int[] places = ascii ? ClaimTriggers.triggerOffsets(s, scan, attributions, certainties, statistics)
        : ClaimTriggers.triggerOffsets(s, attributions, certainties, statistics);
    if (places != null && places.length == 0) {
      return; // no trigger word stands in its rule's phrase: no sentence can fire
    }
    // only a sentence holding a trigger can fire: without sources, only those sentences are looked
    // for (with sources, grounding reads every sentence of the shared analysis anyway)
    List<Span> sentences = places != null && noSources
        ? ClaimExtractor.sentences(text, places, places.length) : ClaimExtractor.sentences(text);
    for (Span sent : sentences) {
      int a = sent.start();
      int b = sent.end();
      boolean attribute = attributions && b > a && s.charAt(b - 1) != '?';
      String lower = attribute || certainties ? lowerSameLength(s.substring(a, b)) : null;
      boolean attributed = false;
      long found = attribute ? attribution(lower) : -1;
      if (found >= 0 && !namesSource(s, a, b)) {
        int at = (int) (found >>> 32);
        int end = (int) found;
        Span sp = text.toOriginal(a + at, a + end);
        out.accept(Finding.of(id(), UNSUPPORTED_ATTRIBUTION, sp.start(), sp.end(), 0.8, "appeal to unnamed authority"));
        attributed = true;
      }
      long certainty = certainties ? certainty(lower) : -1;
      int certain = (int) (certainty >>> 32);
      boolean overconfident = certainty >= 0 && certain > 0; // a leading "Always ..." is an instruction, not a claim
      boolean statistic = statistics && !attributed && hasDigit(s, a, b); // a percent or money term starts with a digit
      if (!overconfident && !statistic) {
        continue; // the claim analysis (tokenizing the sentence) could only gate rules that cannot fire
      }
      ClaimExtractor.Claim c = ClaimExtractor.claim(s, a, b);
      if (c == null) {
        continue;
      }
      if (overconfident) {
        int end = (int) certainty;
        Span sp = text.toOriginal(a + certain, a + end);
        out.accept(Finding.of(id(), OVERCONFIDENT, sp.start(), sp.end(), 0.7, "absolute certainty on a factual claim"));
      }
      if (statistic && preciseStatistic(c)) {
        Span sp = text.toOriginal(a, b);
        out.accept(Finding.of(id(), ClaimGroundingDetector.UNSUPPORTED, sp.start(), sp.end(), 0.6,
            "precise statistic with no source"));
      }
    }
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
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

  static long certainty(String lower) {
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
