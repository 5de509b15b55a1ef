"""When two names may name the same entity: pure functions on strings.

Shared by the grouping of one document's mentions (:mod:`kg.extraction.entities`)
and the grouping of entities across the documents of a corpus
(:mod:`kg.identity`), so both apply the same rules. No spaCy here.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.lang import fold
from kg.lang.hooks import norm


def name_parts(text: str) -> set[str]:
    """The words of a name, folded, split at spaces, hyphens and apostrophes; a sign that is no word
    (« & » in « X & Y », which is « X and Y ») is no part."""
    return {p for p in re.split(r"[\s\-‐'’]+", fold(text)) if any(c.isalnum() for c in p)}


def within(parts: set[str], cparts: set[str], ctype: str) -> bool:
    """Are the words of a name all in a longer one? An initial (« B. », « J-M ») stands
    for a first name of a person that starts with it, if a full word matches too."""
    if parts <= cparts:
        return True
    if ctype != "Person":
        return False
    initials = {p for p in parts - cparts if len(p.rstrip(".")) == 1}
    return bool(parts & cparts) and initials == parts - cparts and all(
        any(c[0] == p[0] and len(c) > 1 for c in cparts - parts) for p in initials)


def content_words(label: str, function: Collection[str]) -> list[str]:
    """The words of an organisation's name without its function words (articles,
    « de », conjunctions, elided or not): what its initials spell."""
    return [w for w in re.split(r"[\s'’]+", label) if w and norm(w) not in function and norm(w) + "'" not in function]


def abbreviates(short: list[str], long: list[str]) -> bool:
    """Do the words ``short`` spell ``long``, an upper-case word standing for as many
    words as it has letters, by their initials?"""
    if not short or not long:
        return not short and not long
    head = short[0]
    if fold(head) == fold(long[0]) and abbreviates(short[1:], long[1:]):
        return True
    n = len(head)
    return head.isupper() and n >= 2 and len(long) >= n and all(
        fold(w)[:1] == fold(c) for w, c in zip(long[:n], head, strict=False)) and abbreviates(short[1:], long[n:])


def has_initials(words: list[str]) -> bool:
    """Does a name hold an upper-case word of two letters or more (« FFF », « RC Lens »)?"""
    return any(w.isupper() and len(w) >= 2 for w in words)
