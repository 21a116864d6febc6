package dev.guardrails;

import dev.guardrails.text.Span;
import java.util.Objects;

/**
 * Where in a grounding {@link Source} a finding's judgement comes from, e.g. the passage that
 * contradicts a claim.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sourceId the {@link Source#id()} of the source
 * @param span the range inside that source's text
 */
public record Evidence(String sourceId, Span span) {

  /** Creates evidence; both components are required. */
  public Evidence {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(span, "span");
  }
}
