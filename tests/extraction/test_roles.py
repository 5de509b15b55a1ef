"""Roles from the parse (kg.extraction.roles), on hand-built parses."""

from __future__ import annotations

import datetime as dt

from .rules import run


def test_contracted_preposition_marks_the_recipient(fr):
    # « au » = « à le »: the role map's « obl:arg/à » must see it.
    _, events = run(fr, """
Kim Kim PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
adressé adresser VERB 0 root Tense=Past|VerbForm=Part
un un DET 5 det
message message NOUN 3 obj
au au ADP 7 case
président président NOUN 3 obl:arg
Igor Igor PROPN 7 appos _ B-PER
Sokolov Sokolov PROPN 8 flat:name _ I-PER
. . PUNCT 3 punct
""")
    assert events == [("Communication", "adresser", [("agent", "Kim"), ("recipient", "Igor Sokolov")],
                       None, "Asserted", False)]


def test_inverted_speech_verb_takes_the_following_name_as_agent(fr):
    # « « … », a déclaré mardi le ministre, X. » — subject after the verb.
    rec, events = run(fr, """
« « PUNCT 3 punct
Non non ADV 3 advmod
» » PUNCT 3 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
déclaré déclarer VERB 0 root VerbForm=Part
mardi mardi NOUN 6 obl:mod
le le DET 9 det
ministre ministre NOUN 6 obj
, , PUNCT 11 punct
Ana Ana PROPN 9 appos _ B-PER
Costa Costa PROPN 11 flat:name _ I-PER
. . PUNCT 6 punct
""", date=dt.date(2025, 9, 4))
    assert events == [("Communication", "déclarer", [("agent", "Ana Costa")], "2025-09-02", "Asserted", False)]


def test_non_speech_verb_after_a_comma_is_not_inverted(fr):
    # « Ces otages, ..., ont été remis à des émissaires qataris »: passive, subject before.
    _, events = run(fr, """
Les le DET 2 det
otages otage NOUN 5 nsubj:pass
, , PUNCT 5 punct
ont avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
remis remettre VERB 0 root VerbForm=Part|Voice=Pass
à à ADP 8 case
des un DET 8 det
émissaires émissaire NOUN 5 obl:arg
qataris qatari ADJ 8 amod
. . PUNCT 5 punct
""")
    assert events[0][:3] == ("Transaction", "remettre", [("recipient", "Qatar")])


def test_signature_noun_with_entre_gives_participants_and_date(fr):
    _, events = run(fr, """
la le DET 2 det
signature signature NOUN 0 root
d' de ADP 5 case _ NoSpace
un un DET 5 det
accord accord NOUN 2 nmod
entre entre ADP 7 case
Paris Paris PROPN 2 nmod _ B-LOC
et et CCONJ 9 cc
Berlin Berlin PROPN 7 conj _ B-LOC
en en ADP 11 case
mars mars NOUN 2 nmod
2021 2021 NUM 11 nmod
""")
    assert events == [("Agreement", "signature", [("participant", "Allemagne"), ("participant", "France")],
                       "2021-03", "Asserted", False)]


def test_principal_named_with_pour_le_compte_de_is_an_agent(fr):
    _, events = run(fr, """
Il il PRON 2 nsubj
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
le le DET 4 det
satellite satellite NOUN 2 obj
pour pour ADP 7 case
le le DET 7 det
compte compte NOUN 2 obl:mod
de de ADP 10 case
l' le DET 10 det _ NoSpace
OTAN OTAN PROPN 7 nmod _ B-ORG
. . PUNCT 2 punct
""")
    assert events[0][:3] == ("Deployment", "lancer", [("agent", "Organisation du traité de l'Atlantique nord")])


#: « Kim et Ivanov ont signé l'accord en présence de Dupont. »
_SIGNED_IN_PRESENCE = """
Kim Kim PROPN 5 nsubj _ B-PER
et et CCONJ 3 cc
Ivanov Ivanov PROPN 1 conj _ B-PER
ont avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
signé signer VERB 0 root VerbForm=Part
l' le DET 7 det _ NoSpace
accord accord NOUN 5 obj
en en ADP 9 case
présence présence NOUN 5 obl:mod
de de ADP 11 case
Dupont Dupont PROPN 9 nmod _ B-PER
. . PUNCT 5 punct
"""


