/**
 * PII detectors: linear candidate scans over the normalized text, validators, context scoring.
 * Secrets live in {@code dev.guardrails.detectors.secrets}.
 */
package dev.guardrails.detectors.pii;
