package dev.guardrails.text;

import java.util.Objects;
import java.util.function.Function;

/**
 * Names one lazily computed, memoized analysis of an {@link AnalyzedText} (sentences, tokens,
 * part-of-speech tags ...) that several detectors share. The analysis runs at most once per text
 * and only when a detector asks for it.
 *
 * <p>Keys compare by identity: declare each as a {@code static final} constant.
 *
 * <pre>{@code
 * static final AnalysisKey<List<Span>> SENTENCES = AnalysisKey.of("sentences", Sentences::split);
 * List<Span> sentences = text.analysis(SENTENCES);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the compute function must be thread-safe and deterministic.
 *
 * @param <T> the analysis result type; results are shared between detectors and must be immutable
 */
public final class AnalysisKey<T> {

  private final String name;
  private final Function<AnalyzedText, T> compute;

  private AnalysisKey(String name, Function<AnalyzedText, T> compute) {
    this.name = Objects.requireNonNull(name, "name");
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  /**
   * Returns a new key.
   *
   * @param name a name for diagnostics
   * @param compute computes the analysis from the text; must not return null
   * @param <T> the result type
   * @return the key
   */
  public static <T> AnalysisKey<T> of(String name, Function<AnalyzedText, T> compute) {
    return new AnalysisKey<>(name, compute);
  }

  /** Returns the key's name. */
  public String name() {
    return name;
  }

  T compute(AnalyzedText text) {
    T value = compute.apply(text);
    if (value == null) { // not requireNonNull(value, supplier): the supplier was allocated on every call
      throw new NullPointerException("analysis " + name + " returned null");
    }
    return value;
  }

  @Override
  public String toString() {
    return "AnalysisKey[" + name + "]";
  }
}
