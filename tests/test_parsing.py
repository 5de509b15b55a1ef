"""Long texts are parsed in pieces (issue 14): same text and offsets, bounded memory, same records."""

from __future__ import annotations

import pytest

from kg import parsing
from kg.parsing import pieces

pytestmark = pytest.mark.model

TEXT = ("Le Japon a signé un accord avec le Canada. La Norvège a rencontré la Suède à Oslo.\n"
        "Le Brésil a envoyé 300 soldats en Haïti. ") * 40


@pytest.mark.parametrize("text, size", [
    ("Un. Deux. Trois.", 10),
    ("a b c d e f g h i j k l m n o p", 5),
    ("x" * 23, 10),
    ("ligne un\nligne deux\nligne trois", 12),
])
def test_pieces_cover_the_text_within_the_size(text, size):
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(0 < len(p) <= size for p in parts)


def test_pieces_cut_after_a_line_break_first():
    assert pieces("Une phrase. Encore une.\nSuite", 26)[0] == "Une phrase. Encore une.\n"


def test_a_long_text_parsed_in_pieces_keeps_its_offsets(nlp, monkeypatch):
    monkeypatch.setattr(parsing, "PIECE", 500)
    calls = []
    monkeypatch.setattr(nlp, "pipe", lambda texts, **kw: calls.append(list(texts)) or [nlp(t) for t in calls[-1]])
    doc = next(parsing.parse(nlp, [TEXT]))
    assert calls and len(calls[0]) == len(pieces(TEXT, 500)) > 5
    assert doc.text == TEXT and doc.has_annotation("DEP")
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    cuts = {len("".join(pieces(TEXT, 500)[:k])) for k in range(1, len(pieces(TEXT, 500)))}
    assert cuts <= {s.start_char for s in doc.sents}


def test_records_of_a_text_in_pieces_equal_those_of_the_whole(monkeypatch):
    from kg.sources import Source

    whole = next(parsing.extract_records([Source("t", TEXT, "t")]))
    monkeypatch.setattr(parsing, "PIECE", 2_000)
    cut = next(parsing.extract_records([Source("t", TEXT, "t")]))
    assert len(TEXT) > 2_000
    assert [(e.type, e.trigger) for e in cut.events] == [(e.type, e.trigger) for e in whole.events]
    assert sorted(cut.entities) == sorted(whole.entities)


# --- no-event helper (round 2): a misspelt auxiliary, repaired letter for letter before parsing ------------------


@pytest.mark.parametrize("text, repaired", [
    ("Le maire à indiqué mardi qu'il viendra.", "Le maire a indiqué mardi qu'il viendra."),
    ("Paul Mercier à déclaré : « oui ».", "Paul Mercier a déclaré : « oui »."),
    ("Il vit à proximité de la gare.", None),  # a preposition
    ("Un dossier difficile à maîtriser.", None),  # before an infinitive
    ("« Non. » à déclaré", None),  # no word before it
    ("Il est parti à dithyrambe.", None),  # a word that only starts like a participle
])
def test_a_misspelt_auxiliary_is_repaired_only_between_a_word_and_a_speech_participle(text, repaired):
    from kg.lang import load

    out = parsing.repairer(load("fr").cues)(text)
    assert out == (repaired or text)
    assert len(out) == len(text)
