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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads sharing one default pipeline (it is immutable and thread-safe), each checking the
 * same 2 KB answer, in total operations per second, beside {@link NaiveBaselines#pipeline} with two
 * threads. Compare with the single-thread {@link PipelineBenchmark} average time (1e6 / µs per op)
 * for the scaling; on a loaded 2-core machine do not expect 2x.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar PipelineThreadsBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
@Fork(1)
public class PipelineThreadsBenchmark {

  @Param({"2048"})
  public int size;

  @Param({"TYPICAL"})
  public Corpus.Density density;

  private String text;
  private Guardrail guard;

  @Setup
  public void setUp() {
    text = Corpus.generate(size, density, 42);
    guard = PipelineBenchmark.defaultPipeline(0);
  }

  @Benchmark
  public GuardResult pipeline() {
    return guard.check(text, CheckContext.empty());
  }

  @Benchmark
  public NaiveBaselines.Result naivePipeline() {
    return NaiveBaselines.pipeline(text);
  }
}
