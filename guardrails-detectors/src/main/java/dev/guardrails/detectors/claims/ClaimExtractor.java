package dev.guardrails.detectors.claims;

import dev.guardrails.text.Span;
import dev.guardrails.detectors.nlp.EnglishNlp;
import dev.guardrails.detectors.nlp.RuleSentences;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Picks the check-worthy sentences of an answer: declarative sentences with enough content words,
 * minus questions, greetings, hedged advice and opinions, each with a check-worthiness score that
 * rises with numbers, dates, money, named entities, comparatives, causal and absolute wording.
 * Stateless and thread-safe.
 */
final class ClaimExtractor {

  /** Sentences with fewer content words than this assert too little to check. */
  static final int MIN_CONTENT_WORDS = 2;

  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");

  private ClaimExtractor() {}

  /** One check-worthy sentence: its span in the normalized text, its terms and worthiness. */
  static final class Claim {
    final int start;
    final int end;
    final Terms.Seq seq;
    final double worthiness;
    final boolean hasQuantity;

    Claim(int start, int end, Terms.Seq seq, double worthiness, boolean hasQuantity) {
      this.start = start;
      this.end = end;
      this.seq = seq;
      this.worthiness = worthiness;
      this.hasQuantity = hasQuantity;
    }
  }

  /**
   * Returns the sentence spans of the normalized text: OpenNLP's (the shared analysis), each split
   * again by the rule splitter, which also ends sentences at a full stop followed by a lower-case
   * word (the model, trained on cased text, runs lower-cased sentences together). Falls back to the
   * rule splitter alone if the model is missing.
   */
  static List<Span> sentences(AnalyzedText text) {
    return sentences(text, null, 0);
  }

  /**
   * {@link #sentences(AnalyzedText)}, only those inside a model sentence that holds one of
   * {@code offsets[0, count)} (ascending, at non-whitespace chars of the normalized text), with the
   * model asked only about those ({@link EnglishNlp#sentencesAround}); {@code offsets} null: all.
   * A rule splitter's part of such a model sentence is kept even when it holds no offset, as the
   * whole-text list has it.
   */
  static List<Span> sentences(AnalyzedText text, int[] offsets, int count) {
    List<Span> out = new ArrayList<>();
    for (Span sp : rawSentences(text, offsets, count)) {
      Span orig = text.toOriginal(sp.start(), sp.end());
      if (orig.end() - orig.start() <= MAX_SENTENCE) {
        out.add(sp);
      }
    }
    return out;
  }

  /**
   * Longest sentence (in original chars) the claim detectors judge, below their declared window
   * of 1,024. A "sentence" with no end in that many chars (a table, a code block, a run of digits)
   * is not a claim, and a finding over it would exceed the window, breaking the stream's
   * equivalence with check (found by StreamFuzzTest: an 11,882-char run flagged whole by check,
   * only its first 8,050 chars by the stream).
   */
  static final int MAX_SENTENCE = 1000;

