package dev.guardrails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a check may know besides the answer itself: the prompt that produced it, the grounding
 * sources, values the user supplied themselves (their own email is an echo, not a leak), the
 * locale, and a deadline.
 *
 * <pre>{@code
 * CheckContext ctx = CheckContext.builder()
 *     .prompt("What is my order status?")
 *     .source("kb-12", retrievedPassage)
 *     .userValue("jane@example.com")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} prints sizes, never text.
 */
public final class CheckContext {

  private static final CheckContext EMPTY = new Builder().build();

  private final String prompt;
  private final List<Source> sources;
  private final Set<String> userValues;
  /** The user values that hold at least {@value #MIN_DIGITS} digits, in {@link #numberKey} form. */
  private final Set<String> userNumberKeys;
  private final Locale locale;
  private final Instant deadline;

  private CheckContext(Builder b) {
    this.prompt = b.prompt;
    this.sources = List.copyOf(b.sources);
    this.userValues = Set.copyOf(b.userValues);
    Set<String> keys = new java.util.HashSet<>();
    for (String u : userValues) {
      String k = numberKey(u);
      if (k != null) {
        keys.add(k);
      }
    }
    this.userNumberKeys = Set.copyOf(keys);
    this.locale = b.locale;
    this.deadline = b.deadline;
  }

  /** Returns the context with nothing in it: no prompt, no sources, English, no deadline. */
  public static CheckContext empty() {
    return EMPTY;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the prompt that produced the answer, if known. */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** Returns the grounding sources, in the order given; empty when none. */
  public List<Source> sources() {
    return sources;
  }

  /** Returns values the user supplied themselves; findings equal to one of them are echoes. */
  public Set<String> userValues() {
    return userValues;
  }

  /**
   * Returns the locale of the text; {@link Locale#ENGLISH} by default.
   *
   * @deprecated no built-in detector reads it (they detect what they detect in any language); it
   *     only splits the result cache. Kept for custom detectors that read it; to be removed.
   */
  @Deprecated
  public Locale locale() {
    return locale;
  }

  /** Returns the instant by which the check must finish, if any. */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** The deadline or null: for the engine's hot path, which should not allocate an Optional. */
  Instant deadlineOrNull() {
    return deadline;
  }

  /**
   * Returns true when {@code value} is one the user supplied: equal after trimming and ignoring
   * case, or, for a value with at least six digits (a card, phone, account or ID number), equal once
   * spaces and the separators {@code - . / ( )} are dropped, so {@code 4111 1111 1111 1111} echoes
   * a user's {@code 4111111111111111} and {@code DE89 3704 ...} their unspaced IBAN. Digits, letters
   * and a leading '+' must still match exactly: a number differing in one digit, or only sharing
   * its last digits, is not an echo.
   *
   * @param value a candidate value
   * @return whether the user supplied it
   */
  public boolean isUserValue(CharSequence value) {
    if (userValues.isEmpty()) {
      return false;
    }
    String v = value.toString().trim();
    for (String u : userValues) {
      if (u.trim().equalsIgnoreCase(v)) {
        return true;
      }
    }
    if (userNumberKeys.isEmpty()) {
      return false;
    }
    String k = numberKey(v);
    return k != null && userNumberKeys.contains(k);
  }

  private static final int MIN_DIGITS = 6;

  /**
   * The value without whitespace and {@code - . / ( )}, upper-cased, when it has at least
   * {@value #MIN_DIGITS} ASCII digits and nothing but ASCII letters, digits, those separators and
   * a leading '+'; else null.
   */
  private static String numberKey(String value) {
    StringBuilder k = new StringBuilder(value.length());
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        k.append(c);
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        k.append(Character.toUpperCase(c));
      } else if (c == '+' && k.length() == 0) {
        k.append(c);
      } else if (!(Character.isWhitespace(c) || c == '-' || c == '.' || c == '/' || c == '(' || c == ')')) {
        return null;
      }
    }
    return digits >= MIN_DIGITS ? k.toString() : null;
  }

  /** Returns a builder that starts from this context's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.prompt = prompt;
    b.sources.addAll(sources);
    b.userValues.addAll(userValues);
    b.locale = locale;
    b.deadline = deadline;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CheckContext)) {
      return false;
    }
    CheckContext c = (CheckContext) o;
    return Objects.equals(prompt, c.prompt)
        && sources.equals(c.sources)
        && userValues.equals(c.userValues)
        && locale.equals(c.locale)
        && Objects.equals(deadline, c.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prompt, sources, userValues, locale, deadline);
  }

  @Override
  public String toString() {
    return "CheckContext[prompt=" + (prompt == null ? "none" : prompt.length() + " chars")
        + ", sources=" + sources.size() + ", userValues=" + userValues.size()
        + ", locale=" + locale + ", deadline=" + (deadline == null ? "none" : deadline) + "]";
  }

  /**
   * Builds a {@link CheckContext}. Not thread-safe; {@link #build()} returns an immutable
   * context.
   */
  public static final class Builder {
    private String prompt;
    private final List<Source> sources = new ArrayList<>();
    private final Set<String> userValues = new LinkedHashSet<>();
    private Locale locale = Locale.ENGLISH;
    private Instant deadline;

    private Builder() {}

    /**
     * Sets the prompt that produced the answer.
     *
     * @param prompt the prompt
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Adds a grounding source.
     *
     * @param id its identifier, unique within this context
     * @param text its text
     * @return this builder
     * @throws IllegalArgumentException if a source with this id was already added
     */
    public Builder source(String id, String text) {
      return source(Source.of(id, text));
    }

    /**
     * Adds a grounding source.
     *
     * @param source the source, its id unique within this context
     * @return this builder
     * @throws IllegalArgumentException if a source with this id was already added
     */
    public Builder source(Source source) {
      Objects.requireNonNull(source, "source");
      for (Source s : sources) {
        if (s.id().equals(source.id())) {
          throw new IllegalArgumentException("source id must be unique: " + source.id());
        }
      }
      sources.add(source);
      return this;
    }

    /**
     * Adds sources with ids {@code source-1}, {@code source-2}, ... after those already added.
     *
     * @param texts the source texts
     * @return this builder
     */
    public Builder sources(List<String> texts) {
      Objects.requireNonNull(texts, "texts");
      for (String t : texts) {
        source("source-" + (sources.size() + 1), Objects.requireNonNull(t, "texts element"));
      }
      return this;
    }

    /**
     * Adds a value the user supplied themselves (e.g. their own email), so it is not reported as a
     * leak.
     *
     * @param value the value
     * @return this builder
     */
    public Builder userValue(String value) {
      Objects.requireNonNull(value, "value");
      if (!value.isBlank()) {
        userValues.add(value);
      }
      return this;
    }

    /**
     * Sets the locale of the text.
     *
     * @param locale the locale
     * @return this builder
     * @deprecated no built-in detector reads the locale; see {@link CheckContext#locale()}
     */
    @Deprecated
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Sets the instant by which the check must finish; detectors still running then are abandoned
     * and their fail mode applied.
     *
     * @param deadline the deadline
     * @return this builder
     */
    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** Returns the immutable context. */
    public CheckContext build() {
      return new CheckContext(this);
    }
  }
}
