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


def test_a_quantity_crosses_a_cut_with_no_final_punctuation(fr):
    # The parser made « 97 soldats » a verbless sentence of its own: the number still
    # belongs to the event of the next one, and counts as the deployment's evidence.
    rec, _ = run(fr, """
97 97 NUM 2 nummod
soldats soldat NOUN 0 root
ont avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
été être AUX 5 aux:pass VerbForm=Part
envoyés envoyer VERB 0 root Tense=Past|VerbForm=Part
""")
    (ev,) = rec.events
    assert (ev.type, ev.quantity.value, ev.quantity.unit) == ("Deployment", 97, "soldat")


def test_a_quantity_does_not_cross_a_full_stop(fr):
    from kg.extraction.attachment import across_fragment
    from kg.extraction.context import Context
    from kg.extraction.entities import find_entities

    from .conllu import doc_from

    def target(conll: str) -> int | None:
        doc = doc_from(conll)
        ctx = Context(doc, fr, find_entities(doc, fr))
        verb = next(t.i for t in doc if t.lemma_ == "envoyer")
        return across_fragment(ctx, doc[1], {verb: None})

    cut = """
97 97 NUM 2 nummod
soldats soldat NOUN 0 root
ont avoir AUX 5 aux:tense
été être AUX 5 aux:pass
envoyés envoyer VERB 0 root
"""
    stop = """
97 97 NUM 2 nummod
soldats soldat NOUN 0 root
. . PUNCT 2 punct
ils il PRON 7 nsubj:pass
ont avoir AUX 7 aux:tense
été être AUX 7 aux:pass
envoyés envoyer VERB 0 root
"""
    assert target(cut) == 4
    assert target(stop) is None
