/**
 * Guards a model client: {@link dev.guardrails.client.GuardedModel#of(dev.guardrails.Guardrail, java.util.function.Function)} turns
 * a model call into one that returns only safe text, with a synchronous, an asynchronous
 * ({@link java.util.concurrent.CompletableFuture}) and a streaming
 * ({@link java.util.concurrent.Flow.Publisher}) form. {@link dev.guardrails.client.WrapOptions} (one
 * builder) says what happens on BLOCK: a fallback message, re-asking the model with a corrective
 * instruction built from the finding types (bounded retries), or a
 * {@link dev.guardrails.client.GuardrailViolationException}.
 */
package dev.guardrails.client;
