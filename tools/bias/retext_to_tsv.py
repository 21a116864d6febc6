#!/usr/bin/env python3
"""Dev-time converter: retext-equality YAML (MIT) -> our own bias lexicon format (lexicon-retext.tsv).

Run from the repository root:  python3 tools/bias/retext_to_tsv.py > \
  guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/lexicon-retext.tsv

The curation below is by principle, not by test data:
  OFF   terms whose dominant sense is neutral (asylum, invalid, special, just, tribe, master...)
        or whose recommended replacement is contested (latino, disabled, bi);
  roles gendered role nouns and gendered word pairs (off unless genderedRoleNouns(true));
  pronouns gendered pronouns (off unless genderedPronouns(true)).
Everything else is kept with a severity: slurs high, condescending words low, the rest medium.
"""
import glob, os, sys, yaml

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'datasets', 'bias', 'retext-equality')

OFF = set('''
disabled invalid special challenged mental sane insomnia panic-attack depressed barren binge asylum rehab detox
add adhd a.d.d. a.d.h.d. ocd o.c.d o.c.d. dummy bony stammering bipolar manic dwarf small-person psychopathology nuts
insanity delirious blinded-by deafened-by insomniac insomniacs addict addicts alcoholic alcohol-abuser amputee
obvious just basically simple simply easy easily of-course clearly straight-forward straightforward straight-forwardly
straightforwardly
master masters slave slaves bugreport tribe primitive savage stone-age totem dream-catcher animal-spirit latino latina
spade pocahontas indian-country sophisticated-culture sophisticated-technology pinoys pinays
bi gay-rights special-rights homosexual homosexual-relations homosexual-relationship homosexual-couple
pull-the-trigger hang hanged failed-attempt suicide-note
maiden maiden-name fellowship midwife workmanship masterful mastermind masterpiece masterstroke master-the-art
miss. mrs. moan father-of-* master-key master-copy master-plan masterplan english-master tax-man
manned unmanned founding-father master-of-ceremonies epileptic mentally-ill psychotic churchman stockman railwayman freshman freshwoman leading-lady
'''.split())

SLURS = set('''retard retarded retards mongoloid spaz spastic midget fucktard libtard contard fag faggot dyke homo
sodomite tranny shemale she-male heshe shehe japs towel-heads redskin redskins red-indian red-indians shlomo hymie gyppo
gyp cripple gimp bitch bitching psycho schizo moron imbecile cretin'''.split())

PROPER = set('eskimo eskimos oriental orientals gypsy gipsy gypsies islamist islamists red-indian red-indians redskin redskins japs goyim goy shlomo hymie frenchmen englishmen'.split())
ROLE_FILES_OR = True  # every 'or' (female/male pair) entry of gender.yml is a gendered noun or pronoun

PRONOUNS = set("her hers him his she he she'd he'd she'll he'll she's he's herself himself".split())

TECH = set('''sanity-check dummyvariable dummyvalue dummyobject blackhat whitehat blacklist black-list blacklisted
blacklisting whitelist white-list whitelisted whitelisting grandfather-clause grandfather-policy grandfathering
grandfathered'''.split())

def key(t):
    return t.strip().lower().replace(' ', '-')

def as_list(v):
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return list(v.keys())
    return list(v)

DISABILITY_HINTS = ('person with', 'people with', 'has a', 'who has', 'individual who', 'person who', 'uses a wheelchair',
                    'down syndrome', 'dwarfism', 'tourette', 'cleft', 'people who', 'someone with', 'treatment',
                    'hard of hearing', 'polio', 'special olympics', 'non-disabled', 'deaf', 'dementia')

def category(fname, inc, cons):
    if key(inc) in TECH:
        return 'EXCLUSIONARY_TECH_TERM'
    if fname == 'ablist':
        c = ' '.join(cons).lower()
        return 'DISABILITY' if any(h in c for h in DISABILITY_HINTS) else 'ABLEIST'
    if fname == 'suicide':
        return 'DISABILITY'
    return {'condescending': 'CONDESCENDING', 'gender': 'GENDERED', 'lgbtq': 'LGBTQ', 'misc': 'GENDERED',
            'press': 'RELIGION', 'race': 'RACIAL_ETHNIC', 'slogans': None}[fname]

def clean(s):
    return ' '.join(s.replace('\t', ' ').split())

print('# guardrails bias lexicon, format 1: generated from retext-equality (MIT, Titus Wormer) by')
print('# tools/bias/retext_to_tsv.py; see package-info of dev.guardrails.detectors.bias for the format.')
print('# forms\tcategory\tseverity\tsuggestions\tnote\tconditions\tsource')
for path in sorted(glob.glob(os.path.join(ROOT, '*.yml'))):
    fname = os.path.basename(path)[:-4]
    for e in yaml.safe_load(open(path)):
        incs = []
        for t in as_list(e.get('inconsiderate')):
            incs += [x.strip() for x in t.split(',')]  # 'frontman, front man'
        cons = [clean(c) for c in as_list(e.get('considerate'))][:3]
        note = clean(e.get('note', '') or '')
        for inc in incs:
            cat = category(fname, inc, cons)
            if cat is None or '*' in inc:
                continue
            k = key(inc)
            conds = []
            if k in OFF:
                conds.append('off')
            if k in PROPER:
                conds.append('proper')
            elif e['type'] == 'or' and fname == 'gender':
                conds.append('opt:pronouns' if inc.lower() in PRONOUNS else 'opt:roles')
            if k in SLURS:
                sev = 'high'
            elif cat == 'CONDESCENDING':
                sev = 'low'
            else:
                sev = 'medium'
            if not note:
                note = {'GENDERED': 'Gendered wording where a neutral word exists.',
                        'RACIAL_ETHNIC': 'Term with racial or colonial connotations.',
                        'LGBTQ': 'Term that LGBTQ style guides advise against.',
                        'ABLEIST': 'Uses disability or mental illness as a put-down.',
                        'DISABILITY': 'Dispreferred way to describe disability or health.',
                        'RELIGION': 'Term that conflates a religion with extremism.',
                        'EXCLUSIONARY_TECH_TERM': 'Exclusionary technical term with a neutral replacement.',
                        'CONDESCENDING': 'Condescending wording.'}[cat]
            print('\t'.join([inc.lower(), cat, sev, '|'.join(cons), note, ','.join(conds), 'retext:' + fname]))
