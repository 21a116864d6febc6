package dev.guardrails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns a JMH JSON result file (and optionally a {@link ColdStart} JSON file) into
 * {@code RESULTS.md} (Markdown tables: every benchmark beside its same-run baseline with the
 * ratio, 2 KB percentiles, 1 MB throughput, two-thread throughput, allocation per op, cold start,
 * the DESIGN.md targets with met/not met, and the machine) and {@code latency.svg} (a bar chart of
 * 2 KB latency per detector and pipeline, ours beside the baseline, log scale).
 *
 * <p>Generic by benchmark name: in each benchmark class, a method whose name starts with
 * {@code naive} or {@code baseline} is a baseline, and every other method is compared with the
 * baseline that has the same mode, thread count and parameters ({@code wholeCheck} is the
 * reference of streaming). Benchmarks with a {@code size} parameter of 2048 or none are 2 KB
 * answers. New benchmark classes need no change here; only the Targets section looks for
 * particular names ({@code Pii*}, {@code PipelineBenchmark}, {@code StreamingBenchmark}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.guardrails.benchmarks.ReportWriter --jmh jmh.json
 * [--jmh more.json] [--cold-start cold-start.json] [--out benchmarks] [--profile quick] [--run-time "6 min"]}.
 */
public final class ReportWriter {

  private ReportWriter() {}

  static final int SIZE_2KB = 2_048;
  static final int SIZE_1MB = 1_048_576;

  /** One JMH result row (one benchmark method, mode, thread count and parameter set). */
  record Row(String cls, String method, String mode, int threads, Map<String, String> params,
      double score, double error, String unit, Map<String, Double> percentiles, Double alloc) {

    boolean baseline() {
      String m = method.toLowerCase(Locale.ROOT);
      return m.startsWith("naive") || m.startsWith("baseline") || method.equals("wholeCheck");
    }

    boolean timeMode() {
      return !mode.equals("thrpt");
    }

    /** Microseconds per op for time modes (mean for sample time). */
    double micros() {
      return toMicros(score, unit);
    }

    double percentileMicros(String key) {
      Double p = percentiles.get(key);
      return p == null ? Double.NaN : toMicros(p, unit);
    }

    /** Operations per second for throughput mode. */
    double opsPerSecond() {
      return timeMode() ? 1e6 / micros() * threads : toOpsPerSecond(score, unit);
    }

    Integer size() {
      String s = params.get("size");
      return s == null ? null : Integer.valueOf(s);
    }

    boolean is2Kb() {
      Integer s = size();
      return s == null || s == SIZE_2KB;
    }

    /** MB/s over {@code size} chars (1 MB = 1,048,576 chars). */
    double mbPerSecond() {
      Integer s = size();
      if (s == null) {
        return Double.NaN;
      }
      double mb = s / (double) SIZE_1MB;
      return timeMode() ? mb / (micros() / 1e6) : opsPerSecond() * mb;
    }

    String name() {
      return cls + "." + method;
    }

    String paramsText() {
      StringBuilder b = new StringBuilder();
      params.forEach((k, v) -> b.append(b.length() > 0 ? ", " : "").append(k).append('=').append(v));
      return b.length() == 0 ? "—" : b.toString();
    }

    String group() {
      return cls + "|" + mode + "|" + threads + "|" + params;
    }
  }

  /** One cold-start case: whole-process milliseconds per run. */
  record ColdCase(String name, String description, List<Double> millis) {
    List<Double> sorted() {
      List<Double> s = new ArrayList<>(millis);
      s.sort(null);
      return s;
    }
  }

  /** Mean µs per detector (and in total) of the default pipeline on one 2 KB text; see {@link PipelineBreakdown}. */
  record Breakdown(String density, long checks, double totalMicros, Map<String, Double> detectorMicros) {}

  /** Where the numbers were measured. */
  record Machine(String cpu, int cores, String jdk, String date, String load) {}

