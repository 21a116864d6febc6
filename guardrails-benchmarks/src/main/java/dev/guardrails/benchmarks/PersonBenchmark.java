package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.pii.PersonDetector;
import dev.guardrails.detectors.pii.StreetAddressDetector;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PERSON and STREET_ADDRESS per short answer (issue 19, item 3: target 1 µs for both on the
 * {@link ShortCorpus} answers, 83 chars on average). Each operation takes the next answer in turn,
 * so the mean is the mean cost per answer. {@code analyzeOnly} is the normalization every method
 * pays (a fresh {@link AnalyzedText} per answer, since the address spans are memoized on it):
 * subtract it for the detectors' own cost. PERSON at 1 MB is {@code PiiBenchmark.person}.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar PersonBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PersonBenchmark {

  private String[] answers;
  private int next;
  private final PersonDetector person = new PersonDetector();
  private final StreetAddressDetector address = new StreetAddressDetector();
  private final List<Finding> out = new ArrayList<>();

  /** Loads the corpus and the lexicons (outside the measured calls). */
  @Setup
  public void setUp() {
    answers = ShortCorpus.answers().toArray(new String[0]);
    for (String t : answers) {
      AnalyzedText a = AnalyzedText.of(t);
      person.detect(a, CheckContext.empty(), out::add);
      address.detect(a, CheckContext.empty(), out::add);
    }
    out.clear();
  }

  private AnalyzedText nextAnswer() {
    String s = answers[next];
    next = next + 1 == answers.length ? 0 : next + 1;
    return AnalyzedText.of(s);
  }

  /** The normalization alone: the floor under the two methods below. */
  @Benchmark
  public AnalyzedText analyzeOnly() {
    return nextAnswer();
  }

  /** PERSON on one short answer (it reads the address spans, so the address scan runs too). */
  @Benchmark
  public int personShort() {
    out.clear();
    person.detect(nextAnswer(), CheckContext.empty(), out::add);
    return out.size();
  }

  /** PERSON and STREET_ADDRESS on one short answer, as the pipeline runs them (address spans shared). */
  @Benchmark
  public int personAddressShort() {
    out.clear();
    AnalyzedText t = nextAnswer();
    address.detect(t, CheckContext.empty(), out::add);
    person.detect(t, CheckContext.empty(), out::add);
    return out.size();
  }
}
