"""From a role token to entities (kg.extraction.resolve), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_pronoun_resolves_to_the_salient_subject_not_the_last_name(fr):
    # « Kim a écrit à Poutine. Il a insisté. » — « il » continues the subject.
    rec, events = run(fr, """
Kim Kim PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
écrit écrire VERB 0 root VerbForm=Part
à à ADP 5 case
Ivanov Ivanov PROPN 3 obl:arg _ B-PER
. . PUNCT 3 punct
Il il PRON 9 nsubj
a avoir AUX 9 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
insisté insister VERB 0 root VerbForm=Part
. . PUNCT 9 punct
""")
    # One statement over two sentences, by Kim, to Ivanov.
    assert events == [("Communication", "écrire", [("agent", "Kim"), ("recipient", "Ivanov")], None,
                       "Asserted", False)]


def test_definite_description_finds_the_organisation_named_before(fr):
    # « l'agence japonaise » after « l'Agence japonaise d'exploration aérospatiale »
    rec, events = run(fr, """
L' le DET 2 det _ NoSpace
Agence Agence PROPN 7 nsubj _ B-ORG
japonaise japonais ADJ 2 amod _ I-ORG
d' de ADP 5 case _ NoSpace I-ORG
exploration exploration NOUN 2 nmod _ I-ORG
spatiale spatial ADJ 5 amod _ I-ORG
signe signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 7 punct
L' le DET 10 det _ NoSpace
agence agence NOUN 12 nsubj
japonaise japonais ADJ 10 amod
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 14 det
sonde sonde NOUN 12 obj
. . PUNCT 12 punct
""")
    deployment = next(e for e in events if e[0] == "Deployment")
    assert deployment[2] == [("agent", "Agence japonaise d'exploration spatiale")]


def test_les_trois_pays_are_the_three_most_named_countries(fr):
    _, events = run(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
rencontre rencontrer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
Madrid Madrid PROPN 2 obj _ B-LOC
et et CCONJ 5 cc
Lisbonne Lisbonne PROPN 3 conj _ B-LOC
. . PUNCT 2 punct
Les le DET 9 det
trois trois NUM 9 nummod
pays pays NOUN 10 nsubj
signent signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 10 punct
""")
    agreement = next(e for e in events if e[0] == "Agreement")
    assert [r for r, _ in agreement[2]] == ["participant"] * 3
    assert {name for _, name in agreement[2]} == {"Italie", "Espagne", "Portugal"}
