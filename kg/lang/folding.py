"""Accent and case folding: the one key names and cue words are compared by."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes and dashes: the gazetteer key."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2011", "-"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("-", " ").split())
