/**
 * The built-in detectors: PII, secrets, bias and claims. Exports the detector packages; the shared
 * sentence analysis ({@code detectors.nlp}) and helpers ({@code detectors.internal}) stay inside.
 * The detectors are provided to {@link java.util.ServiceLoader} here for the module path and in
 * {@code META-INF/services/dev.guardrails.Detector} for the class path (a test keeps both equal).
 *
 * <p>{@code re2j} has neither a module descriptor nor an {@code Automatic-Module-Name}; its name is
 * derived from the jar's file name ({@code re2j-1.8.jar}), which javac warns about.
 */
module dev.guardrails.detectors {
  requires transitive dev.guardrails;
  requires org.slf4j;
  requires com.github.benmanes.caffeine;
  requires org.apache.lucene.core;
  requires org.apache.opennlp.tools;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.toml;
  requires re2j;

  exports dev.guardrails.detectors.bias;
  exports dev.guardrails.detectors.claims;
  exports dev.guardrails.detectors.pii;
  exports dev.guardrails.detectors.secrets;

  provides dev.guardrails.Detector with
      dev.guardrails.detectors.pii.EmailDetector,
      dev.guardrails.detectors.bias.BiasDetector,
      dev.guardrails.detectors.pii.PiiPatternDetector,
      dev.guardrails.detectors.secrets.SecretDetector,
      dev.guardrails.detectors.pii.PersonDetector,
      dev.guardrails.detectors.pii.StreetAddressDetector,
      dev.guardrails.detectors.claims.ClaimGroundingDetector,
      dev.guardrails.detectors.claims.ClaimLanguageDetector;
}
