"""Binary relations between entities: ``affiliation`` and ``ally``.

Affiliation comes from a title in apposition with a person: « le président
russe Vladimir Poutine », « la ministre brésilienne du Commerce, Helena X »,
« Mads Y, président du parti Z ». The title's demonym gives the country, its
« de X » complement the organisation. Alliance comes from « alliance entre X et
Y », « X, allié de Y » and « X, ses alliés » (the possessive is the clause's
subject).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extraction.context import span_of
from kg.extraction.entities import EntityIndex
from kg.extraction.resolve import Resolver, case_of
from kg.lang import LanguageData
from kg.records import RelationRecord, Span

AFFILIABLE = ("Organization", "NewsAgency", "PoliticalParty", "Country")


def _person_and_title(tok: Token, resolver: Resolver, titles: set[str]) -> tuple[str, Token] | None:
    """If ``tok`` is a title noun linked to a person by apposition, (person key, title token).
    The parser often hangs the name on the title's complement (« le président de
    l'Assemblée Claude X », « le ministre de la Justice Alberto X ») or on an honorific
    (« le chef du gouvernement, M. X »)."""
    if tok.lemma_.lower() not in titles and tok.lower_ not in titles:
        return None
    for c in tok.children:
        if c.dep_ in ("appos", "flat:name", "nmod") and (key := _person(c, resolver)):
            return key, tok
        if c.dep_ == "conj" and c.i > 0 and tok.doc[c.i - 1].text == "," \
                and not any(g.dep_ == "cc" for g in c.children) and (key := _person(c, resolver)):
            return key, tok  # « le président kényan, X, » read as a list
    for c in tok.children:
        nxt = c.right_edge.i + 1
        if c.dep_ == "nmod" and c.i > tok.i and nxt < len(tok.doc) and (key := _person(tok.doc[nxt], resolver)) \
                and tok.doc[nxt].dep_ != "conj":
            return key, tok  # « la présidente de la Commission européenne X » with X read as a subject
    first = min([tok.i, *(c.i for c in tok.children if c.dep_ == "det" and c.i < tok.i)])
    if first >= 2 and tok.doc[first - 1].text == "," and (key := _person(tok.doc[first - 2], resolver)) \
            and tok.dep_ not in ("nsubj", "nsubj:pass", "obj"):
        return key, tok  # « a confié X, directrice de l'ONG Y, » with the title hung on the verb
    for c in tok.children:
        if c.dep_ == "nmod" and case_of(c, resolver.data) in resolver.data.syntax.of_preps:
            for t in (c, *(g for g in c.children if g.dep_ == "nmod")):
                for a in t.children:
                    if a.dep_ == "appos" and a.i > t.i and (key := _person(a, resolver)):
                        return key, tok
    head = tok.head
    if tok.dep_ == "appos" and (key := resolver.name_of(head)) and resolver.index.of_type(key) == "Person":
        return key, tok
    return None


def find_relations(doc: Doc, data: LanguageData, index: EntityIndex,
                   resolver: Resolver) -> Iterator[RelationRecord]:
    titles = {t.lower() for t in data.cues.titles}
    of = data.syntax.of_preps
    seen: set[tuple[str, str, str]] = set()

    def emit(pred: str, s: str, o: str, ev: Span) -> Iterator[RelationRecord]:
        a, b = sorted((s, o)) if pred == "ally" else (s, o)
        key = (pred, a, b)
        if s != o and key not in seen:
            seen.add(key)
            yield RelationRecord(pred, s, o, ev)

    for tok in doc:
        found = _person_and_title(tok, resolver, titles)
        if found:
            person, title = found
            ent = index.entities[person]
            if ent.title is None:
                ent.title = title.text.lower()
            groups = _title_groups(title, resolver)
            if not groups and title.lemma_.lower() in data.cues.government_titles:
                # « le ministre de la Justice X »: the country whose government the text names
                groups = [k for k in [government_country(resolver)] if k]
            for key in groups:
                yield from emit("affiliation", person, key, span_of(title))
        if (party := _bracketed_group(tok, resolver)) is not None:
            yield from emit("affiliation", party[0], party[1], span_of(tok))
        lemma = tok.lemma_.lower()
        if lemma in data.cues.alliance_nouns:
            parties = [k for c in tok.children if c.dep_ == "nmod" and case_of(c, data) in data.syntax.between_preps
                       for k in (resolver.resolve(c) or resolver.pair(c))]
            if len(parties) == 2:
                yield from emit("ally", parties[0], parties[1], span_of(tok))
        elif lemma in data.cues.ally_nouns:
            owner = None
            for c in tok.children:
                if c.dep_ == "nmod" and case_of(c, data) in of:
                    owner = next(iter(resolver.resolve(c)), None)
                elif c.dep_ == "det" and "Yes" in c.morph.get("Poss", []):
                    owner = _clause_subject(tok, resolver)
            ally = _attached_entity(tok, resolver)
            if owner and ally:
                yield from emit("ally", ally, owner, span_of(tok))


def _title_groups(title: Token, resolver: Resolver) -> list[str]:
    """The organisations and countries a title names: its demonym (« le président russe »),
    its « de » complement (« la présidente de la Commission »), its possessive (« son
    porte-parole, X »: the organisation or country the clause is about)."""
    index, data = resolver.index, resolver.data
    out: list[str] = []
    for c in title.children:
        if c.dep_ in ("amod", "nmod") and c.i in index.demonym_tokens:
            out.append(index.token_entity[c.i])  # « le président kényan » (a demonym read as a noun too)
        elif c.dep_ == "nmod" and case_of(c, data) in data.syntax.of_preps:
            out += [k for k in resolver.resolve(c, loose=True) if index.of_type(k) in AFFILIABLE]
        elif c.dep_ == "det" and "Yes" in c.morph.get("Poss", []):
            possessor = _possessor(title, resolver)
            if possessor:
                out.append(possessor)
    return out


def government_country(resolver: Resolver) -> str | None:
    """The country whose government the document speaks of: « le gouvernement espagnol »,
    « le gouvernement de l'Espagne », else the country it names most, if one leads."""
    data, index = resolver.data, resolver.index
    for tok in resolver.doc:
        if tok.lemma_.lower() in data.cues.government_nouns:
            for c in tok.children:
                if c.dep_ == "amod" and c.i in index.demonym_tokens:
                    return index.token_entity[c.i]
                if c.dep_ == "nmod" and (key := resolver.name_of(c)) and index.of_type(key) == "Country":
                    return key
    ranked = sorted((e for e in index.entities.values() if e.type == "Country" and e.mentions),
                    key=lambda e: -len(e.mentions))
    if ranked and (len(ranked) == 1 or len(ranked[0].mentions) > len(ranked[1].mentions)):
        return ranked[0].key
    return None


