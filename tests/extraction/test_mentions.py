"""Where names are found (kg.extraction.mentions), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_institution_noun_with_demonym_is_an_organisation(fr):
    rec, _ = run(fr, """
le le DET 2 det
ministère ministère NOUN 6 nsubj
chinois chinois ADJ 2 amod
du du ADP 5 case
Commerce commerce NOUN 2 nmod
proteste protester VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Organization", "ministère chinois du Commerce") in labels
    assert rec.events[0].fillers("agent") == ["Organization:ministere-chinois-du-commerce"]


# --- entities helper (round 2) ---------------------------------------------------------------------------------


def test_a_capitalised_verb_starting_a_sentence_is_no_name(fr):
    # the model tags the imperative as an organisation; its part of speech says it is a verb
    rec, _ = run(fr, """
Notons noter VERB 0 root Mood=Imp|VerbForm=Fin B-ORG
que que SCONJ 4 mark
Lyon Lyon PROPN 4 nsubj B-LOC
vote voter VERB 1 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 1 punct
""")
    labels = {e.label for e in rec.entities.values()}
    assert "Notons" not in labels
    assert "Lyon" in labels


def test_a_place_noun_right_before_a_name_types_it_place(fr):
    rec, _ = run(fr, """
la le DET 2 det
place place NOUN 4 obl:mod
Kovalenko Kovalenko PROPN 2 nmod B-ORG
manifeste manifester VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 4 punct
""")
    types = {e.label: e.type for e in rec.entities.values()}
    assert types.get("Kovalenko") == "Place", types


def test_an_organisation_name_cut_before_its_place_is_joined_to_it(fr):
    # the model ends the organisation at « de » and reads the town as a place of its own
    rec, _ = run(fr, """
la le DET 2 det
Fonderie fonderie NOUN 6 nsubj B-ORG
royale royal ADJ 2 amod I-ORG
de de ADP 5 case I-ORG
Melun Melun PROPN 2 nmod B-LOC
recrute recruter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
""")
    types = {e.label: e.type for e in rec.entities.values()}
    assert types.get("Fonderie royale de Melun") == "Organization", types
    assert "Melun" not in types
