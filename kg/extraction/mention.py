"""The mention record (a stretch of text that names an entity, before grouping) and the
choice of non-overlapping mentions, longest first."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extraction.intervals import Disjoint
from kg.lang import GazetteerEntry


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    entry: GazetteerEntry | None = None
    alias_only: bool = False  # a demonym or capital standing for its country
    first_token: int = -1
    owner: Mention | None = None  # a mention whose entity this one names too
    strong: bool = False  # typed by its context (« le parti X »), which beats the model
    key: str = ""  # entity key, set once mentions are grouped


def select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, longest first; a gazetteer entry wins a tie."""
    chosen: list[Mention] = []
    taken = Disjoint()
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.entry is None, m.start)):
        if taken.overlaps(m.start, m.end):
            continue
        chosen.append(m)
        taken.add(m.start, m.end)
    return sorted(chosen, key=lambda m: m.start)
