/**
 * Streaming guard: {@link dev.guardrails.stream.GuardedStream} (opened with
 * {@code GuardedStream.open(guard, ctx)}) checks a model's answer while it is
 * streamed, emits the text that is already safe (redactions applied), holds back only a bounded
 * tail, and stops at once on BLOCK. {@link dev.guardrails.stream.StreamOptions} bounds the
 * hold-back in chars and in time.
 */
package dev.guardrails.stream;
