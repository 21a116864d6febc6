#!/usr/bin/env python3
"""Writes stereotype-groups.tsv: the group mentions that gate the stereotype model.

Sources: the HolisticBias descriptors (datasets/bias/holisticbias-descriptors.json, CC BY-SA 4.0;
single terms, the nonce axis dropped), the identities of SeeGULL (CC BY 4.0; demonyms), the
generalization rule's groups.tsv and our own lists of person nouns and occupations below.
Columns: term (lower-case, hyphens as spaces) TAB kind TAB mode, where mode is
  g = a group on its own ("muslims", "immigrants", "nurses"),
  d = a descriptor that needs a person noun after it ("old people", "poor families"); descriptors of
      nationality, race, religion, orientation, gender, politics and culture that are not ordinary
      adjectives as well (white, straight, moderate) are groups on their own ("Muslim", "Yemeni"),
  p = a person noun (the head a 'd' descriptor needs; a group on its own when plural),
  c = a collective noun: like p, but a descriptor before it makes a generic mention even in the singular
      ("the black community", "the Muslim population"),
  n = the name of a group's institution or place, generic in the singular ("Islam", "the Middle East"),
  l = a country or continent: a mention only as the subject opening a sentence or clause ("Mexico is ...",
      "The United States has ..."), or as the place in "people of/from/in <place>"; not "born in Mexico",
  o = an occupation: a head only after a group term of its own ("female engineers", "Asian drivers"), not after
      other descriptors ("professional dancers", "poor writers" speak of the job, not a group).
Deterministic: sorted output. Usage: python3 tools/bias/stereotype_groups.py > \
  guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-groups.tsv
"""
import csv, json, os, re, sys

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
RES = os.path.join(ROOT, 'guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias')

PERSON = """residents inhabitants people person persons man men woman women guy guys girl girls boy boys kid kids child children folks folk
individuals individual family families parent parents mother mothers father fathers mom moms dad dads wife wives
husband husbands student students worker workers immigrant immigrants community communities population populations
teenager teenagers adult adults citizen citizens neighbor neighbors neighbour neighbours employee employees
friend friends couple couples lady ladies gentleman gentlemen youth youths elders members member voters voter
patients patient users user americans""".split()
# person nouns that are a (gender or age) group on their own when plural; the others need a descriptor
PLURAL_PERSON = set("""men women girls boys guys ladies gentlemen mothers fathers moms dads wives husbands teenagers
elders""".split())
OCCUPATIONS = """nurse doctor engineer lawyer teacher scientist politician cop police officer policeman policemen
programmer nerd banker ceo manager mathematician musician artist athlete soldier plumber mechanic chef cook waiter
waitress secretary librarian accountant salesman salesmen salesperson driver farmer firefighter pilot model actor
actress rapper priest nun pastor rabbi imam professor researcher journalist reporter judge surgeon dentist pharmacist
architect designer developer coder gamer cashier janitor maid nanny babysitter housekeeper construction worker
truck driver taxi driver businessman businessmen businesswoman entrepreneur broker trader economist psychologist
therapist social worker guard bodybuilder football player basketball player dancer singer poet writer author
comedian butcher baker carpenter electrician tailor clerk""".split('\n')
OCC = []
for line in OCCUPATIONS:
    OCC += [w for w in re.split(r'\s+', line.strip()) if w]
# the words of two-word occupations are not occupations alone ("taxi", "social", "football")
OCC = [w for w in OCC if w not in {"construction", "truck", "taxi", "social", "football", "basketball", "player"}
       or w in {"worker"}]
# two-word occupations
OCC_MULTI = ["construction worker", "truck driver", "taxi driver", "social worker", "football player",
             "basketball player", "police officer"]
# collective nouns: "the gay community is ..." speaks of the whole group ("culture", "faith" are left out: in
# neutral text they mostly name arts and titles: "Israeli culture", "Christian Faith and Natural Philosophy")
COLLECTIVE = "community communities population populations society societies".split()
# names that stand for a whole group in the singular; and group terms none of the sources has
NAMES = ["islam", "judaism", "christianity", "hinduism", "buddhism", "sikhism", "middle east"]
EXTRA_GROUPS = """middle easterners
lgb
persian
persians
brahmin
brahmins
dalit
dalits
liberals
conservatives
feminists
rednecks
hillbillies
illegals
illegal aliens
foreigners
migrants
trannies
dykes
fags
faggots
queers
homosexuals
lesbians
blacks
whites
negroes
frenchman
frenchmen
englishman
dutchman
dutchmen
irishman
irishmen
scotsman
scotsmen
welshman
welshmen""".split('\n')
# Countries and continents (English short names of ISO 3166 countries, our list): a sentence about a country as a
# whole ("Mexico is dangerous", "Ethiopia is full of runners") generalizes about its people as much as the demonym
# does. Left out: names that are also a given name or an ordinary word (Jordan, Chad, Georgia, Turkey, Guinea,
# Niger, Jersey, Dominica, Israel kept: rare as a name in English text), and four-word names (the gate reads <= 3 tokens).
COUNTRIES = """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina faso
burundi cambodia cameroon canada cape verde central african republic chile china colombia comoros congo costa rica
croatia cuba cyprus czechia czech republic denmark djibouti dominican republic ecuador egypt el salvador eritrea
estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece grenada guatemala guyana haiti
honduras hungary iceland india indonesia iran iraq ireland israel italy ivory coast jamaica japan kazakhstan kenya
kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland new zealand nicaragua nigeria
north korea north macedonia norway oman pakistan palau palestine panama papua new guinea paraguay peru philippines
poland portugal qatar romania russia rwanda samoa san marino saudi arabia senegal serbia seychelles sierra leone
singapore slovakia slovenia somalia south africa south korea south sudan spain sri lanka sudan suriname sweden
switzerland syria taiwan tajikistan tanzania thailand east timor togo tonga trinidad tunisia turkmenistan tuvalu
uganda ukraine united arab emirates united kingdom uk usa united states america great britain britain england
scotland wales vanuatu venezuela vietnam yemen zambia zimbabwe
africa asia europe latin america south america north america"""
MULTI_COUNTRIES = """burkina faso|cape verde|central african republic|costa rica|czech republic|dominican republic|el salvador
|ivory coast|new zealand|north korea|north macedonia|papua new guinea|san marino|saudi arabia|sierra leone|south africa
|south korea|south sudan|sri lanka|east timor|united arab emirates|united kingdom|united states|great britain
|latin america|south america|north america"""


