"""Where quotations stand in a parsed document: the one an incise follows, the tokens inside.

An incise (« « … », a-t-il ajouté ») reports the quotation that closes right
before it; who speaks is named outside that quotation, before it opens, as the
subject of a main clause (:func:`main_clause`), not of a que-clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: How far before an incise's clitic its quotation may close (« », a-t-il »), and how long a quotation may be.
INCISE_REACH = 4
QUOTE_REACH = 300
#: Quotation marks that open and that close; the straight mark does both.
QUOTE_OPENING = ("«", "“")
QUOTE_CLOSING = ("»", "”")
STRAIGHT_QUOTE = "\""
#: Every mark that may open, or close, a quotation.
ANY_OPENING = (*QUOTE_OPENING, STRAIGHT_QUOTE)
ANY_CLOSING = (*QUOTE_CLOSING, STRAIGHT_QUOTE)
#: Relations of a subordinate clause (a person named inside one is not who an incise continues).
SUBORDINATE = ("ccomp", "advcl", "acl", "acl:relcl", "csubj")


def quote_before(doc: Doc, clitic: Token) -> int | None:
    """Where the quotation opens that closes right before the incise of ``clitic``
    (« « … », a-t-il ajouté »: at most the verb, its auxiliary and a comma between)."""
    j = clitic.i - 1
    while j >= 0 and clitic.i - j <= INCISE_REACH and doc[j].text not in QUOTE_CLOSING:
        j -= 1
    if j < 0 or doc[j].text not in QUOTE_CLOSING:
        return None
    for i in range(j - 1, max(-1, j - QUOTE_REACH), -1):
        if doc[i].text in QUOTE_OPENING:
            return i
        if doc[i].text in QUOTE_CLOSING:
            return None
    return None


def quoted_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """The token positions inside quotation marks between ``start`` and ``end``."""
    inside: set[int] = set()
    depth = 0
    for i in range(start, end):
        text = doc[i].text
        if text in QUOTE_OPENING:
            depth += 1
        elif text in QUOTE_CLOSING:
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return inside


def main_clause(verb: Token) -> bool:
    """Is ``verb`` the head of a main clause (the root, an incise beside it, or a verb
    coordinated with one), not of a que-clause or a relative?"""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("ROOT", "parataxis") and not any(c.dep_ == "mark" for c in verb.children)
