#!/usr/bin/env bash
# Refreshes the vendored gitleaks rules (guardrails-detectors resource secrets/gitleaks.toml, MIT)
# from a local gitleaks checkout or a URL of its config/gitleaks.toml, then checks that they load.
#
#   tools/secrets/refresh_gitleaks.sh /path/to/gitleaks            # a checkout: config/gitleaks.toml + LICENSE
#   tools/secrets/refresh_gitleaks.sh https://raw.githubusercontent.com/gitleaks/gitleaks/<commit>/config/gitleaks.toml
#
# Afterwards: run the secrets tests (GitleaksRulesTest prints loaded/skipped rules, GitleaksSuiteTest
# the per-rule table), update the rule list in docs/secrets.md (python3 tools/secrets/list_rules.py)
# and note the gitleaks commit in NOTICE.
set -euo pipefail
src="${1:?usage: refresh_gitleaks.sh <gitleaks checkout dir | URL of gitleaks.toml>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/guardrails-detectors/src/main/resources/dev/guardrails/detectors/secrets"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
if [[ -d "$src" ]]; then
  cp "$src/config/gitleaks.toml" "$tmp"
  cp "$src/LICENSE" "$dest/LICENSE-gitleaks"
  (cd "$src" && git rev-parse --short HEAD 2>/dev/null | sed 's/^/gitleaks commit: /') || true
else
  curl -fsSL "$src" -o "$tmp"
fi
grep -q '^\[\[rules\]\]' "$tmp" || { echo "not a gitleaks configuration: $src" >&2; exit 1; }
cp "$tmp" "$dest/gitleaks.toml"
echo "rules: $(grep -c '^\[\[rules\]\]' "$dest/gitleaks.toml")"
cd "$root"
# The detector loads gitleaks.rules (the parsed rules, no TOML parser at run time): regenerate it.
# GitleaksRulesTest writes the expected file to target/ and fails while the shipped one is stale.
./mvnw -B -q -pl guardrails-detectors -am test -Dtest='GitleaksRulesTest#theShippedRuleFileIsWhatTheTomlGives' \
  -Dsurefire.failIfNoSpecifiedTests=false || true
cp guardrails-detectors/target/gitleaks.rules "$dest/gitleaks.rules"
./mvnw -B -q -pl guardrails-detectors -am verify -Dtest='GitleaksRulesTest,GitleaksSuiteTest,SecretFormsTest' \
  -Dsurefire.failIfNoSpecifiedTests=false
