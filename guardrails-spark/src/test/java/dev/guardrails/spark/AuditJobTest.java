package dev.guardrails.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJobTest {

  private final SparkSession spark = SharedSpark.get();

  @Test
  void writesReadableParquetAndASummary(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AuditJob.run(new String[] {"--input", GuardrailsSparkTest.SAMPLE.toString(), "--output", dir.toString(),
        "--policy", "strict"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir.resolve("scanned"))) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
    }
    Dataset<Row> back = spark.read().parquet(dir.resolve("scanned").toString());
    long lines = Files.readAllLines(GuardrailsSparkTest.SAMPLE).stream().filter(l -> !l.isBlank()).count();
    assertEquals(lines, back.count());
    List<String> cols = Arrays.asList(back.columns());
    assertTrue(cols.containsAll(List.of("conversation", "turn", "text", "verdict", "safe_text", "findings", "error")), cols.toString());
    assertTrue(back.filter("size(findings) > 0").count() > 0);
    Dataset<Row> summary = spark.read().json(dir.resolve("summary").toString());
    assertEquals(lines, summary.filter("kind = 'rows' AND key = 'total'").first().<Long>getAs("rows"));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("verdict"), printed);
  }

  @Test
  void usageErrorsExitWith64And66() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(64, AuditJob.run(new String[] {"--input", "x.jsonl"}, o, e));
    assertEquals(64, AuditJob.run(new String[] {"--input", "x", "--output", "y", "--format", "csv"}, o, e));
    assertEquals(66, AuditJob.run(new String[] {"--input", "no/such/file.jsonl", "--output", "y"}, o, e));
    assertEquals(64, AuditJob.run(new String[] {"--input", GuardrailsSparkTest.SAMPLE.toString(), "--output", "y",
        "--policy", "paranoid"}, o, e));
  }
}
