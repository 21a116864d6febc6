package dev.guardrails.client;

import dev.guardrails.CheckContext;
import dev.guardrails.stream.StreamOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a wrapped model call does with a blocked answer, and the context of each check. Without
 * configuration it throws {@link GuardrailViolationException}; {@link Builder#fallback(String)}
 * returns a fixed message instead; {@link Builder#reask(BiFunction, int)} calls the model again
 * with a corrective instruction (finding types only, never raw values), at most {@code maxRetries}
 * times, and then falls back or throws.
 *
 * <pre>{@code
 * WrapOptions<String> opts = WrapOptions.<String>builder()
 *     .context(prompt -> CheckContext.builder().prompt(prompt).build())
 *     .reask(WrapOptions.appendInstruction(), 2)
 *     .fallback("Sorry, I can't share that.")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe if the functions given to it are.
 *
 * @param <I> the model's input type
 */
public final class WrapOptions<I> {

  private static final WrapOptions<Object> DEFAULTS = new Builder<>().build();

  private final Function<? super I, CheckContext> context;
  private final String fallback;
  private final BiFunction<? super I, String, ? extends I> reask;
  private final int maxRetries;
  private final StreamOptions streamOptions;

  private WrapOptions(Builder<I> b) {
    this.context = b.context;
    this.fallback = b.fallback;
    this.reask = b.reask;
    this.maxRetries = b.maxRetries;
    this.streamOptions = b.streamOptions;
  }

  /**
   * Returns the defaults: empty context, no re-ask, throw on BLOCK.
   *
   * @param <I> the input type
   * @return the defaults
   */
  @SuppressWarnings("unchecked")
  public static <I> WrapOptions<I> defaults() {
    return (WrapOptions<I>) DEFAULTS;
  }

  /**
   * Returns a new builder.
   *
   * @param <I> the input type
   * @return the builder
   */
  public static <I> Builder<I> builder() {
    return new Builder<>();
  }

  /**
   * Returns the re-ask function for string prompts: the prompt, a blank line, the instruction.
   *
   * @return the function
   */
  public static BiFunction<String, String, String> appendInstruction() {
    return (prompt, instruction) -> prompt + "\n\n" + instruction;
  }

  CheckContext context(I input) {
    return Objects.requireNonNull(context.apply(input), "context function returned null");
  }

  Optional<String> fallback() {
    return Optional.ofNullable(fallback);
  }

  int maxRetries() {
    return reask == null ? 0 : maxRetries;
  }

  I reask(I input, String instruction) {
    return Objects.requireNonNull(reask.apply(input, instruction), "reask function returned null");
  }

  StreamOptions streamOptions() {
    return streamOptions;
  }

  @Override
  public String toString() {
    return "WrapOptions[fallback=" + (fallback != null) + ", maxRetries=" + maxRetries() + ", " + streamOptions + "]";
  }

  /**
   * Builds {@link WrapOptions}. Not thread-safe.
   *
   * @param <I> the model's input type
   */
  public static final class Builder<I> {
    private Function<? super I, CheckContext> context = i -> CheckContext.empty();
    private String fallback;
    private BiFunction<? super I, String, ? extends I> reask;
    private int maxRetries;
    private StreamOptions streamOptions = StreamOptions.defaults();

    private Builder() {}

    /**
     * Sets how to build the check context (prompt, sources, the user's own values) from an input.
     *
     * @param context the function; must not return null
     * @return this builder
     */
    public Builder<I> context(Function<? super I, CheckContext> context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Returns this message instead of a blocked answer (after any re-asks).
     *
     * @param message the message shown to the user
     * @return this builder
     */
    public Builder<I> fallback(String message) {
      this.fallback = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Re-asks the model when an answer is blocked: {@code withInstruction} combines the original
     * input and a corrective instruction naming the finding types into the next input.
     * Not used by the streaming form, whose blocked text may already have been shown.
     *
     * @param withInstruction builds the next input; must not return null
     * @param maxRetries how many extra calls at most, {@code 1..10}
     * @return this builder
     * @throws IllegalArgumentException if maxRetries is outside {@code 1..10}
     */
    public Builder<I> reask(BiFunction<? super I, String, ? extends I> withInstruction, int maxRetries) {
      if (maxRetries < 1 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 1..10: " + maxRetries);
      }
      this.reask = Objects.requireNonNull(withInstruction, "withInstruction");
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the hold-back limits of the streaming form.
     *
     * @param options the options
     * @return this builder
     */
    public Builder<I> streamOptions(StreamOptions options) {
      this.streamOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the immutable options
     */
    public WrapOptions<I> build() {
      return new WrapOptions<>(this);
    }
  }
}
