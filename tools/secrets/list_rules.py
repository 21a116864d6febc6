#!/usr/bin/env python3
"""Prints the markdown table of gitleaks rule ids and the finding type each reports, for docs/secrets.md.

Mirrors GitleaksRules.typeOf. Run from the repository root: python3 tools/secrets/list_rules.py
"""
import re
import tomllib

PATH = "guardrails-detectors/src/main/resources/dev/guardrails/detectors/secrets/gitleaks.toml"
FAMILIES = [("aws-access-token", "AWS_ACCESS_KEY", True), ("github-", "GITHUB_TOKEN", False),
            ("gitlab-", "GITLAB_TOKEN", False), ("slack-", "SLACK_TOKEN", False), ("stripe-", "STRIPE_KEY", False),
            ("openai-api-key", "OPENAI_KEY", True), ("jwt", "JWT", True), ("jwt-base64", "JWT", True),
            ("private-key", "PRIVATE_KEY", True), ("generic-api-key", "GENERIC_SECRET", True)]


def type_of(rid):
    for prefix, t, exact in FAMILIES:
        if (rid == prefix) if exact else rid.startswith(prefix):
            return t
    return re.sub(r"[^A-Z0-9]", "_", rid.upper())[:64]


with open(PATH, "rb") as f:
    rules = tomllib.load(f)["rules"]
print("| rule id | finding type | note |")
print("|---|---|---|")
for r in rules:
    note = "skipped: path-only rule (matches file names)" if "regex" not in r else (
        "path-scoped in gitleaks; run on all text here" if "path" in r else "")
    print(f"| `{r['id']}` | `SECRET/{type_of(r['id'])}` | {note} |")
