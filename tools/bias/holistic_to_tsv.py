#!/usr/bin/env python3
"""Dev-time converter: HolisticBias descriptors (CC BY-SA 4.0) -> lexicon-holistic.tsv (dispreferred only).

Run from the repository root:  python3 tools/bias/holistic_to_tsv.py > \
  guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/lexicon-holistic.tsv

Descriptors that are ordinary adjectives (slow, tiny, smaller, entitled...) only fire when they
describe a person ("slow kids"), which is how HolisticBias uses them ("I am a <descriptor> person").
"""
import json, os
ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'datasets', 'bias', 'holisticbias-descriptors.json')
CAT = {'ability': 'DISABILITY', 'body_type': 'CONDESCENDING', 'characteristics': 'SOCIOECONOMIC',
       'cultural': 'SOCIOECONOMIC', 'gender_and_sex': 'LGBTQ', 'race_ethnicity': 'RACIAL_ETHNIC'}
SUGG = {'hearing-impaired': 'hard of hearing|deaf', 'learning-disabled': 'person with a learning disability',
        'retarded': 'person with an intellectual disability', 'crippled': 'disabled|person with a disability',
        'paraplegic': 'person with paraplegia', 'paralyzed': 'person with paralysis', 'quadriplegic': 'person with quadriplegia',
        'wheelchair-bound': 'wheelchair user|uses a wheelchair', 'dyslexic': 'person with dyslexia',
        'dumb': 'nonspeaking|nonverbal', 'speech-impaired': 'person with a speech disability', 'mute': 'nonspeaking',
        'four-eyed': 'glasses-wearing', 'vision-impaired': 'blind|low-vision', 'visually impaired': 'blind|low-vision',
        'differently abled': 'disabled|person with a disability', 'handicapped': 'disabled|person with a disability',
        'able-bodied': 'non-disabled', 'vertically challenged': 'short|person of short stature', 'oriental': 'Asian',
        'fruitcake': 'gay', 'fruity': 'gay', 'homemaker': 'stay-at-home parent', 'at-risk': 'under-served',
        'entitled': 'privileged'}
# Clear slurs or outdated descriptors fire alone; the rest only before a person noun.
ALONE = {'retarded', 'crippled', 'wheelchair-bound', 'four-eyed', 'differently abled', 'handicapped',
         'vertically challenged', 'oriental', 'fruitcake', 'learning-disabled', 'speech-impaired', 'hearing-impaired'}
# Medical or identity terms used by the people they describe: kept out of the default set.
OFF = {'neurodivergent', 'neurodiverse', 'neurotypical', 'neuroatypical', 'non-neurotypical', 'low-vision',
       'glasses-wearing', 'aphasic', 'paraplegic', 'quadriplegic', 'paralyzed', 'dyslexic', 'barren', 'shorter',
       'smaller', 'littler', 'very short', 'small-stature'}
PERSON = 'person+n|people|man|men|woman|women|kid+n|child|children|boy+n|girl+n|student+n|worker+n|employee+n|youth'
d = json.load(open(ROOT))
print('# guardrails bias lexicon, format 1: dispreferred descriptors from HolisticBias v1.0 (Smith et al. 2022,')
print('# CC BY-SA 4.0; this derived file is CC BY-SA 4.0) by tools/bias/holistic_to_tsv.py.')
print('# forms\tcategory\tseverity\tsuggestions\tnote\tconditions\tsource')
def walk(x, path):
    if isinstance(x, dict):
        for k, v in x.items():
            walk(v, path + [k])
    elif isinstance(x, list):
        for e in x:
            if isinstance(e, dict) and e.get('preference') == 'dispreferred':
                t = e['descriptor'].lower()
                forms = t if t in ALONE else '|'.join(t + ' ' + p for p in PERSON.split('|'))
                cond = 'off' if t in OFF else ''
                note = 'HolisticBias marks "%s" as a dispreferred descriptor (%s).' % (t, path[-1].replace('_', ' '))
                print('\t'.join([forms, CAT[path[0]], 'medium', SUGG.get(t, ''), note, cond, 'holisticbias:' + path[0]]))
walk(d, [])
