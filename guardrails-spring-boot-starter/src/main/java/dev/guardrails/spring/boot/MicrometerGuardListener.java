package dev.guardrails.spring.boot;

import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.GuardListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;

/**
 * Records guardrail events in Micrometer. Tags carry verdicts, categories, finding types, detector
 * ids and error kinds only, never checked text.
 *
 * <ul>
 *   <li>{@code guardrails.checks} (counter; verdict, cache=hit|miss)
 *   <li>{@code guardrails.findings} (counter; category, type, action)
 *   <li>{@code guardrails.check.duration} (timer; detector time of one check, the sum over detectors)
 *   <li>{@code guardrails.detector.duration} (timer; detector)
 *   <li>{@code guardrails.errors} (counter; detector, kind)
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class MicrometerGuardListener implements GuardListener {

  private final MeterRegistry registry;

  /**
   * Creates the listener.
   *
   * @param registry where meters are registered
   */
  public MicrometerGuardListener(MeterRegistry registry) {
    this.registry = java.util.Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void checkCompleted(CheckEvent event) {
    Counter.builder("guardrails.checks").description("Checks by verdict")
        .tag("verdict", event.verdict().name()).tag("cache", event.cacheHit() ? "hit" : "miss")
        .register(registry).increment();
    for (Decision d : event.decisions()) {
      Counter.builder("guardrails.findings").description("Findings by category, type and action")
          .tag("category", d.finding().category().name()).tag("type", d.finding().type().name())
          .tag("action", d.action().name())
          .register(registry).increment();
    }
    if (event.cacheHit()) {
      return;
    }
    long total = 0;
    for (Map.Entry<String, Duration> t : event.timings().entrySet()) {
      long nanos = t.getValue().toNanos();
      total += nanos;
      Timer.builder("guardrails.detector.duration").description("Time per detector run")
          .tag("detector", t.getKey()).register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
    Timer.builder("guardrails.check.duration").description("Detector time per check")
        .register(registry).record(total, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  @Override
  public void detectorFailed(DetectorError error) {
    Counter.builder("guardrails.errors").description("Detector failures by detector and kind")
        .tag("detector", error.detector()).tag("kind", error.kind())
        .register(registry).increment();
  }
}
