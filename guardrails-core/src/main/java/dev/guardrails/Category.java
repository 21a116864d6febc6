package dev.guardrails;

/**
 * The risk family a {@link FindingType} belongs to. Policies can address a whole category at once
 * ({@code PII = REDACT}) or one type inside it.
 *
 * <p>The names are part of the CLI's JSONL contract ({@code "category"} field); new constants may be
 * added, existing ones are never renamed.
 */
public enum Category {
  /** Personal data: emails, phone numbers, names, addresses, national identifiers. */
  PII,
  /** Credentials and secrets: API keys, tokens, private keys, passwords. */
  SECRET,
  /** Biased, exclusionary or insensitive phrasing. */
  BIAS,
  /** Factual claims that are unsupported, contradicted or pretend to have support. */
  CLAIM,
  /** Anything else, typically user-defined detectors and engine-level findings. */
  OTHER
}
