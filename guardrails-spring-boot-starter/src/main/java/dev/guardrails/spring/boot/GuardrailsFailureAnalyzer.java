package dev.guardrails.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link GuardrailsConfigurationException} into one clear startup failure report. */
public final class GuardrailsFailureAnalyzer extends AbstractFailureAnalyzer<GuardrailsConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, GuardrailsConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), "Fix the guardrails.* property named above.", cause);
  }
}
