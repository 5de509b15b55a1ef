"""Which words evoke an event (kg.extraction.triggers, kg.extraction.events), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_demonstrative_noun_refers_back_and_makes_no_event(fr):
    _, events = run(fr, """
Ce ce DET 2 det PronType=Dem
communiqué communiqué NOUN 3 nsubj
inquiète inquiéter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
Tokyo Tokyo PROPN 3 obj _ B-LOC
. . PUNCT 3 punct
""")
    assert events == []


def test_light_verb_takes_the_class_of_its_event_noun(fr):
    # « lancer une offensive » is an attack, not a deployment.
    _, events = run(fr, """
Moscou Moscou PROPN 2 nsubj _ B-LOC
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 4 det
offensive offensive NOUN 2 obj
contre contre ADP 6 case
Kharkiv Kharkiv PROPN 4 nmod _ B-LOC
. . PUNCT 2 punct
""")
    assert events[0][0] == "Attack" and ("agent", "Russie") in events[0][2]


def test_retrouver_needs_a_reflexive_or_an_entity_to_be_a_meeting(fr):
    _, events = run(fr, """
Les le DET 2 det
otages otage NOUN 3 nsubj
retrouvent retrouver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
la le DET 5 det
liberté liberté NOUN 3 obj
à à ADP 7 case
Doha Doha PROPN 3 obl:mod _ B-LOC
. . PUNCT 3 punct
""")
    assert events == []
    _, events = run(fr, """
Les le DET 2 det
délégations délégation NOUN 4 nsubj
se se PRON 4 expl:comp
retrouvent retrouver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
à à ADP 6 case
Genève Genève PROPN 4 obl:mod _ B-LOC
. . PUNCT 4 punct
""")
    assert events[0][:3] == ("Meeting", "retrouver", [("place", "Genève")])


def test_transfer_verb_without_evidence_is_no_event(fr):
    # « Paris envoie un signal »: nothing is sent anywhere.
    _, events = run(fr, """
Paris Paris PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
un un DET 4 det
signal signal NOUN 2 obj
. . PUNCT 2 punct
""")
    assert events == []
    # « Paris envoie des soldats »: troops are what a deployment sends.
    _, events = run(fr, """
Paris Paris PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
des un DET 4 det
soldats soldat NOUN 2 obj
. . PUNCT 2 punct
""")
    assert events[0][:3] == ("Deployment", "envoyer", [("agent", "France")])
