package dev.guardrails.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark behind {@code guardrails bench}: checks the answers of a JSONL corpus (the
 * {@code scan --jsonl} input format) one after another, through one detector or the whole default
 * pipeline, in sample-time mode (so JMH reports percentiles). Each operation checks the next answer,
 * so the mean time is the mean cost per answer over the corpus.
 *
 * <p>Parameters are set by {@link BenchCommand}: {@code corpus} (the file) and {@code detector} (a
 * detector id, or {@value #PIPELINE} for every detector). Detectors are discovered with
 * {@link java.util.ServiceLoader} on the class path plus the entries of the system property
 * {@value #CLASSPATH_PROPERTY} (the user's own detectors). Each benchmark thread has its own state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnswersBenchmark {

  /** The {@code detector} value that selects every discovered detector. */
  public static final String PIPELINE = "pipeline";

  /** System property: extra class path entries (path-separator list) searched for detectors. */
  public static final String CLASSPATH_PROPERTY = "guardrails.bench.classpath";

  /** The JSONL corpus. */
  @Param("")
  public String corpus;

  /** A detector id, or {@value #PIPELINE}. */
  @Param(PIPELINE)
  public String detector;

  private String[] texts;
  private CheckContext[] contexts;
  private int next;
  private Guardrail guard;

  /** Loads the corpus and builds the guardrail. */
  @Setup
  public void setUp() {
    List<JsonlScanner.Answer> answers = readCorpus(Paths.get(corpus));
    texts = new String[answers.size()];
    contexts = new CheckContext[answers.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = answers.get(i).text();
      contexts[i] = answers.get(i).context();
    }
    Guardrail all = Guardrail.builder().discoverDetectors(loader(System.getProperty(CLASSPATH_PROPERTY, ""))).build();
    guard = PIPELINE.equals(detector) ? all : all.only(d -> d.id().equals(detector));
    for (int i = 0; i < texts.length; i++) {
      guard.check(texts[i], contexts[i]); // lazy models and lexicons load here, not in a measured call
    }
  }

  /**
   * Checks the next answer.
   *
   * @return the result (consumed by JMH)
   */
  @Benchmark
  public GuardResult check() {
    int i = next;
    next = i + 1 == texts.length ? 0 : i + 1;
    return guard.check(texts[i], contexts[i]);
  }

  /**
   * Reads a JSONL corpus (blank lines skipped).
   *
   * @param file the file
   * @return the answers, at least one
   * @throws JsonlScanner.LineException on a malformed line or an empty corpus
   * @throws UncheckedIOException if the file cannot be read
   */
  static List<JsonlScanner.Answer> readCorpus(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<JsonlScanner.Answer> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(JsonlScanner.parse(mapper, lines.get(i), i + 1));
      }
    }
    if (out.isEmpty()) {
      throw new JsonlScanner.LineException("the corpus has no answers");
    }
    return out;
  }

  /**
   * Returns a class loader over the application class path plus {@code classpath}'s entries.
   *
   * @param classpath path-separator list of jars or directories, possibly empty
   * @return the loader (the application's own when {@code classpath} is empty)
   */
  static ClassLoader loader(String classpath) {
    ClassLoader parent = AnswersBenchmark.class.getClassLoader();
    if (classpath.isBlank()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String e : classpath.split(java.io.File.pathSeparator)) {
      if (!e.isBlank()) {
        try {
          urls.add(Paths.get(e).toUri().toURL());
        } catch (MalformedURLException ex) {
          throw new IllegalArgumentException("class path entry is not a valid path: " + e, ex);
        }
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), parent);
  }
}
