package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.stream.StreamOptions;
import java.util.ArrayList;
import java.util.List;
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
 * Streaming a 2 KB answer through a {@link GuardedStream} in ~4-char chunks beside one
 * {@code check} of the whole text, same pipeline (every discovered detector, default policy), in
 * one run. The ratio {@code stream / wholeCheck} is the streaming cost; target at most 2 with the
 * default options ({@code maxHoldChars=0}); 1,024 is a lower-latency setting below the pipeline's
 * equivalence minimum. Per-chunk overhead = (stream - wholeCheck) / chunks (512 chunks for 2 KB).
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar StreamingBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamingBenchmark {

  /** Chars per streamed chunk; the report divides the streaming overhead by size / this. */
  public static final int CHUNK_CHARS = 4;

  @Param({"2048"})
  public int size;

  /** Maximum hold-back in chars; 0 = {@link StreamOptions#defaults()} (derived from the pipeline: 1,366). */
  @Param({"0", "1024"})
  public int maxHoldChars;

  private String text;
  private String[] chunks;
  private Guardrail guard;
  private StreamOptions options;

  @Setup
  public void setUp() {
    text = Corpus.generate(size, Corpus.Density.TYPICAL, 42);
    guard = Guardrail.withDefaults();
    options = maxHoldChars == 0 ? StreamOptions.defaults() : StreamOptions.builder().maxHoldChars(maxHoldChars).build();
    List<String> c = new ArrayList<>();
    for (int i = 0; i < text.length(); i += CHUNK_CHARS) {
      c.add(text.substring(i, Math.min(text.length(), i + CHUNK_CHARS)));
    }
    chunks = c.toArray(new String[0]);
    GuardedStream probe = GuardedStream.open(guard, CheckContext.empty(), options);
    for (String chunk : chunks) {
      probe.accept(chunk);
    }
    String streamed = probe.complete().shown();
    // load-independent cost measure: chars the detectors scanned, relative to one whole check
    System.out.printf("%nstream of %d chars in %d chunks, maxHoldChars=%d: %d scans, %d chars scanned = %.2fx the text%n",
        text.length(), chunks.length, maxHoldChars, probe.scans(), probe.scannedChars(),
        probe.scannedChars() / (double) text.length());
    if (!streamed.equals(guard.check(text, CheckContext.empty()).safeText())) {
      throw new IllegalStateException("stream output differs from check(text).safeText(); benchmark would be meaningless");
    }
  }

  @Benchmark
  public GuardResult wholeCheck() {
    return guard.check(text, CheckContext.empty());
  }

  @Benchmark
  public GuardedStream.Completion stream() {
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty(), options);
    for (String c : chunks) {
      s.accept(c);
    }
    return s.complete();
  }
}
