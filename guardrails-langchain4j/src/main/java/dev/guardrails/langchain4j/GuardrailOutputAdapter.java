package dev.guardrails.langchain4j;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.client.GuardedModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.util.Objects;
import java.util.function.Function;

/**
 * Our {@link Guardrail} as a LangChain4j {@link OutputGuardrail}. Verdicts map to LangChain4j
 * results: PASS and FLAG {@code success()}; REDACT {@code successWith(safe text)}, so the AI
 * service returns the redacted answer; BLOCK {@code failure(...)} (the service throws an
 * {@code OutputGuardrailException}) or, with {@link #withReprompt()}, {@code reprompt(...)} with a
 * corrective instruction that names finding types only (LangChain4j bounds the retries by its
 * {@code OutputGuardrailsConfig.maxRetries}). Failure messages carry types and spans, never raw text.
 *
 * <pre>{@code
 * Assistant a = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .outputGuardrails(GuardrailOutputAdapter.of(guard).withReprompt())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardrailOutputAdapter implements OutputGuardrail {

  private final Guardrail guard;
  private final boolean reprompt;
  private final Function<OutputGuardrailRequest, CheckContext> context;

  private GuardrailOutputAdapter(Guardrail guard, boolean reprompt, Function<OutputGuardrailRequest, CheckContext> context) {
    this.guard = guard;
    this.reprompt = reprompt;
    this.context = context;
  }

  /**
   * Returns an adapter that fails blocked answers, checking with an empty context.
   *
   * @param guard the guardrail
   * @return the adapter
   */
  public static GuardrailOutputAdapter of(Guardrail guard) {
    return new GuardrailOutputAdapter(Objects.requireNonNull(guard, "guard"), false, r -> CheckContext.empty());
  }

  /**
   * Returns a copy that asks the model again (reprompt) instead of failing a blocked answer.
   *
   * @return the copy
   */
  public GuardrailOutputAdapter withReprompt() {
    return new GuardrailOutputAdapter(guard, true, context);
  }

  /**
   * Returns a copy that builds the check context (sources, the user's own values) from the request.
   *
   * @param context the function; must not return null
   * @return the copy
   */
  public GuardrailOutputAdapter withContext(Function<OutputGuardrailRequest, CheckContext> context) {
    return new GuardrailOutputAdapter(guard, reprompt, Objects.requireNonNull(context, "context"));
  }

  /**
   * Checks the answer's text.
   *
   * @param request the LangChain4j request
   * @return the mapped result
   */
  @Override
  public OutputGuardrailResult validate(OutputGuardrailRequest request) {
    AiMessage message = request.responseFromLLM().aiMessage();
    String text = message == null || message.text() == null ? "" : message.text();
    GuardResult r = guard.check(text, Objects.requireNonNull(context.apply(request), "context function returned null"));
    switch (r.verdict()) {
      case BLOCK:
        String why = "answer blocked by guardrail: " + r;
        return reprompt ? reprompt(why, GuardedModel.correctiveInstruction(r)) : failure(why);
      case REDACT:
        return successWith(r.safeText());
      default:
        return success();
    }
  }

  @Override
  public String toString() {
    return "GuardrailOutputAdapter[" + guard + ", reprompt=" + reprompt + "]";
  }
}
