"""Name position helpers (kg.extraction.names) on hand-made Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extraction.names import in_heading


def _doc(tagged: list[tuple[str, str]]) -> Doc:
    words = [w for w, _ in tagged]
    spaces = [not w.isspace() and i + 1 < len(words) and not words[i + 1].isspace() and words[i + 1] not in ".,"
              for i, w in enumerate(words)]
    return Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, pos=[p for _, p in tagged])


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