def test_an_attendee_in_presence_of_is_a_participant_of_the_signing(fr):
    # « Kim et Ivanov ont signé l'accord en présence de Dupont. »
    _, events = run(fr, _SIGNED_IN_PRESENCE)
    assert events == [("Agreement", "signer", [("participant", "Dupont"), ("participant", "Ivanov"),
                                               ("participant", "Kim")], None, "Asserted", False)]


def test_an_attendee_hung_on_another_word_of_another_clause_is_not_one(fr):
    # « Kim a signé l'accord. Ivanov a parlé en présence de Dupont. »: not the signing's attendee.
    _, events = run(fr, """
Kim Kim PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
signé signer VERB 0 root VerbForm=Part
l' le DET 5 det _ NoSpace
accord accord NOUN 3 obj
. . PUNCT 3 punct
Ivanov Ivanov PROPN 9 nsubj _ B-PER
a avoir AUX 9 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
parlé parler VERB 0 root VerbForm=Part
en en ADP 11 case
présence présence NOUN 9 obl:mod
de de ADP 13 case
Dupont Dupont PROPN 11 nmod _ B-PER
. . PUNCT 9 punct
""")
    agreement = next(e for e in events if e[0] == "Agreement")
    assert agreement[2] == [("participant", "Kim")]


def test_the_two_men_are_the_two_people_named_together_not_the_last_two_names(fr):
    # « Kim et Ivanov ont signé en présence de Dupont. Les deux hommes s'étaient rencontrés. »
    _, events = run(fr, _SIGNED_IN_PRESENCE + """Les le DET 15 det
deux deux NUM 15 nummod
hommes homme NOUN 19 nsubj:pass
s' se PRON 19 expl:pass _ NoSpace
étaient être AUX 19 aux:pass Mood=Ind|Tense=Imp|VerbForm=Fin
déjà déjà ADV 19 advmod
rencontrés rencontrer VERB 0 root VerbForm=Part
. . PUNCT 19 punct
""")
    meeting = next(e for e in events if e[0] == "Meeting")
    assert meeting[2] == [("participant", "Ivanov"), ("participant", "Kim")]


def test_a_place_named_under_a_noun_after_a_place_preposition(fr):
    # « Fabrelle supprime 300 emplois dans son usine de Nantes »: the job cuts happen in Nantes.
    _, events = run(fr, """
Fabrelle Fabrelle PROPN 2 nsubj _ B-ORG
supprime supprimer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
300 300 NUM 4 nummod
emplois emploi NOUN 2 obj
dans dans ADP 7 case
son son DET 7 det
usine usine NOUN 2 obl:mod
de de ADP 9 case
Nantes Nantes PROPN 7 nmod _ B-LOC
. . PUNCT 2 punct
""")
    assert ("place", "Nantes") in events[0][2]


def test_a_place_under_a_noun_of_a_described_setting_is_not_the_event_place(fr):
    # « Fabrelle a annoncé la fermeture lors des grèves ayant abouti à la prise de Nantes »
    _, events = run(fr, """
Fabrelle Fabrelle PROPN 3 nsubj _ B-ORG
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
la le DET 5 det
fermeture fermeture NOUN 3 obj
lors lors ADV 3 advmod
des de ADP 8 case
grèves grève NOUN 6 obl:arg
ayant avoir AUX 10 aux:tense VerbForm=Part
abouti aboutir VERB 8 acl Tense=Past|VerbForm=Part
à à ADP 13 case
la le DET 13 det
prise prise NOUN 10 obl:arg
de de ADP 15 case
Nantes Nantes PROPN 13 nmod _ B-LOC
. . PUNCT 3 punct
""")
    assert events and all(r[0] != "place" for e in events for r in e[2])
