package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the default pipeline's time goes on a 2 KB answer: after a warm-up, checks the TYPICAL and
 * CLEAN corpus texts repeatedly for a fixed time and averages {@link GuardResult#timings()} per
 * detector; the rest of the wall time (normalization, policy, redaction) is reported as
 * {@code other}. Not a JMH benchmark: a diagnostic beside {@link PipelineBenchmark}, whose totals
 * are the reference. A detector that first asks for a shared analysis (e.g. OpenNLP sentences)
 * pays for it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.guardrails.benchmarks.PipelineBreakdown [--seconds S]
 * [--out breakdown.json]}. Writes {@code {"cases":[{"density":..,"checks":N,"totalMicros":..,
 * "detectorMicros":{id:µs,..}},..]}}, read by {@link ReportWriter}.
 */
public final class PipelineBreakdown {

  private PipelineBreakdown() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --seconds S} (measurement per density, default 3; warm-up the same) and
   *     {@code --out FILE}
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    double seconds = 3;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    Guardrail guard = PipelineBenchmark.defaultPipeline(0);
    StringBuilder json = new StringBuilder("{\"cases\":[");
    for (Corpus.Density d : new Corpus.Density[] {Corpus.Density.TYPICAL, Corpus.Density.CLEAN}) {
      String text = Corpus.generate(Corpus.SIZE_2KB, d, 42);
      long nanos = (long) (seconds * 1e9);
      run(guard, text, nanos, null); // warm-up
      Map<String, Long> perDetector = new TreeMap<>();
      long[] totals = run(guard, text, nanos, perDetector);
      long checks = totals[0];
      double totalMicros = totals[1] / 1e3 / checks;
      if (json.charAt(json.length() - 1) != '[') {
        json.append(',');
      }
      json.append(String.format(Locale.ROOT, "{\"density\":\"%s\",\"checks\":%d,\"totalMicros\":%.2f,\"detectorMicros\":{", d, checks, totalMicros));
      System.out.printf(Locale.ROOT, "%s 2 KB: %d checks, %.0f µs per check%n", d, checks, totalMicros);
      boolean first = true;
      for (Map.Entry<String, Long> e : perDetector.entrySet()) {
        double us = e.getValue() / 1e3 / checks;
        json.append(first ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.2f", e.getKey(), us));
        first = false;
        System.out.printf(Locale.ROOT, "  %-20s %8.1f µs%n", e.getKey(), us);
      }
      json.append("}}");
    }
    json.append("]}\n");
    if (out != null) {
      ReportWriter.writeFile(out, json);
    }
  }

  /** Returns {checks, total nanos}; adds per-detector nanos to {@code perDetector} if not null. */
  private static long[] run(Guardrail guard, String text, long nanos, Map<String, Long> perDetector) {
    long start = System.nanoTime();
    long checks = 0;
    long total = 0;
    while (System.nanoTime() - start < nanos || checks == 0) {
      long t0 = System.nanoTime();
      GuardResult r = guard.check(text, CheckContext.empty());
      total += System.nanoTime() - t0;
      checks++;
      if (perDetector != null) {
        for (Map.Entry<String, Duration> e : r.timings().entrySet()) {
          perDetector.merge(e.getKey(), e.getValue().toNanos(), Long::sum);
        }
      }
    }
    return new long[] {checks, total};
  }
}
