"""Mentions a common noun introduces, beside the model's names: a place noun and its
proper name (« région de Tillabéri »), an institution noun and its domain (« le ministère
des Affaires étrangères »), a government noun and its head's name (« le gouvernement
Ayrault »), and a party's adjective standing for the party (« sociaux-démocrates »)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from kg.extraction.mention import Mention
from kg.lang import LanguageData, fold
from kg.lang.hooks import norm


def government_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
    """« le gouvernement Ayrault », « le cabinet Rutte II »: a government named after its
    head is an organisation (the head stays a person elsewhere)."""
    for tok in doc:
        if tok.lower_ not in data.cues.government_nouns or tok.i + 1 >= len(doc):
            continue
        name = doc[tok.i + 1]
        if name.pos_ != "PROPN" or not name.text[:1].isupper() or fold(name.text) in data.names:
            continue
        end = tok.i + 2
        if end < len(doc) and (doc[end].like_num or doc[end].text in ("I", "II", "III", "IV", "V")):
            end += 1
        span = doc[tok.i:end]
        yield Mention(span.start_char, span.end_char, span.text, "Organization", first_token=tok.i, strong=True)


def place_noun_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
    """« château de Marienborg », « région de Tillabéri »: a place noun and its proper name."""
    for tok in doc:
        if tok.lower_ not in data.cues.place_heads or tok.i + 2 >= len(doc):
            continue
        k = tok.i + 1
        if doc[k].pos_ == "ADJ" and doc[k].is_lower and k + 2 < len(doc):
            k += 1  # « le port ukrainien d'Izmaïl »
        prep = doc[k]
        if norm(prep.lower_) not in data.syntax.of_preps:
            continue
        start = k + 1
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" or (end < len(doc) and doc[end].text[:1].isupper()
                                                               and doc[end].pos_ in ("NOUN", "ADJ")):
            end += 1
        if end == start:
            continue
        name = doc[start:end]
        if fold(name.text) in data.names or fold(name.text) in data.capitals:
            continue  # « région de Moscou »: the gazetteer's entity is the right one
        etype = "City" if tok.lower_ in data.cues.city_heads else "Place"
        # With an adjective in between, the adjective (a demonym) keeps its own entity.
        span = doc[tok.i:end] if k == tok.i + 1 else name
        yield Mention(span.start_char, span.end_char, span.text, etype, first_token=span.start, strong=True)


def institution_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
    """« le ministère chinois du Commerce », « le ministère des Affaires étrangères »:
    an institution noun, an optional demonym, « de » and a capitalised domain."""
    nouns = data.cues.institution_nouns
    of, articles = data.syntax.of_preps, data.syntax.definite_articles
    for tok in doc:
        if tok.lower_ not in nouns:
            continue
        j = tok.i + 1
        if j < len(doc) and fold(doc[j].text) in data.demonyms:
            j += 1
        if j >= len(doc) or norm(doc[j].lower_) not in of:
            continue
        j += 1
        if j < len(doc) and norm(doc[j].lower_) in articles and norm(doc[j].lower_) not in data.syntax.plural_articles:
            j += 1
        end = j
        while end < len(doc) and (doc[end].text[:1].isupper() or (end > j and doc[end].pos_ == "ADJ"
                                                                   and doc[end].is_lower)):
            end += 1
        if end == j:
            continue
        span = doc[tok.i:end]
        yield Mention(span.start_char, span.end_char, span.text, "Organization", first_token=tok.i)


def party_adjective_mentions(doc: Doc, mentions: list[Mention], data: LanguageData) -> Iterable[Mention]:
    """« Parti social-démocrate » → « sociale-démocrate », « sociaux-démocrates »: the
    party's adjective, inflected (the language's hook), names the party (and its members)."""
    heads = {fold(k) for k, v in data.cues.org_heads.items() if v == "PoliticalParty"}
    forms: dict[str, Mention] = {}
    for m in mentions:
        words = m.text.split(" ", 1)
        if len(words) == 2 and fold(words[0]) in heads and words[1][:1].islower():
            for form in data.hooks.inflect(words[1]):
                forms.setdefault(fold(form), m)
    if not forms:
        return
    for tok in doc:
        owner = forms.get(fold(tok.text))
        if owner is not None and tok.pos_ in ("ADJ", "NOUN") and tok.text[:1].islower():
            yield Mention(tok.idx, tok.idx + len(tok), tok.text, owner.type, owner.entry, alias_only=True,
                          first_token=tok.i, owner=owner)
