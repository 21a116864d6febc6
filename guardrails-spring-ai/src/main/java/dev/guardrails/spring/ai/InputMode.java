package dev.guardrails.spring.ai;

/**
 * What {@link GuardrailAdvisor} does with the user's prompt before it leaves for the model. In every
 * mode but {@link #OFF}, the PII values the model gets to see in the prompt are passed to the
 * answer's check as the user's own values, so an answer that repeats them is an echo, not a leak
 * (the guardrail's {@code echoAction} applies to them).
 */
public enum InputMode {
  /** The prompt is not checked; no echoes are known. */
  OFF,
  /** The prompt is checked only to learn the user's own values; it is sent unchanged. */
  ECHO,
  /**
   * The prompt is sent as its safe text: what the policy redacts is redacted before the model sees
   * it; a prompt the policy blocks is not sent (the block handling of the advisor applies).
   */
  REDACT,
  /** A prompt the policy would redact or block is not sent (the block handling applies). */
  BLOCK
}
