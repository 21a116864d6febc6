package dev.guardrails.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.guardrails.Guardrail;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Guardrails on Apache Spark: audit a DataFrame of answers (months of transcripts) for leaked
 * personal data, secrets, biased phrasing and unsupported claims.
 *
 * <pre>{@code
 * Dataset<Row> transcripts = spark.read().json("transcripts.jsonl");
 * ScanSpec spec = ScanSpec.builder("text").sourcesColumn("sources").userValuesColumn("userValues").build();
 * Dataset<Row> scanned = GuardrailsSpark.scan(transcripts, spec);
 * GuardrailsSpark.summary(scanned).show();
 * }</pre>
 *
 * <p>{@link #scan} keeps every input column and adds {@code verdict} (PASS, FLAG, REDACT, BLOCK),
 * {@code safe_text}, {@code findings} (array of struct {@code detector, category, type, start, end,
 * score, action}; offsets index the original text) and {@code error} (null unless the row's check
 * failed: a null or non-string text, a malformed sources value, a crashing or late detector). A row
 * never fails the job: a row that cannot be checked gets the spec's error verdict (BLOCK by default).
 *
 * <p>Each executor JVM builds one {@link Guardrail} per spec, lazily, and reuses it across
 * partitions and tasks. Stateless and thread-safe.
 */
public final class GuardrailsSpark {

  /** Output column: the verdict, the strongest action taken. */
  public static final String VERDICT = "verdict";
  /** Output column: the text with the policy applied. */
  public static final String SAFE_TEXT = "safe_text";
  /** Output column: the findings with the action the policy took on each. */
  public static final String FINDINGS = "findings";
  /** Output column: why the row could not be checked fully, or null. */
  public static final String ERROR = "error";

  /** The struct of one finding. */
  public static final StructType FINDING = new StructType(new StructField[] {
      DataTypes.createStructField("detector", DataTypes.StringType, false),
      DataTypes.createStructField("category", DataTypes.StringType, false),
      DataTypes.createStructField("type", DataTypes.StringType, false),
      DataTypes.createStructField("start", DataTypes.IntegerType, false),
      DataTypes.createStructField("end", DataTypes.IntegerType, false),
      DataTypes.createStructField("score", DataTypes.DoubleType, false),
      DataTypes.createStructField("action", DataTypes.StringType, false)});

  /** The columns {@link #scan} adds, in order. */
  public static final StructType RESULT = new StructType(new StructField[] {
      DataTypes.createStructField(VERDICT, DataTypes.StringType, false),
      DataTypes.createStructField(SAFE_TEXT, DataTypes.StringType, true),
      DataTypes.createStructField(FINDINGS, DataTypes.createArrayType(FINDING, false), false),
      DataTypes.createStructField(ERROR, DataTypes.StringType, true)});

  /** The schema of {@link #summary}. */
  public static final StructType SUMMARY = new StructType(new StructField[] {
      DataTypes.createStructField("kind", DataTypes.StringType, false),
      DataTypes.createStructField("key", DataTypes.StringType, false),
      DataTypes.createStructField("rows", DataTypes.LongType, false),
      DataTypes.createStructField("findings", DataTypes.LongType, false),
      DataTypes.createStructField("share", DataTypes.DoubleType, false)});

  private static final String TMP = "__guardrails_result";
  private static final List<String> KIND_ORDER = List.of("rows", "verdict", "category", "type", "error");

  private GuardrailsSpark() {}

  /**
   * Scans the text column of every row. Lazy like any transformation: nothing runs until an action.
   * The policy and detector selection are checked here, on the driver, so a malformed policy fails
   * at once instead of in every task.
   *
   * @param df the input; keeps all its columns
   * @param spec what to scan and how
   * @return the input plus {@code verdict}, {@code safe_text}, {@code findings}, {@code error}
   * @throws IllegalArgumentException if a named column is missing, an output column already
   *     exists, the policy is malformed or a detector id unknown
   */
  public static Dataset<Row> scan(Dataset<Row> df, ScanSpec spec) {
    Objects.requireNonNull(df, "df");
    Objects.requireNonNull(spec, "spec");
    StructType in = df.schema();
    List<String> names = Arrays.asList(in.fieldNames());
    requireColumn(names, spec.textColumn(), "text");
    spec.sourcesColumn().ifPresent(c -> requireColumn(names, c, "sources"));
    spec.userValuesColumn().ifPresent(c -> requireColumn(names, c, "user-values"));
    spec.promptColumn().ifPresent(c -> requireColumn(names, c, "prompt"));
    for (String out : RESULT.fieldNames()) {
      if (names.contains(out)) {
        throw new IllegalArgumentException("input already has a column '" + out + "'; rename or drop it before the scan");
      }
    }
    RowScanner.guard(spec); // fail fast on the driver: policy syntax, detector ids
    if (spec.method() == ScanSpec.Method.MAP_PARTITIONS) {
      return scanByPartitions(df, spec);
    }
    return scanByUdf(df, spec);
  }

  /**
   * Returns the scan as a UDF of four columns (text, sources, user values, prompt; pass
   * {@code lit(null)} for those you lack) whose value is a struct of the {@link #RESULT} columns.
   * Non-deterministic on purpose, so Spark never runs it twice per row when its fields are read
   * separately.
   *
   * @param spec the spec (its column names are not used)
   * @return the UDF
   */
  public static UserDefinedFunction udf(ScanSpec spec) {
    Objects.requireNonNull(spec, "spec");
    RowScanner.guard(spec);
    return functions.udf(new ScanUdf(spec), RESULT).asNondeterministic();
  }

  /**
   * Registers {@link #udf(ScanSpec)} for SQL:
   * {@code SELECT guardrails_scan(text, sources, NULL, NULL).verdict FROM transcripts}.
   *
   * @param spark the session
   * @param name the SQL function name
   * @param spec the spec
   * @return the registered UDF
   */
  public static UserDefinedFunction register(SparkSession spark, String name, ScanSpec spec) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(name, "name");
    return spark.udf().register(name, udf(spec));
  }

  /**
   * Summarizes a scan in one pass over it: a small local DataFrame of {@link #SUMMARY} rows, kinds in
   * this order:
   * <ul>
   *   <li>{@code rows}: key {@code total} (all rows), {@code with_findings} (at least one finding)
   *       and {@code affected} (verdict other than PASS);
   *   <li>{@code verdict}: one row per verdict;
   *   <li>{@code category} and {@code type}: rows with at least one such finding, and the number of
   *       findings;
   *   <li>{@code error}: key {@code rows}, rows whose check failed.
   * </ul>
   * {@code share} is {@code rows} divided by the total number of rows (0 when there are none).
   *
   * @param scanned the output of {@link #scan}
   * @return the summary, sorted by kind then by rows, descending
   */
  public static Dataset<Row> summary(Dataset<Row> scanned) {
    Objects.requireNonNull(scanned, "scanned");
    Column entries = expr("concat("
        + "array(named_struct('kind', 'rows', 'key', 'total', 'findings', size(findings)),"
        + "      named_struct('kind', 'verdict', 'key', verdict, 'findings', size(findings))),"
        + " if(size(findings) > 0, array(named_struct('kind', 'rows', 'key', 'with_findings', 'findings', size(findings))), array()),"
        + " if(verdict <> 'PASS', array(named_struct('kind', 'rows', 'key', 'affected', 'findings', size(findings))), array()),"
        + " if(error IS NOT NULL, array(named_struct('kind', 'error', 'key', 'rows', 'findings', 0)), array()),"
        + " transform(array_distinct(transform(findings, f -> f.category)),"
        + "   c -> named_struct('kind', 'category', 'key', c, 'findings', size(filter(findings, f -> f.category = c)))),"
        + " transform(array_distinct(transform(findings, f -> f.type)),"
        + "   t -> named_struct('kind', 'type', 'key', t, 'findings', size(filter(findings, f -> f.type = t)))))");
    List<Row> counts = scanned.select(functions.explode(entries).as("e"))
        .groupBy(col("e.kind").as("kind"), col("e.key").as("key"))
        .agg(functions.count(lit(1)).as("rows"), functions.sum(col("e.findings")).as("findings"))
        .collectAsList();
    long total = 0;
    for (Row r : counts) {
      if ("rows".equals(r.getString(0)) && "total".equals(r.getString(1))) {
        total = r.getLong(2);
      }
    }
    List<Row> out = new ArrayList<>(counts.size() + 1);
    boolean sawTotal = false;
    for (Row r : counts) {
      long rows = r.getLong(2);
      long findings = r.isNullAt(3) ? 0L : r.getLong(3);
      sawTotal |= "rows".equals(r.getString(0)) && "total".equals(r.getString(1));
      out.add(RowFactory.create(r.getString(0), r.getString(1), rows, findings, total == 0 ? 0.0 : (double) rows / total));
    }
    if (!sawTotal) {
      out.add(RowFactory.create("rows", "total", 0L, 0L, 0.0));
    }
    out.sort(Comparator.<Row>comparingInt(r -> KIND_ORDER.indexOf(r.getString(0)))
        .thenComparing(r -> -r.getLong(2))
        .thenComparing(r -> r.getString(1)));
    return scanned.sparkSession().createDataFrame(out, SUMMARY);
  }

  private static Dataset<Row> scanByUdf(Dataset<Row> df, ScanSpec spec) {
    Column result = udf(spec).apply(
        col(quote(spec.textColumn())),
        spec.sourcesColumn().map(c -> col(quote(c))).orElse(lit(null)),
        spec.userValuesColumn().map(c -> col(quote(c))).orElse(lit(null)),
        spec.promptColumn().map(c -> col(quote(c))).orElse(lit(null)));
    Dataset<Row> withResult = df.withColumn(TMP, result);
    List<Column> cols = new ArrayList<>();
    for (String n : df.schema().fieldNames()) {
      cols.add(col(quote(n)));
    }
    for (String n : RESULT.fieldNames()) {
      cols.add(col(TMP + "." + n).as(n));
    }
    return withResult.select(cols.toArray(new Column[0]));
  }

  private static Dataset<Row> scanByPartitions(Dataset<Row> df, ScanSpec spec) {
    StructType in = df.schema();
    StructType out = in;
    for (StructField f : RESULT.fields()) {
      out = out.add(f);
    }
    return df.mapPartitions(new ScanPartition(spec, in), Encoders.row(out));
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  private static void requireColumn(List<String> names, String column, String what) {
    if (!names.contains(column)) {
      throw new IllegalArgumentException(what + " column '" + column + "' is not in the input; columns: " + names);
    }
  }

  /** The UDF: holds the spec, finds this JVM's guardrail on first call in each task. */
  private static final class ScanUdf implements UDF4<Object, Object, Object, Object, Row> {
    private static final long serialVersionUID = 1L;
    private final ScanSpec spec;
    private transient Guardrail guard;

    ScanUdf(ScanSpec spec) {
      this.spec = spec;
    }

    @Override
    public Row call(Object text, Object sources, Object userValues, Object prompt) {
      Guardrail g = guard;
      if (g == null) {
        g = RowScanner.guard(spec);
        guard = g;
      }
      return RowFactory.create(RowScanner.scan(g, spec, text, sources, userValues, prompt));
    }
  }

  /** The partition function: one guardrail lookup per partition, then a lazy row-by-row map. */
  private static final class ScanPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final ScanSpec spec;
    private final int width;
    private final int text;
    private final int sources;
    private final int userValues;
    private final int prompt;

    ScanPartition(ScanSpec spec, StructType in) {
      this.spec = spec;
      this.width = in.size();
      this.text = in.fieldIndex(spec.textColumn());
      this.sources = spec.sourcesColumn().map(in::fieldIndex).orElse(-1);
      this.userValues = spec.userValuesColumn().map(in::fieldIndex).orElse(-1);
      this.prompt = spec.promptColumn().map(in::fieldIndex).orElse(-1);
    }

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) {
      Guardrail g = RowScanner.guard(spec);
      return new java.util.Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row r = rows.next();
          Object[] res = RowScanner.scan(g, spec, r.get(text), get(r, sources), get(r, userValues), get(r, prompt));
          Object[] vals = new Object[width + res.length];
          for (int i = 0; i < width; i++) {
            vals[i] = r.get(i);
          }
          System.arraycopy(res, 0, vals, width, res.length);
          return RowFactory.create(vals);
        }
      };
    }

    private static Object get(Row r, int i) {
      return i < 0 ? null : r.get(i);
    }
  }
}
