package dev.guardrails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Short chatbot answers, as real assistants mostly write them: the 1,500 sentences of
 * {@code datasets/pii/presidio-synth-v2.json} (83 chars on average, most with a name, an address or
 * a number) followed by 600 replies of 50 to 500 chars generated from {@link Corpus}'s templates
 * (half clean, half typical; fixed seed). The same files and seed always give the same list.
 *
 * <p>The data set is found under {@code datasets/} of the working directory or one of its parents
 * (benchmarks run from the repository root), or at the path in the system property
 * {@code guardrails.datasets}. Thread-safe: the list is computed once and immutable.
 */
public final class ShortCorpus {

  private ShortCorpus() {}

  /** Number of generated replies appended to the Presidio sentences. */
  static final int GENERATED = 600;

  private static volatile List<String> answers;

  /**
   * Returns the answers (loaded once).
   *
   * @return an immutable list of about 2,100 answers
   * @throws IllegalStateException if {@code datasets/pii/presidio-synth-v2.json} cannot be found
   */
  public static List<String> answers() {
    List<String> a = answers;
    if (a == null) {
      synchronized (ShortCorpus.class) {
        a = answers;
        if (a == null) {
          a = load();
          answers = a;
        }
      }
    }
    return a;
  }

  /**
   * Returns the mean answer length in chars.
   *
   * @return the mean length
   */
  public static double meanChars() {
    List<String> a = answers();
    long n = 0;
    for (String s : a) {
      n += s.length();
    }
    return n / (double) a.size();
  }

  private static List<String> load() {
    Path file = datasets().resolve("pii/presidio-synth-v2.json");
    List<String> out = new ArrayList<>(1_500 + GENERATED);
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      for (JsonNode row : root) {
        out.add(row.get("full_text").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Random r = new Random(20261205L);
    for (int i = 0; i < GENERATED; i++) {
      int size = 50 + r.nextInt(451);
      Corpus.Density d = i % 2 == 0 ? Corpus.Density.CLEAN : Corpus.Density.TYPICAL;
      out.add(Corpus.generate(size, d, r.nextLong()).strip());
    }
    return List.copyOf(out);
  }

  private static Path datasets() {
    String prop = System.getProperty("guardrails.datasets");
    if (prop != null) {
      return Paths.get(prop);
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("datasets");
      if (Files.isRegularFile(d.resolve("pii/presidio-synth-v2.json"))) {
        return d;
      }
    }
    throw new IllegalStateException("datasets/pii/presidio-synth-v2.json not found from "
        + Paths.get("").toAbsolutePath() + "; run from the repository root or set -Dguardrails.datasets=DIR");
  }
}
