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
