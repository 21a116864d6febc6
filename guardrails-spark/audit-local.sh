#!/usr/bin/env bash
# Runs dev.guardrails.spark.AuditJob in local mode without a Spark installation: builds the job jar
# (guardrails-spark/target/guardrails-spark.jar, the jar you ship to a cluster) and puts Spark's
# jars from the Maven build on the class path, with the --add-opens flags Spark needs on Java 17.
# Every argument goes to AuditJob, e.g.:
#   guardrails-spark/audit-local.sh --input examples/transcripts.jsonl --output target/audit
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/guardrails-spark/target/spark-classpath.txt"
if [ ! -f guardrails-spark/target/guardrails-spark.jar ] || [ ! -f "$CP_FILE" ] \
  || [ -n "$(find pom.xml guardrails-core guardrails-detectors guardrails-spark/pom.xml guardrails-spark/src/main \
       -newer guardrails-spark/target/guardrails-spark.jar \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -print -quit)" ]; then
  ./mvnw -B -q -pl guardrails-spark -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=provided
fi
OPENS=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' guardrails-spark/pom.xml)
# shellcheck disable=SC2086
exec java -Xmx2g $OPENS -Dspark.master="${SPARK_MASTER:-local[*]}" \
  -cp "guardrails-spark/target/guardrails-spark.jar:$(cat "$CP_FILE")" dev.guardrails.spark.AuditJob "$@"
