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


# --- speakers helper: pronoun antecedents by gender and number (issue 11 item 1) ---------------------------------

_INCISE = """
Haddad Haddad PROPN 2 nsubj _ B-PER
arrive arriver VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 2 punct
« « PUNCT 5 punct
Non non ADV 8 obl:mod
» » PUNCT 5 punct
, , PUNCT 8 punct
{verb} dire VERB 0 root Mood=Ind|Number={number}|Tense=Pres|VerbForm=Fin
{clitic} il PRON 8 nsubj Gender=Masc|Number={number}|Person=3
. . PUNCT 8 punct
"""


def test_a_plural_clitic_speaker_is_never_one_person(fr):
    # « Haddad arrive. « Non », disent-ils. »: « ils » are others, not Haddad.
    _, events = run(fr, _INCISE.format(verb="disent", clitic="-ils", number="Plur"))
    assert not any(("agent", "Haddad") in roles for _, _, roles, *_ in events), events


def test_a_singular_clitic_speaker_is_the_person_before_it(fr):
    _, events = run(fr, _INCISE.format(verb="dit", clitic="-il", number="Sing"))
    assert [roles for _, lemma, roles, *_ in events if lemma == "dire"] == [[("agent", "Haddad")]]


_COLLECTIVE = """
Haddad Haddad PROPN 2 nsubj _ B-PER
gagne gagner VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 2 punct
L' le DET 5 det Definite=Def|Number=Sing|PronType=Art NoSpace
{noun} {lemma} NOUN 6 nsubj Gender=Fem|Number=Sing
prend prendre VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
le le DET 8 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
pouvoir pouvoir NOUN 6 obj Gender=Masc|Number=Sing
{name}. . PUNCT 6 punct
Elle elle PRON {head} nsubj Gender=Fem|Number=Sing|Person=3
promet promettre VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
de de ADP {partir} mark
partir partir VERB {head} xcomp VerbForm=Inf
. . PUNCT {head} punct
"""


def _collective(fr, named: bool):
    name = "KNA KNA PROPN 5 appos _ B-ORG\n" if named else ""
    shift = 1 if named else 0
    conll = _COLLECTIVE.format(noun="agence" if named else "armée", lemma="agence" if named else "armée",
                               name=name, head=11 + shift, partir=13 + shift)
    return run(fr, conll)[1]


def test_elle_after_a_feminine_collective_subject_is_no_person_named_before(fr):
    # « Haddad gagne. L'armée prend le pouvoir. Elle promet de partir. »: the army promises, not Haddad.
    events = _collective(fr, named=False)
    assert not any(("agent", "Haddad") in roles for _, lemma, roles, *_ in events if lemma == "promettre"), events


def test_elle_after_a_named_organisation_subject_is_that_organisation(fr):
    # « L'agence KNA prend le pouvoir. Elle promet de partir. »
    events = _collective(fr, named=True)
    assert [roles for _, lemma, roles, *_ in events if lemma == "promettre"] == [[("agent", "KNA")]], events


def test_elle_skips_a_person_whose_title_is_masculine(fr):
    # « Le ministre Haddad reçoit Mme Lenoir. Elle parle. »: the subject is masculine, « elle » is Lenoir.
    _, events = run(fr, """
Le le DET 2 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
ministre ministre NOUN 4 nsubj Gender=Masc|Number=Sing
Haddad Haddad PROPN 2 appos _ B-PER
reçoit recevoir VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
Mme Mme NOUN 4 obj Gender=Fem|Number=Sing
Lenoir Lenoir PROPN 5 flat:name _ B-PER
. . PUNCT 4 punct
Elle elle PRON 9 nsubj Gender=Fem|Number=Sing|Person=3
déclare déclarer VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 9 punct
""")
    assert [roles for _, lemma, roles, *_ in events if lemma == "déclarer"] == [[("agent", "Lenoir")]], events


def test_a_place_in_a_title_complement_is_not_who_the_title_stands_for(fr):
    # « Le porte-parole de la mission en Syrie déclare que … »: Syria is where, not who.
    _, events = run(fr, """
Le le DET 2 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
porte-parole porte-parole NOUN 8 nsubj Gender=Masc|Number=Sing
de de ADP 5 case
la le DET 5 det Definite=Def|Gender=Fem|Number=Sing|PronType=Art
mission mission NOUN 2 nmod Gender=Fem|Number=Sing
en en ADP 7 case
Syrie Syrie PROPN 2 nmod _ B-LOC
déclare déclarer VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 8 punct
""")
    assert not any(("agent", "Syrie") in roles for _, _, roles, *_ in events), events


def test_a_person_before_a_title_the_parser_made_a_second_subject_is_the_speaker(fr):
    # « Haddad, le président de la Commission européenne, déclare … »: Haddad speaks.
    _, events = run(fr, """
Haddad Haddad PROPN 10 nsubj _ B-PER
, , PUNCT 10 punct
le le DET 4 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
président président NOUN 10 nsubj Gender=Masc|Number=Sing
de de ADP 7 case
la le DET 7 det Definite=Def|Gender=Fem|Number=Sing|PronType=Art
Commission Commission PROPN 4 nmod _ B-ORG
européenne européen ADJ 7 amod _ I-ORG
, , PUNCT 10 punct
déclare déclarer VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 10 punct
""")
    assert [roles for _, lemma, roles, *_ in events if lemma == "déclarer"] == [[("agent", "Haddad")]], events