def _bracketed_group(tok: Token, resolver: Resolver) -> tuple[str, str] | None:
    """« Jean X (UMP) »: an organisation in brackets right after a person's name is theirs
    (``tok`` is the last word of the name)."""
    doc, i = tok.doc, tok.i
    if i + 3 >= len(doc) or doc[i + 1].text != "(" or doc[i + 3].text != ")":
        return None
    person, group = _person(tok, resolver), resolver.name_of(doc[i + 2])
    if person is None or group is None or resolver.name_of(tok) != person:
        return None
    return (person, group) if resolver.index.of_type(group) in AFFILIABLE else None


def _person(tok: Token, resolver: Resolver) -> str | None:
    """The person ``tok`` names, itself or through an honorific (« M. » + name)."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "flat:name")):
        if (key := resolver.name_of(t)) and resolver.index.of_type(key) == "Person":
            return key
    return None


def _attached_entity(tok: Token, resolver: Resolver) -> str | None:
    """The entity an « allié » noun describes: its head (apposition, « devenue son allié »)."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if (key := resolver.name_of(t)) is not None:
            return key
        keys = resolver.resolve(t)
        if keys:
            return keys[0]
    return None


def _possessor(tok: Token, resolver: Resolver) -> str | None:
    """Who « son » / « sa » / « leur » points at: the latest organisation or country
    that is a subject in this sentence (before ``tok``) or the two previous ones."""
    here = resolver.sentence_of(tok.i)
    for k in range(here, max(-1, here - 3), -1):
        found = None
        start, end = resolver.sents[k]
        for t in tok.doc[start:end]:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubj:pass"):
                for key in resolver.resolve(t, loose=True):
                    if resolver.index.of_type(key) in AFFILIABLE:
                        found = key
        if found:
            return found
    return None


def _clause_subject(tok: Token, resolver: Resolver) -> str | None:
    """The subject of the main clause holding ``tok`` (what « son » refers to)."""
    root = tok.sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            keys = resolver.resolve(c)
            if keys:
                return keys[0]
    return None
