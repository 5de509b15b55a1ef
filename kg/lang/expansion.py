"""The reviewed lexicon extension a language may ship beside ``events.json``.

``events_expanded.json`` is written by ``tools/expand_lexicon.py`` (nearest
neighbours of each class's seed lemmas in the model's word vectors, with a
margin to the next class) and reviewed by hand. Its verbs and nouns join the
lexicon's own, which win on a clash; :attr:`Lexicon.expanded` remembers which
lemmas came from it, so the extractor can trust their events less.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from pathlib import Path
from typing import Any

from kg.errors import LanguageDataError
from kg.lang.schema import read_json
from kg.lang.sections import Lexicon


def with_expansion(lexicon: Lexicon, path: Path, classes: Collection[str]) -> Lexicon:
    """``lexicon`` widened by the entries of ``path`` (unchanged when the file is absent)."""
    if not path.is_file():
        return lexicon
    data = read_json(path)
    added: dict[str, dict[str, str]] = {}
    for pos in ("verbs", "nouns"):
        table: Any = data.get(pos, {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise LanguageDataError(f"{path}: key {pos!r}: expected an object")
        added[pos] = {}
        for word, entry in table.items():
            cls = entry.get("class") if isinstance(entry, dict) else None
            if not isinstance(cls, str) or cls not in classes:
                raise LanguageDataError(f"{path}: key {pos + '.' + word!r}: {cls!r} is not an event class")
            added[pos][word] = cls
    verbs = {w: c for w, c in added["verbs"].items() if w not in lexicon.verbs}
    nouns = {w: c for w, c in added["nouns"].items() if w not in lexicon.nouns}
    return dataclasses.replace(lexicon, verbs={**lexicon.verbs, **verbs}, nouns={**lexicon.nouns, **nouns},
                               expanded=frozenset(verbs) | frozenset(nouns))