def countries():
    text = ' '.join(COUNTRIES.split())
    multi = [' '.join(m.split()) for m in MULTI_COUNTRIES.replace('\n', '').split('|')]
    for m in multi:
        text = text.replace(m, '')
    return sorted(set(text.split()) | set(multi))


STANDALONE_AXES = {"nationality", "race_ethnicity", "religion", "sexual_orientation", "political_ideologies",
                   "gender_and_sex", "cultural"}
AMBIGUOUS = set("""white black brown red yellow straight independent moderate radical progressive liberal conservative
poly pan ace bi fit cis native
urban rural country elite entitled privileged underprivileged underserved marginalized cosmopolitan bougie
stud fruitcake fruity femme feminine masculine manly womanly macho butch effeminate androgynous""".split()) | {'at risk'}


def plural(w):
    if w.endswith('man'):
        return w[:-3] + 'men'
    if w.endswith(('s', 'x', 'ch', 'sh')):
        return w + 'es'
    if w.endswith('y') and len(w) > 2 and w[-2] not in 'aeiou':
        return w[:-1] + 'ies'
    return w + 's'


def norm(s):
    return re.sub(r'\s+', ' ', s.lower().replace('-', ' ').replace('\u2019', "'")).strip()


def descriptors():
    d = json.load(open(os.path.join(ROOT, 'datasets/bias/holisticbias-descriptors.json')))
    for axis, buckets in d.items():
        if axis == 'nonce':
            continue
        items = buckets.values() if isinstance(buckets, dict) else [buckets]
        for lst in items:
            for x in lst:
                yield axis, (x['descriptor'] if isinstance(x, dict) else x)


def main():
    out = {}

    def put(term, kind, mode):
        term = norm(term)
        if not term or len(term.split()) > 3:
            return
        old = out.get(term)
        # g beats p beats d: a term that is a group on its own stays one
        rank = {'g': 0, 'n': 0, 'l': 0, 'c': 1, 'p': 1, 'o': 1, 'd': 2}
        if old is None or rank[mode] < rank[old[1]]:
            out[term] = (kind, mode)

    for axis, desc in descriptors():
        t = norm(desc)
        standalone = axis in STANDALONE_AXES and t not in AMBIGUOUS
        put(t, axis, 'g' if standalone else 'd')
        if standalone and len(t.split()) == 1:
            put(plural(t), axis, 'g')
    seegull = os.path.join(ROOT, 'datasets/bias/training/seegull/stereotypes_global_v2.csv')
    if not os.path.exists(seegull):
        seegull = os.path.join(ROOT, '..', 'shared/data/bias/training/seegull/stereotypes_global_v2.csv')
    with open(seegull, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            ident = norm(row['identity'])
            put(ident, 'nationality', 'g' if ident not in AMBIGUOUS else 'd')
            if len(ident.split()) == 1:
                put(ident if ident.endswith('s') else plural(ident), 'nationality', 'g')
    with open(os.path.join(RES, 'groups.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            term, kind = line.rstrip('\n').split('\t')[:2]
            if term.startswith('@'):
                put(term[1:], kind, 'd')
                put(plural(term[1:]), kind, 'g')
            else:
                put(term, kind, 'g')
    for c in COLLECTIVE:
        put(c, 'person', 'c')
    for n in NAMES:
        put(n, 'religion', 'n')
    for g in EXTRA_GROUPS:
        put(g, 'extra', 'g')
    for p in PERSON:
        put(p, 'person', 'g' if p in PLURAL_PERSON else 'p')
    # occupations are heads for descriptors ("female engineers"), not groups on their own: generic
    # statements about a job ("pharmacists must be registered") are ordinary in neutral text and the
    # training data has no stereotypes about occupations to learn them from
    for o in OCC + OCC_MULTI:
        put(o, 'occupation', 'o')
        put(plural(o) if not o.endswith('men') and o != 'police' else o, 'occupation', 'o')
    # a country's name overrides a SeeGULL "identity" of the same spelling ("singapore", "united states"), which
    # as a 'g' would be a mention as a plural ("states") or not at all
    for c in countries():
        out[norm(c)] = ('country', 'l')
    print('# guardrails stereotype-model group mentions, format 1: term<TAB>kind<TAB>mode (g group, d descriptor,'
          ' p person noun, c collective noun, n group name, o occupation, l country). Generated by tools/bias/stereotype_groups.py.')
    for term in sorted(out):
        kind, mode = out[term]
        print(f'{term}\t{kind}\t{mode}')


if __name__ == '__main__':
    main()
