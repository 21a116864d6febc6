#!/usr/bin/env python3
"""Writes the vocabulary of the stereotype model's word vectors (one lower-case word per line), in priority order:

  1. the words of the project's lists: stereotype-groups.tsv terms, stereotype-valence.tsv, stereotype-person-nouns.tsv,
     traits.txt;
  2. every word of the bias training sets (datasets/bias/training/*/*.jsonl, field text, all splits: the vocabulary
     reads no label) and of the WiCE evidence lines (datasets/claims/training/wice/wice-claims.jsonl), seen at least
     twice, most frequent first;
  3. the single-word adjectives of Open English WordNet (CC BY 4.0; src/yaml of a checkout at d94538a), most senses
     first (a proxy for how common a word is): trait words the training sets never use ("feckless", "slothful");
  4. its other single-word lemmas, most senses first, each with its inflections by rule (noun plural; verb -s, -ed,
     -ing) and its irregular forms;
cut at CAP words. Words are lower-case letters with inner apostrophes, 2-24 chars, as the detector's
tokens are. Deterministic (ties broken by the word).
Usage: python3 tools/bias/embeddings/vocab.py /path/to/english-wordnet > vocab.txt
"""
import collections, glob, json, os, re, sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from stereotype_groups import plural  # the same plural rule as the group lists

CAP = 55000
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..')
RES = os.path.join(ROOT, 'guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias')
WORD = re.compile(r"[a-z]+(?:['\-][a-z]+)*")
OK = re.compile(r"[a-z][a-z']{1,23}")


def words(text):
    return WORD.findall(text.lower().replace('\u2019', "'"))


def list_words():
    out = []
    for name, col in (('stereotype-groups.tsv', 0), ('stereotype-valence.tsv', 0), ('stereotype-person-nouns.tsv', 0),
                      ('traits.txt', 0)):
        for line in open(os.path.join(RES, name), encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            out.extend(words(line.split('\t')[col]))
    return out


def corpus_counts():
    c = collections.Counter()
    for path in sorted(glob.glob(os.path.join(ROOT, 'datasets/bias/training/*/*.jsonl'))):
        for line in open(path, encoding='utf-8'):
            c.update(words(json.loads(line).get('text') or ''))
    for line in open(os.path.join(ROOT, 'datasets/claims/training/wice/wice-claims.jsonl'), encoding='utf-8'):
        c.update(words(json.loads(line).get('source') or ''))
    return c


def inflections(lemma, pos):
    if pos == 'n':
        return [plural(lemma)]
    if pos == 'v':
        stem = lemma[:-1] if lemma.endswith('e') else lemma
        third = plural(lemma) if not lemma.endswith('man') else lemma + 's'
        return [third, stem + 'ed', stem + 'ing']
    return []


def wordnet(src):
    senses = collections.Counter()
    adjective = collections.Counter()
    forms = {}
    for path in sorted(glob.glob(os.path.join(src, 'src', 'yaml', 'entries-*.yaml'))):
        with open(path, encoding='utf-8') as f:
            entries = yaml.load(f, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))
        for lemma, entry in entries.items():
            if not re.fullmatch(r"[a-z]+(?:['\-][a-z]+)*", lemma):
                continue
            for pos, body in entry.items():
                senses[lemma] += len(body.get('sense', []))
                if pos in ('a', 's'):
                    adjective[lemma] += len(body.get('sense', []))
                fs = forms.setdefault(lemma, [])
                fs.extend(x for x in body.get('form', []) if isinstance(x, str))
                fs.extend(inflections(lemma, pos))
    ranked = sorted(senses, key=lambda w: (-senses[w], w))
    return sorted(adjective, key=lambda w: (-adjective[w], w)) + [x for w in ranked for x in [w] + forms[w]]


def main():
    out, seen = [], set()

    def add(w):
        if w not in seen and OK.fullmatch(w) and len(out) < CAP:
            seen.add(w)
            out.append(w)

    for w in list_words():
        add(w)
    counts = corpus_counts()
    for w in sorted((w for w in counts if counts[w] >= 2), key=lambda w: (-counts[w], w)):
        add(w)
    for w in wordnet(sys.argv[1]):
        add(w)
    sys.stdout.write(''.join(w + '\n' for w in out))


if __name__ == '__main__':
    main()
