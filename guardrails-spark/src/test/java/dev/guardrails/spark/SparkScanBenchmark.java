package dev.guardrails.spark;

import dev.guardrails.CheckContext;
import dev.guardrails.Guardrail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Throughput of {@link GuardrailsSpark#scan} at {@code local[1]} and {@code local[2]}, for both
 * scan methods, beside a plain single-threaded loop of {@link Guardrail#check} over the same
 * answers; prints the scaling ratio ({@code local[2]} / {@code local[1]} rows/s) and Spark's
 * per-row overhead ({@code local[1]} time per row over the plain loop's, minus one).
 *
 * <p>Run (one command, from the repository root; a few minutes at 100,000 rows):
 * <pre>
 * benchmarks/spark.sh                      # 100,000 answers of 2 KB, best of 2 runs
 * benchmarks/spark.sh --rows 20000 --size 2048 --repeat 1 --out target/spark-bench.md
 * </pre>
 *
 * <p>Method: the answers are generated once ({@link BenchAnswers}), put in a DataFrame of
 * {@code 4 x cores} partitions and cached, so the timed run is the scan only; each run ends in
 * Spark's {@code noop} sink, which evaluates every output column. The guardrail is built and
 * warmed before any timing (plain loop and Spark use the same one: in local mode the executor is
 * this JVM). Numbers on a shared machine mean nothing; run on a quiet one.
 */
public final class SparkScanBenchmark {

  private SparkScanBenchmark() {}

  /** Entry point; options {@code --rows --size --repeat --masters --out}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> o = new LinkedHashMap<>(Map.of("--rows", "100000", "--size", "2048", "--repeat", "2",
        "--masters", "local[1],local[2]"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!o.containsKey(args[i]) && !"--out".equals(args[i])) {
        throw new IllegalArgumentException("unknown option: " + args[i]);
      }
      o.put(args[i], args[i + 1]);
    }
    int rows = Integer.parseInt(o.get("--rows"));
    int size = Integer.parseInt(o.get("--size"));
    int repeat = Integer.parseInt(o.get("--repeat"));
    List<String> answers = answers(rows, size);
    ScanSpec base = ScanSpec.builder("text").build();
    double plain = plainRowsPerSecond(RowScanner.guard(base), answers, repeat);
    Map<String, Double> spark = new LinkedHashMap<>();
    for (String master : o.get("--masters").split(",")) {
      SparkSession s = SparkSession.builder().master(master).appName("guardrails-spark-bench")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
      try {
        spark.putAll(measure(s, master, answers, repeat));
      } finally {
        s.stop();
      }
    }
    // again after Spark, with the JIT warm from every run: the plain loop gets its best figure
    plain = Math.max(plain, plainRowsPerSecond(RowScanner.guard(base), answers, repeat));
    String report = report(rows, size, plain, spark);
    System.out.print(report);
    if (o.containsKey("--out")) {
      Path out = Path.of(o.get("--out"));
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
  }

  static List<String> answers(int rows, int size) {
    List<String> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(BenchAnswers.answer(i, size));
    }
    return out;
  }

  /** Best-of-{@code repeat} rows/s of a plain loop, after one warm-up pass over up to 5,000 rows. */
  static double plainRowsPerSecond(Guardrail guard, List<String> answers, int repeat) {
    long sink = 0;
    for (int i = 0; i < Math.min(5_000, answers.size()); i++) {
      sink += guard.check(answers.get(i), CheckContext.empty()).decisions().size();
    }
    double best = 0;
    for (int k = 0; k < repeat; k++) {
      long t0 = System.nanoTime();
      for (String a : answers) {
        sink += guard.check(a, CheckContext.empty()).decisions().size();
      }
      best = Math.max(best, answers.size() / ((System.nanoTime() - t0) / 1e9));
      System.err.printf(Locale.ROOT, "plain loop: %,.0f rows/s%n", best);
    }
    if (sink == 42) {
      System.out.print(""); // keeps the loop's results alive
    }
    return best;
  }

  /** Best-of-{@code repeat} rows/s of each scan method on this session, keyed "method @ label". */
  static Map<String, Double> measure(SparkSession spark, String label, List<String> answers, int repeat) {
    int cores = spark.sparkContext().defaultParallelism();
    List<Row> data = new ArrayList<>(answers.size());
    for (String a : answers) {
      data.add(RowFactory.create(a));
    }
    Dataset<Row> df = spark.createDataFrame(data, new StructType().add("text", DataTypes.StringType))
        .repartition(4 * cores).cache();
    df.count();
    Map<String, Double> out = new LinkedHashMap<>();
    for (ScanSpec.Method m : ScanSpec.Method.values()) {
      ScanSpec spec = ScanSpec.builder("text").method(m).build();
      run(GuardrailsSpark.scan(df.limit(Math.min(2_000, answers.size())), spec)); // warm-up: build, JIT
      double best = 0;
      for (int k = 0; k < repeat; k++) {
        long t0 = System.nanoTime();
        run(GuardrailsSpark.scan(df, spec));
        best = Math.max(best, answers.size() / ((System.nanoTime() - t0) / 1e9));
      }
      out.put(m.name().toLowerCase(Locale.ROOT).replace('_', '-') + " @ " + label, best);
    }
    df.unpersist();
    return out;
  }

  private static void run(Dataset<Row> scanned) {
    scanned.write().format("noop").mode("overwrite").save();
  }

  static String report(int rows, int size, double plain, Map<String, Double> spark) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Spark scan, %,d answers of %,d chars (default policy, all detectors)%n%n", rows, size));
    b.append("| run | rows/s | µs/row |\n|---|---:|---:|\n");
    b.append(String.format(Locale.ROOT, "| plain loop, 1 thread | %,.0f | %.1f |%n", plain, 1e6 / plain));
    spark.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f |%n", k, v, 1e6 / v)));
    b.append('\n');
    for (String method : new String[] {"udf", "map-partitions"}) {
      Double one = spark.get(method + " @ local[1]");
      Double two = spark.get(method + " @ local[2]");
      if (one != null && two != null) {
        b.append(String.format(Locale.ROOT, "%s: scaling local[2]/local[1] = %.2fx%n", method, two / one));
      }
      if (one != null) {
        double overhead = (1 / one - 1 / plain) / (1 / plain);
        b.append(String.format(Locale.ROOT, "%s: Spark overhead per row at local[1] = %.1f µs (%.1f%% of the check's own %.1f µs)%n",
            method, 1e6 * (1 / one - 1 / plain), 100 * overhead, 1e6 / plain));
      }
    }
    return b.toString();
  }
}
