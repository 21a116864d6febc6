package dev.guardrails;

import java.util.Objects;

/**
 * A document an answer should rest on (a retrieved passage, an attached file), used by claim
 * detectors to ground the answer's statements.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints the id and length only.
 *
 * @param id a caller-chosen identifier, reported back in {@link Evidence#sourceId()}
 * @param text the source's text
 */
public record Source(String id, String text) {

  /** Creates a source; both components are required. */
  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns a source.
   *
   * @param id the identifier
   * @param text the text
   * @return the source
   */
  public static Source of(String id, String text) {
    return new Source(id, text);
  }

  @Override
  public String toString() {
    return "Source[id=" + id + ", length=" + text.length() + "]";
  }
}
