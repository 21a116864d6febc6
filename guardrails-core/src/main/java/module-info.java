/**
 * The guardrails API and engine. Exports the API packages only: the engine and its helpers
 * ({@code dev.guardrails.internal}) stay inside the module. Detectors are found with
 * {@link java.util.ServiceLoader} ({@code uses dev.guardrails.Detector}).
 */
module dev.guardrails {
  requires org.slf4j;
  requires com.github.benmanes.caffeine;

  exports dev.guardrails;
  exports dev.guardrails.client;
  exports dev.guardrails.stream;
  exports dev.guardrails.text;

  uses dev.guardrails.Detector;
}
