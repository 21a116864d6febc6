/**
 * Spring Boot 3 auto-configuration of guardrails: a {@link dev.guardrails.Guardrail} bean from
 * {@code guardrails.*} properties, the Spring AI {@link dev.guardrails.spring.ai.GuardrailAdvisor}
 * bean, and Micrometer metrics through a {@link dev.guardrails.GuardListener}.
 */
package dev.guardrails.spring.boot;
