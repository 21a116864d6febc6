/**
 * Shared English NLP analyses (sentences, tokens, POS) computed once per text with the Apache
 * OpenNLP English models, for every detector that needs them.
 */
package dev.guardrails.detectors.nlp;
