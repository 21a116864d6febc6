/**
 * LangChain4j 1.x adapter: {@link dev.guardrails.langchain4j.GuardrailOutputAdapter} runs a
 * {@link dev.guardrails.Guardrail} over an AI service's answer (pass, redact, fail or re-prompt)
 * and {@link dev.guardrails.langchain4j.GuardrailInputAdapter} over the user's prompt (PII removed
 * before it reaches the model, or the call refused).
 */
package dev.guardrails.langchain4j;
