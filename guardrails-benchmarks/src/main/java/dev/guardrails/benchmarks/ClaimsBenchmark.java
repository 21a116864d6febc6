package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Source;
import dev.guardrails.detectors.claims.ClaimChecker;
import dev.guardrails.detectors.claims.ClaimGroundingDetector;
import dev.guardrails.detectors.nlp.EnglishNlp;
import dev.guardrails.detectors.nlp.RuleSentences;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * Claim grounding of a 2 KB answer against 10 KB and 100 KB of sources: through a
 * {@link ClaimGroundingDetector}, whose instance cache holds the source index (the multi-turn case),
 * with the index built on every call (the first turn), and a naive
 * baseline (each sentence's word overlap with the whole source text). The answer is analyzed anew
 * each call, so sentence splitting is included.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar ClaimsBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClaimsBenchmark {

  @Param({"10240", "102400"})
  public int sourceSize;

  private String answer;
  private List<Source> sources;
  private String sourceText;
  private CheckContext ctx;
  private final ClaimGroundingDetector detector = new ClaimGroundingDetector();

  @Setup
  public void setUp() {
    answer = Corpus.generate(Corpus.SIZE_2KB, Corpus.Density.TYPICAL, 7);
    sourceText = Corpus.sources(sourceSize, 11);
    sources = List.of(Source.of("kb", sourceText));
    EnglishNlp.preload();
    ctx = CheckContext.builder().source(sources.get(0)).build();
    detector.detect(AnalyzedText.of(answer), ctx, f -> { }); // fills the detector's index cache
  }

  @Benchmark
  public int cachedIndex() {
    int[] found = new int[1];
    detector.detect(AnalyzedText.of(answer), ctx, f -> found[0]++);
    return found[0];
  }

  @Benchmark
  public double indexBuild() {
    return ClaimChecker.assessUncached(AnalyzedText.of(answer), sources).score();
  }

  @Benchmark
  public double naiveOverlap() {
    Set<String> words = new HashSet<>(List.of(sourceText.toLowerCase(Locale.ROOT).split("\\W+")));
    double worst = 0;
    for (Span s : RuleSentences.split(answer)) {
      String[] toks = answer.substring(s.start(), s.end()).toLowerCase(Locale.ROOT).split("\\W+");
      int found = 0;
      for (String t : toks) {
        if (words.contains(t)) {
          found++;
        }
      }
      worst = Math.max(worst, 1.0 - (double) found / Math.max(1, toks.length));
    }
    return worst;
  }
}
