package dev.guardrails.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM ({@code local[2]}), shared by every test class: Spark takes
 * seconds to start, so the suite starts it once. Spark's shutdown hook stops it when the JVM exits.
 */
final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("guardrails-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }
}
