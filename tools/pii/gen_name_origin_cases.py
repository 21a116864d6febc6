#!/usr/bin/env python3
"""Builds datasets/names/name-origin-cases.jsonl: name-in-context sentences by origin, for
NameOriginTest (PERSON recall per origin).

Names come from sigpwned/popular-names-by-country-dataset (CC0, Wikipedia's lists of most common
given names and surnames by country, commit eb62e13), copied into datasets/names/. The gazetteers of
PersonDetector were NOT built from it (they come from Datafaker and the US SSA/Census lists), so the
test does not grade the gazetteer on its own rows. Romanized forms only; tone marks of pinyin are
removed (English text writes "Wang", not "Wáng"). Origins group countries; a country's surname is
paired with a given name of the same country; Arabic, Persian and African origins, whose lists have
no surnames, pair two given names (patronymic naming: "Ahmed Hassan").

Templates are varied chatbot answers: about a third carry a cue (title, role, "said", speaker
label), the rest only the name in running text. Fixed seed: byte-identical output.
Command: python3 tools/pii/gen_name_origin_cases.py
"""
import csv
import json
import os
import random
import unicodedata

SEED = 20261205
PER_ORIGIN = 200
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'datasets', 'names')

ORIGINS = {
    'Anglo': ['GB', 'US', 'IE', 'AU', 'NZ', 'CA'],
    'Western European': ['DE', 'AT', 'CH', 'NL', 'BE', 'FR', 'LU', 'DK', 'NO', 'FI', 'IS'],
    'Hispanic': ['ES', 'MX', 'AR', 'CL', 'CO', 'PE', 'SV', 'PY', 'CU', 'DO', 'GT', 'CR'],
    'Portuguese': ['PT', 'BR'],
    'Italian/Greek': ['IT', 'GR', 'MT'],
    'Slavic': ['RU', 'UA', 'PL', 'CZ', 'SK', 'RS', 'HR', 'BA', 'BG', 'MK', 'ME', 'SI', 'BY'],
    'Chinese': ['CN', 'TW'],
    'Japanese': ['JP'],
    'Korean': ['KR'],
    'South Asian': ['IN', 'NP', 'BD', 'PK', 'LK'],
    'Arabic': ['EG', 'SA', 'AE', 'JO', 'LB', 'IQ', 'KW', 'LY', 'DZ', 'MA', 'TN'],
    'Persian/Turkic': ['IR', 'TR', 'AZ', 'KZ', 'KG', 'TJ'],
    'African': ['ZA', 'ML', 'GQ', 'HT', 'JM'],
}

TEMPLATES = [
    # no cue: the name alone in running text
    "I had lunch with {n} yesterday and we talked about the project.",
    "Can you send the updated contract to {n} before Friday?",
    "{n} will join the meeting at 3 pm.",
    "According to the file, {n} signed the lease in March.",
    "The package was delivered to {n} this morning.",
    "Please remind {n} that the invoice is overdue.",
    "I think {n} would be a great fit for the role.",
    "Yesterday {n} called about the refund.",
    "We are waiting for {n} to confirm the booking.",
    "The report was reviewed by {n} last week.",
    "Here is a summary of what {n} asked for in the ticket.",
    "Your appointment with {n} has been moved to Tuesday.",
    "{n} left a message asking for a call back.",
    "Sure! I can draft an email to {n} about the delay.",
    # cues
    "Dr. {n} will see you at 10 am.",
    "Our CEO, {n}, announced the results.",
    "{n} said the shipment would arrive late.",
    "{n}: Thanks, I got the documents.",
    "{n} is a software engineer at a small startup.",
    "My name is {n} and I need help with my account.",
    "Dear {n}, thank you for your order.",
    "Ms. {n} asked us to update her address.",
]


def fold_tones(name, country):
    if country in ('CN', 'TW'):
        return ''.join(c for c in unicodedata.normalize('NFD', name) if unicodedata.category(c) != 'Mn')
    return name


def load(path, key):
    out = {}
    with open(path, encoding='utf-8-sig') as f:
        for r in csv.DictReader(f):
            name = (r.get('Romanized Name') or '').strip()
            if not name or any(ch.isdigit() for ch in name) or not name[0].isalpha():
                continue
            name = fold_tones(name, r['Country'])
            if not all(ch.isalpha() or ch in " -'" for ch in name):
                continue
            out.setdefault(r['Country'], [])
            if name not in out[r['Country']]:
                out[r['Country']].append(name)
    return out


def main():
    given = load(os.path.join(DATA, 'common-forenames-by-country.csv'), 'Romanized Name')
    family = load(os.path.join(DATA, 'common-surnames-by-country.csv'), 'Romanized Name')
    rng = random.Random(SEED)
    rows = []
    for origin, countries in ORIGINS.items():
        pool = [c for c in countries if given.get(c)]
        for i in range(PER_ORIGIN):
            c = rng.choice(pool)
            first = rng.choice(given[c])
            last = rng.choice(family[c]) if family.get(c) else rng.choice([g for g in given[c] if g != first] or [first])
            # family name first for Chinese, Japanese and Korean half of the time, as English text often does
            name = f"{last} {first}" if c in ('CN', 'TW', 'JP', 'KR') and rng.random() < 0.5 else f"{first} {last}"
            t = TEMPLATES[i % len(TEMPLATES)] if i < len(TEMPLATES) else rng.choice(TEMPLATES)
            text = t.replace('{n}', name)
            start = text.index(name)
            rows.append({'origin': origin, 'country': c, 'text': text, 'start': start, 'end': start + len(name)})
    with open(os.path.join(DATA, 'name-origin-cases.jsonl'), 'w', encoding='utf-8', newline='\n') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(len(rows), 'rows')


if __name__ == '__main__':
    main()
