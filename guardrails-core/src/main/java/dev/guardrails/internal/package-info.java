/**
 * The engine's bridge to the public stream facade ({@link dev.guardrails.internal.EngineAccess},
 * {@link dev.guardrails.internal.StreamEngine}); the engine itself is package-private in
 * {@code dev.guardrails}. Not exported from the module, not API: may change in any release.
 */
package dev.guardrails.internal;
