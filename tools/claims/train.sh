#!/bin/sh
# Recomputes the claim features of every labelled response under datasets/claims/ with the current
# code (datasets/claims/features/claims-features.tsv.gz) and retrains the claims support model
# (guardrails-detectors/src/main/resources/dev/guardrails/detectors/claims/claims-model.tsv).
# Deterministic: no random numbers; a second run writes byte-identical files. See docs/claims.md.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl guardrails-detectors -am test -Dclaims.train=true \
  -Dtest='TrainClaimsModel' -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
