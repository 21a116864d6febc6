/**
 * The built-in detectors, discovered through {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.guardrails.Detector}.
 */
package dev.guardrails.detectors;
