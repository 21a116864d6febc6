package dev.guardrails.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GuardrailsSparkTest {

  static final Path SAMPLE = Path.of("..", "examples", "transcripts.jsonl");

  private final SparkSession spark = SharedSpark.get();

  /** The oracle: the plain library, built here from the same preset, one row at a time. */
  private static final Guardrail PLAIN = Guardrail.builder().discoverDetectors().policy(Policy.defaults()).build();

  @Test
  void everySampleRowEqualsPlainCheckWithBothMethods() throws Exception {
    long lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
    Dataset<Row> input = spark.read().json(SAMPLE.toString()).repartition(3);
    ScanSpec udf = ScanSpec.builder("text").sourcesColumn("sources").userValuesColumn("userValues")
        .promptColumn("prompt").method(ScanSpec.Method.UDF).build();
    ScanSpec parts = udf.toBuilder().method(ScanSpec.Method.MAP_PARTITIONS).build();
    Set<String> types = new HashSet<>();
    for (ScanSpec spec : List.of(udf, parts)) {
      List<Row> rows = GuardrailsSpark.scan(input, spec).collectAsList();
      assertEquals(lines, rows.size(), spec.method().name());
      int withFindings = 0;
      for (Row r : rows) {
        String where = spec.method() + " " + r.getAs("conversation") + "/" + r.getAs("turn");
        CheckContext.Builder ctx = CheckContext.builder().prompt(r.getAs("prompt"));
        List<String> sources = r.isNullAt(r.fieldIndex("sources")) ? List.of() : r.getList(r.fieldIndex("sources"));
        for (int i = 0; i < sources.size(); i++) {
          ctx.source("source-" + (i + 1), sources.get(i));
        }
        if (!r.isNullAt(r.fieldIndex("userValues"))) {
          for (Object v : r.getList(r.fieldIndex("userValues"))) {
            ctx.userValue((String) v);
          }
        }
        GuardResult expected = PLAIN.check(r.<String>getAs("text"), ctx.build());
        assertEquals(expected.verdict().name(), r.getAs("verdict"), where);
        assertEquals(expected.safeText(), r.getAs("safe_text"), where);
        assertNull(r.getAs("error"), where);
        List<String> want = new ArrayList<>();
        for (Decision d : expected.decisions()) {
          want.add(d.finding().detector() + "|" + d.finding().type().category() + "|" + d.finding().type()
              + "|" + d.finding().span().start() + "|" + d.finding().span().end() + "|" + d.finding().score()
              + "|" + d.action());
        }
        List<String> got = new ArrayList<>();
        for (Object o : r.getList(r.fieldIndex("findings"))) {
          Row f = (Row) o;
          got.add(f.getAs("detector") + "|" + f.getAs("category") + "|" + f.getAs("type") + "|" + f.getAs("start")
              + "|" + f.getAs("end") + "|" + f.getAs("score") + "|" + f.getAs("action"));
          types.add(f.getAs("type"));
        }
        assertEquals(want, got, where);
        withFindings += got.isEmpty() ? 0 : 1;
      }
      assertTrue(withFindings > lines / 4, "the sample should exercise the detectors: " + withFindings);
    }
    assertTrue(types.size() >= 5, "finding types in the sample: " + types);
  }

  @Test
  void nullEmptyNonStringAndOneMegabyteRowsNeverFailTheJob() {
    StringBuilder big = new StringBuilder(1 << 20);
    String filler = "The quarterly report is ready and the team will review it next week. ";
    while (big.length() < (1 << 20) - 200) {
      big.append(filler);
    }
    int at = big.length();
    big.append("Contact jane.roe@example.com for details.");
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
    List<Row> data = Arrays.asList(RowFactory.create(1, null), RowFactory.create(2, ""),
        RowFactory.create(3, big.toString()), RowFactory.create(4, "Mail me at john.doe@example.org please."));
    Dataset<Row> df = spark.createDataFrame(data, schema);
    for (ScanSpec.Method m : ScanSpec.Method.values()) {
      ScanSpec spec = ScanSpec.builder("text").method(m).build();
      Map<Integer, Row> byId = byId(GuardrailsSpark.scan(df, spec).collectAsList());
      Row nul = byId.get(1);
      assertEquals("BLOCK", nul.getAs("verdict"), m.name());
      assertEquals("text column 'text' is null", nul.getAs("error"));
      assertEquals(PLAIN.blockMessage(), nul.getAs("safe_text"));
      assertTrue(nul.getList(nul.fieldIndex("findings")).isEmpty());
      Row empty = byId.get(2);
      assertEquals("PASS", empty.getAs("verdict"));
      assertEquals("", empty.getAs("safe_text"));
      assertNull(empty.getAs("error"));
      Row mb = byId.get(3);
      assertNull(mb.getAs("error"), m.name());
      boolean found = false;
      for (Object o : mb.getList(mb.fieldIndex("findings"))) {
        Row f = (Row) o;
        // the span is hand-computed: "Contact " is 8 chars, the address 20
        found |= "PII/EMAIL".equals(f.getAs("type")) && f.<Integer>getAs("start") == at + 8 && f.<Integer>getAs("end") == at + 28;
      }
      assertTrue(found, "the email at the end of the 1 MB row, " + m);
      assertEquals("PII/EMAIL", ((Row) byId.get(4).getList(byId.get(4).fieldIndex("findings")).get(0)).getAs("type"));
    }
    // configured: a row that cannot be checked is flagged and keeps its (missing) text
    ScanSpec open = ScanSpec.builder("text").errorVerdict(Verdict.FLAG).build();
    Row nul = byId(GuardrailsSpark.scan(df.filter("id = 1"), open).collectAsList()).get(1);
    assertEquals("FLAG", nul.getAs("verdict"));
    assertNull(nul.getAs("safe_text"));
    assertNotNull(nul.getAs("error"));
  }

  /**
   * The gitleaks rules are parsed with jackson-dataformat-toml, while Spark pins an older Jackson
   * line on the classpath: a kind only those rules know (gitleaks' own example for npm-access-token,
   * secret hand-checked) must still be found and redacted on Spark.
   */
  @Test
  void gitleaksRuleKindsWorkOnSparksJacksonLine() {
    String secret = "npm_ytmu8ufsjod5tbk5w86taopxcuoedxrkunxf";
    String text = "Use this: npmAccessTokenToken=\"" + secret + "\" in .npmrc";
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1, text)), schema);
    for (ScanSpec.Method m : ScanSpec.Method.values()) {
      Row r = GuardrailsSpark.scan(df, ScanSpec.builder("text").method(m).build()).collectAsList().get(0);
      assertNull(r.getAs("error"), m.name());
      assertTrue(!r.<String>getAs("safe_text").contains(secret), m + ": " + r.getAs("safe_text"));
      boolean found = false;
      for (Object o : r.getList(r.fieldIndex("findings"))) {
        Row f = (Row) o;
        found |= "secrets".equals(f.getAs("detector")) && f.<Integer>getAs("start") == text.indexOf(secret)
            && f.<Integer>getAs("end") == text.indexOf(secret) + secret.length();
      }
      assertTrue(found, m.name());
    }
  }

  @Test
  void nonStringTextAndBadSourcesAreRowErrors() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.IntegerType)
        .add("src", DataTypes.IntegerType);
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1, 42, 7)), schema);
    for (ScanSpec.Method m : ScanSpec.Method.values()) {
      Row r = GuardrailsSpark.scan(df, ScanSpec.builder("text").method(m).build()).collectAsList().get(0);
      assertEquals("BLOCK", r.getAs("verdict"));
      assertEquals("text column 'text' holds Integer, not a string", r.getAs("error"), m.name());
      Row s = GuardrailsSpark.scan(df.selectExpr("id", "'an answer' AS text", "src"),
          ScanSpec.builder("text").sourcesColumn("src").method(m).build()).collectAsList().get(0);
      assertEquals("BLOCK", s.getAs("verdict"));
      assertEquals("column 'src' holds Integer, not an array of strings", s.getAs("error"), m.name());
    }
  }

  @Test
  void malformedPoliciesAndBadSpecsFailOnTheDriverBeforeAnyTask() {
    Dataset<Row> df = spark.read().json(SAMPLE.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GuardrailsSpark.scan(df, ScanSpec.builder("text").policyText("default = FLAG\nPII >= lots = REDACT\n").build()));
    assertTrue(e.getMessage().contains("2"), "names the line: " + e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> GuardrailsSpark.scan(df, ScanSpec.builder("text").policyPreset("paranoid").build()));
    assertThrows(IllegalArgumentException.class,
        () -> GuardrailsSpark.scan(df, ScanSpec.builder("text").detectors("pii.nope").build()));
    assertThrows(IllegalArgumentException.class,
        () -> GuardrailsSpark.scan(df, ScanSpec.builder("answer").build()));
    assertThrows(IllegalArgumentException.class,
        () -> GuardrailsSpark.scan(df.withColumn("verdict", df.col("text")), ScanSpec.builder("text").build()));
    // a policy file with a rule the scan then applies
    ScanSpec blockEmails = ScanSpec.builder("text").policyText("extends defaults\nPII/EMAIL = BLOCK\n")
        .detectors("pii.email").build();
    Dataset<Row> one = spark.createDataFrame(List.of(RowFactory.create("write to a.b@example.com")),
        new StructType().add("text", DataTypes.StringType));
    assertEquals("BLOCK", GuardrailsSpark.scan(one, blockEmails).first().getAs("verdict"));
  }

  @Test
  void oneGuardrailPerJvmAndSpecSurvivesSerialization() throws Exception {
    ScanSpec a = ScanSpec.builder("text").policyPreset("strict").detectors("pii.email", "secrets").build();
    ScanSpec b = ScanSpec.builder("text").policyPreset("strict").detectors("pii.email", "secrets").build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    ScanSpec copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ScanSpec) in.readObject();
    }
    assertEquals(a, copy);
    assertSame(RowScanner.guard(a), RowScanner.guard(b));
    assertSame(RowScanner.guard(a), RowScanner.guard(copy));
    assertEquals(2, RowScanner.guard(a).detectors().size());
  }

  @Test
  void summaryCountsWhatTheScanFound() {
    Dataset<Row> scanned = GuardrailsSpark.scan(spark.read().json(SAMPLE.toString()),
        ScanSpec.builder("text").sourcesColumn("sources").userValuesColumn("userValues").build()).cache();
    List<Row> rows = scanned.collectAsList();
    // expected counts, tallied here in plain Java from the collected rows
    Map<String, long[]> want = new TreeMap<>();
    for (Row r : rows) {
      List<Object> fs = r.getList(r.fieldIndex("findings"));
      tally(want, "rows|total", 1, fs.size());
      tally(want, "verdict|" + r.getAs("verdict"), 1, fs.size());
      if (!fs.isEmpty()) {
        tally(want, "rows|with_findings", 1, fs.size());
      }
      if (!"PASS".equals(r.getAs("verdict"))) {
        tally(want, "rows|affected", 1, fs.size());
      }
      Map<String, Integer> perKey = new HashMap<>();
      for (Object o : fs) {
        Row f = (Row) o;
        perKey.merge("category|" + f.getAs("category"), 1, Integer::sum);
        perKey.merge("type|" + f.getAs("type"), 1, Integer::sum);
      }
      perKey.forEach((k, n) -> tally(want, k, 1, n));
    }
    Map<String, long[]> got = new TreeMap<>();
    for (Row s : GuardrailsSpark.summary(scanned).collectAsList()) {
      got.put(s.getString(0) + "|" + s.getString(1), new long[] {s.getLong(2), s.getLong(3)});
      assertEquals((double) s.getLong(2) / rows.size(), s.getDouble(4), 1e-12);
    }
    assertEquals(want.keySet(), got.keySet());
    want.forEach((k, v) -> assertEquals(Arrays.toString(v), Arrays.toString(got.get(k)), k));
    scanned.unpersist();
  }

  private static void tally(Map<String, long[]> m, String key, long rows, long findings) {
    long[] c = m.computeIfAbsent(key, k -> new long[2]);
    c[0] += rows;
    c[1] += findings;
  }

  private static Map<Integer, Row> byId(List<Row> rows) {
    Map<Integer, Row> m = new HashMap<>();
    for (Row r : rows) {
      m.put(r.getAs("id"), r);
    }
    return m;
  }
}
