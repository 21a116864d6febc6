#!/usr/bin/env python3
"""Writes stereotype-demonym-stop.txt: common words that end like a demonym, so the stereotype path does not take them
for one.

The group-mention finder takes a word the lists do not know, ending like a demonym (-an, -ian, -ean, -ese, -i), right
before a person noun as the name of a people or region ("Crimean people", "Sicilian women", "the Viennese man"):
regional and minor demonyms are an open class that no list of countries and nationalities holds. Words of that
shape that are ordinary English are not demonyms ("human beings", "veteran workers", "mean people", "obese men",
"vegetarian people"): they are the lower-case single-word lemmas of Open English WordNet (globalwordnet/
english-wordnet, CC BY 4.0, derived from Princeton WordNet; datasets/bias/wordnet/LICENSE.md, WNDB_License.txt),
read from a checkout of its YAML sources at commit d94538ad0df3d7a4c77837bde6af69d7a6592c32. A capitalized lemma
("Texan", "Sicilian", "Victorian") or a word WordNet does not have ("Crimean") is not listed.
Deterministic: sorted output, one word a line. Usage:
  python3 tools/bias/demonym_stop.py /path/to/english-wordnet > \\
    guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/stereotype-demonym-stop.txt
"""
import glob, os, sys

import yaml

SUFFIXES = ('an', 'ese', 'i')


def main():
    src = os.path.join(sys.argv[1], 'src', 'yaml')
    words = set()
    for f in sorted(glob.glob(os.path.join(src, 'entries-*.yaml'))):
        with open(f, encoding='utf-8') as fh:
            for lemma in yaml.load(fh, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader)):
                w = str(lemma)
                if w == w.lower() and w.isalpha() and w.isascii() and len(w) >= 4 and w.endswith(SUFFIXES):
                    words.add(w)
    print('# common words ending like a demonym (Open English WordNet lower-case lemmas); tools/bias/demonym_stop.py')
    for w in sorted(words):
        print(w)


if __name__ == '__main__':
    main()
