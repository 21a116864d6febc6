package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default pipeline (every detector on the class path, default policy: what {@code guardrails
 * scan} runs) on a 2 KB answer, beside {@link NaiveBaselines#pipeline} in the same run. Average
 * time and sample time (p50/p99/p99.9); run with {@code -prof gc} for allocation per check. The
 * {@code CLEAN} density is a text with no findings (checked in setup), for the allocation target.
 * {@code cachedPipeline} checks the same text through a pipeline with a Caffeine result cache, so
 * every call after the first is a hit.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar PipelineBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

  @Param({"2048"})
  public int size;

  @Param({"TYPICAL", "CLEAN"})
  public Corpus.Density density;

  private String text;
  private Guardrail guard;
  private Guardrail cached;

  @Setup
  public void setUp() {
    text = Corpus.generate(size, density, 42);
    guard = defaultPipeline(0);
    cached = defaultPipeline(1_000);
    GuardResult r = guard.check(text, CheckContext.empty());
    if (density == Corpus.Density.CLEAN && !r.findings().isEmpty()) {
      throw new IllegalStateException("the CLEAN corpus text has " + r.findings().size()
          + " findings; the no-findings allocation figure would be meaningless");
    }
    System.out.printf("%n%s %d chars: %d findings (ours), %d matches (naive)%n",
        density, text.length(), r.findings().size(), NaiveBaselines.pipeline(text).matches);
  }

  /**
   * The pipeline {@code guardrails scan} builds: every discovered detector, default policy.
   *
   * @param cacheEntries the result cache size, or 0 for none
   * @return the guardrail
   */
  static Guardrail defaultPipeline(int cacheEntries) {
    Guardrail.Builder b = Guardrail.builder().discoverDetectors();
    if (cacheEntries > 0) {
      b.cache(cacheEntries);
    }
    return b.build();
  }

  @Benchmark
  public GuardResult pipeline() {
    return guard.check(text, CheckContext.empty());
  }

  @Benchmark
  public GuardResult cachedPipeline() {
    return cached.check(text, CheckContext.empty());
  }

  @Benchmark
  public NaiveBaselines.Result naivePipeline() {
    return NaiveBaselines.pipeline(text);
  }
}
