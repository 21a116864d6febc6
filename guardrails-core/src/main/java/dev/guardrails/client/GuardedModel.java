package dev.guardrails.client;

import dev.guardrails.Action;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.FindingType;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A model call guarded by a {@link Guardrail}: {@link #apply(Object)} calls the model, checks the
 * answer and returns its safe text (redactions applied), or on BLOCK re-asks, falls back or throws
 * as {@link WrapOptions} say. Static factories give the asynchronous and streaming forms.
 *
 * <pre>{@code
 * GuardedModel<String> chat = GuardedModel.of(guard, model::chat,
 *     WrapOptions.<String>builder().reask(WrapOptions.appendInstruction(), 1).fallback("Sorry.").build());
 * String answer = chat.apply("What is Ann's email?");
 * }</pre>
 *
 * <p>{@code of} is the one way to wrap a synchronous call ({@code Guardrail.wrap} is gone, so the
 * root package does not depend on this one). Each answer goes through {@link Guardrail#check}, so
 * the guardrail's result cache and listener apply; the streaming form runs a
 * {@link dev.guardrails.stream.GuardedStream} on the guardrail's pipeline.
 *
 * <p>Thread-safe if the wrapped model call is.
 *
 * @param <I> the model's input type
 */
public final class GuardedModel<I> implements Function<I, String> {

  /**
   * One guarded answer.
   *
   * @param text the text to show: safe text, or the fallback message
   * @param result the check of the last answer
   * @param attempts how many times the model was called
   */
  public record Reply(String text, GuardResult result, int attempts) {
    /** Creates a reply. */
    public Reply {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(result, "result");
    }

    @Override
    public String toString() {
      return "Reply[textLength=" + text.length() + ", result=" + result + ", attempts=" + attempts + "]";
    }
  }

  private final Guardrail guard;
  private final Function<I, String> model;
  private final WrapOptions<I> options;

  private GuardedModel(Guardrail guard, Function<I, String> model, WrapOptions<I> options) {
    this.guard = guard;
    this.model = model;
    this.options = options;
  }

  /**
   * Wraps a synchronous model call with {@link WrapOptions#defaults()}: {@link #apply} returns the
   * safe text, or throws {@link GuardrailViolationException} on BLOCK.
   *
   * @param guard the guardrail
   * @param model the model call
   * @param <I> the model's input type
   * @return the guarded call
   */
  public static <I> GuardedModel<I> of(Guardrail guard, Function<I, String> model) {
    return of(guard, model, WrapOptions.defaults());
  }

  /**
   * Wraps a synchronous model call.
   *
   * @param guard the guardrail
   * @param model the model call
   * @param options what to do on BLOCK
   * @param <I> the model's input type
   * @return the guarded call
   */
  public static <I> GuardedModel<I> of(Guardrail guard, Function<I, String> model, WrapOptions<I> options) {
    return new GuardedModel<>(Objects.requireNonNull(guard, "guard"), Objects.requireNonNull(model, "model"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * Calls the model and returns the text to show.
   *
   * @param input the model input
   * @return the safe text, or the fallback message
   * @throws GuardrailViolationException if the answer stays blocked and no fallback is set
   */
  @Override
  public String apply(I input) {
    return reply(input).text();
  }

  /**
   * Calls the model (again, while blocked and re-asks remain) and returns the text with its result.
   *
   * @param input the model input
   * @return the reply
   * @throws GuardrailViolationException if the answer stays blocked and no fallback is set
   */
  public Reply reply(I input) {
    CheckContext ctx = options.context(input);
    I next = input;
    for (int attempt = 1; ; attempt++) {
      String answer = Objects.requireNonNull(model.apply(next), "model returned null");
      GuardResult r = guard.check(answer, ctx);
      if (!r.blocked()) {
        return new Reply(r.safeText(), r, attempt);
      }
      if (attempt > options.maxRetries()) {
        return blocked(r, attempt, options);
      }
      next = options.reask(input, correctiveInstruction(r));
    }
  }

  /**
   * Wraps an asynchronous model call: the same checks, re-asks and fallbacks, composed on the
   * returned futures (checks run on the thread that completes the model's future).
   *
   * @param guard the guardrail
   * @param model the model call
   * @param options what to do on BLOCK
   * @param <I> the model's input type
   * @return the guarded call; its futures fail with {@link GuardrailViolationException} when the
   *     answer stays blocked and no fallback is set
   */
  public static <I> Function<I, CompletableFuture<String>> async(
      Guardrail guard, Function<I, CompletableFuture<String>> model, WrapOptions<I> options) {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    return input -> attemptAsync(guard, model, options, input, options.context(input), input, 1);
  }

  private static <I> CompletableFuture<String> attemptAsync(Guardrail guard, Function<I, CompletableFuture<String>> model,
      WrapOptions<I> options, I original, CheckContext ctx, I next, int attempt) {
    return model.apply(next).thenCompose(answer -> {
      GuardResult r = guard.check(Objects.requireNonNull(answer, "model returned null"), ctx);
      if (!r.blocked()) {
        return CompletableFuture.completedFuture(r.safeText());
      }
      if (attempt > options.maxRetries()) {
        return CompletableFuture.completedFuture(blocked(r, attempt, options).text());
      }
      return attemptAsync(guard, model, options, original, ctx, options.reask(original, correctiveInstruction(r)), attempt + 1);
    });
  }

  /**
   * Wraps a streaming model call: each returned publisher relays the model's chunks through a
   * {@link dev.guardrails.stream.GuardedStream}, so subscribers see only checked (and redacted)
   * text, a little behind the model. On BLOCK the model's subscription is cancelled; subscribers
   * get the fallback message as a last chunk, or {@code onError} with a
   * {@link GuardrailViolationException}. Re-asking does not apply (text may already be shown).
   *
   * @param guard the guardrail
   * @param model returns the model's chunk publisher for an input
   * @param options the fallback and the stream's hold-back limits
   * @param <I> the model's input type
   * @return the guarded call; each publisher accepts one subscriber
   */
  public static <I> Function<I, Flow.Publisher<String>> streaming(
      Guardrail guard, Function<I, Flow.Publisher<String>> model, WrapOptions<I> options) {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    return input -> new GuardedPublisher(guard, model.apply(input), options.context(input),
        options.streamOptions(), options.fallback().orElse(null));
  }

  /**
   * Returns the instruction a re-ask appends: it names the kinds of content that caused the block
   * (finding types, never raw values) and asks for an answer without them.
   *
   * @param result a blocking result
   * @return the instruction
   */
  public static String correctiveInstruction(GuardResult result) {
    Set<String> kinds = new TreeSet<>();
    for (Decision d : result.decisions()) {
      if (d.action().hidesSpan()) {
        FindingType t = d.finding().type();
        kinds.add(t.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + t.category() + ")");
      }
    }
    boolean failed = false;
    for (DetectorError e : result.errors()) {
      failed |= e.action().effect() == Action.Effect.WITHHOLD_ANSWER;
    }
    StringBuilder b = new StringBuilder("Your previous answer was withheld by a content check");
    if (!kinds.isEmpty()) {
      b.append(" because it contained: ").append(String.join(", ", kinds));
    } else if (failed) {
      b.append(" because it could not be verified");
    }
    return b.append(". Answer the original request again without including any such content.").toString();
  }

  private static Reply blocked(GuardResult r, int attempts, WrapOptions<?> options) {
    if (options.fallback().isPresent()) {
      return new Reply(options.fallback().get(), r, attempts);
    }
    throw new GuardrailViolationException(r, attempts);
  }

  @Override
  public String toString() {
    return "GuardedModel[" + guard + ", " + options + "]";
  }
}
