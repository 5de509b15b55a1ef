"""Affiliation and alliance (kg.extraction.relations), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_title_apposition_gives_affiliation_and_title(fr):
    rec, _ = run(fr, """
le le DET 2 det
ministre ministre NOUN 7 nsubj
allemand allemand ADJ 2 amod
, , PUNCT 5 punct
Boris Boris PROPN 2 appos _ B-PER
Kern Kern PROPN 5 flat:name _ I-PER
parle parler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 7 punct
""")
    rel = [(r.predicate, rec.entities[r.subject].label, rec.entities[r.object].label) for r in rec.relations]
    assert rel == [("affiliation", "Boris Kern", "Allemagne")]
    assert rec.entities[rec.relations[0].subject].title == "ministre"
