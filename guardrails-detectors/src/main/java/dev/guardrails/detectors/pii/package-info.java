/**
 * PII and secrets detectors: linear candidate scans over the normalized text, validators, context
 * scoring.
 */
package dev.guardrails.detectors.pii;
