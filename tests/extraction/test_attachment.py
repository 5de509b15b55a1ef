"""Dates and quantities attached to events (kg.extraction.attachment), on hand-built parses."""

from __future__ import annotations

import datetime as dt

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


# --- issue 11 (details helper): deadlines, dates of other events, numbers that count nothing ------------------------


def test_a_deadline_dates_no_event(fr):
    # « Rome doit livrer des armes à Kiev avant le 30 juin »
    _, events = run(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
livre livrer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
des un DET 4 det
armes arme NOUN 2 obj
à à ADP 6 case
Kiev Kiev PROPN 2 obl:arg _ B-LOC
avant avant ADP 9 case
le le DET 9 det
30 30 NUM 2 obl:mod
juin juin NOUN 9 nmod
""", dt.date(2025, 3, 7))
    assert [e[3] for e in events] == [None]


def test_an_event_noun_placed_after_the_clause_date_does_not_take_it(fr):
    # « Un régime est né en mars 2011, quelques mois après la libération de Lena »
    _, events = run(fr, """
Un un DET 2 det
régime régime NOUN 4 nsubj
est être AUX 4 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
né naître VERB 0 root Tense=Past|VerbForm=Part
en en ADP 6 case
mars mars NOUN 4 obl:mod
2011 2011 NUM 6 nmod
, , PUNCT 4 punct
quelques quelque DET 10 det
mois mois NOUN 13 nmod
après après ADP 13 case
la le DET 13 det
libération libération NOUN 4 obl:mod
de de ADP 15 case
Lena Lena PROPN 13 nmod _ B-PER
""")
    assert all(e[3] is None for e in events)


def test_a_date_in_another_verbs_infinitive_is_not_the_decisions(fr):
    # « Rome a décidé d'augmenter les salaires dès le 1er juillet »: the raise's date
    _, events = run(fr, """
Rome Rome PROPN 3 nsubj _ B-LOC
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
décidé décider VERB 0 root Tense=Past|VerbForm=Part
d' de ADP 5 mark _ NoSpace
augmenter augmenter VERB 3 xcomp VerbForm=Inf
les le DET 7 det
salaires salaire NOUN 5 obj
dès dès ADP 10 case
le le DET 10 det
1er premier ADJ 5 obl:mod
juillet juillet NOUN 10 nmod
""", dt.date(2025, 3, 7))
    assert [e[3] for e in events] == [None]


def test_a_date_after_the_publication_goes_to_the_event_noun_a_past_verb_announced(fr):
    # « Rome a annoncé la tenue d'un sommet avec Oslo en février 2026 »
    _, events = run(fr, """
Rome Rome PROPN 3 nsubj _ B-LOC
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
la le DET 5 det
tenue tenue NOUN 3 obj
d' de ADP 8 case _ NoSpace
un un DET 8 det
sommet sommet NOUN 5 nmod
avec avec ADP 10 case
Oslo Oslo PROPN 8 nmod _ B-LOC
en en ADP 12 case
février février NOUN 3 obl:mod
2026 2026 NUM 12 nmod
""", dt.date(2025, 3, 7))
    by_lemma = {e[1]: e for e in events}
    assert by_lemma["sommet"][3:5] == ("2026-02", "Hypothetical")
    assert by_lemma["annoncer"][3:5] == (None, "Asserted")


def test_a_number_picking_one_of_a_group_is_no_quantity(fr):
    # « L'un des deux porte-parole, Lena, a annoncé la découverte »
    rec, _ = run(fr, """
L' le DET 2 det _ NoSpace
un un PRON 9 nsubj
des de ADP 5 case
deux deux NUM 5 nummod
porte-parole porte-parole NOUN 2 nmod
, , PUNCT 7 punct
Lena Lena PROPN 5 appos _ B-PER
a avoir AUX 9 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
la le DET 11 det
découverte découverte NOUN 9 obj
""")
    assert rec.events and rec.events[0].quantity is None


def test_a_number_in_the_occasion_is_no_quantity_an_event_noun_there_is(fr):
    # « Lena a critiqué Rome lors des deux matchs »: no quantity; « … lors des deux attaques »: the attacks count
    for noun, lemma in (("matchs", "match"), ("attaques", "attaque")):
        rec, _ = run(fr, f"""
Lena Lena PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
critiqué critiquer VERB 0 root Tense=Past|VerbForm=Part
Rome Rome PROPN 3 obj _ B-LOC
lors lors ADV 3 advmod
des de ADP 8 case
deux deux NUM 8 nummod
{noun} {lemma} NOUN 5 obl:arg
""")
        found = [e.quantity.value for e in rec.events if e.quantity]
        assert found == ([] if lemma == "match" else [2.0]), rec.events


def test_a_statement_counts_nothing_it_asks_for(fr):
    # « Lena a demandé à Rome de verser 300 euros aux grévistes » (verser no trigger here): no quantity
    rec, _ = run(fr, """
Lena Lena PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
demandé demander VERB 0 root Tense=Past|VerbForm=Part
à à ADP 5 case
Rome Rome PROPN 3 obl:arg _ B-LOC
de de ADP 7 mark
porter porter VERB 3 xcomp VerbForm=Inf
le le DET 9 det
salaire salaire NOUN 7 obj
à à ADP 11 case
300 300 NUM 12 nummod
euros euro NOUN 7 obl:arg
""")
    assert rec.events and rec.events[0].quantity is None


def test_a_date_on_a_verb_that_is_no_event_goes_to_its_gerund(fr):
    # « La ministre Ana Varela a calmé la crise mardi en ordonnant une enquête »: the order is of Tuesday.
    _, events = run(fr, """
Ana Ana PROPN 3 nsubj _ B-PER
Varela Varela PROPN 1 flat:name _ I-PER
a avoir AUX 4 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
calmé calmer VERB 0 root Tense=Past|VerbForm=Part
la le DET 6 det
crise crise NOUN 4 obj
mardi mardi NOUN 6 nmod
en en ADP 9 mark
ordonnant ordonner VERB 4 advcl Tense=Pres|VerbForm=Part
une un DET 11 det
enquête enquête NOUN 9 obj
. . PUNCT 4 punct
""", dt.date(2026, 3, 5))
    assert [(e[0], e[1], e[3]) for e in events] == [("Decision", "ordonner", "2026-03-03")]


def test_a_date_framing_the_clause_does_not_go_to_its_gerund(fr):
    # « Après la crue depuis lundi, Ana Varela a repris le travail en ordonnant une enquête »: lundi dates the flood.
    _, events = run(fr, """
Après après ADP 2 case
crue crue NOUN 8 obl:mod
depuis depuis ADP 4 case
lundi lundi NOUN 2 nmod
Ana Ana PROPN 8 nsubj _ B-PER
Varela Varela PROPN 5 flat:name _ I-PER
a avoir AUX 8 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
repris reprendre VERB 0 root Tense=Past|VerbForm=Part
le le DET 10 det
travail travail NOUN 8 obj
en en ADP 12 mark
ordonnant ordonner VERB 8 advcl Tense=Pres|VerbForm=Part
une un DET 14 det
enquête enquête NOUN 12 obj
. . PUNCT 8 punct
""", dt.date(2026, 3, 5))
    assert [(e[0], e[3]) for e in events] == [("Decision", None)]


def test_a_vote_count_hung_on_another_verb_is_the_vote_quantity(fr):
    # « La loi s'appuie sur un texte voté mardi par le Sénat, par 140 voix contre 90 »
    rec, _ = run(fr, """
La le DET 2 det
loi loi NOUN 3 nsubj
appuie appuyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
sur sur ADP 6 case
un un DET 6 det
texte texte NOUN 3 obl:arg
voté voter VERB 6 acl Tense=Past|VerbForm=Part
par par ADP 10 case
le le DET 10 det
Sénat Sénat PROPN 7 obl:agent _ B-ORG
, , PUNCT 3 punct
par par ADP 14 case
140 140 NUM 14 nummod
voix voix NOUN 3 obl:mod
contre contre ADP 16 case
90 90 NUM 14 nmod
. . PUNCT 3 punct
""")
    (ev,) = [e for e in rec.events if e.type == "Decision"]
    assert (ev.quantity.value, ev.quantity.unit) == (140, "voix")
