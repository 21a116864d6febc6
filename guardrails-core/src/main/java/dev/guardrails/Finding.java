package dev.guardrails;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a detector found: what it is, where it is in the original text, how sure the detector
 * is, and a short explanation. Findings never carry the raw matched value; callers who need it take
 * {@code text.substring(span.start(), span.end())} themselves.
 *
 * <p>Immutable and thread-safe.
 *
 * @param detector the id of the detector that reported it
 * @param type what was found
 * @param span where, in the ORIGINAL text
 * @param score confidence in {@code [0, 1]}; for CLAIM findings, the confidence that the claim is
 *     NOT supported
 * @param message a short explanation that names no raw sensitive value
 * @param suggestions replacement wordings, best first (bias findings); empty when none
 * @param evidence where in a source the judgement comes from (claim findings)
 */
public record Finding(
    String detector,
    FindingType type,
    Span span,
    double score,
    String message,
    List<String> suggestions,
    Optional<Evidence> evidence) {

  /**
   * Creates a finding.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the span is empty or the score outside {@code [0, 1]}
   */
  public Finding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(evidence, "evidence");
    if (span.isEmpty()) {
      throw new IllegalArgumentException("finding span must not be empty: " + span);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("finding score must be in [0, 1]: " + score);
    }
    suggestions = List.copyOf(suggestions);
  }

  /**
   * Returns a finding with no suggestions and no evidence.
   *
   * @param detector the reporting detector's id
   * @param type what was found
   * @param start index of the first char in the original text
   * @param end index after the last char
   * @param score confidence in {@code [0, 1]}
   * @param message a short explanation naming no raw value
   * @return the finding
   */
  public static Finding of(String detector, FindingType type, int start, int end, double score, String message) {
    return new Finding(detector, type, new Span(start, end), score, message, List.of(), Optional.empty());
  }

  /**
   * Returns a copy with these suggestions.
   *
   * @param newSuggestions replacement wordings, best first
   * @return the copy
   */
  public Finding withSuggestions(List<String> newSuggestions) {
    return new Finding(detector, type, span, score, message, newSuggestions, evidence);
  }

  /**
   * Returns a copy with this evidence.
   *
   * @param newEvidence the evidence
   * @return the copy
   */
  public Finding withEvidence(Evidence newEvidence) {
    return new Finding(detector, type, span, score, message, suggestions, Optional.of(newEvidence));
  }

  /**
   * Returns a copy with this score.
   *
   * @param newScore confidence in {@code [0, 1]}
   * @return the copy
   */
  public Finding withScore(double newScore) {
    return new Finding(detector, type, span, newScore, message, suggestions, evidence);
  }

  /** Returns the category of {@link #type()}. */
  public Category category() {
    return type.category();
  }

  /** Returns {@code span().start()}. */
  public int start() {
    return span.start();
  }

  /** Returns {@code span().end()}. */
  public int end() {
    return span.end();
  }
}
