/**
 * Redaction operators: what replaces a redacted span ({@link dev.guardrails.redact.Redactor}).
 */
package dev.guardrails.redact;
