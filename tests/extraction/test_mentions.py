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


# --- entities helper (round 3) ---------------------------------------------------------------------------------


def test_a_description_noun_with_a_demonym_is_no_name(fr):
    # the model reads « État » and its demonym as a place; it is a description, the demonym the country's alias
    rec, _ = run(fr, """
La le DET 2 det
loi loi NOUN 3 nsubj
change changer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
dans dans ADP 6 case
un un DET 6 det
État État NOUN 3 obl B-LOC
américain américain ADJ 6 amod I-LOC
. . PUNCT 3 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert not any(label.startswith("État ") for _, label in labels)
    assert ("Country", "États-Unis") in labels


def test_a_particle_starting_a_sentence_before_a_name_and_its_verb_is_the_name(fr):
    # the model leaves « De » out as a preposition and types the surname a place
    rec, _ = run(fr, """
De de ADP 2 case
Lormière Lormière PROPN 3 nsubj B-LOC
affirme affirmer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 6 mark
Lyon Lyon PROPN 6 nsubj B-LOC
gagne gagner VERB 3 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 3 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Person", "De Lormière") in labels
    assert not any(label == "Lormière" for _, label in labels)


def test_a_square_named_with_its_city_is_two_places(fr):
    # the model reads the square's name and its city as one name
    rec, _ = run(fr, """
Ils il PRON 2 nsubj
manifestent manifester VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
sur sur ADP 5 case
la le DET 5 det
place place NOUN 2 obl
Kovalenko Kovalenko PROPN 5 nmod B-LOC
du du ADP 8 case
Caire Caire PROPN 5 nmod I-LOC
. . PUNCT 2 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Place", "Kovalenko") in labels
    assert ("City", "Caire") in labels or ("Place", "Caire") in labels
    assert not any("Kovalenko du" in label for _, label in labels)


def test_a_capital_naming_where_an_event_is_held_is_the_city(fr):
    rec, _ = run(fr, """
Les le DET 2 det
Jeux jeu NOUN 5 nsubj B-MISC
de de ADP 4 case I-MISC
Londres Londres PROPN 2 nmod I-MISC
commencent commencer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 5 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("City", "Londres") in labels
    assert not any(t == "Country" for t, _ in labels)


def test_a_first_name_and_particle_the_model_cut_off_belong_to_the_surname(fr):
    # the model reads the first name as another kind of name and leaves « de » out
    rec, _ = run(fr, """
Lino Lino PROPN 4 nsubj B-MISC
de de ADP 3 case
Varenne Varenne PROPN 1 nmod B-PER
arrive arriver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 4 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Person", "Lino de Varenne") in labels


def test_a_lower_case_particle_after_a_title_stays_a_preposition(fr):
    # « le ministre d'X »: X's minister, not a surname « d'X »
    rec, _ = run(fr, """
le le DET 2 det
ministre ministre NOUN 5 nsubj
d' de ADP 4 case
Ivanov Ivanov PROPN 2 nmod B-PER
parle parler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 5 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Person", "Ivanov") in labels


def test_an_institution_noun_the_model_cut_keeps_its_adjective(fr):
    rec, _ = run(fr, """
Le le DET 2 det
Tribunal tribunal NOUN 4 nsubj B-ORG
fédéral fédéral ADJ 2 amod
annonce annoncer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 4 punct
""")
    labels = {e.label for e in rec.entities.values()}
    assert "Tribunal fédéral" in labels and "Tribunal" not in labels


def test_a_place_noun_alone_is_no_name(fr):
    # « la fête du Port »: the model reads the capitalised noun as a place
    rec, _ = run(fr, """
la le DET 2 det
fête fête NOUN 5 nsubj
du du ADP 4 case
Port port NOUN 2 nmod B-LOC
commence commencer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 5 punct
""")
    assert not rec.entities


# --- entities helper (round 5) ---------------------------------------------------------------------------------


def test_a_century_alone_is_no_name(fr):
    # the model tags « XXe » as an organisation (or a place); a roman ordinal alone is a century
    rec, _ = run(fr, """
Le le DET 2 det
style style NOUN 3 nsubj
date dater VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
du de ADP 5 case
XXe XXe PROPN 3 obl B-ORG
à à ADP 7 case
Lyon Lyon PROPN 3 obl B-LOC
. . PUNCT 3 punct
""")
    labels = {e.label for e in rec.entities.values()}
    assert "XXe" not in labels
    assert "Lyon" in labels


def test_a_name_spelt_like_a_roman_number_is_still_a_name(fr):
    rec, _ = run(fr, """
Il il PRON 2 nsubj
vit vivre VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
dans dans ADP 5 case
le le DET 5 det
Var Var PROPN 2 obl B-LOC
. . PUNCT 2 punct
""")
    assert "Var" in {e.label for e in rec.entities.values()}


def test_a_foreign_name_cut_at_its_connector_is_one_name(fr):
    # the model reads « Rivet » as the organisation and leaves the rest of its name out
    rec, _ = run(fr, """
Elle elle PRON 3 nsubj
a avoir AUX 3 aux
rejoint rejoindre VERB 0 root Mood=Ind|Tense=Past|VerbForm=Part
Rivet Rivet PROPN 3 obj B-ORG
Marine Marine PROPN 4 flat:name
and and X 6 cc
Offshore Offshore PROPN 4 conj
. . PUNCT 3 punct
""")
    labels = {e.label for e in rec.entities.values()}
    assert "Rivet Marine and Offshore" in labels
    assert "Rivet" not in labels
