/**
 * Shared English sentence analysis computed once per text with the Apache OpenNLP English sentence
 * model (and a rule splitter for long sources), for every detector that needs it.
 */
package dev.guardrails.detectors.nlp;