  /**
   * True when {@code s[a, b)} holds no '.', '!', '?' or line break before its last char: then
   * {@link RuleSentences#split} of it is one sentence, the span itself when it is trimmed (as the
   * model's sentences are).
   */
  static boolean noInnerEnd(String s, int a, int b) {
    for (int i = a; i < b - 1; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        return false;
      }
    }
    return true;
  }

  private static List<Span> rawSentences(AnalyzedText text, int[] offsets, int count) {
    String s = text.normalized();
    List<Span> model;
    try {
      model = offsets == null ? text.analysis(EnglishNlp.SENTENCES) : EnglishNlp.sentencesAround(s, offsets, count);
    } catch (IllegalStateException | LinkageError e) {
      return RuleSentences.split(s);
    }
    List<Span> out = new ArrayList<>(model.size() + 4);
    for (Span m : model) {
      if (noInnerEnd(s, m.start(), m.end())) {
        out.add(m); // the rule splitter ends sentences only at '.', '!', '?' or a line break before the last char
        continue;
      }
      List<Span> parts = RuleSentences.split(s.subSequence(m.start(), m.end()));
      if (parts.size() == 1) {
        out.add(m);
        continue;
      }
      for (Span p : parts) {
        out.add(new Span(m.start() + p.start(), m.start() + p.end()));
      }
    }
    return out;
  }

  /**
   * Returns the check-worthy claims of a text, in order.
   *
   * @param text the analyzed answer
   * @return the claims, spans over {@link AnalyzedText#normalized()}
   */
  static List<Claim> extract(AnalyzedText text) {
    String s = text.normalized();
    List<Claim> out = new ArrayList<>();
    for (Span sent : sentences(text)) {
      Claim c = claim(s, sent.start(), sent.end());
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private static final int HEDGE = 1;
  private static final int STOP = 2;
  private static final int MONTH = 4;
  private static final int COMPARATIVE = 8;
  private static final int CAUSAL = 16;
  private static final int ABSOLUTE = 32;

  /**
   * For each word of {@link Lexicon#HEDGES}, {@link Lexicon#STOP}, {@link #MONTHS},
   * {@link Lexicon#COMPARATIVE}, {@link Lexicon#CAUSAL} and {@link Lexicon#ABSOLUTE}, the bits of the
   * lists that hold it: {@link #claim} asks once per token instead of once per list.
   */
  private static final java.util.Map<String, Integer> KINDS = kinds();

  private static java.util.Map<String, Integer> kinds() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    java.util.List<Set<String>> lists = java.util.List.of(Lexicon.HEDGES, Lexicon.STOP, MONTHS, Lexicon.COMPARATIVE,
        Lexicon.CAUSAL, Lexicon.ABSOLUTE);
    for (int b = 0; b < lists.size(); b++) {
      for (String w : lists.get(b)) {
        m.merge(w, 1 << b, (x, y) -> x | y);
      }
    }
    return m;
  }

  /** Returns the claim of one sentence, or null when the sentence is not check-worthy. */
  static Claim claim(String s, int a, int b) {
    if (s.charAt(b - 1) == '?' || skipOpening(s, a, b)) {
      return null;
    }
    Terms.Seq seq = Terms.tokenize(s, a, b);
    int content = 0;
    boolean quantity = false;
    boolean entity = false;
    boolean date = false;
    boolean comparative = false;
    boolean causal = false;
    boolean absolute = false;
    for (int i = 0; i < seq.size(); i++) {
      String t = seq.terms[i];
      if (seq.kinds[i] != Terms.WORD) {
        quantity = true;
        content++;
        continue;
      }
      Integer kinds = KINDS.get(t); // one lookup for the six word lists
      int k = kinds == null ? 0 : kinds;
      if ((k & HEDGE) != 0) {
        return null;
      }
      boolean stop = (k & STOP) != 0;
      if (!stop) {
        content++;
      }
      entity |= i > 0 && seq.capitalized[i] && !stop;
      date |= (k & MONTH) != 0;
      comparative |= (k & COMPARATIVE) != 0;
      causal |= (k & CAUSAL) != 0;
      absolute |= (k & ABSOLUTE) != 0;
    }
    if (content < MIN_CONTENT_WORDS) {
      return null;
    }
    double w = 0.3 + (quantity ? 0.3 : 0) + (entity ? 0.2 : 0) + (date ? 0.1 : 0) + (comparative ? 0.1 : 0)
        + (causal ? 0.1 : 0) + (absolute ? 0.1 : 0);
    return new Claim(a, b, seq, Math.min(1.0, w), quantity);
  }

  private static boolean skipOpening(String s, int a, int b) {
    int len = Math.min(b - a, 24);
    String head = Terms.lower(s, a, a + len);
    for (String o : Lexicon.SKIP_OPENINGS) {
      if (head.startsWith(o) && (head.length() == o.length() || !Character.isLetter(head.charAt(o.length())) || o.endsWith(" "))) {
        return true;
      }
    }
    return false;
  }
}
