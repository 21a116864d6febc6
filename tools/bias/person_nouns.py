#!/usr/bin/env python3
"""Writes stereotype-person-nouns.tsv: pejorative person nouns, a trait cue of the stereotype model and frames.

"Immigrants are parasites", "X are a bunch of thugs": the trait is a noun for a kind of bad person, which the VADER
valence lexicon (stereotype-valence.tsv) mostly does not rate. Source: Open English WordNet (globalwordnet/
english-wordnet, CC BY 4.0, derived from Princeton WordNet; datasets/bias/wordnet/LICENSE.md, WNDB_License.txt),
read from a checkout of its YAML sources at commit d94538ad0df3d7a4c77837bde6af69d7a6592c32.

Kept: the single-word members of the synsets under ROOTS (their hyponym closure in noun.person: bad person,
wrongdoer, criminal, unwelcome and unpleasant person, brute and bully, savage and primitive, simpleton and fool,
idler, fanatic and extremist, parasite and freeloader, reprobate, coward, weakling, failure, pest, slob, drunkard,
miser, bigot),
with a plural made by rule, when
  * every noun.person sense of the word is one of those synsets, less the subtrees of PRUNE: a word with a neutral
    sense as a person is out ("runner", "stranger", "collaborator"; "fool" the jester keeps "fool" out);
  * every other noun sense is an animal (the metaphor "<group> are parasites / vermin / leeches"): a word with a
    common sense as a thing is out ("bag", "pill", "muscle", "drone", "snake" the plumber's tool);
  * capitalized, it is no WordNet entry of its own (a people, a faith or a name: "Quaker", "Apache", "Tartar");
  * it is no group term, person noun or occupation of stereotype-groups.tsv or groups.tsv, and VADER does not rate
    it positive;
  * a word that is also an adjective ("criminal", "savage", "primitive", "simple") is kept in the plural only,
    where it can only be a noun.
Also the members of a few synsets of harm or nuisance to others (THINGS: nuisance, plague, burden, bane and scourge,
menace, disgrace, drain, infestation, blight), read the same way ("X are a plague", "a drain on the economy").
Deterministic: sorted output. Columns: word. Usage:
  python3 tools/bias/person_nouns.py /path/to/english-wordnet > \\
    guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-person-nouns.tsv
"""
import glob, os, re, sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stereotype_groups import plural  # the same plural rule as the group lists

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
RES = os.path.join(ROOT, 'guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias')

ROOTS = {
    '09851208-n': 'bad person',
    '09657157-n': 'wrongdoer, offender',
    '09997190-n': 'criminal, felon, crook',
    '09654317-n': 'unwelcome person (unpleasant person, villain)',
    '09864997-n': 'beast, brute, savage (cruel)',
    '09898763-n': 'bully, hooligan, ruffian',
    '10572830-n': 'savage, barbarian (uncivilized)',
    '09650650-n': 'primitive person',
    '10618762-n': 'simpleton (fool, dimwit, idiot)',
    '10217586-n': 'idler, loafer, layabout',
    '10097659-n': 'fanatic',
    '10094523-n': 'extremist',
    '10272371-n': 'leech, parasite, sponger',
    '10130662-n': 'freeloader',
    '10541917-n': 'reprobate, miscreant (pervert, degenerate)',
    '09637077-n': 'coward',
    '10791304-n': 'weakling',
    '10292761-n': 'failure, loser',
    '10439375-n': 'pest (annoying person)',
    '10631726-n': 'slob',
    '10057110-n': 'drunkard',
    '10341742-n': 'miser (cheapskate, tightwad)',
    '09873051-n': 'bigot',
}
PERSON, ANIMAL = '18', '05'
# Nouns of harm or nuisance to others, as the predicate of a group ("X are a plague", "X are a drain on the economy"):
# the members of these synsets (no hyponyms), whatever their other senses, since the list is read only in that
# position, where a thing noun is figurative. "load" (a quantity: "a load of") is left out.
THINGS = {
    '05838383-n': 'annoyance, nuisance, pain, bother',
    '05840263-n': 'plague (an annoyance)',
    '05841069-n': 'burden, encumbrance, onus',
    '14468692-n': 'bane, curse, scourge, nemesis',
    '14566833-n': 'menace, threat',
    '14463603-n': 'shame, disgrace, ignominy',
    '01064179-n': 'drain (a depletion of resources)',
    '14476082-n': 'infestation (by parasites)',
    '08012854-n': 'infestation, plague (a swarm)',
    '07331203-n': 'plague (a calamity)',
    '14586446-n': 'blight (a blighted state)',
}
THING_FILES = ('noun.cognition.yaml', 'noun.state.yaml', 'noun.act.yaml', 'noun.group.yaml', 'noun.event.yaml')
# Subtrees left out: a status or circumstance rather than a character (fugitive, probationer, bankrupt, underdog,
# accessory), or a sense neutral in everyday use (native, shy person, sunbather, daydreamer, whittler, straggler,
# sinner, iconoclast, avenger, shedder, switcher, worrier).
PRUNE = {'10134554-n', '10497170-n', '09857758-n', '10293269-n', '09779206-n', '09776407-n', '10614123-n',
         '10694449-n', '10013439-n', '10799451-n', '10680168-n', '10620486-n', '10216344-n', '10216464-n',
         '09845476-n', '10606786-n', '10703629-n', '10811818-n'}


