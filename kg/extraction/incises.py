"""Speech verbs known by their place, whatever the verb: the incise after a quotation.

French reports a quotation with a verb placed right after it and its subject
inverted (« « … » avait-il lancé après le match », « « … », a ajouté le
porte-parole », « « … » averti l'organisme X »): in that place any verb says
who spoke, even one the lexicon gives another sense (« lancer » a rocket) or
none (« lâcher », « sourire »). A reporting verb governing a que-clause
(« X rapporte que … ») is a statement too, unless a medium is its subject
(« Le Monde rapporte que » is an attribution, :mod:`kg.extraction.triggers`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import Context
from kg.extraction.quotes import ANY_CLOSING, ANY_OPENING
from kg.extraction.speakers import subject_clitic
from kg.lang.hooks import norm

#: How many words a quotation needs before an incise may follow it (« « Le Monde » a racheté X » is a name).
MIN_QUOTE = 3


def closes_quote(ctx: Context, tok: Token) -> bool:
    """Does a quotation of some length close right before the verb (its auxiliaries,
    an inverted clitic « -t-il », a reflexive and one comma aside)?"""
    j = tok.i - 1
    while j >= 0 and (ctx.doc[j].is_space or ctx.doc[j].dep_.startswith("aux") or ctx.doc[j].text.startswith("-")
                      or (ctx.doc[j].pos_ == "PRON" and norm(ctx.doc[j].lower_) in ctx.syntax.reflexive_pronouns)):
        j -= 1
    if j >= 0 and ctx.doc[j].text == ",":
        j -= 1
    if j < 0 or ctx.doc[j].text not in ANY_CLOSING:
        return False
    words = 0
    for t in reversed(ctx.doc[max(0, j - 200):j]):
        if t.text in ANY_OPENING:
            return words >= MIN_QUOTE
        words += not t.is_punct
    return False


def quote_incise(ctx: Context, tok: Token) -> bool:
    """« « … » avait-il lancé », « « … » averti Météo X »: a verb after a closing
    quotation whose subject follows it (an inverted clitic, or a noun phrase
    after it with no subject before the verb)."""
    form = tok.morph.get("VerbForm", [])
    if tok.pos_ != "VERB" or "Inf" in form or ("Part" in form and "Pres" in tok.morph.get("Tense", [])) \
            or any(c.dep_ == "aux:pass" for c in tok.children) or not closes_quote(ctx, tok):
        return False  # (« …, illustrant … », « pour dire »: a participle or infinitive is no incise)
    if subject_clitic(ctx, tok) is not None:
        return True  # « avait-il lancé », « a-t-elle ajouté »
    if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i for c in tok.children):
        return False  # « « Les Trois Frères » a remporté le prix »: the quoted title is the subject
    return any(c.dep_ in ("nsubj", "obj") and c.pos_ in ("NOUN", "PROPN") and c.i > tok.i for c in tok.children)
