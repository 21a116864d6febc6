/**
 * Helpers shared by the detector packages (the word-list loader). Not an API: may change without
 * notice.
 */
package dev.guardrails.detectors.internal;
