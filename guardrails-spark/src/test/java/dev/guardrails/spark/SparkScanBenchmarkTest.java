package dev.guardrails.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A smoke run of the benchmark harness on the shared session, so it never rots; its figures mean nothing. */
class SparkScanBenchmarkTest {

  @Test
  void harnessRunsBothMethodsAndReports() {
    List<String> answers = SparkScanBenchmark.answers(200, 2048);
    assertEquals(answers, SparkScanBenchmark.answers(200, 2048), "generated answers are deterministic");
    assertTrue(answers.stream().allMatch(a -> a.length() >= 2048 && a.length() < 2048 + 200));
    double plain = SparkScanBenchmark.plainRowsPerSecond(RowScanner.guard(ScanSpec.builder("text").build()), answers, 1);
    Map<String, Double> spark = SparkScanBenchmark.measure(SharedSpark.get(), "local[2]", answers, 1);
    assertEquals(2, spark.size(), spark.toString());
    assertTrue(plain > 0 && spark.values().stream().allMatch(v -> v > 0));
    String report = SparkScanBenchmark.report(answers.size(), 2048, plain, spark);
    assertTrue(report.contains("udf @ local[2]") && report.contains("map-partitions @ local[2]"), report);
  }
}
