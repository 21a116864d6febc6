package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.bias.BiasDetector;
import dev.guardrails.text.AnalyzedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bias detector beside a naive baseline: ONE case-insensitive {@code java.util.regex}
 * alternation of the same default lexicon terms (read from the detector's resource files), over
 * the same corpus.
 *
 * <p>Run: {@code java -jar guardrails-benchmarks/target/benchmarks.jar BiasBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BiasBenchmark {

  private static final String[] FILES = {"lexicon-core.tsv", "lexicon-holistic.tsv", "lexicon-retext.tsv"};

  @Param({"2048", "1048576"})
  public int size;

  @Param({"TYPICAL"})
  public Corpus.Density density;

  private String text;
  private AnalyzedText analyzed;
  private final BiasDetector detector = new BiasDetector();
  /** The same detector without the stereotype model: the model's cost is the difference. */
  private final BiasDetector rulesOnly = BiasDetector.builder().stereotypeModel(false).build();
  private Pattern naive;

  @Setup
  public void setUp() {
    text = Corpus.generate(size, density, 42);
    naive = naivePattern();
    analyzed = AnalyzedText.of(text);
    analyzed.normalized();
  }

  /** The bias scan over an already analyzed text (the pipeline normalizes once for all detectors). */
  @Benchmark
  public List<Finding> detector() {
    List<Finding> out = new ArrayList<>();
    detector.detect(analyzed, CheckContext.empty(), out::add);
    return out;
  }

  /** The lexicon and rules only (stereotype model off), to read the model's share of {@link #detector()}. */
  @Benchmark
  public List<Finding> detectorRulesOnly() {
    List<Finding> out = new ArrayList<>();
    rulesOnly.detect(analyzed, CheckContext.empty(), out::add);
    return out;
  }

  /** Normalization plus the bias scan, for reference. */
  @Benchmark
  public List<Finding> detectorWithNormalization() {
    List<Finding> out = new ArrayList<>();
    detector.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  @Benchmark
  public int naiveRegex() {
    int n = 0;
    Matcher m = naive.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** {@code \b(?:term|term|...)\b}, case-insensitive, longest terms first, default-enabled rows only. */
  static Pattern naivePattern() {
    Set<String> terms = new LinkedHashSet<>();
    for (String file : FILES) {
      try (InputStream in = BiasDetector.class.getResourceAsStream(file)) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] c = line.split("\t", -1);
          if (line.startsWith("#") || c.length != 7 || !c[5].isBlank() && !c[5].equals("proper")) {
            continue;
          }
          for (String form : c[0].split("\\|")) {
            String plain = form.replace("+n", "").replace("+v", "").trim();
            if (!plain.isEmpty()) {
              terms.add(plain);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringBuilder b = new StringBuilder("\\b(?:");
    terms.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(t -> {
      if (b.length() > 6) {
        b.append('|');
      }
      b.append(Pattern.quote(t).replace(" ", "\\E[\\s-]+\\Q"));
    });
    return Pattern.compile(b.append(")\\b").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
