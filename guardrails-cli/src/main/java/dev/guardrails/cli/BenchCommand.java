package dev.guardrails.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardrails.Detector;
import dev.guardrails.Guardrail;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code guardrails bench}: latency, throughput and allocation of each detector and of the whole
 * pipeline on the user's own answers, measured by JMH ({@link AnswersBenchmark} through
 * {@link Runner}), so teams can choose detectors by what they cost on their traffic.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks each detector and the whole pipeline on your answers (JSONL, the scan --jsonl input format) with JMH:",
      "p50/p99/p99.9 latency per answer, MB/s and bytes allocated per answer.",
      "Your own detectors are found on --classpath or GUARDRAILS_CLASSPATH (ServiceLoader, META-INF/services/dev.guardrails.Detector).",
      "Exit codes: 0 done, 64 usage (bad option, unknown detector id, detector fails to load), 65 malformed corpus, 66 no such file."
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ANSWERS.jsonl", description = "One answer per line: {\"text\":...} or a JSON string.")
  Path corpus;

  @Option(names = "--detectors", split = ",", paramLabel = "ID", description = "Detector ids to measure (default: every detector), plus the whole pipeline.")
  List<String> detectors = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Threads checking answers at once (default: 1).")
  int threads = 1;

  @Option(names = "--seconds", paramLabel = "S", description = "Seconds per detector: half warm-up, half measurement (default: 10).")
  int seconds = 10;

  @Option(names = "--json", description = "Print the report as one JSON object instead of a table.")
  boolean json;

  @Option(names = "--classpath", paramLabel = "PATH", description = "Jars or directories with your own detectors (path-separator list; default: $GUARDRAILS_CLASSPATH).")
  String classpath;

  @Option(names = "--forks", hidden = true, description = "JMH forks per detector (default 1; 0 runs in this JVM, for tests).")
  int forks = 1;

  /** One measured target. */
  record Row(String detector, double p50, double p99, double p999, double meanNanos, double mbPerSecond, double bytesPerAnswer) {}

  @Override
  public Integer call() {
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (threads < 1 || seconds < 2 || forks < 0) {
      err.println("guardrails: --threads must be >= 1 and --seconds >= 2: " + threads + ", " + seconds);
      return Main.EX_USAGE;
    }
    String cp = classpath != null ? classpath : System.getenv().getOrDefault("GUARDRAILS_CLASSPATH", "");
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank() && !Files.exists(Paths.get(e))) {
        err.println("guardrails: no such class path entry: " + e);
        return Main.EX_NOINPUT;
      }
    }
    List<JsonlScanner.Answer> answers;
    try {
      answers = AnswersBenchmark.readCorpus(corpus);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        err.println("guardrails: no such file: " + corpus);
        return Main.EX_NOINPUT;
      }
      err.println("guardrails: cannot read " + corpus + ": " + e.getCause().getClass().getSimpleName());
      return Main.EX_DATAERR;
    } catch (JsonlScanner.LineException e) {
      err.println("guardrails: " + corpus + ": " + e.getMessage());
      return Main.EX_DATAERR;
    }
    Set<String> known = new LinkedHashSet<>();
    try {
      for (Detector d : Guardrail.builder().discoverDetectors(AnswersBenchmark.loader(cp)).build().detectors()) {
        known.add(d.id());
      }
    } catch (ServiceConfigurationError | LinkageError | IllegalArgumentException | IllegalStateException e) {
      err.println("guardrails: cannot load the detectors: " + oneLine(e));
      return Main.EX_USAGE;
    }
    List<String> targets = new ArrayList<>();
    for (String id : detectors) {
      if (!known.contains(id)) {
        err.println("guardrails: unknown detector id '" + id + "'; known: " + String.join(", ", known));
        return Main.EX_USAGE;
      }
      if (!targets.contains(id)) {
        targets.add(id);
      }
    }
    if (targets.isEmpty()) {
      targets.addAll(known);
    }
    targets.add(AnswersBenchmark.PIPELINE);
    long bytes = 0;
    for (JsonlScanner.Answer a : answers) {
      bytes += a.text().getBytes(StandardCharsets.UTF_8).length;
    }
    double meanBytes = bytes / (double) answers.size();
    if (System.getProperty("jmh.ignoreLock") == null) {
      System.setProperty("jmh.ignoreLock", "true"); // a second JMH on the machine should not fail the command
    }
    if (forks == 0) {
      System.setProperty(AnswersBenchmark.CLASSPATH_PROPERTY, cp);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      String id = targets.get(i);
      err.printf(Locale.ROOT, "bench: [%d/%d] %s (%d s)%n", i + 1, targets.size(), id, seconds);
      try {
        rows.add(measure(id, meanBytes, cp));
      } catch (RunnerException | RuntimeException e) {
        err.println("guardrails: benchmark of '" + id + "' failed: " + oneLine(e));
        return Main.EX_SOFTWARE;
      }
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (json) {
      out.println(toJson(rows, answers.size(), meanBytes));
    } else {
      out.print(table(rows, answers.size(), meanBytes));
    }
    out.flush();
    return 0;
  }

  private Row measure(String id, double meanBytes, String cp) throws RunnerException {
    int warm = Math.max(1, seconds / 2);
    int meas = Math.max(1, seconds - warm);
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include("^" + Pattern.quote(AnswersBenchmark.class.getName()) + "\\.check$")
        .param("corpus", corpus.toAbsolutePath().toString())
        .param("detector", id)
        .threads(threads)
        .forks(forks)
        .warmupIterations(1).warmupTime(TimeValue.seconds(warm))
        .measurementIterations(1).measurementTime(TimeValue.seconds(meas))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    if (forks > 0) {
      o.jvmArgsAppend("-D" + AnswersBenchmark.CLASSPATH_PROPERTY + "=" + cp);
    }
    RunResult r = new Runner(o.build()).runSingle();
    Statistics s = r.getPrimaryResult().getStatistics();
    double alloc = Double.NaN;
    for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        alloc = e.getValue().getScore();
      }
    }
    BenchmarkParams params = r.getParams();
    double mean = s.getMean();
    double mbps = meanBytes / mean * 1e3 * params.getThreads(); // bytes/ns * 1e9 / 1e6
    return new Row(id, s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9), mean, mbps, alloc);
  }

  private String table(List<Row> rows, int n, double meanBytes) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d answers, %.0f bytes on average, %d thread(s); latency per answer%n%n", n, meanBytes, threads));
    b.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s %12s%n", "detector", "p50 us", "p99 us", "p99.9 us", "MB/s", "B/answer"));
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "%-22s %10.2f %10.2f %10.2f %10.1f %12.0f%n",
          r.detector(), r.p50() / 1e3, r.p99() / 1e3, r.p999() / 1e3, r.mbPerSecond(), r.bytesPerAnswer()));
    }
    return b.toString();
  }

  private String toJson(List<Row> rows, int n, double meanBytes) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("answers", n);
    root.put("meanBytes", meanBytes);
    root.put("threads", threads);
    root.put("seconds", seconds);
    ArrayNode arr = root.putArray("results");
    for (Row r : rows) {
      ObjectNode o = arr.addObject();
      o.put("detector", r.detector());
      o.put("p50Micros", r.p50() / 1e3);
      o.put("p99Micros", r.p99() / 1e3);
      o.put("p999Micros", r.p999() / 1e3);
      o.put("meanMicros", r.meanNanos() / 1e3);
      o.put("mbPerSecond", r.mbPerSecond());
      if (Double.isNaN(r.bytesPerAnswer())) {
        o.putNull("bytesPerAnswer");
      } else {
        o.put("bytesPerAnswer", r.bytesPerAnswer());
      }
    }
    return root.toString();
  }

  private static String oneLine(Throwable e) {
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
  }
}
