"""Modality, sources and negation (kg.extraction.modality), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_passive_agent_and_conditional_mood(fr):
    # « auraient été envoyés par X »: obl:agent is the agent; the conditional hedges it.
    rec, events = run(fr, """
Des un DET 3 det
milliers millier NOUN 3 nsubj:pass
soldats soldat NOUN 6 nsubj:pass
auraient avoir AUX 6 aux:tense Mood=Cnd|Tense=Pres|VerbForm=Fin
été être AUX 6 aux:pass VerbForm=Part
envoyés envoyer VERB 0 root VerbForm=Part|Voice=Pass
par par ADP 8 case
Moscou Moscou PROPN 6 obl:agent _ B-LOC
. . PUNCT 6 punct
""")
    assert events[0][:3] == ("Deployment", "envoyer", [("agent", "Russie")])
    assert events[0][4] == "Reported"


def test_modal_pouvoir_is_hypothetical_and_media_reporting_is_a_source(fr):
    # « Le Monde rapporte que Pyongyang pourrait acheter... »
    rec, events = run(fr, """
Le le DET 2 det _ B-ORG
Monde Monde PROPN 3 nsubj _ I-ORG
rapporte rapporter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 6 mark
Pyongyang Pyongyang PROPN 6 nsubj _ B-LOC
pourrait pouvoir VERB 3 ccomp Mood=Cnd|Tense=Pres|VerbForm=Fin
acheter acheter VERB 6 xcomp VerbForm=Inf
du de DET 9 det
gaz gaz NOUN 7 obj
. . PUNCT 3 punct
""")
    assert [e[1] for e in events] == ["acheter"]  # reporting by a newspaper is attribution, not an event
    assert events[0][2] == [("agent", "Corée du Nord"), ("source", "Le Monde")]
    assert events[0][4] == "Hypothetical"


def test_selon_gives_the_source(fr):
    _, events = run(fr, """
Selon selon ADP 2 case
Reuters Reuters PROPN 5 obl:mod _ B-ORG
, , PUNCT 5 punct
Kiev Kiev PROPN 5 nsubj _ B-LOC
attaque attaquer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 5 punct
""")
    assert events[0][:3] == ("Attack", "attaquer", [("agent", "Ukraine"), ("source", "Reuters")])
    assert events[0][4] == "Reported"


def test_negated_event_is_not_of_its_class(fr):
    # « n'a pas signé » is no signing: kept as a plain Event marked negated.
    _, events = run(fr, """
Rome Rome PROPN 5 nsubj _ B-LOC
n' ne ADV 5 advmod Polarity=Neg
a avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
pas pas ADV 5 advmod Polarity=Neg
signé signer VERB 0 root VerbForm=Part
. . PUNCT 5 punct
""")
    assert events == [("Event", "signer", [("participant", "Italie")], None, "Asserted", True)]