  /**
   * Writes RESULTS.md and latency.svg.
   *
   * @param args see the class description
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    List<Path> jmh = new ArrayList<>();
    Path cold = null;
    Path breakdown = null;
    Path out = Path.of("benchmarks");
    String profile = "";
    String runTime = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jmh" -> jmh.add(Path.of(args[++i]));
        case "--cold-start" -> cold = Path.of(args[++i]);
        case "--breakdown" -> breakdown = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--profile" -> profile = args[++i];
        case "--run-time" -> runTime = args[++i];
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (jmh.isEmpty()) {
      throw new IllegalArgumentException("--jmh FILE is required");
    }
    ObjectMapper mapper = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ArrayNode jmhRoot = mapper.createArrayNode();
    for (Path p : jmh) {
      mapper.readTree(p.toFile()).forEach(jmhRoot::add); // several runs (e.g. split by profile) make one report
    }
    List<Row> rows = parseJmh(jmhRoot);
    List<ColdCase> coldCases = cold != null && Files.exists(cold) ? parseColdStart(mapper.readTree(cold.toFile())) : List.of();
    List<Breakdown> parts = breakdown != null && Files.exists(breakdown) ? parseBreakdown(mapper.readTree(breakdown.toFile())) : List.of();
    Machine machine = machine(jmhRoot);
    Files.createDirectories(out);
    Files.writeString(out.resolve("RESULTS.md"), markdown(rows, coldCases, parts, machine, profile, runTime), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("latency.svg"), svg(rows), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("RESULTS.md") + " and " + out.resolve("latency.svg") + " (" + rows.size() + " results)");
  }

  // ---------------------------------------------------------------- parsing

  /** Reads JMH's JSON result array. */
  static List<Row> parseJmh(JsonNode root) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode n : root) {
      String full = n.path("benchmark").asText();
      int dot = full.lastIndexOf('.');
      String method = full.substring(dot + 1);
      String clsFull = full.substring(0, Math.max(0, dot));
      String cls = clsFull.substring(clsFull.lastIndexOf('.') + 1);
      Map<String, String> params = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      JsonNode pm = n.path("primaryMetric");
      Map<String, Double> pct = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = pm.path("scorePercentiles").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        pct.put(e.getKey(), e.getValue().asDouble());
      }
      JsonNode alloc = n.path("secondaryMetrics").path("gc.alloc.rate.norm");
      rows.add(new Row(cls, method, n.path("mode").asText(), n.path("threads").asInt(1), params,
          pm.path("score").asDouble(Double.NaN), pm.path("scoreError").asDouble(Double.NaN), pm.path("scoreUnit").asText(),
          pct, alloc.isMissingNode() ? null : alloc.path("score").asDouble()));
    }
    rows.sort(Comparator.comparing(Row::cls).thenComparing(Row::method).thenComparing(r -> r.params().toString())
        .thenComparing(Row::mode));
    return rows;
  }

  /** Reads {@link ColdStart}'s JSON. */
  static List<ColdCase> parseColdStart(JsonNode root) {
    List<ColdCase> out = new ArrayList<>();
    for (JsonNode c : root.path("cases")) {
      List<Double> ms = new ArrayList<>();
      c.path("millis").forEach(v -> ms.add(v.asDouble()));
      if (!ms.isEmpty()) {
        out.add(new ColdCase(c.path("name").asText(), c.path("description").asText(), ms));
      }
    }
    return out;
  }

  /** Reads {@link PipelineBreakdown}'s JSON. */
  static List<Breakdown> parseBreakdown(JsonNode root) {
    List<Breakdown> out = new ArrayList<>();
    for (JsonNode c : root.path("cases")) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("detectorMicros").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), e.getValue().asDouble());
      }
      out.add(new Breakdown(c.path("density").asText(), c.path("checks").asLong(), c.path("totalMicros").asDouble(), m));
    }
    return out;
  }

  /** Describes this machine: CPU model from /proc/cpuinfo, cores, the JDK of the JMH run, now. */
  static Machine machine(JsonNode jmhRoot) {
    String cpu = "unknown CPU";
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      cpu = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: keep the defaults
    }
    String load = "";
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      load = f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    JsonNode first = jmhRoot.path(0);
    String jdk = first.isMissingNode()
        ? System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        : first.path("vmName").asText() + " " + first.path("jdkVersion").asText() + " (" + first.path("vmVersion").asText() + ")";
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    return new Machine(cpu, cores, jdk, date, load);
  }

  // ---------------------------------------------------------------- analysis

  /** The same-run baseline of a row: same class, mode, threads and params; by name if several. */
  static Optional<Row> baselineOf(Row r, List<Row> rows) {
    if (r.baseline()) {
      return Optional.empty();
    }
    List<Row> candidates = rows.stream().filter(b -> b.baseline() && b.group().equals(r.group())).toList();
    if (candidates.size() <= 1) {
      return candidates.stream().findFirst();
    }
    String m = r.method().toLowerCase(Locale.ROOT);
    for (Row b : candidates) {
      String stripped = b.method().toLowerCase(Locale.ROOT).replaceFirst("^(naive|baseline)", "");
      if (stripped.equals(m)) {
        return Optional.of(b);
      }
    }
    for (Row b : candidates) {
      String stripped = b.method().toLowerCase(Locale.ROOT).replaceFirst("^(naive|baseline)", "");
      if (!stripped.isEmpty() && (m.contains(stripped) || stripped.contains(m))) {
        return Optional.of(b);
      }
    }
    return candidates.stream().min(Comparator.comparing(Row::method));
  }

  /** Writes {@code content} as UTF-8 to {@code file}, creating its parent folders. */
  static void writeFile(Path file, CharSequence content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** How many times faster ours is than the baseline (below 1: slower). */
  static double speedup(Row ours, Row base) {
    return ours.timeMode() ? base.micros() / ours.micros() : ours.opsPerSecond() / base.opsPerSecond();
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---------------------------------------------------------------- Markdown

  /** Renders RESULTS.md. */
  static String markdown(List<Row> rows, List<ColdCase> cold, List<Breakdown> parts, Machine m, String profile, String runTime) {
    StringBuilder b = new StringBuilder();
    b.append("# Benchmark results\n\n");
    String script = "smoke".equals(profile) ? "benchmarks/smoke.sh" : "benchmarks/run.sh" + (profile.isEmpty() ? "" : " --" + profile);
    b.append("Generated by `").append(script).append("` (`ReportWriter`); do not edit by hand. How to read it: [docs/benchmarks.md](../docs/benchmarks.md).\n\n");
    b.append("**Machine:** ").append(m.cpu()).append(", ").append(m.cores()).append(" cores; ").append(m.jdk())
        .append("; ").append(m.date());
    if (!m.load().isEmpty()) {
      b.append("; load average ").append(m.load()).append(" when the report was written");
    }
    if (!runTime.isEmpty()) {
      b.append("; whole run ").append(runTime);
    }
    b.append(".\n\n");
    b.append("> The machine is shared with other jobs and loaded, so absolute figures are noisy and pessimistic. "
        + "Every benchmark runs beside a naive baseline in the same JVM run, so the **ratios** are what hold; "
        + "compare ratios, not absolute numbers, across runs.")
        .append("quick".equals(profile) ? " This is the quick profile (1 fork, short warm-up): treat figures as indicative.\n\n" : "\n\n");

    targets(b, rows, cold);
    shortAnswersTable(b, rows);
    mainTable(b, rows);
    percentileTable(b, rows);
    throughputTable(b, rows);
    threadsTable(b, rows);
    breakdownTable(b, parts);
    coldTable(b, cold);
    b.append("## Chart\n\n![2 KB latency per detector and pipeline, ours vs baseline](latency.svg)\n");
    return b.toString();
  }

  private static void mainTable(StringBuilder b, List<Row> rows) {
    b.append("## Every benchmark beside its baseline\n\n");
    b.append("Time modes: mean per operation (lower is better); `thrpt`: operations per second (higher is better). "
        + "The ratio says how many times faster ours is than the naive baseline in the same run. "
        + "Alloc/op is `gc.alloc.rate.norm` from `-prof gc`.\n\n");
    b.append("| Benchmark | Params | Mode | Ours | Baseline | Baseline score | Ours vs baseline | Alloc/op ours | Alloc/op baseline |\n");
    b.append("|---|---|---|---:|---|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      if (r.baseline()) {
        continue;
      }
      Optional<Row> base = baselineOf(r, rows);
      b.append("| ").append(r.name()).append(" | ").append(r.paramsText()).append(" | ").append(modeText(r))
          .append(" | ").append(scoreText(r))
          .append(" | ").append(base.map(Row::method).orElse("—"))
          .append(" | ").append(base.map(ReportWriter::scoreText).orElse("—"))
          .append(" | ").append(base.map(x -> ratioText(speedup(r, x))).orElse("—"))
          .append(" | ").append(bytes(r.alloc()))
          .append(" | ").append(base.map(x -> bytes(x.alloc())).orElse("—")).append(" |\n");
    }
    b.append('\n');
  }

  /**
   * The short-answer table ({@link ShortAnswersBenchmark}): ns and MB/s per answer, the ratio to the
   * fast-regex baseline, allocation per answer, and the per-check targets of issue 19.
   */
  private static void shortAnswersTable(StringBuilder b, List<Row> rows) {
    List<Row> sa = rows.stream().filter(r -> r.cls().equals("ShortAnswersBenchmark") && r.mode().equals("avgt")).toList();
    if (sa.isEmpty()) {
      return;
    }
    double meanChars = ShortCorpus.meanChars();
    Optional<Row> base = find(sa, r -> r.method().equals("baselineFastRegex"));
    b.append("## Short answers: what a user pays per answer\n\n");
    b.append(String.format(Locale.ROOT, "%,d short answers (Presidio's sentences plus generated replies, %.0f chars on average), "
        + "checked one after another. MB/s = mean chars / mean time per answer. The fast-regex baseline is five "
        + "precompiled `java.util.regex` patterns (email, phone, card, SSN, IPv4): what a minimal regex redactor does.%n%n",
        ShortCorpus.answers().size(), meanChars));
    b.append("| Benchmark | Time per answer | MB/s | vs fast regex (MB/s ratio) | Alloc per answer |\n|---|---:|---:|---:|---:|\n");
    for (Row r : sa) {
      double ns = r.micros() * 1e3;
      double mbs = meanChars / ns * 1e3 / 1.048576;
      b.append("| ").append(r.method()).append(" | ").append(String.format(Locale.ROOT, "%,.0f ns", ns))
          .append(" | ").append(num(mbs))
          .append(" | ").append(base.filter(x -> x != r).map(x -> String.format(Locale.ROOT, "%.2fx", x.micros() / r.micros())).orElse("—"))
          .append(" | ").append(bytes(r.alloc())).append(" |\n");
    }
    b.append('\n');
    Optional<Row> pii = find(sa, r -> r.method().equals("piiSecrets"));
    Optional<Row> all = find(sa, r -> r.method().equals("defaultPipeline"));
    Optional<Row> empty = find(sa, r -> r.method().equals("emptyPipeline"));
    b.append("| Target (short answers) | Measured | Met? |\n|---|---|---|\n");
    if (base.isPresent()) {
      pii.ifPresent(r -> target(b, "PII+secrets pipeline ≥ 5× the fast-regex baseline's MB/s",
          String.format(Locale.ROOT, "%.2fx", base.get().micros() / r.micros()), base.get().micros() / r.micros() >= 5));
      all.ifPresent(r -> target(b, "Default pipeline ≥ 3× the fast-regex baseline's MB/s",
          String.format(Locale.ROOT, "%.2fx", base.get().micros() / r.micros()), base.get().micros() / r.micros() >= 3));
    }
    empty.ifPresent(r -> target(b, "Empty pipeline (fixed cost of a check) ≤ 250 ns per answer",
        String.format(Locale.ROOT, "%,.0f ns", r.micros() * 1e3), r.micros() * 1e3 <= 250));
    empty.filter(r -> r.alloc() != null).ifPresent(r -> target(b, "Allocation of the fixed cost ≤ 1 KB per answer",
        bytes(r.alloc()), r.alloc() <= 1_024));
    b.append('\n');
  }

  private static void percentileTable(StringBuilder b, List<Row> rows) {
    List<Row> sample = rows.stream().filter(r -> !r.baseline() && r.mode().equals("sample") && r.is2Kb()).toList();
    if (sample.isEmpty()) {
      return;
    }
    b.append("## 2 KB answers: latency percentiles (sample time)\n\n");
    b.append("| Benchmark | Params | p50 | p99 | p99.9 | Baseline p50 | Baseline p99 | p50 ours vs baseline |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : sample) {
      Optional<Row> base = baselineOf(r, rows);
      b.append("| ").append(r.name()).append(" | ").append(r.paramsText())
          .append(" | ").append(micros(r.percentileMicros("50.0")))
          .append(" | ").append(micros(r.percentileMicros("99.0")))
          .append(" | ").append(micros(r.percentileMicros("99.9")))
          .append(" | ").append(base.map(x -> micros(x.percentileMicros("50.0"))).orElse("—"))
          .append(" | ").append(base.map(x -> micros(x.percentileMicros("99.0"))).orElse("—"))
          .append(" | ").append(base.map(x -> ratioText(x.percentileMicros("50.0") / r.percentileMicros("50.0"))).orElse("—"))
          .append(" |\n");
    }
    b.append('\n');
  }

  private static void throughputTable(StringBuilder b, List<Row> rows) {
    List<Row> big = rows.stream().filter(r -> !r.baseline() && r.threads() == 1 && Integer.valueOf(SIZE_1MB).equals(r.size())).toList();
    if (big.isEmpty()) {
      return;
    }
    b.append("## 1 MB texts: throughput\n\n");
    b.append("MB/s over the text (1 MB = 1,048,576 chars of a mostly ASCII corpus), from the mean time or the ops/s.\n\n");
    b.append("| Benchmark | Params | Mode | Ours MB/s | Baseline MB/s | Ours vs baseline |\n");
    b.append("|---|---|---|---:|---:|---:|\n");
    for (Row r : big) {
      Optional<Row> base = baselineOf(r, rows);
      b.append("| ").append(r.name()).append(" | ").append(r.paramsText()).append(" | ").append(modeText(r))
          .append(" | ").append(num(r.mbPerSecond()))
          .append(" | ").append(base.map(x -> num(x.mbPerSecond())).orElse("—"))
          .append(" | ").append(base.map(x -> ratioText(speedup(r, x))).orElse("—")).append(" |\n");
    }
    b.append('\n');
  }

  private static void threadsTable(StringBuilder b, List<Row> rows) {
    List<Row> multi = rows.stream().filter(r -> !r.baseline() && r.threads() > 1).toList();
    if (multi.isEmpty()) {
      return;
    }
    b.append("## Several threads sharing one pipeline\n\n");
    b.append("Total ops/s over all threads; single-thread ops/s come from the same method and params in a one-thread "
        + "benchmark of this run (1e6 / mean µs), when there is one.\n\n");
    b.append("| Benchmark | Params | Threads | Ours ops/s | Baseline ops/s | Ours vs baseline | Single-thread ops/s | Scaling |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : multi) {
      Optional<Row> base = baselineOf(r, rows);
      Optional<Row> single = rows.stream()
          .filter(x -> x.threads() == 1 && x.method().equals(r.method()) && x.params().equals(r.params()) && x.mode().equals("avgt"))
          .findFirst();
      b.append("| ").append(r.name()).append(" | ").append(r.paramsText()).append(" | ").append(r.threads())
          .append(" | ").append(num(r.opsPerSecond()))
          .append(" | ").append(base.map(x -> num(x.opsPerSecond())).orElse("—"))
          .append(" | ").append(base.map(x -> ratioText(speedup(r, x))).orElse("—"))
          .append(" | ").append(single.map(x -> num(x.opsPerSecond())).orElse("—"))
          .append(" | ").append(single.map(x -> String.format(Locale.ROOT, "%.2f×", r.opsPerSecond() / x.opsPerSecond())).orElse("—"))
          .append(" |\n");
    }
    b.append('\n');
  }

  private static void breakdownTable(StringBuilder b, List<Breakdown> parts) {
    if (parts.isEmpty()) {
      return;
    }
    b.append("## Where the default pipeline's time goes (2 KB)\n\n");
    b.append("`PipelineBreakdown`: mean of `GuardResult.timings()` per detector over repeated checks after a warm-up "
        + "(outside JMH; `PipelineBenchmark` is the reference for totals). A detector that first asks for a shared "
        + "analysis, such as OpenNLP sentences, pays for it; `other` is normalization, policy and redaction.\n\n");
    Breakdown first = parts.get(0);
    List<String> ids = new ArrayList<>(first.detectorMicros().keySet());
    ids.sort(Comparator.comparing((String id) -> -first.detectorMicros().get(id)));
    b.append("| Detector |");
    parts.forEach(p -> b.append(' ').append(p.density()).append(" µs | share |"));
    b.append("\n|---|");
    parts.forEach(p -> b.append("---:|---:|"));
    b.append('\n');
    for (String id : ids) {
      b.append("| ").append(id).append(" |");
      for (Breakdown p : parts) {
        double v = p.detectorMicros().getOrDefault(id, Double.NaN);
        b.append(String.format(Locale.ROOT, " %.0f | %.0f%% |", v, 100 * v / p.totalMicros()));
      }
      b.append('\n');
    }
    b.append("| other |");
    for (Breakdown p : parts) {
      double other = p.totalMicros() - p.detectorMicros().values().stream().mapToDouble(Double::doubleValue).sum();
      b.append(String.format(Locale.ROOT, " %.0f | %.0f%% |", other, 100 * other / p.totalMicros()));
    }
    b.append("\n| **total** |");
    parts.forEach(p -> b.append(String.format(Locale.ROOT, " **%.0f** | 100%% |", p.totalMicros())));
    b.append("\n\n");
  }

  private static void coldTable(StringBuilder b, List<ColdCase> cold) {
    if (cold.isEmpty()) {
      return;
    }
    b.append("## Cold start\n\n");
    b.append("Whole-process wall time from launching `java` to exit after the first completed check, fresh JVM per run, "
        + "cases interleaved.\n\n");
    b.append("| Case | What it measures | Median | Min | Max | Runs |\n|---|---|---:|---:|---:|---:|\n");
    for (ColdCase c : cold) {
      List<Double> s = c.sorted();
      b.append("| ").append(c.name()).append(" | ").append(c.description())
          .append(String.format(Locale.ROOT, " | %.0f ms | %.0f ms | %.0f ms | %d |\n", median(s), s.get(0), s.get(s.size() - 1), s.size()));
    }
    Optional<ColdCase> ours = cold.stream().filter(c -> c.name().equals("pipeline")).findFirst();
    Optional<ColdCase> naive = cold.stream().filter(c -> c.name().equals("naive")).findFirst();
    Optional<ColdCase> jvm = cold.stream().filter(c -> c.name().equals("jvm")).findFirst();
    if (ours.isPresent() && naive.isPresent()) {
      double o = median(ours.get().sorted());
      double n = median(naive.get().sorted());
      b.append(String.format(Locale.ROOT, "\nDefault pipeline vs naive baseline (median): %.2f× the time", o / n));
      jvm.ifPresent(j -> b.append(String.format(Locale.ROOT, "; loading and the first check add %.0f ms over a bare JVM start",
          o - median(j.sorted()))));
      b.append(".\n");
    }
    b.append('\n');
  }

  // ---------------------------------------------------------------- targets

  private static void targets(StringBuilder b, List<Row> rows, List<ColdCase> cold) {
    b.append("## Targets (docs: ../shared/DESIGN.md \"Targets\")\n\n");
    b.append("The targets are stated for a single core of an idle 2-core machine; these figures come from a shared, loaded one.\n\n");
    b.append("| Target | Measured | Met? |\n|---|---|---|\n");

    Optional<Row> pii = find(rows, r -> r.cls().startsWith("Pii") && !r.baseline() && r.threads() == 1
        && Integer.valueOf(SIZE_1MB).equals(r.size()));
    if (pii.isPresent()) {
      Row r = pii.get();
      double mbs = r.mbPerSecond();
      Optional<Row> base = baselineOf(r, rows);
      double ratio = base.map(x -> speedup(r, x)).orElse(Double.NaN);
      target(b, "PII scan of the pattern entities: ≥ 300 MB/s", r.name() + " " + r.paramsText() + ": " + num(mbs) + " MB/s", mbs >= 300);
      target(b, "PII scan: ≥ 20× the naive regex baseline in the same run",
          base.isPresent() ? ratioText(ratio) + " (vs " + base.get().method() + ")" : "no baseline in the run", base.isPresent() && ratio >= 20);
    } else {
      b.append("| PII scan of the pattern entities: ≥ 300 MB/s | not measured (no `Pii*` benchmark at 1 MB in this run) | — |\n");
      b.append("| PII scan: ≥ 20× the naive regex baseline | not measured | — |\n");
    }

    Optional<Row> p = find(rows, r -> r.name().equals("PipelineBenchmark.pipeline") && r.mode().equals("sample")
        && "TYPICAL".equals(r.params().get("density")));
    if (p.isPresent()) {
      double p50 = p.get().percentileMicros("50.0");
      double p99 = p.get().percentileMicros("99.0");
      target(b, "Default pipeline, 2 KB answer: p50 < 200 µs", "p50 " + micros(p50), p50 < 200);
      target(b, "Default pipeline, 2 KB answer: p99 < 1 ms", "p99 " + micros(p99), p99 < 1_000);
      target(b, "With NLP analyses needed: < 2 ms (the default pipeline runs OpenNLP sentence detection for claims; taken as p99)",
          "p99 " + micros(p99), p99 < 2_000);
    } else {
      b.append("| Default pipeline, 2 KB answer: p50 < 200 µs, p99 < 1 ms | not measured (no PipelineBenchmark sample-time result) | — |\n");
    }

    Optional<Row> stream = find(rows, r -> r.name().equals("StreamingBenchmark.stream") && r.mode().equals("avgt")
        && "0".equals(r.params().get("maxHoldChars")))
        .or(() -> find(rows, r -> r.name().equals("StreamingBenchmark.stream") && r.mode().equals("avgt")));
    Optional<Row> whole = stream.flatMap(s -> find(rows, r -> r.name().equals("StreamingBenchmark.wholeCheck")
        && r.mode().equals("avgt") && r.params().equals(s.params())));
    if (stream.isPresent() && whole.isPresent() && stream.get().size() != null) {
      int chunks = (stream.get().size() + StreamingBenchmark.CHUNK_CHARS - 1) / StreamingBenchmark.CHUNK_CHARS;
      double perChunk = (stream.get().micros() - whole.get().micros()) / chunks;
      target(b, "Streaming: per-chunk overhead < 5 µs amortized",
          String.format(Locale.ROOT, "(stream %s − whole check %s) / %d chunks = %s", micros(stream.get().micros()),
              micros(whole.get().micros()), chunks, micros(perChunk)), perChunk < 5);
      double ratio = stream.get().micros() / whole.get().micros();
      target(b, "Streaming: total cost of a 2 KB answer in 4-char chunks <= 2x one whole check (issue #6; default options)",
          String.format(Locale.ROOT, "%.2fx (maxHoldChars=%s)", ratio, stream.get().params().get("maxHoldChars")), ratio <= 2);
      b.append("| Streaming: never emits a character that `check` would redact | StreamingBenchmark's setup fails the run if the "
          + "streamed text differs from `check(text).safeText()`; it ran (the property tests cover the general case) | met |\n");
    } else {
      b.append("| Streaming: per-chunk overhead < 5 µs amortized | not measured (no StreamingBenchmark avgt result) | — |\n");
    }

    Optional<Row> clean = find(rows, r -> r.name().equals("PipelineBenchmark.pipeline") && "CLEAN".equals(r.params().get("density"))
        && r.alloc() != null && r.mode().equals("avgt"))
        .or(() -> find(rows, r -> r.name().equals("PipelineBenchmark.pipeline") && "CLEAN".equals(r.params().get("density"))
            && r.alloc() != null));
    if (clean.isPresent()) {
      double a = clean.get().alloc();
      target(b, "Allocation: < 2 KB per scan of a 2 KB text with no findings", "default pipeline, CLEAN 2 KB: " + bytes(a) + "/op", a < 2_048);
    } else {
      b.append("| Allocation: < 2 KB per scan of a 2 KB text with no findings | not measured (run with `-prof gc`) | — |\n");
    }
    detectorTargets(b, rows);
    b.append('\n');
  }

  /** Per-detector speed targets: one row each, or "not measured" when the run did not include it. */
  private static void detectorTargets(StringBuilder b, List<Row> rows) {
    mbsTarget(b, rows, "Secrets scan, all rules, 1 MB clean text: ≥ 300 MB/s", "PiiBenchmark.secretsClean", 300);
    mbsTarget(b, rows, "PERSON at 1 MB: ≥ 150 MB/s", "PiiBenchmark.person", 150);
    mbsTarget(b, rows, "Bias detector (with the stereotype model) at 1 MB typical text: ≥ 50 MB/s", "BiasBenchmark.detector", 50);
    Optional<Row> pa = find(rows, r -> r.name().equals("PersonBenchmark.personAddressShort") && r.mode().equals("avgt"));
    if (pa.isPresent()) {
      double ns = pa.get().micros() * 1e3;
      target(b, "PERSON + STREET_ADDRESS: ≤ 1 µs per short answer", String.format(Locale.ROOT, "%,.0f ns", ns), ns <= 1_000);
    } else {
      b.append("| PERSON + STREET_ADDRESS: ≤ 1 µs per short answer | not measured | — |\n");
    }
    Optional<Row> claims = find(rows, r -> r.name().equals("ClaimsBenchmark.cachedIndex") && r.mode().equals("sample")
        && "10240".equals(r.params().get("sourceSize")));
    if (claims.isPresent()) {
      double p50 = claims.get().percentileMicros("50.0");
      target(b, "Claims: 2 KB answer against cached 10 KB sources, p50 ≤ 1 ms", "p50 " + micros(p50), p50 <= 1_000);
    } else {
      b.append("| Claims: 2 KB answer against cached 10 KB sources, p50 ≤ 1 ms | not measured | — |\n");
    }
    Optional<Row> p = find(rows, r -> r.name().equals("PipelineBenchmark.pipeline") && r.mode().equals("sample")
        && "TYPICAL".equals(r.params().get("density")));
    p.ifPresent(r -> target(b, "Default pipeline, 2 KB answer: p50 < 100 µs (short-answer work must not cost the long ones)",
        "p50 " + micros(r.percentileMicros("50.0")), r.percentileMicros("50.0") < 100));
  }

  private static void mbsTarget(StringBuilder b, List<Row> rows, String target, String name, double floor) {
    Optional<Row> r = find(rows, x -> x.name().equals(name) && x.threads() == 1 && Integer.valueOf(SIZE_1MB).equals(x.size())
        && !"CLEAN".equals(x.params().get("density")));
    if (r.isPresent()) {
      double mbs = r.get().mbPerSecond();
      target(b, target, num(mbs) + " MB/s", mbs >= floor);
    } else {
      b.append("| ").append(target).append(" | not measured | — |\n");
    }
  }

  private static Optional<Row> find(List<Row> rows, Predicate<Row> p) {
    return rows.stream().filter(p).findFirst();
  }

  private static void target(StringBuilder b, String target, String measured, boolean met) {
    b.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "**not met**").append(" |\n");
  }

  // ---------------------------------------------------------------- SVG

  /** Renders a horizontal bar chart of 2 KB latency (mean µs, log scale), ours beside the baseline. */
  static String svg(List<Row> rows) {
    Map<String, Row> chosen = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.baseline() || r.threads() != 1 || !r.is2Kb() || !r.timeMode()) {
        continue;
      }
      String key = r.name() + " " + r.params();
      Row prev = chosen.get(key);
      if (prev == null || (r.mode().equals("avgt") && !prev.mode().equals("avgt"))) {
        chosen.put(key, r);
      }
    }
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    double min = Double.MAX_VALUE;
    double max = Double.MIN_VALUE;
    for (Row r : chosen.values()) {
      Optional<Row> base = baselineOf(r, rows);
      double ours = r.micros();
      double naive = base.map(Row::micros).orElse(Double.NaN);
      StringBuilder label = new StringBuilder(r.cls().replace("Benchmark", "")).append('.').append(r.method());
      r.params().forEach((k, v) -> {
        if (k.equals("density")) {
          label.append(' ').append(v);
        } else if (!(k.equals("size") && v.equals(String.valueOf(SIZE_2KB)))) {
          label.append(' ').append(k).append('=').append(v);
        }
      });
      labels.add(label.toString());
      values.add(new double[] {ours, naive});
      for (double v : new double[] {ours, naive}) {
        if (v > 0 && Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    int labelW = 330;
    int plotW = 520;
    int barH = 11;
    int rowH = 2 * barH + 10;
    int top = 50;
    int height = top + Math.max(1, labels.size()) * rowH + 40;
    int width = labelW + plotW + 110;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">2 KB answer: mean latency per check (µs, log scale)</text>\n");
    s.append("<rect x=\"").append(labelW).append("\" y=\"28\" width=\"10\" height=\"10\" fill=\"#2b6cb0\"/>")
        .append("<text x=\"").append(labelW + 14).append("\" y=\"37\">ours</text>\n");
    s.append("<rect x=\"").append(labelW + 60).append("\" y=\"28\" width=\"10\" height=\"10\" fill=\"#a0aec0\"/>")
        .append("<text x=\"").append(labelW + 74).append("\" y=\"37\">naive baseline (same run)</text>\n");
    if (labels.isEmpty()) {
      s.append("<text x=\"10\" y=\"").append(top + 15).append("\">no 2 KB time-mode results</text>\n</svg>\n");
      return s.toString();
    }
    double lo = Math.pow(10, Math.floor(Math.log10(min)));
    double hi = Math.pow(10, Math.ceil(Math.log10(max)));
    if (hi <= lo) {
      hi = lo * 10;
    }
    double span = Math.log10(hi) - Math.log10(lo);
    int axisBottom = top + labels.size() * rowH;
    for (double t = lo; t <= hi * 1.0001; t *= 10) {
      double x = labelW + plotW * (Math.log10(t) - Math.log10(lo)) / span;
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e2e8f0\"/>", x, top - 4, x, axisBottom));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#4a5568\">%s</text>\n",
          x, axisBottom + 14, escape(tick(t))));
    }
    for (int i = 0; i < labels.size(); i++) {
      int y = top + i * rowH;
      s.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + barH + 4)
          .append("\" text-anchor=\"end\">").append(escape(labels.get(i))).append("</text>\n");
      String[] colours = {"#2b6cb0", "#a0aec0"};
      for (int k = 0; k < 2; k++) {
        double v = values.get(i)[k];
        int by = y + k * barH;
        if (!(v > 0) || !Double.isFinite(v)) {
          if (k == 1) {
            s.append("<text x=\"").append(labelW + 4).append("\" y=\"").append(by + barH - 2)
                .append("\" fill=\"#718096\">no baseline</text>\n");
          }
          continue;
        }
        double w = Math.max(1, plotW * (Math.log10(v) - Math.log10(lo)) / span);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
            labelW, by, w, barH - 1, colours[k]));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#2d3748\">%s</text>\n",
            labelW + w + 4, by + barH - 2, escape(micros(v))));
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** A decade tick label: 10 ns, 1 µs, 100 ms, 1 s. */
  private static String tick(double us) {
    if (us >= 1e6) {
      return String.format(Locale.ROOT, "%.0f s", us / 1e6);
    }
    if (us >= 1e3) {
      return String.format(Locale.ROOT, "%.0f ms", us / 1e3);
    }
    if (us >= 1) {
      return String.format(Locale.ROOT, "%.0f µs", us);
    }
    return String.format(Locale.ROOT, "%.0f ns", us * 1e3);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  // ---------------------------------------------------------------- units and formatting

  static double toMicros(double v, String unit) {
    return switch (unit) {
      case "ns/op" -> v / 1e3;
      case "us/op" -> v;
      case "ms/op" -> v * 1e3;
      case "s/op" -> v * 1e6;
      case "min/op" -> v * 60e6;
      default -> throw new IllegalArgumentException("not a time unit: " + unit);
    };
  }

  static double toOpsPerSecond(double v, String unit) {
    return switch (unit) {
      case "ops/ns" -> v * 1e9;
      case "ops/us" -> v * 1e6;
      case "ops/ms" -> v * 1e3;
      case "ops/s" -> v;
      case "ops/min" -> v / 60;
      default -> throw new IllegalArgumentException("not a throughput unit: " + unit);
    };
  }

  private static String modeText(Row r) {
    return r.threads() > 1 ? r.mode() + ", " + r.threads() + " threads" : r.mode();
  }

  private static String scoreText(Row r) {
    return r.timeMode() ? micros(r.micros()) : num(r.opsPerSecond()) + " ops/s";
  }

  /** Formats a duration given in µs with a fitting unit. */
  static String micros(double us) {
    if (Double.isNaN(us)) {
      return "—";
    }
    double a = Math.abs(us);
    if (a >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f s", us / 1e6);
    }
    if (a >= 1_000) {
      return String.format(Locale.ROOT, "%.2f ms", us / 1e3);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f µs", us);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.1f µs", us);
    }
    return String.format(Locale.ROOT, "%.0f ns", us * 1e3);
  }

  static String ratioText(double speedup) {
    if (!Double.isFinite(speedup) || speedup <= 0) {
      return "—";
    }
    return speedup >= 1
        ? String.format(Locale.ROOT, "%.2f× faster", speedup)
        : String.format(Locale.ROOT, "%.2f× slower", 1 / speedup);
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String bytes(Double b) {
    if (b == null || !Double.isFinite(b)) {
      return "—";
    }
    return b >= 10_240 ? String.format(Locale.ROOT, "%.1f KB", b / 1024) : String.format(Locale.ROOT, "%.0f B", b);
  }
}
