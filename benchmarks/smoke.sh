#!/usr/bin/env bash
# CI smoke run, so the benchmarks never rot: every JMH benchmark once (1 fork, no warm-up, one
# 200 ms iteration, 2 KB inputs and the small source size), one cold-start run per case, a short per-detector
# breakdown, and the
# report written under guardrails-benchmarks/target/smoke/. Fails if any benchmark fails. The
# figures mean nothing; never a full run in CI (that is benchmarks/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=guardrails-benchmarks/target/benchmarks.jar
CLI=guardrails-cli/target/guardrails.jar
stale() { # jar module...: the jar is missing or older than a pom or main source it is built from
  local jar=$1; shift
  [ -f "$jar" ] || return 0
  for m in "$@"; do
    [ -n "$(find pom.xml "$m/pom.xml" "$m/src/main" -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
  done
  return 1
}
if stale "$JAR" guardrails-core guardrails-detectors guardrails-benchmarks \
  || stale "$CLI" guardrails-core guardrails-detectors guardrails-cli; then
  ./mvnw -B -q -pl guardrails-cli,guardrails-benchmarks -am package -DskipTests
fi

OUT=guardrails-benchmarks/target/smoke
mkdir -p "$OUT"
start=$(date +%s)
java -jar "$JAR" -f 1 -wi 0 -i 1 -r 200ms -p size=2048 -p sourceSize=10240 -prof gc -foe true \
  -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 || { tail -50 "$OUT/jmh.log" >&2; exit 1; }
java -cp "$JAR" dev.guardrails.benchmarks.ColdStart --runs 1 --cli-jar "$CLI" --cli-input examples/answer.txt \
  --out "$OUT/cold-start.json"
java -cp "$JAR" dev.guardrails.benchmarks.PipelineBreakdown --seconds 0.2 --out "$OUT/breakdown.json"
java -cp "$JAR" dev.guardrails.benchmarks.ReportWriter --jmh "$OUT/jmh.json" --cold-start "$OUT/cold-start.json" \
  --breakdown "$OUT/breakdown.json" --out "$OUT" --profile smoke
echo "benchmark smoke run passed in $(( $(date +%s) - start )) s" >&2
