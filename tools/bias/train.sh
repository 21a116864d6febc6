#!/bin/sh
# Trains the bias detector's stereotype model and writes
# guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-model.bin
# from datasets/bias/training/ (fixed seed: the file is byte-identical on every run).
# Usage: tools/bias/train.sh [extra -D options, e.g. -Dbias.train.epochs=6]
# Prints the training report (precision/recall per split and dataset; TEST rows only with
# -Dbias.train.reportTest=true, to be read once per kept variant, not on every retrain).
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl guardrails-detectors -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bias-train.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
CP="guardrails-detectors/target/classes:guardrails-detectors/target/test-classes:$(cat guardrails-detectors/target/bias-train.classpath)"
exec java -Xmx1g "$@" -cp "$CP" dev.guardrails.detectors.bias.StereotypeTrainer datasets \
  guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-model.bin
