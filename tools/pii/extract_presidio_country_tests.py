#!/usr/bin/env python3
"""Extract Presidio's country-specific recognizer test rows into a peer-suite jsonl.

Reads presidio-analyzer/tests/test_<cc>_*_recognizer.py from a git checkout of microsoft/presidio
(MIT) at a given commit, takes every pytest.mark.parametrize table whose first names are
"text, expected_len" (with positions when the table has them) and writes one JSON object per row,
in the shape of presidio-recognizer-tests.jsonl: id (file:line), text, expected_len, positions,
presidio_entity, our_type (null when we have no such type), claimed.

Files already in presidio-recognizer-tests.jsonl are skipped (no row twice).

Usage: extract_presidio_country_tests.py <presidio git dir> <commit> <existing jsonl> > out.jsonl
"""
import ast
import json
import re
import subprocess
import sys

# Presidio entity -> our finding type (None: a type we do not have yet; rows printed as a baseline).
OURS = {
    "AU_ABN": "AU_ABN", "AU_ACN": "AU_ACN", "AU_TFN": "AU_TFN", "AU_MEDICARE": "AU_MEDICARE",
    "PL_PESEL": "PL_PESEL", "TR_NATIONAL_ID": "TR_TCKN", "DE_TAX_ID": "DE_TAX_ID",
    "SE_PERSONNUMMER": "SE_PERSONNUMMER", "KR_RRN": "KR_RRN", "TH_TNIN": "TH_TNIN",
    "ZA_ID_NUMBER": "ZA_ID", "NG_NIN": "NG_NIN", "PH_TIN": "PH_TIN", "PH_MOBILE_NUMBER": "PHONE", "TR_PHONE_NUMBER": "PHONE", "US_BANK_NUMBER": "US_BANK_NUMBER",
    "SG_NRIC_FIN": "SG_NRIC_FIN", "IN_PAN": "IN_PAN", "IN_VOTER": "IN_VOTER", "IN_PASSPORT": "IN_PASSPORT",
    "IT_FISCAL_CODE": "IT_FISCAL_CODE", "FI_PERSONAL_IDENTITY_CODE": "FI_HETU", "ES_NIF": "ES_NIF",
    "ES_NIE": "ES_NIF", "UK_NINO": "UK_NINO", "UK_NHS": "UK_NHS", "US_SSN": "US_SSN", "US_ITIN": "US_ITIN",
    "US_PASSPORT": "US_PASSPORT", "US_DRIVER_LICENSE": "US_DRIVER_LICENSE", "IN_AADHAAR": "IN_AADHAAR",
}
FILE = re.compile(r"^test_(au|de|es|fi|in|it|kr|ng|ph|pl|se|sg|th|tr|uk|us|za)_\w+_recognizer\.py$")


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True).stdout


def entity_of(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "entities":
            for sub in ast.walk(node):
                if isinstance(sub, ast.List) and sub.elts and isinstance(sub.elts[0], ast.Constant):
                    return sub.elts[0].value
    return None


def spans(names, values):
    """Positions as [[s, e], ...] from the table's position columns, or [] when it has none."""
    row = dict(zip(names, values))
    if "expected_start" in row:
        return [[row["expected_start"], row["expected_end"]]] if row["expected_len"] else []
    pos = row.get("expected_positions", row.get("expected_position"))
    if not pos:
        return []
    if isinstance(pos[0], int):
        return [list(pos)]
    return [list(p) for p in pos]


def rows(repo, commit, name):
    src = git(repo, "show", f"{commit}:presidio-analyzer/tests/{name}")
    tree = ast.parse(src)
    entity = entity_of(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not getattr(node.func, "attr", "") == "parametrize":
            continue
        if len(node.args) < 2 or not isinstance(node.args[0], ast.Constant):
            continue
        names = [n.strip() for n in node.args[0].value.split(",")]
        if names[:2] != ["text", "expected_len"] or not isinstance(node.args[1], (ast.List, ast.Tuple)):
            continue
        for elt in node.args[1].elts:
            try:
                values = ast.literal_eval(elt)
            except ValueError:
                continue
            text, n = values[0], values[1]
            if not isinstance(text, str) or not isinstance(n, int):
                continue
            yield {"id": f"{name}:{elt.lineno}", "text": text, "expected_len": n, "positions": spans(names, values),
                   "presidio_entity": entity, "our_type": OURS.get(entity), "claimed": entity in OURS}


def main():
    repo, commit, existing = sys.argv[1:4]
    have = {json.loads(l)["id"].split(":")[0] for l in open(existing, encoding="utf-8") if l.strip()}
    names = sorted(n for n in git(repo, "ls-tree", "--name-only", f"{commit}:presidio-analyzer/tests").split()
                   if FILE.match(n) and n not in have)
    for name in names:
        for r in rows(repo, commit, name):
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
