"""The model's pipeline: our own component before the parser."""

from __future__ import annotations

import pytest
import spacy

from kg.nlp import PARAGRAPHS, paragraph_breaks


def test_a_line_break_starts_a_sentence():
    nlp = spacy.blank("fr")
    doc = paragraph_breaks(nlp("Le ministre est arrivé\n\nIl a ensuite parlé aux élus"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Il" in starts
    assert not doc[1].is_sent_start  # inside a line, nothing is decided


def test_the_word_after_a_paragraph_start_continues_its_sentence():
    nlp = spacy.blank("fr")
    doc = paragraph_breaks(nlp("Le ministre est arrivé\nJean-Paul Durand a parlé"))
    first = next(t for t in doc if t.text == "Jean-Paul")
    assert first.is_sent_start
    assert doc[first.i + 1].is_sent_start is False  # the parser may not cut the name after its first word


def test_a_one_word_line_leaves_the_next_line_alone():
    nlp = spacy.blank("fr")
    doc = paragraph_breaks(nlp("Bilan\nLe ministre a parlé"))
    assert next(t for t in doc if t.text == "Le").is_sent_start


def test_a_space_inside_a_line_starts_nothing():
    nlp = spacy.blank("fr")
    doc = paragraph_breaks(nlp("Le ministre est arrivé  puis il a parlé"))
    assert not any(t.is_sent_start for t in doc[1:])


@pytest.mark.model
def test_the_parser_keeps_paragraphs_apart(nlp):
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp("Le gouvernement a publié un rapport sur la dette\nLa ministre Claire Dubois a déclaré qu'elle partait.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Le gouvernement a publié un rapport sur la dette"


def test_a_glued_honorific_is_cut_off_the_name():
    from kg.nlp import _split_glued_honorifics

    nlp = spacy.blank("fr")
    _split_glued_honorifics(nlp, ["M.", "Mme"])
    doc = nlp("selon M.Lambertin et J.-M. Ayrault, sur www.exemple.fr")
    words = [t.text for t in doc]
    assert words[1:3] == ["M.", "Lambertin"]
    assert doc.text == "selon M.Lambertin et J.-M. Ayrault, sur www.exemple.fr"  # the text is unchanged
    assert "www.exemple.fr" in words


def test_a_glued_footnote_call_is_cut_off_the_word():
    from kg.nlp import _FOOTNOTES, _add_infixes

    nlp = spacy.blank("fr")
    _add_infixes(nlp, _FOOTNOTES)
    doc = nlp("Le Parti radical[1] a voté[23] la loi [4] en 2012.")
    words = [t.text for t in doc]
    assert words[:6] == ["Le", "Parti", "radical", "[", "1", "]"]
    assert words[7:11] == ["voté", "[", "23", "]"]
    assert doc.text == "Le Parti radical[1] a voté[23] la loi [4] en 2012."  # the text is unchanged
