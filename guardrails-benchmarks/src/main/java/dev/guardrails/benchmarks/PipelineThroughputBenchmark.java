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
 * The default pipeline over a 1 MB text (the typical corpus), in operations per second, beside
 * {@link NaiveBaselines#pipeline}. MB/s = ops/s x size / 1,048,576 (the corpus is ASCII apart
 * from a few names, so chars and bytes agree to within a fraction of a percent).
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar PipelineThroughputBenchmark -f 1 -wi 1 -i 3 -w 2 -r 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PipelineThroughputBenchmark {

  @Param({"1048576"})
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
