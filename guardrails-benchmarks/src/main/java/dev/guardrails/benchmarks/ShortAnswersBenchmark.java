package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.FindingType;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * What a user pays per short answer ({@link ShortCorpus}: about 2,100 answers, mostly under 200
 * chars). Each operation checks the next answer of the corpus in turn, so the mean time is the mean
 * cost per answer over the whole corpus. Side by side in one run:
 *
 * <ul>
 *   <li>{@code baselineFastRegex}: five precompiled {@code java.util.regex} patterns (email, phone,
 *       card, SSN, IPv4), {@code Matcher.find} over the answer, collecting spans: what a minimal
 *       regex redactor does;
 *   <li>{@code emptyPipeline}: a pipeline whose one detector finds nothing: the fixed cost of a
 *       check (normalization, analyzed text, policy, result);
 *   <li>{@code piiSecrets}: the PII and secrets detectors with the default policy;
 *   <li>{@code defaultPipeline}: every detector on the class path (what {@code guardrails scan} runs).
 * </ul>
 *
 * PERSON and STREET_ADDRESS alone on the same answers are {@link PersonBenchmark}.
 *
 * MB/s = mean answer chars ({@link ShortCorpus#meanChars()}) / mean time per answer; the report
 * ({@link ReportWriter}) prints both and the ratios to the baseline.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar ShortAnswersBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShortAnswersBenchmark {

  /** The detector ids of the PII and secrets pipeline. */
  static final Set<String> PII_SECRETS = Set.of("pii.email", "pii.patterns", "secrets", "pii.person", "pii.address");

  /** Email, phone, card, SSN, IPv4: the five patterns of a minimal regex redactor. */
  static final Pattern[] FAST = {
    Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
    Pattern.compile("(?:\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}"),
    Pattern.compile("\\b(?:\\d[ -]?){13,16}\\b"),
    Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
    Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"),
  };

  private String[] answers;
  private int next;
  private Guardrail empty;
  private Guardrail piiSecrets;
  private Guardrail all;
  private final int[] spans = new int[512];

  @Setup
  public void setUp() {
    List<String> a = ShortCorpus.answers();
    answers = a.toArray(new String[0]);
    empty = Guardrail.builder().detector(new NoFindings()).build();
    all = Guardrail.builder().discoverDetectors().build();
    piiSecrets = all.only(d -> PII_SECRETS.contains(d.id()));
    if (piiSecrets.detectors().size() != PII_SECRETS.size()) {
      throw new IllegalStateException("expected detectors " + PII_SECRETS + " on the class path");
    }
    for (String t : answers) { // lazy models and lexicons load here, not in a measured call
      all.check(t, CheckContext.empty());
    }
    System.out.printf("%n%d short answers, %.1f chars on average%n", answers.length, ShortCorpus.meanChars());
  }

  private String nextAnswer() {
    String s = answers[next];
    next = next + 1 == answers.length ? 0 : next + 1;
    return s;
  }

  @Benchmark
  public int baselineFastRegex() {
    String text = nextAnswer();
    int n = 0;
    for (Pattern p : FAST) {
      Matcher m = p.matcher(text);
      while (m.find() && n < spans.length) {
        spans[n++] = m.start();
        spans[n++] = m.end();
      }
    }
    return n;
  }

  @Benchmark
  public GuardResult emptyPipeline() {
    return empty.check(nextAnswer(), CheckContext.empty());
  }

  @Benchmark
  public GuardResult piiSecrets() {
    return piiSecrets.check(nextAnswer(), CheckContext.empty());
  }

  @Benchmark
  public GuardResult defaultPipeline() {
    return all.check(nextAnswer(), CheckContext.empty());
  }

  /** A detector that finds nothing: a pipeline of it costs only the check's fixed cost. */
  static final class NoFindings implements Detector {
    @Override
    public String id() {
      return "bench.none";
    }

    @Override
    public Set<FindingType> types() {
      return Set.of();
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {}
  }
}
