package dev.guardrails.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The audit job: scans a transcript file and writes the scanned rows and a summary.
 *
 * <pre>
 * spark-submit --class dev.guardrails.spark.AuditJob guardrails-spark.jar \
 *     --input transcripts.jsonl --output audit/ [--policy strict|FILE] [--format parquet|jsonl]
 * </pre>
 *
 * <p>Options: {@code --input PATH} (JSON lines, or Parquet when the path ends in
 * {@code .parquet} or {@code --input-format parquet}); {@code --output DIR} (written:
 * {@code DIR/scanned} in Parquet or JSON lines, {@code DIR/summary} as one JSON-lines file);
 * {@code --policy} a preset ({@code defaults}, {@code strict}, {@code lenient},
 * {@code report-only}) or a policy file on the driver; {@code --text-column} ({@code text});
 * {@code --sources-column} ({@code sources}), {@code --user-values-column} ({@code userValues})
 * and {@code --prompt-column} ({@code prompt}), each used when the input has it;
 * {@code --detectors id,id}; {@code --method udf|map-partitions}; {@code --master} (only when
 * not launched by spark-submit; default {@code local[*]}). Exit codes: 0 done, 64 bad usage,
 * 66 input missing.
 *
 * <p>The summary is also printed to standard output; no checked text is ever printed or logged.
 */
public final class AuditJob {

  private AuditJob() {}

  /**
   * Runs the job.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the job in the current JVM; uses the active Spark session if there is one.
   *
   * @param args the options
   * @param out where the summary is printed
   * @param err where usage errors are printed
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("audit: " + e.getMessage());
      err.println(USAGE);
      return 64;
    }
    if (!o.input.contains("://") && !Files.exists(Path.of(o.input))) {
      err.println("audit: no such input: " + o.input);
      return 66;
    }
    ScanSpec.Builder sb = ScanSpec.builder(o.textColumn);
    try {
      if (o.policy != null) {
        Path file = Path.of(o.policy);
        if (Files.isRegularFile(file)) {
          sb.policyText(Files.readString(file, StandardCharsets.UTF_8));
        } else {
          sb.policyPreset(o.policy);
        }
      }
    } catch (IOException e) {
      err.println("audit: cannot read policy file " + o.policy + ": " + e.getClass().getSimpleName());
      return 66;
    }
    if (o.detectors != null) {
      sb.detectors(o.detectors.split(","));
    }
    if (o.method != null) {
      sb.method("map-partitions".equals(o.method) ? ScanSpec.Method.MAP_PARTITIONS : ScanSpec.Method.UDF);
    }

    SparkSession spark = session(o.master);
    Dataset<Row> input = "parquet".equals(o.inputFormat) ? spark.read().parquet(o.input) : spark.read().json(o.input);
    List<String> cols = Arrays.asList(input.columns());
    if (cols.contains(o.sourcesColumn)) {
      sb.sourcesColumn(o.sourcesColumn);
    }
    if (cols.contains(o.userValuesColumn)) {
      sb.userValuesColumn(o.userValuesColumn);
    }
    if (cols.contains(o.promptColumn)) {
      sb.promptColumn(o.promptColumn);
    }
    Dataset<Row> scanned;
    try {
      scanned = GuardrailsSpark.scan(input, sb.build());
    } catch (IllegalArgumentException e) {
      err.println("audit: " + e.getMessage());
      return 64;
    }
    String scannedDir = o.output + "/scanned";
    Dataset<Row> written;
    if ("jsonl".equals(o.format)) {
      scanned.write().mode(SaveMode.Overwrite).json(scannedDir);
      written = spark.read().schema(scanned.schema()).json(scannedDir);
    } else {
      scanned.write().mode(SaveMode.Overwrite).parquet(scannedDir);
      written = spark.read().parquet(scannedDir);
    }
    // The summary reads what was written, so the scan runs once.
    Dataset<Row> summary = GuardrailsSpark.summary(written);
    summary.coalesce(1).write().mode(SaveMode.Overwrite).json(o.output + "/summary");
    out.println("guardrails audit: " + o.input + " -> " + scannedDir + " (" + o.format + ")");
    out.printf(Locale.ROOT, "%-9s %-32s %10s %10s %8s%n", "kind", "key", "rows", "findings", "share");
    for (Row r : summary.collectAsList()) {
      out.printf(Locale.ROOT, "%-9s %-32s %10d %10d %7.2f%%%n",
          r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), 100 * r.getDouble(4));
    }
    return 0;
  }

  private static SparkSession session(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("guardrails-audit");
    if (master != null) {
      b.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  static final String USAGE = "usage: AuditJob --input transcripts.jsonl|FILE.parquet --output DIR"
      + " [--policy PRESET|FILE] [--format parquet|jsonl] [--input-format json|parquet]"
      + " [--text-column text] [--sources-column sources] [--user-values-column userValues]"
      + " [--prompt-column prompt] [--detectors id,id] [--method udf|map-partitions] [--master URL]";

  private static final class Options {
    String input;
    String output;
    String policy;
    String format = "parquet";
    String inputFormat;
    String textColumn = "text";
    String sourcesColumn = "sources";
    String userValuesColumn = "userValues";
    String promptColumn = "prompt";
    String detectors;
    String method;
    String master;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--input": o.input = v; break;
          case "--output": o.output = v; break;
          case "--policy": o.policy = v; break;
          case "--format": o.format = oneOf(a, v, "parquet", "jsonl"); break;
          case "--input-format": o.inputFormat = oneOf(a, v, "json", "jsonl", "parquet"); break;
          case "--text-column": o.textColumn = v; break;
          case "--sources-column": o.sourcesColumn = v; break;
          case "--user-values-column": o.userValuesColumn = v; break;
          case "--prompt-column": o.promptColumn = v; break;
          case "--detectors": o.detectors = v; break;
          case "--method": o.method = oneOf(a, v, "udf", "map-partitions"); break;
          case "--master": o.master = v; break;
          default: throw new IllegalArgumentException("unknown option: " + a);
        }
      }
      if (o.input == null || o.output == null) {
        throw new IllegalArgumentException("--input and --output are required");
      }
      if (o.inputFormat == null) {
        o.inputFormat = o.input.endsWith(".parquet") ? "parquet" : "json";
      }
      return o;
    }

    private static String oneOf(String option, String value, String... allowed) {
      if (!Arrays.asList(allowed).contains(value)) {
        throw new IllegalArgumentException(option + " must be one of " + Arrays.toString(allowed) + ": " + value);
      }
      return value;
    }
  }
}
