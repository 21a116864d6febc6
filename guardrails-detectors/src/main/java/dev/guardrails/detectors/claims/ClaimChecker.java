package dev.guardrails.detectors.claims;

import dev.guardrails.Evidence;
import dev.guardrails.Source;
import dev.guardrails.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Grounds the check-worthy claims of an answer against sources. Each claim (a sentence) is scored
 * against the source passages that Lucene BM25 retrieves for it: how much of the claim the
 * passages cover (content words, word pairs, and runs of three or more words in order), whether
 * its numbers, dates and amounts occur in the sources (after normalization: "1.5 million" =
 * "1,500,000"), whether the names it mentions occur, and whether the best passage says the opposite
 * (a negation or an antonym the claim lacks). The answer's score is the mean of its two least
 * supported claims' scores, at least that of a contradicted claim.
 *
 * <pre>{@code
 * ClaimChecker.Assessment a = ClaimChecker.assess(answer, List.of(Source.of("doc-1", article)));
 * if (a.score() >= ClaimChecker.RESPONSE_THRESHOLD) { ... }
 * }</pre>
 *
 * <p>Source indexes are cached by content hash, so repeated checks over the same sources do not
 * re-index. Stateless and thread-safe.
 */
public final class ClaimChecker {

  /** Claim scores at or above this are UNSUPPORTED (per claim; see docs/claims.md). */
  public static final double THRESHOLD = 0.5;

  /**
   * Answer scores ({@link Assessment#score()}) at or above this mean the answer is not supported:
   * the cut with the best balanced accuracy on FRANK validation (see docs/claims.md). Lower than
   * {@link #THRESHOLD} because the answer score averages the two least supported claims.
   */
  public static final double RESPONSE_THRESHOLD = 0.32;

  /** Raw unsupport (1 - weighted coverage) that maps to {@link #THRESHOLD}. */
  static final double RAW_AT_THRESHOLD = 0.2;

  private static final int RETRIEVE = 10;

  private static final int KEEP = 3;
  private static final int MIN_FRAGMENT = 3;
  private static final double NEGATION_COVERAGE = 0.75;


  private ClaimChecker() {}

  /** What grounding concluded about a claim. */
  public enum Outcome {
    /** The sources support the claim. */
    SUPPORTED,
    /** The sources do not contain what the claim says. */
    UNSUPPORTED,
    /** The best matching passage says something incompatible (another number, a negation). */
    CONTRADICTED
  }

  /**
   * The verdict on one claim.
   *
   * @param span the claim sentence in the ORIGINAL answer
   * @param outcome supported, unsupported or contradicted
   * @param score confidence in {@code [0, 1]} that the claim is NOT supported
   * @param checkWorthiness how much the sentence asserts, in {@code [0, 1]}
   * @param evidence the best matching source passage, if any
   * @param reason a short explanation naming no raw text
   */
  public record Verdict(Span span, Outcome outcome, double score, double checkWorthiness,
      Optional<Evidence> evidence, String reason) {}

  /**
   * The verdicts on all claims of an answer and the answer's score.
   *
   * @param claims per-claim verdicts, in text order
   * @param score the mean of the two highest claim scores (the least supported claims), at least
   *     the score of any CONTRADICTED claim; 0 when there is no claim; compare with
   *     {@link ClaimChecker#RESPONSE_THRESHOLD}
   */
  public record Assessment(List<Verdict> claims, double score) {
    /** Copies the list. */
    public Assessment {
      claims = List.copyOf(claims);
    }
  }

  /**
   * Grounds an answer against sources.
   *
   * @param answer the answer text
   * @param sources the sources it should rest on; when empty every claim is UNSUPPORTED
   * @return the assessment
   */
  public static Assessment assess(String answer, List<Source> sources) {
    return assess(AnalyzedText.of(Objects.requireNonNull(answer, "answer")), sources);
  }

