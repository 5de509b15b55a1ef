"""Name position helpers (kg.extraction.names) on hand-made Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extraction.names import (
    artefacts,
    common_word_in_name,
    counted,
    generic,
    in_heading,
    repair,
    titled,
    without_place,
)
from kg.lang import fold, load


def _doc(tagged: list[tuple[str, str]]) -> Doc:
    words = [w for w, _ in tagged]
    spaces = [not w.isspace() and i + 1 < len(words) and not words[i + 1].isspace() and words[i + 1] not in ".,"
              for i, w in enumerate(words)]
    return Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, pos=[p for _, p in tagged],
               lemmas=[w.lower() for w in words])


_TEXT = [("Le", "DET"), ("vote", "NOUN"), ("a", "AUX"), ("eu", "VERB"), ("lieu", "NOUN"), (".", "PUNCT"),
         ("\n", "SPACE"), ("Premiers", "ADJ"), ("résultats", "NOUN"), ("\n", "SPACE"),
         ("Marc", "PROPN"), ("Duval", "PROPN"), ("a", "AUX"), ("gagné", "VERB"), (".", "PUNCT")]


def test_a_common_word_starting_a_heading_line_is_no_name():
    doc = _doc(_TEXT)
    assert in_heading(doc[7:9])


def test_a_proper_noun_or_a_line_ending_in_punctuation_is_no_heading():
    doc = _doc(_TEXT)
    assert not in_heading(doc[10:12])  # « Marc Duval »: a proper noun on a sentence line
    assert not in_heading(doc[0:2])  # the first line ends with a full stop


_THINGS = [("Le", "DET"), ("programme", "NOUN"), ("Orbex", "PROPN"), ("et", "CCONJ"), ("la", "DET"),
           ("capsule", "NOUN"), ("Nova", "PROPN"), ("-", "PUNCT"), ("Kestrel", "PROPN"), ("plaisent", "VERB"),
           ("au", "ADP"), ("Programme", "PROPN"), ("Vega", "PROPN"), (".", "PUNCT")]


def test_a_programme_or_craft_noun_introduces_a_thing_not_an_entity():
    words = [w for w, _ in _THINGS]
    spaces = [i not in (6, 7) and i + 2 < len(words) for i in range(len(words))]  # « Nova-Kestrel »: one name
    doc = Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, pos=[p for _, p in _THINGS],
              lemmas=[w.lower() for w in words])
    found = artefacts(doc, load("fr"))
    assert found == {fold("Orbex"), fold("Nova-Kestrel")}  # a capitalised « Programme » starts a name, no artefact noun


def test_one_word_after_a_lower_case_title_is_titled():
    doc = _doc([("Le", "DET"), ("général", "NOUN"), ("Ortiz", "ADJ"), ("et", "CCONJ"), ("Ruiz", "PROPN"),
                ("ont", "AUX"), ("signé", "VERB"), (".", "PUNCT")])
    data = load("fr")
    assert titled(doc[2:3], data)
    assert not titled(doc[4:5], data)


def test_a_known_place_after_de_is_cut_off_an_untyped_name():
    doc = _doc([("Pixels", "PROPN"), ("en", "ADP"), ("folie", "NOUN"), ("de", "ADP"), ("Montréal", "PROPN"),
                ("a", "AUX"), ("gagné", "VERB"), (".", "PUNCT")])
    data = load("fr")
    assert without_place(doc[0:5], data).text == "Pixels en folie"
    assert without_place(doc[0:3], data).text == "Pixels en folie"  # no place: unchanged


def _person_then(words: list[str], glued: int) -> Doc:
    """« alors que » + a first name the model read as a person's + ``words``; no space after ``glued``."""
    all_words = ["alors", "que", "Erwan", *words, "a", "gagné", "."]
    spaces = [i != glued and i + 2 < len(all_words) for i in range(len(all_words))]
    pos = ["ADV", "SCONJ", "PROPN", *["PROPN"] * len(words), "AUX", "VERB", "PUNCT"]
    ents = ["O", "O", "B-PER", *["O"] * (len(words) + 3)]
    return Doc(spacy.blank("fr").vocab, words=all_words, spaces=spaces, pos=pos, ents=ents,
               lemmas=[w.lower() for w in all_words])


