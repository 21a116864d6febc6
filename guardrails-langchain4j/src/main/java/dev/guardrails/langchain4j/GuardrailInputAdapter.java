package dev.guardrails.langchain4j;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailRequest;
import dev.langchain4j.guardrail.InputGuardrailResult;
import java.util.Objects;

/**
 * Our {@link Guardrail} as a LangChain4j {@link InputGuardrail}: checks the user's prompt before it
 * reaches the model. PASS and FLAG {@code success()}; REDACT {@code successWith(safe text)}, so the
 * model sees the prompt with PII replaced by tags; BLOCK {@code failure(...)} (the AI service throws
 * an {@code InputGuardrailException} whose message names types and spans only).
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardrailInputAdapter implements InputGuardrail {

  private final Guardrail guard;

  private GuardrailInputAdapter(Guardrail guard) {
    this.guard = guard;
  }

  /**
   * Returns the adapter.
   *
   * @param guard the guardrail that checks prompts (often one with a PII-only pipeline)
   * @return the adapter
   */
  public static GuardrailInputAdapter of(Guardrail guard) {
    return new GuardrailInputAdapter(Objects.requireNonNull(guard, "guard"));
  }

  /**
   * Checks the prompt's text.
   *
   * @param request the LangChain4j request
   * @return the mapped result
   */
  @Override
  public InputGuardrailResult validate(InputGuardrailRequest request) {
    UserMessage m = request.userMessage();
    if (m == null || !m.hasSingleText()) {
      return success();
    }
    GuardResult r = guard.check(m.singleText(), CheckContext.empty());
    switch (r.verdict()) {
      case BLOCK:
        return failure("prompt blocked by guardrail: " + r);
      case REDACT:
        return successWith(r.safeText());
      default:
        return success();
    }
  }

  @Override
  public String toString() {
    return "GuardrailInputAdapter[" + guard + "]";
  }
}
