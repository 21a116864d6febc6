package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.pii.EmailDetector;
import dev.guardrails.detectors.pii.PersonDetector;
import dev.guardrails.detectors.pii.PiiPatternDetector;
import dev.guardrails.detectors.pii.StreetAddressDetector;
import dev.guardrails.detectors.secrets.SecretDetector;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII scan throughput: the pattern entities ({@link PiiPatternDetector}, {@link SecretDetector},
 * {@link EmailDetector}) side by side with {@link NaivePiiBaseline} (one regex per entity, run one
 * after another), and PERSON / STREET_ADDRESS on their own, over the same chatbot-answer corpus
 * ({@link Corpus}, TYPICAL density) at 2 KB and 1 MB; {@code patternsOnly} and {@code secretsOnly} give
 * the two pattern detectors' own costs.
 *
 * <p>The {@code chars} secondary result counts characters scanned per second: divide by 10^6 for
 * MB/s (the corpus is ASCII apart from a rare name). {@code patternScan} runs on a prebuilt
 * {@link AnalyzedText} (the pipeline normalizes once for all detectors); {@code patternScanNormalizing}
 * includes that normalization.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar PiiBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PiiBenchmark {

  @Param({"2048", "1048576"})
  public int size;

  private String text;
  private AnalyzedText analyzed;
  /** The same size of clean text (no PII or secrets): issue 15's secrets target (all rules, 1 MB). */
  private AnalyzedText clean;
  private final PiiPatternDetector patterns = new PiiPatternDetector();
  private final SecretDetector secrets = new SecretDetector();
  private final EmailDetector email = new EmailDetector();
  private final PersonDetector person = new PersonDetector();
  private final StreetAddressDetector address = new StreetAddressDetector();

  /** Characters scanned, reported by JMH per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Chars {
    /** Characters scanned so far in this iteration. */
    public long chars;

    /** Resets the counter per iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

  /**
   * A freshly normalized text per invocation, for detectors that memoize an analysis on the
   * {@link AnalyzedText} (street-address spans, which PERSON also reads): a shared instance would
   * measure a cache lookup. Normalization runs in the setup, outside the measured time.
   */
  @State(Scope.Thread)
  public static class Fresh {
    AnalyzedText text;

    /** Normalizes the corpus again. */
    @Setup(Level.Invocation)
    public void make(PiiBenchmark b) {
      text = AnalyzedText.of(b.text);
    }
  }

  /** Builds the corpus and its normalized view once. */
  @Setup
  public void setUp() {
    text = Corpus.generate(size, Corpus.Density.TYPICAL, 42);
    analyzed = AnalyzedText.of(text);
    clean = AnalyzedText.of(Corpus.generate(size, Corpus.Density.CLEAN, 42));
  }

  /** The pattern entities on the shared normalized text. */
  @Benchmark
  public List<Finding> patternScan(Chars c) {
    List<Finding> out = new ArrayList<>();
    patterns.detect(analyzed, CheckContext.empty(), out::add);
    secrets.detect(analyzed, CheckContext.empty(), out::add);
    email.detect(analyzed, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /** {@code pii.patterns} alone (numbers, IDs, IPs, MACs, URLs with credentials, crypto, dates of birth). */
  @Benchmark
  public List<Finding> patternsOnly(Chars c) {
    List<Finding> out = new ArrayList<>();
    patterns.detect(analyzed, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /** {@code secrets} alone (typed tokens, JWT, PEM, base64-wrapped and key-word secrets, gitleaks' rules). */
  @Benchmark
  public List<Finding> secretsOnly(Chars c) {
    List<Finding> out = new ArrayList<>();
    secrets.detect(analyzed, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /**
   * {@code secrets} alone on clean text: the hand scanners plus the keyword prefilter of gitleaks'
   * 222 rules, which on clean text runs no regex (target: 300 MB/s at 1 MB).
   */
  @Benchmark
  public List<Finding> secretsClean(Chars c) {
    List<Finding> out = new ArrayList<>();
    secrets.detect(clean, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /** The pattern entities including the normalization pass. */
  @Benchmark
  public List<Finding> patternScanNormalizing(Chars c) {
    AnalyzedText t = AnalyzedText.of(text);
    List<Finding> out = new ArrayList<>();
    patterns.detect(t, CheckContext.empty(), out::add);
    secrets.detect(t, CheckContext.empty(), out::add);
    email.detect(t, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /** The same entities as one java.util.regex pattern each, one after another. */
  @Benchmark
  public int naiveRegexBaseline(Chars c) {
    c.chars += size;
    return NaivePiiBaseline.scan(text);
  }

  /** PERSON alone (gazetteers, capitalization and context cues; includes the address scan it reads). */
  @Benchmark
  public List<Finding> person(Chars c, Fresh f) {
    List<Finding> out = new ArrayList<>();
    person.detect(f.text, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }

  /** STREET_ADDRESS alone. */
  @Benchmark
  public List<Finding> streetAddress(Chars c, Fresh f) {
    List<Finding> out = new ArrayList<>();
    address.detect(f.text, CheckContext.empty(), out::add);
    c.chars += size;
    return out;
  }
}
