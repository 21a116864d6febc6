package dev.guardrails.detectors.claims;

import dev.guardrails.Evidence;
import dev.guardrails.Source;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Grounds the check-worthy claims of an answer against sources. Each claim (a sentence) is aligned
 * with the source passages that share its words (Lucene BM25 retrieval on large sources) and
 * described by {@link ClaimFeatures}: how much of it the best passages cover (content words, word
 * pairs, runs in order, several passages together), where its names, numbers and predicate words
 * occur (the best passage, elsewhere, nowhere), negation and antonym flips and subject-object swaps.
 * A logistic regression trained on six public faithfulness sets ({@link ClaimModel}) turns the
 * features into the probability that the claim is not supported; the answer's score is a learned
 * calibration of its claims' log-odds (the highest, the mean of the two highest, the mean of all,
 * the share above 0), at least the score of a contradicted claim.
 *
 * <pre>{@code
 * ClaimChecker.Assessment a = ClaimChecker.assess(answer, List.of(Source.of("doc-1", article)));
 * if (a.score() >= ClaimChecker.RESPONSE_THRESHOLD) { ... }
 * }</pre>
 *
 * <p>These static methods index the sources on every call; {@link ClaimGroundingDetector} keeps
 * a bounded cache of indexes of its own, so repeated checks over the same sources through a
 * {@code Guardrail} do not re-index. Stateless and thread-safe.
 */
public final class ClaimChecker {

  /**
   * Claim and answer scores at or above this mean "not supported": the one cut the trainer chose
   * where each training set's rates of flagged unsupported and passed supported answers are closest
   * (see docs/claims.md); the model file records the same number.
   */
  public static final double THRESHOLD = 0.44;

  /** Answer scores ({@link Assessment#score()}) at or above this mean the answer is not supported. */
  public static final double RESPONSE_THRESHOLD = THRESHOLD;

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
   * @param score probability in {@code [0, 1]} that the claim is NOT supported
   * @param checkWorthiness how much the sentence asserts, in {@code [0, 1]}
   * @param evidence the best matching source passage, if any
   * @param reason a short explanation naming no raw text ("a number, date or amount appears in no source")
   * @param cue the word of the claim the reason is about (the number, the name), in the ORIGINAL answer
   * @param logit the model's log-odds that the claim is not supported (before the hard-rule floors)
   */
  public record Verdict(Span span, Outcome outcome, double score, double checkWorthiness,
      Optional<Evidence> evidence, String reason, Optional<Span> cue, double logit) {}

  /**
   * The verdicts on all claims of an answer and the answer's score.
   *
   * @param claims per-claim verdicts, in text order
   * @param score probability that the answer is not supported: the model's calibration of its claims'
   *     log-odds, at least the score of any CONTRADICTED claim; 0 when there is no claim; compare with
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
   * @throws IllegalStateException when the model resource is missing
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
   * @throws IllegalStateException when the model resource is missing
   */
  public static Assessment assess(AnalyzedText text, List<Source> sources) {
    return assess(text, sources, null);
  }