def load(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))


def excluded_terms():
    out = set()
    for name in ('stereotype-groups.tsv', 'groups.tsv'):
        with open(os.path.join(RES, name), encoding='utf-8') as f:
            for line in f:
                if line.strip() and not line.startswith('#'):
                    out.add(line.split('\t')[0].strip().lower())
    with open(os.path.join(ROOT, 'datasets/bias/vader/vader_lexicon.txt'), encoding='utf-8') as f:
        for line in f:
            c = line.split('\t')
            if len(c) > 1 and float(c[1]) > 0:
                out.add(c[0])
    return out


def main():
    src = os.path.join(sys.argv[1], 'src', 'yaml')
    person = load(os.path.join(src, 'noun.person.yaml'))
    hypo = {}
    for sid, s in person.items():
        for h in s.get('hypernym', []):
            hypo.setdefault(h, []).append(sid)
    closure, todo = set(), list(ROOTS)
    while todo:
        sid = todo.pop()
        if sid not in closure and sid not in PRUNE:
            closure.add(sid)
            todo.extend(hypo.get(sid, []))
    lemmas = {m for sid in closure for m in person[sid]['members'] if re.fullmatch(r'[a-z]{3,}', m)}
    senses, adjective, capitalized = {}, set(), set()
    for path in sorted(glob.glob(os.path.join(src, 'entries-*.yaml'))):
        for lemma, entry in load(path).items():
            if lemma[:1].isupper() and lemma.lower() in lemmas:
                capitalized.add(lemma.lower())
            if lemma not in lemmas:
                continue
            for pos, body in entry.items():
                if pos in ('a', 's'):
                    adjective.add(lemma)
                elif pos == 'n':
                    senses[lemma] = [(s['id'].split('%')[1].split(':')[1], s['synset']) for s in body['sense']]
    skip = excluded_terms()
    out = set()
    for w in sorted(lemmas):
        person_senses = [sid for lexfile, sid in senses.get(w, []) if lexfile == PERSON]
        if not person_senses or any(sid not in closure for sid in person_senses) or w in capitalized:
            continue
        if any(lexfile not in (PERSON, ANIMAL) for lexfile, _ in senses[w]):
            continue
        forms = [plural(w)] if w in adjective else [w, plural(w)]
        out.update(x for x in forms if x not in skip)
    for name in THING_FILES:
        for sid, syn in load(os.path.join(src, name)).items():
            if sid in THINGS:
                for m in syn['members']:
                    if re.fullmatch(r'[a-z]{3,}', m) and m != 'load':
                        out.update(x for x in (m, plural(m)) if x not in skip)
    print('# guardrails stereotype pejorative person nouns and nouns of harm or nuisance, format 1: word. Generated by tools/bias/person_nouns.py'
          ' from Open English WordNet d94538a (CC BY 4.0; Princeton WordNet licence): ' + str(len(out)) + ' words.')
    for w in sorted(out):
        print(w)


if __name__ == '__main__':
    main()
