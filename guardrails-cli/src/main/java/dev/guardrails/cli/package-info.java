/** The {@code guardrails} command line. */
package dev.guardrails.cli;