  /** Grounds an answer, taking the source index from {@code indexes} (null: build it). */
  static Assessment assess(AnalyzedText text, List<Source> sources, SourceIndexCache indexes) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sources, "sources");
    List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(text);
    if (claims.isEmpty()) {
      return new Assessment(List.of(), 0.0);
    }
    SourceIndex index = sources.isEmpty() ? null : indexes == null ? SourceIndex.build(sources) : indexes.of(sources);
    return assess(text, claims, index, ClaimModel.shipped());
  }

  /**
   * Builds the source index and grounds the answer against it: the cost of a first check over new
   * sources. For benchmarks; the same as {@link #assess(AnalyzedText, List)} for non-empty sources.
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
    return assess(text, ClaimExtractor.extract(text), SourceIndex.build(sources), ClaimModel.shipped());
  }

  static Assessment assess(AnalyzedText text, List<ClaimExtractor.Claim> claims, SourceIndex index, ClaimModel model) {
    List<Verdict> out = new ArrayList<>(claims.size());
    if (index == null || index.passages.length == 0) {
      for (ClaimExtractor.Claim c : claims) {
        out.add(new Verdict(text.toOriginal(c.start, c.end), Outcome.UNSUPPORTED, 1.0, c.worthiness, Optional.empty(),
            "no source given", Optional.empty(), Double.POSITIVE_INFINITY));
      }
    } else {
      List<ClaimFeatures.Aligned> aligned = align(claims, index);
      for (int i = 0; i < claims.size(); i++) {
        out.add(check(text, claims.get(i), aligned.get(i), index, model));
      }
    }
    return new Assessment(out, responseScore(out, model));
  }

  /** Aligns every claim of an answer with the index. */
  static List<ClaimFeatures.Aligned> align(List<ClaimExtractor.Claim> claims, SourceIndex index) {
    List<ClaimFeatures.Aligned> aligned = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      aligned.add(ClaimFeatures.compute(claims.get(i).seq, i, claims.size(), index));
    }
    return aligned;
  }

  /**
   * The per-claim feature vectors of an answer against sources (training and the accuracy test).
   *
   * @param text the analyzed answer
   * @param sources the sources, non-empty
   * @return one vector per claim, in text order
   */
  static List<double[]> features(AnalyzedText text, List<Source> sources) {
    List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(text);
    List<double[]> out = new ArrayList<>(claims.size());
    if (claims.isEmpty()) {
      return out;
    }
    for (ClaimFeatures.Aligned a : align(claims, SourceIndex.build(sources))) {
      out.add(a.x);
    }
    return out;
  }

  /**
   * The answer's score: the model's response calibration over the claims' log-odds (the highest, the
   * mean of the two highest, the mean of all and the share above 0; see {@link ClaimModel#aggregate}),
   * never below the score of a CONTRADICTED claim or of a claim with a quantity no source holds. With
   * no source every claim scores 1.
   */
  static double responseScore(List<Verdict> verdicts, ClaimModel model) {
    if (verdicts.isEmpty()) {
      return 0;
    }
    double[] logits = new double[verdicts.size()];
    double floor = 0;
    for (int i = 0; i < logits.length; i++) {
      Verdict v = verdicts.get(i);
      logits[i] = v.logit();
      if (v.outcome() != Outcome.SUPPORTED && v.score() >= ClaimChecker.NUMBER_FLOOR) {
        floor = Math.max(floor, v.score());
      }
    }
    double[] a = ClaimModel.aggregate(logits);
    if (a[0] == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    return Math.max(model.responseScore(a[0], a[1], a[2], a[3]), floor);
  }

  /** Response score from claim logits alone (training and the accuracy test). */
  static double responseScore(double[] logits, ClaimModel model) {
    if (logits.length == 0) {
      return 0;
    }
    double[] a = ClaimModel.aggregate(logits);
    return model.responseScore(a[0], a[1], a[2], a[3]);
  }

  /** Scores one claim against the index with the model. */
  static Verdict check(AnalyzedText text, ClaimExtractor.Claim c, ClaimFeatures.Aligned a, SourceIndex index,
      ClaimModel model) {
    double logit = model.logit(a.x);
    double score = ClaimModel.sigmoid(logit);
    double[] x = a.x;
    Outcome outcome = score >= THRESHOLD ? Outcome.UNSUPPORTED : Outcome.SUPPORTED;
    // Hard checks (documented rules, not learned): a quantity the best passage states otherwise, or the
    // opposite word or a negation against a passage with nearly the same words, is a contradiction.
    int reasonFeature = -1;
    if (x[ClaimFeatures.NUMBER_CLASH] > 0 && x[ClaimFeatures.CONTENT_COVERAGE] >= 0.5) {
      outcome = Outcome.CONTRADICTED;
      reasonFeature = ClaimFeatures.NUMBER_CLASH;
    } else if (x[ClaimFeatures.ANTONYM_FLIP] >= 0.6) {
      outcome = Outcome.CONTRADICTED;
      reasonFeature = ClaimFeatures.ANTONYM_FLIP;
    } else if (x[ClaimFeatures.NEGATION_CLAIM_ONLY] >= NEGATION_COVERAGE) {
      outcome = Outcome.CONTRADICTED;
      reasonFeature = ClaimFeatures.NEGATION_CLAIM_ONLY;
    } else if (x[ClaimFeatures.NUMBER_NOWHERE] > 0) {
      outcome = Outcome.UNSUPPORTED;
      reasonFeature = ClaimFeatures.NUMBER_NOWHERE;
    }
    if (outcome == Outcome.CONTRADICTED) {
      score = Math.max(score, CONTRADICTED_FLOOR);
    } else if (reasonFeature == ClaimFeatures.NUMBER_NOWHERE) {
      score = Math.max(score, NUMBER_FLOOR);
    }
    if (reasonFeature < 0 && outcome != Outcome.SUPPORTED) {
      reasonFeature = topReason(model, a);
    }
    String reason = outcome == Outcome.SUPPORTED ? "covered by a source passage" : REASONS[reasonFeature < 0 ? 0 : reasonFeature];
    Optional<Span> cue = Optional.empty();
    if (outcome != Outcome.SUPPORTED && reasonFeature >= 0 && a.cue[reasonFeature] >= 0) {
      int t = a.cue[reasonFeature];
      cue = Optional.of(text.toOriginal(c.seq.starts[t], c.seq.ends[t]));
    }
    SourceIndex.Passage bp = a.best >= 0 ? index.passages[a.best] : null;
    Optional<Evidence> ev = bp == null ? Optional.empty()
        : Optional.of(new Evidence(index.sources.get(bp.source).id(), new Span(bp.start, bp.end)));
    return new Verdict(text.toOriginal(c.start, c.end), outcome, score, c.worthiness, ev, reason, cue, logit);
  }

  /** Score floor of a CONTRADICTED claim (a hard rule). */
  static final double CONTRADICTED_FLOOR = 0.9;
  /** Score floor of a claim with a quantity no source holds (a hard rule). */
  static final double NUMBER_FLOOR = 0.8;

  /** Reasons by feature index: what the feature says when it pushes a claim towards unsupported. */
  private static final String[] REASONS = new String[ClaimFeatures.COUNT];

  static {
    java.util.Arrays.fill(REASONS, "not covered by the sources");
    REASONS[ClaimFeatures.ENTITY_NOWHERE] = "a name appears in no source";
    REASONS[ClaimFeatures.ENTITY_ELSEWHERE] = "a name is in the sources but not in the best matching passage (not with this predicate)";
    REASONS[ClaimFeatures.NUMBER_NOWHERE] = "a number, date or amount appears in no source";
    REASONS[ClaimFeatures.NUMBER_ELSEWHERE] = "a number is in the sources but not in the best matching passage";
    REASONS[ClaimFeatures.NUMBER_CLASH] = "a number differs from the best matching source passage";
    REASONS[ClaimFeatures.PREDICATE_NOWHERE] = "a content word appears in no source";
    REASONS[ClaimFeatures.PREDICATE_ELSEWHERE] = "a predicate word is not in the best matching passage";
    REASONS[ClaimFeatures.NEGATION_CLAIM_ONLY] = "the claim negates what the best matching source passage says";
    REASONS[ClaimFeatures.NEGATION_PASSAGE_ONLY] = "the best matching source passage negates what the claim says";
    REASONS[ClaimFeatures.ANTONYM_FLIP] = "the best matching source passage says the opposite";
    REASONS[ClaimFeatures.SWAP] = "subject and object are swapped against the best matching source passage";
    REASONS[ClaimFeatures.FIRST_PERSON] = "a personal statement the source does not make";
    REASONS[ClaimFeatures.WEAKEST_LINK] = "a word is in the sources but never in a sentence with the claim's other words";
    REASONS[ClaimFeatures.ANCHORS_TOGETHER] = "names or numbers are in the sources but not together in one sentence";
    REASONS[ClaimFeatures.SUBJECT_VERB] = "a name is in the sources but never near this claim's verb (not with this predicate)";
    REASONS[ClaimFeatures.SUBJECT_OBJECT] = "two names are in the sources but never near each other as the claim relates them";
  }

  /** Features whose reason names something specific (a number, a name, a flip); preferred as the top reason. */
  private static final int[] SPECIFIC = {
    ClaimFeatures.NUMBER_CLASH, ClaimFeatures.NUMBER_NOWHERE, ClaimFeatures.ENTITY_NOWHERE, ClaimFeatures.ANTONYM_FLIP,
    ClaimFeatures.NEGATION_CLAIM_ONLY, ClaimFeatures.SWAP, ClaimFeatures.ENTITY_ELSEWHERE, ClaimFeatures.ANCHORS_TOGETHER,
    ClaimFeatures.SUBJECT_VERB, ClaimFeatures.SUBJECT_OBJECT, ClaimFeatures.WEAKEST_LINK, ClaimFeatures.NUMBER_ELSEWHERE,
    ClaimFeatures.NEGATION_PASSAGE_ONLY, ClaimFeatures.FIRST_PERSON, ClaimFeatures.PREDICATE_NOWHERE,
    ClaimFeatures.PREDICATE_ELSEWHERE,
  };

  /** The specific feature that pushes the claim furthest towards unsupported, or -1 (low coverage). */
  static int topReason(ClaimModel model, ClaimFeatures.Aligned a) {
    int best = -1;
    double top = 0.05;
    for (int k : SPECIFIC) {
      // Most specific features fire when positive; the relation shares point to a problem when low.
      boolean low = k == ClaimFeatures.WEAKEST_LINK || k == ClaimFeatures.ANCHORS_TOGETHER
          || k == ClaimFeatures.SUBJECT_VERB || k == ClaimFeatures.SUBJECT_OBJECT;
      if (low ? a.x[k] >= 1 : a.x[k] <= 0) {
        continue;
      }
      double c = model.contribution(a.x, k);
      if (c > top) {
        top = c;
        best = k;
      }
    }
    return best;
  }
}
