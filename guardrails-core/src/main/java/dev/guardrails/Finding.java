package dev.guardrails;

import dev.guardrails.text.Span;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

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
 * @param attributes what the context says about the finding, for policies to address (see
 *     {@link #LINKED}, {@link #PRIVATE}, {@link #PUBLIC_FIGURE}, {@link #ECHO}); empty for most
 *     findings; iterated in sorted order
 */
public record Finding(
    String detector,
    FindingType type,
    Span span,
    double score,
    String message,
    List<String> suggestions,
    Optional<Evidence> evidence,
    Set<String> attributes) {

  /**
   * Attribute of a PERSON finding: other personal data (an email, a phone or card number, an ID,
   * an address, a date of birth, health or financial details) sits next to the name, so the name
   * identifies someone. Set by the engine's linking step and by the person detector.
   */
  public static final String LINKED = "linked";

  /** Attribute of a PERSON finding: a private role ("the customer", "patient", "my neighbour"). */
  public static final String PRIVATE = "private";

  /**
   * Attribute of a PERSON finding: a well-known public figure (on the public-figures list) or a
   * name in a public role ("President", "CEO of", "was an American actor").
   */
  public static final String PUBLIC_FIGURE = "publicFigure";

  /** Attribute of a PII finding: the user supplied this value in the check's context. */
  public static final String ECHO = "echo";

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
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.isEmpty()) {
      attributes = Set.of();
    } else if (!(attributes instanceof AttributeSet)) { // an AttributeSet is checked and immutable: kept as it is
      attributes = new AttributeSet(attributes);
    }
  }

  /**
   * Returns an immutable set of finding attributes, iterated in sorted order, that a finding keeps
   * as it is: a detector that reports the same few attribute sets over and over can build them once
   * with this method, and no finding made from them (nor a copy such as {@link #withScore}) copies
   * them again. Any other set given to the constructor is copied.
   *
   * @param values the attributes, such as {@link #LINKED}
   * @return the set (empty when no value is given)
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if a value is blank
   */
  public static Set<String> attributeSet(String... values) {
    List<String> list = List.of(values); // null-hostile
    return list.isEmpty() ? Set.of() : new AttributeSet(list);
  }

  /**
   * The attribute sets a finding holds: a sorted, validated, unmodifiable copy. Only this class
   * makes one, so the constructor can keep one it is given without copying it again.
   */
  private static final class AttributeSet extends AbstractSet<String> implements SortedSet<String> {
    private final SortedSet<String> values;

    AttributeSet(Collection<String> source) {
      for (String a : source) {
        if (a == null || a.isBlank()) {
          throw new IllegalArgumentException("finding attributes must not be blank");
        }
      }
      this.values = Collections.unmodifiableSortedSet(new TreeSet<>(source));
    }

    @Override
    public Iterator<String> iterator() {
      return values.iterator();
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof String && values.contains(o);
    }

    @Override
    public Comparator<? super String> comparator() {
      return values.comparator();
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
      return values.subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
      return values.headSet(toElement);
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
      return values.tailSet(fromElement);
    }

    @Override
    public String first() {
      return values.first();
    }

    @Override
    public String last() {
      return values.last();
    }
  }

  /**
   * Creates a finding without attributes (the shape every finding had before attributes).
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the span is empty or the score outside {@code [0, 1]}
   */
  public Finding(
      String detector, FindingType type, Span span, double score, String message, List<String> suggestions,
      Optional<Evidence> evidence) {
    this(detector, type, span, score, message, suggestions, evidence, Set.of());
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
    return new Finding(detector, type, span, score, message, newSuggestions, evidence, attributes);
  }

  /**
   * Returns a copy with this evidence.
   *
   * @param newEvidence the evidence
   * @return the copy
   */
  public Finding withEvidence(Evidence newEvidence) {
    return new Finding(detector, type, span, score, message, suggestions, Optional.of(newEvidence), attributes);
  }

  /**
   * Returns a copy with this score.
   *
   * @param newScore confidence in {@code [0, 1]}
   * @return the copy
   */
  public Finding withScore(double newScore) {
    return new Finding(detector, type, span, newScore, message, suggestions, evidence, attributes);
  }

  /**
   * Returns a copy with these attributes (replacing the current ones).
   *
   * @param newAttributes the attributes, such as {@link #LINKED}
   * @return the copy
   */
  public Finding withAttributes(Set<String> newAttributes) {
    return new Finding(detector, type, span, score, message, suggestions, evidence, newAttributes);
  }

  /**
   * Returns a copy with one more attribute, or this finding if it has it already.
   *
   * @param attribute the attribute, such as {@link #LINKED}
   * @return the copy
   */
  public Finding withAttribute(String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (attributes.contains(attribute)) {
      return this;
    }
    TreeSet<String> s = new TreeSet<>(attributes);
    s.add(attribute);
    return new Finding(detector, type, span, score, message, suggestions, evidence, s);
  }

  /**
   * Returns a copy moved by {@code by} chars (a finding of a slice placed in the whole text).
   *
   * @param by the offset to add to both ends of the span
   * @return the copy, or this finding when {@code by} is 0
   */
  public Finding shifted(int by) {
    if (by == 0) {
      return this;
    }
    return new Finding(detector, type, new Span(span.start() + by, span.end() + by), score, message, suggestions,
        evidence, attributes);
  }

  /**
   * Returns whether this finding has an attribute.
   *
   * @param attribute the attribute, such as {@link #LINKED}
   * @return whether it is set
   */
  public boolean has(String attribute) {
    return attributes.contains(attribute);
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
