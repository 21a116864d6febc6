/**
 * Secrets detectors: typed tokens by their documented prefixes, JWTs, PEM/PGP private key blocks,
 * key-word assignments, and gitleaks' maintained rules run as data (RE2/J behind a keyword
 * prefilter). Only {@link dev.guardrails.detectors.secrets.SecretDetector} is public.
 */
package dev.guardrails.detectors.secrets;
