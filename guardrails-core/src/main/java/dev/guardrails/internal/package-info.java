/**
 * Implementation details shared between core packages. Not API: may change in any release.
 */
package dev.guardrails.internal;
