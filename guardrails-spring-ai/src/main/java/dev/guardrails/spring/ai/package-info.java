/**
 * Spring AI 1.1 integration: {@link dev.guardrails.spring.ai.GuardrailAdvisor}, a {@code ChatClient}
 * advisor that checks the user's prompt before it leaves for the model and the model's answer
 * before it reaches the caller, for both {@code call()} and {@code stream()}.
 */
package dev.guardrails.spring.ai;
