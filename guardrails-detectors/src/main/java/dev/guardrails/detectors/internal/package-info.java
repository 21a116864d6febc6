/**
 * Helpers shared by the detector packages (the word-list loader, eight-byte scanning). Not an API: may change without
 * notice.
 */
package dev.guardrails.detectors.internal;
