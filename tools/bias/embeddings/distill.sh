#!/bin/sh
# Distils the stereotype model's word vectors and writes
# guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-embeddings.bin:
# every word of vocab.py's vocabulary embedded alone with all-MiniLM-L6-v2 (quantized, in-process ONNX through
# langchain4j; Apache-2.0, sentence-transformers / Microsoft), then PCA to DIMS dims and int8 (pack.py).
# A separate step from tools/bias/train.sh, which reads the checked-in file: ONNX floats may differ across CPUs,
# so the output is checked in and the model's rebuild never runs ONNX. The pom here is NOT a module of the reactor.
# Needs network once (Maven Central) and python3 with numpy and PyYAML.
# Usage: tools/bias/embeddings/distill.sh /path/to/english-wordnet-checkout [DIMS, default 64]
set -eu
WN=$(cd "${1:?usage: distill.sh /path/to/english-wordnet [dims]}" && pwd)
DIMS=${2:-64}
cd "$(dirname "$0")/../../.."
OUT=target/bias-embeddings
mkdir -p "$OUT"
./mvnw -B -q -f tools/bias/embeddings/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/distill.classpath"
python3 tools/bias/embeddings/vocab.py "$WN" > "$OUT/vocab.txt"
java -cp "$(cat "$OUT/distill.classpath")" tools/bias/embeddings/Distill.java "$OUT/vocab.txt" "$OUT/vectors.f32"
python3 tools/bias/embeddings/pack.py "$OUT/vocab.txt" "$OUT/vectors.f32" \
  guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-embeddings.bin "$DIMS"
