"""Gender and number agreement of mentions: what a pronoun may refer to.

The grammatical gender a person's mention shows (its title, honorific or the
morphology of its name) and whether two genders clash; used by the resolvers of
pronouns (:mod:`kg.extraction.resolve`, :mod:`kg.extraction.speakers`,
:mod:`kg.extraction.continued`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token


def agreement(tok: Token) -> tuple[str | None, str | None]:
    """The gender and number the token's morphology shows (None where it shows none)."""
    return next(iter(tok.morph.get("Gender", [])), None), next(iter(tok.morph.get("Number", [])), None)


def agrees(found: str | None, wanted: str | None) -> bool:
    """Two genders that do not clash (an unknown one clashes with none)."""
    return found is None or wanted is None or found == wanted


def mention_gender(tok: Token, titles: Iterable[str] = ()) -> str | None:
    """The grammatical gender a person's mention shows: its title or honorific
    (« la ministre X », « Mme X »), else the morphology of its name. A noun the
    name complements is its title only if it is one of ``titles`` (« le récit de
    X » says nothing of X)."""
    h = tok
    while h.dep_ in ("flat:name", "flat") and h.head.i != h.i:
        h = h.head  # the name's first word
    around = []
    if h.head.pos_ == "NOUN" and (h.dep_ in ("appos", "flat:name")
                                  or (h.dep_ == "nmod" and h.head.lemma_.lower() in titles)):
        # « la ministre X »: the title's article first (« ministre » itself is epicene)
        around = [*(c for c in h.head.children if c.pos_ == "DET"), h.head]
    around += [c for c in h.children if c.pos_ in ("NOUN", "DET") and c.i < h.i]
    for t in (*around, h):
        g = t.morph.get("Gender", [])
        if g:
            return g[0]
    return None
