/**
 * The text under check: {@link dev.guardrails.text.AnalyzedText} holds the original, a normalized
 * view with an {@link dev.guardrails.text.OffsetMap} back to it, and memoized shared analyses named
 * by {@link dev.guardrails.text.AnalysisKey}s.
 */
package dev.guardrails.text;
