"""discourse.merge_statements on plain records: one speaker's pieces pool, a quote with its own incise stands apart."""

from __future__ import annotations

from kg.extraction.discourse import merge_statements
from kg.records import EventRecord, Span


def _statement(key: str, sentence: int, speaker: str = "p1") -> EventRecord:
    ev = EventRecord(key, "Communication", "déclarer", Span(sentence * 10, sentence * 10 + 5, "dit"), sentence)
    ev.add_role("agent", speaker, Span(0, 1, "X"))
    return ev


def test_consecutive_statements_of_one_speaker_are_one():
    first, second = _statement("e1", 0), _statement("e2", 1)
    assert merge_statements([first, second]) == [first]


def test_a_statement_kept_apart_starts_a_statement_of_its_own():
    first, second, third = _statement("e1", 0), _statement("e2", 1), _statement("e3", 2)
    merged = merge_statements([first, second, third], apart=frozenset({id(second)}))
    assert [e.key for e in merged] == ["e1", "e2"]  # the third piece continues the second, not the first


def test_another_speaker_in_between_ends_the_statement():
    a, b, c = _statement("e1", 0), _statement("e2", 1, "p2"), _statement("e3", 2)
    assert [e.key for e in merge_statements([a, b, c])] == ["e1", "e2", "e3"]
