"""Plural person nouns that point back: « les analystes du groupe X » (the organisation
they speak for), « les astronomes » after « des astronomes X et Y » (the people the same
noun introduced).

Only a definite plural of a trade or role noun (cues ``person_nouns``, ``titles``) is read,
and only through evidence in the text: its own « de X » naming an organisation, or an earlier
phrase of the same noun with 2 to 6 people named under it; anything else stays unresolved.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.resolve import LOOK_BACK_SENTENCES, POINTING_BACK, Resolver, case_of
from kg.lang import LanguageData
from kg.lang.hooks import norm

#: Relations under which a noun names its people (« des astronomes X et Y », « les experts, X et Y »).
_NAMED_UNDER = ("appos", "nmod", "flat:name", "conj")
#: What a « de X » complement may name for the people it qualifies to speak for (not a country: « les
#: médecins du pays »).
_SPOKEN_FOR = ("Organization", "NewsAgency", "PoliticalParty")


def _definite_plural(tok: Token, data: LanguageData) -> bool:
    """« les astronomes » (the parser may tag the noun singular: the article decides)."""
    return tok.pos_ == "NOUN" and data.hooks.plural_form(tok.text) and any(
        c.dep_ == "det" and norm(c.lower_) in data.syntax.definite_articles and "Plur" in c.morph.get("Number", [])
        for c in tok.children)


def plural_referents(resolver: Resolver, tok: Token) -> list[str]:
    """The organisation or the people a definite plural person noun stands for, or []."""
    data = resolver.data
    lemma = tok.lemma_.lower()
    if lemma not in data.cues.person_nouns and lemma not in data.cues.titles or not _definite_plural(tok, data) \
            or any(c.dep_ in ("nummod", "appos", "flat:name", "amod") for c in tok.children):
        return []
    of = [c for c in tok.children if c.dep_ == "nmod" and case_of(c, data) in data.syntax.of_preps]
    if of:  # « les analystes du groupe X »: the organisation they speak for, and nothing else
        keys = [k for k in resolver.resolve(of[0], loose=True) if resolver.index.of_type(k) in _SPOKEN_FOR]
        return keys[:1]
    here = resolver.sentence_of(tok.i)
    first = resolver.sents[max(0, here - LOOK_BACK_SENTENCES)][0]
    for t in reversed(resolver.doc[first:tok.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() == lemma:
            # the latest phrase of the noun decides; a plural one (« des astronomes X et Y ») is a group,
            # whichever of its names the entity finder kept
            people = _people_under(resolver, t) if data.hooks.plural_form(t.text) else []
            return people if len(people) < POINTING_BACK.stop else []
    return []


def _people_under(resolver: Resolver, noun: Token) -> list[str]:
    """The people named under ``noun`` (« des astronomes X et Y »), through names and their
    coordination only; [] if anything named there is not a person."""
    out: list[str] = []
    todo = [c for c in noun.children if c.dep_ in _NAMED_UNDER and c.pos_ == "PROPN"]
    while todo:
        t = todo.pop()
        todo += [c for c in t.children if c.dep_ in _NAMED_UNDER and c.pos_ == "PROPN"]
        key = resolver.name_of(t)
        if key is None:
            continue
        if resolver.index.of_type(key) != "Person":
            return []
        if key not in out:
            out.append(key)
    return out
