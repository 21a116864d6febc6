package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.claims.ClaimLanguageDetector;
import dev.guardrails.detectors.nlp.EnglishNlp;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claim triage without sources (the claims part of the default pipeline): the claim-language
 * detector on a freshly analyzed 2 KB answer, so OpenNLP sentence detection and normalization are
 * included, beside {@link NaiveBaselines#claims} (a regex sentence split and a regex alternation of
 * claim cue phrases per sentence).
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar ClaimLanguageBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClaimLanguageBenchmark {

  @Param({"2048"})
  public int size;

  /** TYPICAL: no trigger word, so only normalization, the citation and trigger scan run; DENSE: sentence rules on most sentences. */
  @Param({"TYPICAL", "DENSE"})
  public Corpus.Density density;

  private String text;
  private final ClaimLanguageDetector detector = new ClaimLanguageDetector();

  @Setup
  public void setUp() {
    text = Corpus.generate(size, density, 42);
    EnglishNlp.preload();
  }

  @Benchmark
  public List<Finding> detector() {
    List<Finding> out = new ArrayList<>();
    detector.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  @Benchmark
  public int naiveCues() {
    return NaiveBaselines.claims(text);
  }
}
