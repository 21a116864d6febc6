/**
 * The guardrails API: {@link dev.guardrails.Guardrail} runs {@link dev.guardrails.Detector}s over a
 * model's answer, a {@link dev.guardrails.Policy} decides what to do with each
 * {@link dev.guardrails.Finding}, and the result carries the verdict and the safe text. Find, then
 * act.
 */
package dev.guardrails;
