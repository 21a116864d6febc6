/**
 * Unverified-claims detection: check-worthy sentences of an answer grounded against the sources in
 * {@link dev.guardrails.CheckContext#sources()} (Lucene BM25 retrieval, then coverage, number,
 * entity and polarity checks), plus language that pretends to have support (vague attributions,
 * citations no source holds, overconfident certainty). Entry points: {@link
 * dev.guardrails.detectors.claims.ClaimChecker}, {@link
 * dev.guardrails.detectors.claims.ClaimGroundingDetector}, {@link
 * dev.guardrails.detectors.claims.ClaimLanguageDetector}.
 */
package dev.guardrails.detectors.claims;
