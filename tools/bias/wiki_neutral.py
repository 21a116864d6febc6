#!/usr/bin/env python3
"""Writes neutral, Wikipedia-style negatives for the stereotype model into datasets/bias/training/wiki_neutral/.

- wice_claims_neutral.jsonl: the claim sentences of WiCE (ryokamoi/wice; Wikipedia sentences, CC BY-SA 4.0 -> this
  file stays CC BY-SA 4.0; annotations ODC-BY 1.0, not used).
- wow_knowledge_neutral.jsonl: the Wikipedia knowledge snippets of Wizard of Wikipedia as carried by BEGIN
  (google/BEGIN-dataset, BEGIN/wow rows, field `source`; CC BY 4.0, Facebook, Inc. and affiliates).
Rows follow ../SCHEMA.md with label "neutral", group null. Exact duplicates are dropped; output order is the input order.
Usage: python3 tools/bias/wiki_neutral.py [shared data folder, default ../shared/data]
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data')
OUT = os.path.join(ROOT, 'datasets', 'bias', 'training', 'wiki_neutral')
os.makedirs(OUT, exist_ok=True)


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(name, len(rows))


seen = set()
wice = []
for line in open(os.path.join(SHARED, 'claims/training/wice/wice-claims.jsonl'), encoding='utf-8'):
    r = json.loads(line)
    t = ' '.join(r['response'].split())
    if t and t not in seen:
        seen.add(t)
        wice.append({'id': 'wice-' + r['id'], 'text': t, 'label': 'neutral', 'group': None, 'source': 'wice:claim'})
write('wice_claims_neutral.jsonl', wice)
wow = []
for line in open(os.path.join(SHARED, 'claims/training/begin/begin.jsonl'), encoding='utf-8'):
    r = json.loads(line)
    if r['dataset'] != 'BEGIN/wow':
        continue
    t = ' '.join(r['source'].split())
    if t and t not in seen:
        seen.add(t)
        wow.append({'id': 'wow-' + r['id'], 'text': t, 'label': 'neutral', 'group': None, 'source': 'begin:wow-knowledge'})
write('wow_knowledge_neutral.jsonl', wow)
