#!/usr/bin/env bash
# Spark scan benchmark (guardrails-spark): rows/s at local[1] and local[2], UDF and mapPartitions,
# beside a plain single-threaded loop over the same 100,000 generated 2 KB answers; prints the
# scaling ratio and Spark's per-row overhead. Options go to SparkScanBenchmark (--rows --size
# --repeat --masters --out). Not for CI (SparkScanBenchmarkTest is the smoke run); run it on a
# quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/guardrails-spark/target/test-classpath.txt"
./mvnw -B -q -pl guardrails-spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
# Spark's --add-opens flags, from the one place they are kept (the module's pom).
OPENS=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' guardrails-spark/pom.xml)
# shellcheck disable=SC2086
exec java -Xmx6g $OPENS \
  -cp "guardrails-spark/target/test-classes:guardrails-spark/target/classes:$(cat "$CP_FILE")" \
  dev.guardrails.spark.SparkScanBenchmark "$@"
