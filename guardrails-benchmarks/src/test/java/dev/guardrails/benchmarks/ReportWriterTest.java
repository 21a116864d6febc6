package dev.guardrails.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.benchmarks.ReportWriter.ColdCase;
import dev.guardrails.benchmarks.ReportWriter.Machine;
import dev.guardrails.benchmarks.ReportWriter.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWriterTest {

  private static final Machine MACHINE = new Machine("Test CPU", 2, "OpenJDK 17", "2026-01-01 00:00 UTC", "1.00 1.00 1.00");
  private static List<Row> rows;
  private static List<ColdCase> cold;

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper m = new ObjectMapper();
    rows = ReportWriter.parseJmh(read(m, "jmh-fixture.json"));
    cold = ReportWriter.parseColdStart(read(m, "cold-start-fixture.json"));
  }

  private static JsonNode read(ObjectMapper m, String name) throws IOException {
    try (InputStream in = ReportWriterTest.class.getResourceAsStream(name)) {
      return m.readTree(in);
    }
  }

  private static Row row(String name, String mode, String density) {
    return rows.stream()
        .filter(r -> r.name().equals(name) && r.mode().equals(mode) && (density == null || density.equals(r.params().get("density"))))
        .findFirst().orElseThrow();
  }

  /** The table line of a benchmark, by its leading cells. */
  private static String line(String md, String start) {
    return md.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no line " + start));
  }

  @Test
  void unknownBenchmarkClassIsPairedWithItsNaiveMethodAcrossUnits() {
    Row foo = row("FooBenchmark.detector", "avgt", null);
    Row base = ReportWriter.baselineOf(foo, rows).orElseThrow();
    assertEquals("naiveRegex", base.method());
    assertEquals(5.0, ReportWriter.speedup(foo, base), 1e-9); // 0.05 ms/op vs 10 us/op
    String md = ReportWriter.markdown(rows, cold, List.of(), MACHINE, "quick", "1 min 0 s");
    String l = line(md, "| FooBenchmark.detector | size=2048 | avgt |");
    assertTrue(l.contains("5.00× faster"), l);
    assertTrue(l.contains("100 B"), l);
    assertFalse(md.contains("| FooBenchmark.naiveRegex |"), "baselines get no row of their own");
  }

  @Test
  void severalBaselinesArePairedByName() {
    Row split = row("BarBenchmark.split", "avgt", null);
    Row base = ReportWriter.baselineOf(split, rows).orElseThrow();
    assertEquals("naiveSplit", base.method());
    assertTrue(line(ReportWriter.markdown(rows, cold, List.of(), MACHINE, "quick", ""), "| BarBenchmark.split |").contains("2.00× slower"));
  }

  @Test
  void throughputThreadsAndPercentileTables() {
    String md = ReportWriter.markdown(rows, cold, List.of(), MACHINE, "quick", "");
    // MB/s = ops/s x 1 MB; the baseline's 0.01 ops/ms is 10 ops/s
    assertTrue(md.contains("| PipelineThroughputBenchmark.pipeline | density=TYPICAL, size=1048576 | thrpt | 100 | 10.00 | 10.00× faster |"), md);
    String t = line(md, "| PipelineThreadsBenchmark.pipeline | density=TYPICAL, size=2048 | 2 |");
    assertTrue(t.contains("4.00× faster"), t);
    assertTrue(t.contains("| 5,000 | 1.60× |"), t); // single thread from the avgt result: 1e6 / 200 us
    String p = line(md, "| PipelineBenchmark.pipeline | density=TYPICAL, size=2048 | 150 µs |");
    assertTrue(p.contains("| 1.50 ms | 1.90 ms | 600 µs | 900 µs | 4.00× faster |"), p);
  }

  @Test
  void targetsAreJudgedOnTheMeasuredFigures() {
    String md = ReportWriter.markdown(rows, cold, List.of(), MACHINE, "quick", "");
    assertTrue(line(md, "| Default pipeline, 2 KB answer: p50 < 200 µs |").endsWith("| met |"));
    assertTrue(line(md, "| Default pipeline, 2 KB answer: p99 < 1 ms |").endsWith("| **not met** |"));
    assertTrue(line(md, "| With NLP analyses needed").endsWith("| met |"));
    String s = line(md, "| Streaming: per-chunk overhead");
    assertTrue(s.contains("512 chunks = 1.0 µs") && s.endsWith("| met |"), s);
    String a = line(md, "| Allocation: < 2 KB per scan");
    assertTrue(a.contains("1500 B") && a.endsWith("| met |"), a);
    assertTrue(line(md, "| PII scan of the pattern entities: ≥ 300 MB/s |").contains("not measured"));
  }

  @Test
  void piiTargetsAppearOnceAPiiBenchmarkIsInTheRun() {
    List<Row> withPii = new ArrayList<>(rows);
    Map<String, String> mb = Map.of("size", "1048576");
    withPii.add(new Row("PiiBenchmark", "detector", "avgt", 1, mb, 2_000, 0, "us/op", Map.of(), 5_000.0));
    withPii.add(new Row("PiiBenchmark", "naiveRegex", "avgt", 1, mb, 30, 0, "ms/op", Map.of(), null));
    String md = ReportWriter.markdown(withPii, cold, List.of(), MACHINE, "quick", "");
    String speed = line(md, "| PII scan of the pattern entities: ≥ 300 MB/s |");
    assertTrue(speed.contains("500 MB/s") && speed.endsWith("| met |"), speed);
    String ratio = line(md, "| PII scan: ≥ 20× the naive regex baseline");
    assertTrue(ratio.contains("15.00× faster") && ratio.endsWith("| **not met** |"), ratio);
  }

  @Test
  void coldStartMediansAndRatio() {
    String md = ReportWriter.markdown(rows, cold, List.of(), MACHINE, "quick", "");
    assertTrue(line(md, "| pipeline |").contains("| 800 ms | 700 ms | 900 ms | 3 |"));
    assertTrue(md.contains("2.00× the time"), md);
    assertTrue(md.contains("add 690 ms over a bare JVM start"), md);
    assertTrue(md.contains("Test CPU, 2 cores; OpenJDK 17; 2026-01-01 00:00 UTC"));
  }

  @Test
  void breakdownSharesAndOtherTime() {
    List<ReportWriter.Breakdown> parts = List.of(
        new ReportWriter.Breakdown("TYPICAL", 100, 1000.0, Map.of("a", 100.0, "b", 600.0)),
        new ReportWriter.Breakdown("CLEAN", 100, 500.0, Map.of("a", 50.0, "b", 250.0)));
    String md = ReportWriter.markdown(rows, cold, parts, MACHINE, "quick", "");
    String section = md.substring(md.indexOf("## Where the default pipeline's time goes"));
    assertTrue(section.indexOf("| b | 600 | 60% | 250 | 50% |") < section.indexOf("| a | 100 | 10% | 50 | 10% |"), section);
    assertTrue(section.contains("| other | 300 | 30% | 200 | 40% |"), section);
  }

  @Test
  void svgIsWellFormedWithOneBarPerResultAndBaseline() throws Exception {
    String svg = ReportWriter.svg(rows);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", d.getDocumentElement().getNodeName());
    // 2 KB time-mode results of ours: Foo, Bar, pipeline CLEAN, pipeline TYPICAL (avgt preferred over sample,
    // shown once), stream = 5, each with a baseline: 10 bars + background + 2 legend boxes.
    assertEquals(10 + 3, d.getElementsByTagName("rect").getLength());
    assertTrue(svg.contains(">Foo.detector<"), svg);
    assertFalse(svg.contains("Throughput"), "1 MB and multi-thread results are not 2 KB latencies");
  }

  @Test
  void mainWritesBothFiles(@TempDir Path dir) throws Exception {
    Path jmh = dir.resolve("jmh.json");
    try (InputStream in = ReportWriterTest.class.getResourceAsStream("jmh-fixture.json")) {
      Files.copy(in, jmh);
    }
    ReportWriter.main(new String[] {"--jmh", jmh.toString(), "--out", dir.resolve("out").toString(), "--profile", "quick"});
    assertTrue(Files.readString(dir.resolve("out/RESULTS.md")).contains("## Every benchmark beside its baseline"));
    assertTrue(Files.readString(dir.resolve("out/latency.svg")).startsWith("<svg"));
  }
}
