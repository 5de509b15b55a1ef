"""What the text only looks ahead to, asks for or says did not happen (kg.extraction.prospect), on hand-built parses."""

from __future__ import annotations

import datetime as dt

from .rules import run


def _modality(fr, conll: str, date: dt.date | None = None) -> list[tuple[str, str]]:
    _, events = run(fr, conll, date)
    return [(e[1], e[4]) for e in events]


def test_simple_future_is_hypothetical(fr):
    assert _modality(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
signera signer VERB 0 root Mood=Ind|Tense=Fut|VerbForm=Fin
un un DET 4 det
accord accord NOUN 2 obj
avec avec ADP 6 case
Oslo Oslo PROPN 2 obl:mod _ B-LOC
""") == [("signer", "Hypothetical")]


def test_a_present_the_tagger_calls_a_future_stays_asserted(fr):
    # « accueille » tagged Tense=Fut: no future ending, no future
    assert _modality(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
rencontre rencontrer VERB 0 root Mood=Ind|Tense=Fut|VerbForm=Fin
Oslo Oslo PROPN 2 obj _ B-LOC
""") == [("rencontrer", "Asserted")]


def test_near_future_and_plan_modal_are_hypothetical_a_past_modal_is_not(fr):
    for aux, expected in (("va aller VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin", "Hypothetical"),
                          ("doit devoir VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin", "Hypothetical")):
        assert _modality(fr, f"""
Rome Rome PROPN 2 nsubj _ B-LOC
{aux}
signer signer VERB 2 xcomp VerbForm=Inf
un un DET 5 det
accord accord NOUN 3 obj
avec avec ADP 7 case
Oslo Oslo PROPN 3 obl:mod _ B-LOC
""") == [("signer", expected)]
    # « a dû signer »: had to, and did
    assert _modality(fr, """
Rome Rome PROPN 3 nsubj _ B-LOC
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
dû devoir VERB 0 root Tense=Past|VerbForm=Part
signer signer VERB 3 xcomp VerbForm=Inf
un un DET 6 det
accord accord NOUN 4 obj
avec avec ADP 8 case
Oslo Oslo PROPN 4 obl:mod _ B-LOC
""") == [("signer", "Asserted")]


def test_conditional_past_of_a_modal_is_counterfactual_even_when_tagged_indicative(fr):
    # « aurions dû signer »: the tagger reads « aurions » as an indicative
    assert _modality(fr, """
Nous nous PRON 3 nsubj
aurions avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
dû devoir VERB 0 root Tense=Past|VerbForm=Part
signer signer VERB 3 xcomp VerbForm=Inf
avec avec ADP 6 case
Oslo Oslo PROPN 4 obl:mod _ B-LOC
""") == [("signer", "Hypothetical")]


def test_a_call_to_act_is_hypothetical_the_call_is_not(fr):
    # « Oslo appelle Rome à signer un accord »
    found = _modality(fr, """
Oslo Oslo PROPN 2 nsubj _ B-LOC
appelle appeler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
Rome Rome PROPN 2 obj _ B-LOC
à à ADP 5 mark
signer signer VERB 2 xcomp VerbForm=Inf
un un DET 7 det
accord accord NOUN 5 obj
""")
    assert ("signer", "Hypothetical") in found


def test_purpose_follows_the_act_it_serves(fr):
    # « Rome enverra des soldats pour signer … »: ahead; « Rome a envoyé une lettre pour signer … »: the act is done
    for verb, expected in (("enverra envoyer VERB 0 root Mood=Ind|Tense=Fut|VerbForm=Fin", "Hypothetical"),
                           ("envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin", "Asserted")):
        found = dict(_modality(fr, f"""
Rome Rome PROPN 2 nsubj _ B-LOC
{verb}
un un DET 4 det
émissaire émissaire NOUN 2 obj
pour pour ADP 6 mark
rencontrer rencontrer VERB 2 advcl VerbForm=Inf
Oslo Oslo PROPN 6 obj _ B-LOC
"""))
        assert found["rencontrer"] == expected


def test_an_event_noun_sought_by_a_purpose_clause_is_hypothetical(fr):
    # « Oslo a écrit à Rome afin d'obtenir une rencontre avec Paris »
    found = dict(_modality(fr, """
Oslo Oslo PROPN 3 nsubj _ B-LOC
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
écrit écrire VERB 0 root Tense=Past|VerbForm=Part
à à ADP 5 case
Rome Rome PROPN 3 obl:arg _ B-LOC
afin afin ADV 3 advmod
d' de ADP 8 case _ NoSpace
obtenir obtenir VERB 6 obl:arg VerbForm=Inf
une un DET 10 det
rencontre rencontre NOUN 8 obj
avec avec ADP 12 case
Paris Paris PROPN 10 nmod _ B-LOC
"""))
    assert found["rencontre"] == "Hypothetical"


def test_a_recent_past_stays_asserted_whatever_its_date(fr):
    # « Rome vient de signer un accord avec Oslo le 3 mars 2031 »: « venir de » has happened
    assert _modality(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
vient venir VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
de de ADP 4 mark
signer signer VERB 2 xcomp VerbForm=Inf
un un DET 6 det
accord accord NOUN 4 obj
avec avec ADP 8 case
Oslo Oslo PROPN 4 obl:mod _ B-LOC
le le DET 10 det
3 3 NUM 4 obl:mod
mars mars NOUN 10 nmod
2031 2031 NUM 11 nmod
""", dt.date(2030, 1, 1)) == [("signer", "Asserted")]


def test_a_named_source_makes_a_future_reported(fr):
    # « Selon Reuters, Rome signera un accord »: the contract's Reported wins
    assert _modality(fr, """
Selon selon ADP 2 case
Reuters Reuters PROPN 4 obl:mod _ B-ORG
, , PUNCT 4 punct
Rome Rome PROPN 5 nsubj _ B-LOC
signera signer VERB 0 root Mood=Ind|Tense=Fut|VerbForm=Fin
un un DET 7 det
accord accord NOUN 5 obj
""") == [("signer", "Reported")]
