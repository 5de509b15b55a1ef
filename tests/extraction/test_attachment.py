"""Dates and quantities attached to events (kg.extraction.attachment), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_date_does_not_climb_out_of_a_relative_clause(fr):
    # « X, dont le parti n'a plus gouverné depuis 2014, a signé »: 2014 is not the signing's date.
    _, events = run(fr, """
Lena Lena PROPN 9 nsubj _ B-PER
, , PUNCT 1 punct
dont dont PRON 5 nmod
le le DET 5 det
parti parti NOUN 6 nsubj
gouverne gouverner VERB 1 acl:relcl Mood=Ind|Tense=Pres|VerbForm=Fin
depuis depuis ADP 8 case
2014 2014 NUM 6 obl:mod
signe signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 9 punct
""")
    assert events == [("Agreement", "signer", [("participant", "Lena")], None, "Asserted", False)]


def test_quantity_with_hedge_and_unit_attaches_to_its_event(fr):
    rec, _ = run(fr, """
Séoul Séoul PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
environ environ ADV 5 advmod
1 1 NUM 5 nummod
500 500 NUM 5 nummod
secouristes secouriste NOUN 2 obj
. . PUNCT 2 punct
""")
    q = rec.events[0].quantity
    assert (q.value, q.unit, q.approximate) == (1500.0, "secouriste", True)


def test_duration_is_not_a_quantity(fr):
    rec, _ = run(fr, """
Dix-neuf dix-neuf NUM 2 nummod
mois mois NOUN 3 obl:mod
après après ADP 4 case
l' le DET 5 det _ NoSpace
attaque attaque NOUN 0 root
de de ADP 7 case
Tripoli Tripoli PROPN 5 nmod _ B-LOC
""")
    assert rec.events and rec.events[0].quantity is None
