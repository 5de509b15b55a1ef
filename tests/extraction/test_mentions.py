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
