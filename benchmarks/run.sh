#!/usr/bin/env bash
# Builds benchmarks.jar, runs every JMH benchmark with -prof gc and JSON output, measures cold
# start, and writes benchmarks/RESULTS.md and benchmarks/latency.svg (ReportWriter).
#
#   benchmarks/run.sh [--quick|--full] [JMH benchmark regexp...]
#
# --quick (default): 1 fork, 2 x 1 s warm-up (short-answer and streaming benchmarks 8 x 2 s), 3 x 1 s measurement;
#                    under 10 minutes on 2 cores.
# --full:            2 forks, 5 x 1 s warm-up (short-answer and streaming ones 10 x 2 s), 10 x 1 s measurement;
#                    about an hour.
# Raw results: guardrails-benchmarks/target/results/{jmh.json,jmh-short.json,cold-start.json,breakdown.json}.
# See docs/benchmarks.md for what each benchmark measures and how to read the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=quick
case "${1:-}" in
  "" | --quick) profile=quick ;;
  --full) profile=full ;;
  -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
  -*) echo "usage: benchmarks/run.sh [--quick|--full] [JMH benchmark regexp...]" >&2; exit 64 ;;
  *) set -- --quick "$@" ;;
esac
shift

start=$(date +%s)
echo "== building benchmarks.jar and guardrails.jar (offline)" >&2
./mvnw -B -q -o -pl guardrails-cli,guardrails-benchmarks -am package -DskipTests

JAR=guardrails-benchmarks/target/benchmarks.jar
OUT=guardrails-benchmarks/target/results
mkdir -p "$OUT"
if [ "$profile" = quick ]; then
  jmh_opts=(-f 1 -i 3 -r 1s)
  warmup=(-wi 2 -w 1s)
  short_warmup=(-wi 8 -w 2s)
  cold_runs=5
  breakdown_seconds=3
else
  jmh_opts=(-f 2 -i 10 -r 1s)
  warmup=(-wi 5 -w 1s)
  short_warmup=(-wi 10 -w 2s)
  cold_runs=10
  breakdown_seconds=10
fi

echo "== JMH ($profile profile)" >&2
# JMH_JAVA_OPTS=-Djmh.ignoreLock=true runs even while another JMH holds /tmp/jmh.lock (shared machines).
# The short-answer and streaming benchmarks run a whole pipeline's code on small texts: with 2 x 1 s of
# warm-up the JIT has not finished compiling it (ShortAnswersBenchmark.piiSecrets read 14.7 us +- 67 us
# after 2 x 1 s, 7.1 us +- 0.8 us after 10 x 2 s; a 2 KB stream 429 us after 2 x 1 s, 104-109 us after
# 5 x 1 s), so without a benchmark regexp they get a run of their own with 8 x 2 s of warm-up (10 x 2 s
# in the full profile). With a regexp, one run with the profile's options.
short_re='ShortAnswersBenchmark|PersonBenchmark\.person(Address)?Short$|StreamingBenchmark'
jmh_files=(--jmh "$OUT/jmh.json")
if [ "$#" -eq 0 ]; then
  java ${JMH_JAVA_OPTS:-} -jar "$JAR" "${jmh_opts[@]}" "${warmup[@]}" -prof gc -foe true -rf json -rff "$OUT/jmh.json" -e "$short_re"
  echo "== JMH short-answer and streaming benchmarks (longer warm-up)" >&2
  java ${JMH_JAVA_OPTS:-} -jar "$JAR" "${jmh_opts[@]}" "${short_warmup[@]}" -prof gc -foe true -rf json \
    -rff "$OUT/jmh-short.json" "$short_re"
  jmh_files+=(--jmh "$OUT/jmh-short.json")
else
  java ${JMH_JAVA_OPTS:-} -jar "$JAR" "${jmh_opts[@]}" "${warmup[@]}" -prof gc -foe true -rf json -rff "$OUT/jmh.json" "$@"
fi

echo "== cold start ($cold_runs runs per case)" >&2
java -cp "$JAR" dev.guardrails.benchmarks.ColdStart --runs "$cold_runs" \
  --cli-jar guardrails-cli/target/guardrails.jar --cli-input examples/answer.txt --out "$OUT/cold-start.json"

echo "== default pipeline: time per detector" >&2
java -cp "$JAR" dev.guardrails.benchmarks.PipelineBreakdown --seconds "$breakdown_seconds" --out "$OUT/breakdown.json"

elapsed=$(( $(date +%s) - start ))
run_time="$((elapsed / 60)) min $((elapsed % 60)) s ($profile profile, including the build)"
java -cp "$JAR" dev.guardrails.benchmarks.ReportWriter "${jmh_files[@]}" --cold-start "$OUT/cold-start.json" \
  --breakdown "$OUT/breakdown.json" --out benchmarks --profile "$profile" --run-time "$run_time"
echo "== done in $run_time" >&2
