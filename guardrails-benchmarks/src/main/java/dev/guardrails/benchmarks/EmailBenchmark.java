package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.pii.EmailDetector;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The email detector beside a naive {@code java.util.regex} email pattern, over the same corpus.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar EmailBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmailBenchmark {

  @Param({"2048", "1048576"})
  public int size;

  @Param({"TYPICAL"})
  public Corpus.Density density;

  private String text;
  private final EmailDetector detector = new EmailDetector();
  private static final Pattern NAIVE = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  @Setup
  public void setUp() {
    text = Corpus.generate(size, density, 42);
  }

  @Benchmark
  public List<Finding> detector() {
    List<Finding> out = new ArrayList<>();
    detector.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  @Benchmark
  public int naiveRegex() {
    int n = 0;
    Matcher m = NAIVE.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
