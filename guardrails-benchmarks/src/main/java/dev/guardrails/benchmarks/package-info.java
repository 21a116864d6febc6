/**
 * JMH benchmarks over a deterministic corpus of chatbot answers, each beside a naive baseline in
 * the same run. Build with {@code ./mvnw -q -pl guardrails-benchmarks -am package -DskipTests} and
 * run {@code java -jar guardrails-benchmarks/target/benchmarks.jar}.
 */
package dev.guardrails.benchmarks;
