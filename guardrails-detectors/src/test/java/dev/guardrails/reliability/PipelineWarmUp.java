package dev.guardrails.reliability;

import dev.guardrails.testing.FuzzInput;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Guardrail;
import dev.guardrails.text.AnalyzedText;

/**
 * Warms the default pipeline up before timed fuzz assertions: one text that triggers every lazy
 * load of the detector packs (OpenNLP sentence/token models, the bias, name and address lexicons,
 * libphonenumber's per-region metadata, the Lucene source index of the grounding detector, the
 * JCE provider behind hashed redaction) plus the normalizer's disguise branches, checked with a
 * context that has a source, a user value and a prompt. Without it the first timed check of a
 * campaign paid seconds of class and model loading ("check of 26 chars took 3244 ms").
 */
final class PipelineWarmUp {

  /** Exercises every detector of the default pipeline and every normalizer branch. */
  static final String TEXT = String.join("\n",
      "Dr. John Smith and Maria Garcia live at 1600 Pennsylvania Avenue NW, Washington, DC 20500.",
      "Write to jane.doe@example.com, j\u200Bane [at] example [dot] com or &#106;ane&#64;example.com.",
      "Call (415) 555-2671, +44 20 7946 0958, 020 7946 0958, +49 30 901820 or 555 0100 1234.",
      "Card 4111 1111 1111 1111, \uFF14\uFF11\uFF11\uFF11 1111 1111 1111, SSN 536-22-8145, IBAN GB82 WEST 1234 5698 7654 32,",
      "IP 192.168.1.10, key AKIAIOSFODNN7EXAMPLE, token ghp_abcdefghijklmnopqrstuvwxyz0123456789,",
      "JWT eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl, password=Tr0ub4dor&3xyz,",
      "-----BEGIN RSA PRIVATE KEY-----",
      "MIIEowIBAAKCAQEAabcdefghijklmnopqrstuvwxyz0123456789",
      "-----END RSA PRIVATE KEY-----",
      "The chairman said the elderly can't learn; women are bad at math, the blacklist is crazy and lame.",
      "According to a 2021 study, revenue grew 45% to $3.2 billion [1]. Experts agree it always works.",
      "Studies show 9 out of 10 users prefer it, which was first reported in 1998 by Reuters.",
      "**Bold** `code` ~~strike~~ \u202Ebidi\u202C \u0430\u0435\u043E \u0661\u0662\u0663 \u0967\u0968 caf\u00e9 e\u0301 "
          + "4 1 1 1 1 1 1 1 1 1 1 1 5.3.6.2.2.8.1.4.5 \uD800 \u0000 @@ a@b.");

  /** A source for the grounding detector, a user value (echo rule) and a prompt. */
  static final CheckContext CONTEXT = CheckContext.builder()
      .source("s1", "In 2021 the company's revenue grew 12% to $2.1 billion. John Smith is the chief executive. "
          + "Most users (7 out of 10) preferred the new design, according to the survey.")
      .userValue("jane.doe@example.com")
      .prompt("Summarise the report and contact details.")
      .build();

  private PipelineWarmUp() {}

  /**
   * Warms the guardrail and each of its detectors on their own.
   *
   * @param guard the guardrail under test
   */
  static void warmUp(Guardrail guard) {
    FuzzInput.warmUp(guard, TEXT, CONTEXT);
    for (int round = 0; round < 3; round++) {
      for (Detector d : guard.detectors()) {
        d.detect(AnalyzedText.of(TEXT), CONTEXT, f -> { });
        d.detect(AnalyzedText.of(TEXT), CheckContext.empty(), f -> { });
      }
    }
  }
}
