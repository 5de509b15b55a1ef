"""Grouping mentions into entities (kg.extraction.entities), on hand-built parses."""

from __future__ import annotations

from kg.extraction.entities import find_entities

from .conllu import doc_from


def test_a_surname_joins_the_full_name_and_an_acronym_its_name(fr):
    doc = doc_from("""
Ilse Ilse PROPN 3 nsubj _ B-PER
Varga Varga PROPN 1 flat:name _ I-PER
dirige diriger VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
la le DET 5 det
Fondation fondation NOUN 3 obj _ B-ORG
Orsolya Orsolya PROPN 5 flat:name _ I-ORG
( ( PUNCT 8 punct NoSpace
FO FO PROPN 5 appos _ B-ORG
) ) PUNCT 8 punct
. . PUNCT 3 punct
Varga Varga PROPN 12 nsubj _ B-PER
parle parler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 12 punct
""")
    index = find_entities(doc, fr)
    assert set(index.entities) == {"Person:ilse-varga", "Organization:fondation-orsolya"}
    person = index.entities["Person:ilse-varga"]
    assert [m.text for m in person.mentions] == ["Ilse Varga", "Varga"]
    assert "FO" in index.entities["Organization:fondation-orsolya"].aliases
    assert index.token_entity[10] == "Person:ilse-varga"  # the later « Varga » token


def test_a_name_starting_with_a_known_organisation_is_a_branch_of_it(fr):
    # « État islamique » is in the gazetteer; the model calls the longer name a place.
    doc = doc_from("""
l' le DET 2 det NoSpace
État État PROPN 6 nsubj _ B-LOC
islamique islamique ADJ 2 amod _ I-LOC
au au ADP 5 case _ I-LOC
Sahel Sahel PROPN 2 nmod _ I-LOC
revendique revendiquer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
""")
    index = find_entities(doc, fr)
    assert index.entities["Organization:etat-islamique-au-sahel"].type == "Organization"


def test_initials_and_words_of_a_longer_name_spell_it():
    from kg.extraction.entities import _abbreviates

    assert _abbreviates(["ASN"], ["Association", "sportive", "Nancy"])
    assert _abbreviates(["RC", "Nancy"], ["Racing", "Club", "Nancy"])
    assert not _abbreviates(["RC", "Metz"], ["Racing", "Club", "Nancy"])
    assert not _abbreviates(["AS"], ["Association", "sportive", "Nancy"])  # a letter short


def test_an_initial_stands_for_a_first_name_only_beside_a_full_word():
    from kg.extraction.entities import _within

    assert _within({"k.", "haddad"}, {"karim", "haddad"}, "Person")
    assert not _within({"l.", "haddad"}, {"karim", "haddad"}, "Person")
    assert not _within({"k.", "haddad"}, {"karim", "haddad"}, "Organization")
    assert not _within({"k.", "m."}, {"karim", "malik"}, "Person")
