/**
 * Guardrails on Apache Spark: {@link dev.guardrails.spark.GuardrailsSpark#scan} audits a DataFrame
 * of answers with one {@link dev.guardrails.Guardrail} per executor JVM, built from a serializable
 * {@link dev.guardrails.spark.ScanSpec}; {@link dev.guardrails.spark.AuditJob} is the
 * spark-submit entry point.
 */
package dev.guardrails.spark;
