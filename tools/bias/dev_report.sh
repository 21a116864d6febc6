#!/bin/sh
# Prints the DEV-split report of the whole bias detector (model, rules and frames): precision and recall per
# dataset, and the qualifier drops of model verdicts by kind with up to N sample rows each (DEV only: tune here,
# never on TEST). Usage: tools/bias/dev_report.sh [N]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl guardrails-detectors -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bias-train.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
CP="guardrails-detectors/target/classes:guardrails-detectors/target/test-classes:$(cat guardrails-detectors/target/bias-train.classpath)"
exec java -Xmx1g -cp "$CP" dev.guardrails.detectors.bias.StereotypeDevReport "${1:-0}"