def test_a_capitalised_article_and_a_word_after_a_first_name_are_its_surname():
    data = load("fr")
    doc = _person_then(["Le", "Floc'", "h"], glued=4)
    assert repair(doc[2:3], data).text == "Erwan Le Floc'h"
    doc = _person_then(["Le", "Monde"], glued=-1)  # « … Le Monde »: a known name, no surname
    assert repair(doc[2:3], data).text == "Erwan"


def test_a_name_headed_by_an_event_noun_is_generic():
    doc = _doc([("Le", "DET"), ("Forum", "PROPN"), ("mondial", "ADJ"), ("du", "ADP"), ("riz", "NOUN"),
                ("et", "CCONJ"), ("la", "DET"), ("Banque", "PROPN"), ("mondiale", "ADJ"), (".", "PUNCT")])
    data = load("fr")
    assert generic(doc[1:5], data)
    assert not generic(doc[7:9], data)


def test_a_lower_case_word_that_links_no_name_makes_no_person_name():
    data = load("fr")
    doc = _doc([("le", "DET"), ("coléoptère", "NOUN"), ("Carabus", "PROPN"), ("auratus", "ADJ"), (",", "PUNCT"),
                ("Nadia", "PROPN"), ("ben", "ADV"), ("Youssef", "PROPN"), ("et", "CCONJ"), ("Jean", "PROPN"),
                ("de", "ADP"), ("la", "DET"), ("Roche", "PROPN"), ("et", "CCONJ"), ("Lacroix", "PROPN"),
                ("pour", "ADP"), ("Bordeaux", "PROPN")])
    assert common_word_in_name(doc[2:4], data)  # « Carabus auratus »: a species
    assert common_word_in_name(doc[14:17], data)  # « Lacroix pour Bordeaux »: a name and its region
    assert not common_word_in_name(doc[5:8], data)  # « ben »: a name link of the language data
    assert not common_word_in_name(doc[9:13], data)  # « de la »: a particle and an article


def test_a_lower_case_part_written_together_with_a_name_is_part_of_it():
    data = load("fr")
    words = ["Kim", "Song", "-", "il", "et", "Abou", "al", "-", "Masri", "."]
    doc = Doc(spacy.blank("fr").vocab, words=words, spaces=[True, False, False, True, True, True, False, False,
                                                             False, False])
    assert not common_word_in_name(doc[0:4], data)
    assert not common_word_in_name(doc[5:9], data)


def _parsed(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """(word, pos, dep, head, lemma) rows: a hand-made parse."""
    return Doc(spacy.blank("fr").vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows],
               deps=[r[2] for r in rows], heads=[r[3] for r in rows], lemmas=[r[4] for r in rows])


def test_a_counted_capitalised_word_is_a_kind_not_an_entity():
    data = load("fr")
    doc = _parsed([("Trois", "NUM", "nummod", 1, "trois"), ("Bretons", "NOUN", "nsubj", 2, "breton"),
                   ("manifestent", "VERB", "ROOT", 2, "manifester"), ("avec", "ADP", "case", 5, "avec"),
                   ("des", "DET", "det", 5, "un"), ("milliers", "NOUN", "obl", 2, "millier"),
                   ("de", "ADP", "case", 7, "de"), ("Basques", "PROPN", "nmod", 5, "Basques"),
                   ("à", "ADP", "case", 9, "à"), ("Bayonne", "PROPN", "nmod", 5, "Bayonne")])
    assert counted(doc[1:2], data)  # « Trois Bretons »
    assert counted(doc[7:8], data)  # « des milliers de Basques »
    assert not counted(doc[9:10], data)  # « (des milliers) à Bayonne »: where, not what is counted