  /**
   * Grounds an analyzed answer against sources (shares the text's sentence analysis).
   *
   * @param text the analyzed answer
   * @param sources the sources it should rest on
   * @return the assessment
   */
  public static Assessment assess(AnalyzedText text, List<Source> sources) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sources, "sources");
    List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(text);
    if (claims.isEmpty()) {
      return new Assessment(List.of(), 0.0);
    }
    SourceIndex index = sources.isEmpty() ? null : SourceIndex.of(sources);
    return assess(text, claims, index);
  }

  /**
   * Builds the source index without the cache and grounds the answer against it: the cost of a
   * first check over new sources. For benchmarks and cache-free callers.
   *
   * @param text the analyzed answer
   * @param sources the sources, non-empty
   * @return the assessment
   */
  public static Assessment assessUncached(AnalyzedText text, List<Source> sources) {
    Objects.requireNonNull(text, "text");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("sources must not be empty: 0");
    }
    return assess(text, ClaimExtractor.extract(text), SourceIndex.build(sources));
  }

  static Assessment assess(AnalyzedText text, List<ClaimExtractor.Claim> claims, SourceIndex index) {
    List<Verdict> out = new ArrayList<>(claims.size());
    for (ClaimExtractor.Claim c : claims) {
      out.add(index == null
          ? new Verdict(text.toOriginal(c.start, c.end), Outcome.UNSUPPORTED, 1.0, c.worthiness, Optional.empty(), "no source given")
          : check(text, c, index));
    }
    return new Assessment(out, responseScore(out));
  }

  /**
   * The answer's score: the mean of its two least supported claims' scores (the one claim's score
   * when there is one), but never below the score of a CONTRADICTED claim. A single weak claim is
   * often a lexical paraphrase the coverage measures miss, while two weak claims rarely are; a
   * contradiction (another number, the opposite word) is decisive on its own. On FRANK validation
   * this mean ranks answers a little better than the single least supported claim (ROC AUC 0.783
   * vs 0.778, balanced accuracy 0.746 vs 0.730; see docs/claims.md); it does not grow with the
   * number of claims, unlike a noisy-or.
   */
  static double responseScore(List<Verdict> verdicts) {
    double first = 0;
    double second = 0;
    double contradicted = 0;
    for (Verdict v : verdicts) {
      double s = v.score();
      if (s > first) {
        second = first;
        first = s;
      } else if (s > second) {
        second = s;
      }
      if (v.outcome() == Outcome.CONTRADICTED) {
        contradicted = Math.max(contradicted, s);
      }
    }
    double mean = verdicts.size() == 1 ? first : (first + second) / 2;
    return Math.max(mean, contradicted);
  }

  /** Scores one claim against the index. */
  static Verdict check(AnalyzedText text, ClaimExtractor.Claim c, SourceIndex index) {
    Terms.Seq seq = c.seq;
    int n = seq.size();
    int[] ids = new int[n];
    // The BM25 query (content terms the sources hold) is only needed when the index has a Lucene part.
    Set<String> query = index.retrieves() ? SourceIndex.newQuery() : Set.of();
    for (int i = 0; i < n; i++) {
      ids[i] = index.id(seq.terms[i]);
      if (ids[i] >= 0 && index.retrieves() && seq.isContent(i)) {
        query.add(seq.terms[i]);
      }
    }
    int[] hits = index.candidates(ids, query, RETRIEVE);
    // Re-rank the retrieved passages by direct coverage; keep the best few.
    double[] rank = new double[hits.length];
    double[] cov = new double[hits.length];
    double[] bi = new double[hits.length];
    boolean[] unique = uniqueContent(seq);
    Marks marks = Marks.get(index.vocabularySize());
    for (int h = 0; h < hits.length; h++) {
      int[] p = index.passages[hits[h]].ids;
      int gen = marks.mark(p);
      cov[h] = contentCoverage(unique, ids, marks.stamps, gen);
      bi[h] = bigramCoverage(ids, p, marks.stamps, gen);
      rank[h] = cov[h] + bi[h];
    }
    int[] order = order(rank);
    int keep = Math.min(KEEP, hits.length);
    int best = keep > 0 ? order[0] : -1;
    double fragments = fragmentCoverage(ids, index, hits, order, keep);
    double bestCov = best >= 0 ? cov[best] : 0;
    double bestBi = best >= 0 ? bi[best] : 0;
    double raw = 1.0 - (2 * fragments + bestCov + bestBi) / 4.0;
    double score = Math.min(1.0, raw * (THRESHOLD / RAW_AT_THRESHOLD));
    score = Math.min(1.0, Math.max(0.0, score));
    Outcome outcome = score >= THRESHOLD ? Outcome.UNSUPPORTED : Outcome.SUPPORTED;
    String reason = outcome == Outcome.SUPPORTED ? "covered by a source passage" : "not covered by the sources";
    SourceIndex.Passage bp = best >= 0 ? index.passages[hits[best]] : null;
    // Numbers, dates and amounts must match exactly.
    for (int i = 0; i < n; i++) {
      if (seq.kinds[i] != Terms.WORD && ids[i] < 0) {
        if (bp != null && bestCov >= 0.5 && hasKind(bp, seq.kinds[i])) {
          outcome = Outcome.CONTRADICTED;
          score = Math.max(score, 0.9);
          reason = "a number differs from the best matching source passage";
        } else if (outcome != Outcome.CONTRADICTED) {
          outcome = Outcome.UNSUPPORTED;
          score = Math.max(score, 0.8);
          reason = "a number, date or amount appears in no source";
        }
      }
    }
    if (outcome == Outcome.UNSUPPORTED && unknownEntities(seq, ids) > 0 && reason.startsWith("not covered")) {
      reason = "names an entity no source mentions";
    }
    // Negation or antonym mismatch with a passage that otherwise matches well.
    if (bp != null && bestCov >= 0.6 && outcome != Outcome.CONTRADICTED && polarityClash(seq, ids, bp, index, bestCov)) {
      outcome = Outcome.CONTRADICTED;
      score = Math.max(score, 0.85);
      reason = "the best matching source passage says the opposite";
    }
    Optional<Evidence> ev = bp == null ? Optional.empty()
        : Optional.of(new Evidence(index.sources.get(bp.source).id(), new Span(bp.start, bp.end)));
    return new Verdict(text.toOriginal(c.start, c.end), outcome, score, c.worthiness, ev, reason);
  }

  /** Share of the claim's distinct content terms that occur in the passage. */
  /** Counts capitalized, non-initial words (names) that no source contains. */
  static int unknownEntities(Terms.Seq seq, int[] ids) {
    int u = 0;
    for (int i = 1; i < ids.length; i++) {
      if (seq.kinds[i] == Terms.WORD && seq.capitalized[i] && ids[i] < 0 && !Lexicon.STOP.contains(seq.terms[i])) {
        u++;
      }
    }
    return u;
  }

  /** Per-thread scratch: a stamp per term id, so "does this passage hold term x" is one array read. */
  private static final class Marks {
    private static final ThreadLocal<Marks> LOCAL = ThreadLocal.withInitial(Marks::new);
    int[] stamps = new int[0];
    int gen;

    static Marks get(int vocabulary) {
      Marks m = LOCAL.get();
      if (m.stamps.length < vocabulary) {
        m.stamps = new int[Math.max(vocabulary, m.stamps.length * 2)];
        m.gen = 0;
      }
      return m;
    }

    /** Stamps the passage's terms with a new generation and returns it. */
    int mark(int[] passage) {
      if (++gen == Integer.MAX_VALUE) {
        java.util.Arrays.fill(stamps, 0);
        gen = 1;
      }
      for (int id : passage) {
        stamps[id] = gen;
      }
      return gen;
    }
  }

  /** Marks the first occurrence of each distinct content term of the claim. */
  private static boolean[] uniqueContent(Terms.Seq seq) {
    boolean[] u = new boolean[seq.size()];
    for (int i = 0; i < u.length; i++) {
      if (!seq.isContent(i)) {
        continue;
      }
      u[i] = true;
      for (int j = 0; j < i; j++) {
        if (u[j] && seq.terms[j].equals(seq.terms[i])) {
          u[i] = false;
          break;
        }
      }
    }
    return u;
  }

  /** Share of the claim's distinct content terms that the stamped passage holds. */
  static double contentCoverage(boolean[] unique, int[] ids, int[] stamps, int gen) {
    int total = 0;
    int found = 0;
    for (int i = 0; i < ids.length; i++) {
      if (unique[i]) {
        total++;
        if (ids[i] >= 0 && stamps[ids[i]] == gen) {
          found++;
        }
      }
    }
    return total == 0 ? 1 : (double) found / total;
  }

  /** Share of the claim's adjacent term pairs that occur adjacent in the passage. */
  static double bigramCoverage(int[] ids, int[] passage, int[] stamps, int gen) {
    int total = ids.length - 1;
    if (total <= 0) {
      return ids.length == 1 && ids[0] >= 0 && stamps[ids[0]] == gen ? 1 : 0;
    }
    int found = 0;
    for (int i = 0; i < total; i++) {
      int x = ids[i];
      int y = ids[i + 1];
      if (x >= 0 && y >= 0 && stamps[x] == gen && stamps[y] == gen && containsPair(passage, x, y)) {
        found++;
      }
    }
    return (double) found / total;
  }

  /** Share of claim tokens inside runs of {@value #MIN_FRAGMENT}+ tokens that occur in order in a kept passage. */
  static double fragmentCoverage(int[] ids, SourceIndex index, int[] hits, int[] order, int keep) {
    if (ids.length == 0) {
      return 0;
    }
    int covered = 0;
    int i = 0;
    while (i < ids.length) {
      int longest = 0;
      if (ids[i] >= 0) {
        for (int k = 0; k < keep; k++) {
          int[] p = index.passages[hits[order[k]]].ids;
          for (int j = 0; j < p.length; j++) {
            if (p[j] == ids[i]) {
              int l = 1;
              while (i + l < ids.length && j + l < p.length && p[j + l] == ids[i + l]) {
                l++;
              }
              longest = Math.max(longest, l);
            }
          }
        }
      }
      if (longest >= Math.min(MIN_FRAGMENT, ids.length)) { // a claim shorter than a run counts when found whole
        covered += longest;
      }
      i += Math.max(1, longest);
    }
    return (double) covered / ids.length;
  }

  private static boolean polarityClash(Terms.Seq seq, int[] ids, SourceIndex.Passage p, SourceIndex index, double coverage) {
    int claimNeg = 0;
    for (int i = 0; i < seq.size(); i++) {
      if (Lexicon.NEGATIONS.contains(seq.terms[i])) {
        claimNeg++;
      }
      String anti = Lexicon.ANTONYMS.get(seq.terms[i]);
      if (anti != null) {
        int antiId = index.id(anti);
        if (antiId >= 0 && contains(p.ids, antiId) && (ids[i] < 0 || !contains(p.ids, ids[i]))) {
          return true;
        }
      }
    }
    int passageNeg = 0;
    for (int id : p.ids) {
      if (Lexicon.NEGATIONS.contains(index.term(id))) {
        passageNeg++;
      }
    }
    // The claim negates what a passage with nearly the same words asserts. (The other direction is
    // not used: long source sentences often hold a negation in a clause the claim does not restate.)
    return coverage >= NEGATION_COVERAGE && claimNeg > 0 && passageNeg == 0;
  }

  private static boolean hasKind(SourceIndex.Passage p, byte kind) {
    for (byte k : p.kinds) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsPair(int[] a, int x, int y) {
    for (int j = 0; j + 1 < a.length; j++) {
      if (a[j] == x && a[j + 1] == y) {
        return true;
      }
    }
    return false;
  }

  private static int[] order(double[] rank) {
    Integer[] idx = new Integer[rank.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(rank[b], rank[a]) != 0 ? Double.compare(rank[b], rank[a]) : Integer.compare(a, b));
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
