"""Entities of one document: group the mentions (:mod:`kg.extraction.mentions`) into entities.

Mentions of one real-world entity are merged: a person's surname or first
name joins the full name that contains it (« Kim » → « Kim Jong-un »), an
acronym in brackets joins the name before it, a name that is contained in a
longer name of the same type joins it (« Aço Brasil » → « Institut Aço
Brasil »), and two names in apposition are one organisation or place. Entity
keys are ``Type:slug-of-the-name``, stable across runs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extraction.mention import Mention
from kg.extraction.mentions import find_mentions
from kg.lang import LanguageData, fold
from kg.namematch import abbreviates as _abbreviates
from kg.namematch import content_words, has_initials
from kg.namematch import name_parts as _name_parts
from kg.namematch import within as _within
from kg.rdf.iri import slug
from kg.records import EntityRecord, Span

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")
#: Where a word starts: after a space or an elision.
_WORD_START = re.compile(r"(?<=[\s'’])\w")
_GROUP_PARENT = {"City": "Place", "Region": "Place", "Country": "Place", "NewsAgency": "Organization",
                 "PoliticalParty": "Organization"}


@dataclass
class EntityIndex:
    """The entities of a document and which tokens name them."""

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    token_entity: dict[int, str] = field(default_factory=dict)
    #: tokens that are demonyms (« russe ») rather than names
    demonym_tokens: set[int] = field(default_factory=set)

    def of_type(self, key: str) -> str:
        return self.entities[key].type


def _capitalised_tail(text: str) -> str:
    """The text from its first capitalised word on (after a space or an elision), or ""."""
    return next((text[w.start():] for w in _WORD_START.finditer(text) if w.group().isupper()), "")


def _broad(t: str) -> str:
    return _GROUP_PARENT.get(t, t)


def find_entities(doc: Doc, data: LanguageData, text: str | None = None) -> EntityIndex:
    """Group the document's mentions into entities and index their tokens.
    ``text`` is ``doc.text``, which spaCy rebuilds on every access: pass it once."""
    text = doc.text if text is None else text
    mentions = find_mentions(doc, data, text)
    vote_types(mentions)
    complete_known_prefixes(mentions)
    index = EntityIndex()
    group(mentions, index)
    offsets = TokenIndex(doc)
    _merge_appositions(doc, mentions, index, offsets, text, data)
    # An acronym in brackets after a name is another name of it.
    _link_acronyms(text, mentions, index)
    _merge_abbreviations(mentions, index, data)
    _index_tokens(mentions, index, offsets, data)
    return index


def vote_types(mentions: list[Mention]) -> None:
    """One type per surface form: the most frequent, persons first on a tie (a
    mention typed by its context counts a hundred)."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.entry is None:
            votes.setdefault(fold(m.text), Counter())[m.type] += 100 if m.strong else 1
    for m in mentions:
        if m.entry is None:
            ranked = votes[fold(m.text)].most_common()
            m.type = sorted(ranked, key=lambda kv: (-kv[1], kv[0] != "Person"))[0][0]


def complete_known_prefixes(mentions: list[Mention]) -> None:
    """« les Émirats » after « les Émirats arabes unis »: the first words of a known
    name present in the document are that name."""
    known = {m.entry.label: m.entry for m in mentions if m.entry is not None and m.owner is None}
    for m in mentions:
        if m.entry is None and m.owner is None and m.type != "Person":
            words = fold(m.text).split()
            for label, entry in known.items():
                lw = fold(label).split()
                if len(words) < len(lw) and lw[:len(words)] == words and len(words[0]) > 3:
                    m.entry, m.type = entry, entry.type
                    break


def group(mentions: list[Mention], index: EntityIndex) -> None:
    """Give every mention its entity key, creating the entities."""
    # Longest names first, so shorter ones can join them.
    free = [m for m in mentions if m.entry is None and m.owner is None]
    canonical: list[tuple[str, set[str], str, bool]] = []  # (key, name parts, broad type, strong)
    for m in sorted(free, key=lambda m: (-len(_name_parts(m.text)), not m.strong, m.start)):
        parts = _name_parts(m.text)
        target = None
        for key, cparts, ctype, strong in canonical:
            # Same class; or a shorter name inside a person's full name (« Tanabe »
            # tagged LOC is still « Hiroshi Tanabe »), or inside a name its context
            # typed (« Izmaïl » tagged PER after « le port d'Izmaïl »).
            if _within(parts, cparts, ctype) and (ctype == _broad(m.type) or (
                    (ctype == "Person" or strong) and len(parts) < len(cparts))):
                target = key
                break
        if target is None:
            target = f"{_broad(m.type)}:{slug(m.text)}"
            if target not in index.entities:
                index.entities[target] = EntityRecord(target, m.type, m.text)
                canonical.append((target, parts, _broad(m.type), m.strong))
        m.key = target
    for m in mentions:
        if m.entry is not None and m.owner is None:
            key = f"{_broad(m.entry.type)}:{slug(m.entry.label)}"
            if key not in index.entities:
                index.entities[key] = EntityRecord(key, m.entry.type, m.entry.label, wikidata=m.entry.qid)
            m.key = key
    for m in mentions:
        if m.owner is not None:
            m.key = m.owner.key


def _index_tokens(mentions: list[Mention], index: EntityIndex, offsets: TokenIndex, data: LanguageData) -> None:
    """Aliases and mentions onto the entities; tokens onto their entity."""
    for m in mentions:
        ent = index.entities[m.key]
        if m.text != ent.label:
            ent.aliases.add(m.text.lower() if m.alias_only and m.text.islower() else m.text)
        ent.mentions.append(Span(m.start, m.end, m.text))
        if m.type == "Place" and m.text.split()[0].lower() in data.cues.place_heads:
            ent.aliases.add(m.text.split(" ", 2)[-1])  # « région de Tillabéri » → « Tillabéri »
        elif m.type == "Place" and m.text[:1].islower() and (name := _capitalised_tail(m.text)):
            ent.aliases.add(name)  # « la mosquée X Y », « la grotte d'X »: the name after the noun
        for tok in offsets.tokens(m.start, m.end) or ():
            index.token_entity.setdefault(tok.i, m.key)
            if m.alias_only and m.text.islower():
                index.demonym_tokens.add(tok.i)


class TokenIndex:
    """Character offsets → tokens, built once per document (``Doc.char_span``
    re-checks the whole document on every call, quadratic on long texts)."""

    def __init__(self, doc: Doc):
        import bisect

        self.doc = doc
        self._starts = [t.idx for t in doc]
        self._bisect = bisect

    def tokens(self, start: int, end: int) -> SpacySpan | None:
        """The tokens overlapping ``[start, end)``, like ``char_span(..., "expand")``."""
        first = self._bisect.bisect_right(self._starts, start) - 1
        last = self._bisect.bisect_left(self._starts, end)
        first = max(first, 0)
        if first < len(self.doc) and self.doc[first].idx + len(self.doc[first]) <= start:
            first += 1
        return self.doc[first:last] if last > first else None


_APPOSABLE = ("Organization", "NewsAgency", "PoliticalParty", "Place", "City", "Region")


def _merge_appositions(doc: Doc, mentions: list[Mention], index: EntityIndex, offsets: TokenIndex,
                       text: str, data: LanguageData) -> None:
    """« le Folketing, le Parlement danois »: two names in apposition are one entity
    (for organisations and places; a person in apposition to a title stays apart)."""
    by_token: dict[int, Mention] = {}
    for m in mentions:
        span = offsets.tokens(m.start, m.end)
        if span is not None:
            for t in span:
                by_token[t.i] = m
    ordered = sorted((m for m in mentions if not m.alias_only), key=lambda m: m.start)
    for m in list(mentions):
        span = offsets.tokens(m.start, m.end)
        if span is None or m.alias_only:
            continue
        partners = [by_token.get(c.i) for c in span.root.children if c.dep_ == "appos"]
        partners.append(_textual_apposition(text, m, ordered, _appos_gap(data), data.syntax.conjunctions))
        for other in partners:
            if other is None or other.key == m.key or other.alias_only:
                continue
            a, b = index.entities.get(m.key), index.entities.get(other.key)
            if a is None or b is None or a.type not in _APPOSABLE or b.type not in _APPOSABLE:
                continue
            if a.wikidata and b.wikidata:
                continue  # two known entities: an apposition between them is a description
            if b.type in ("Organization", "NewsAgency", "PoliticalParty") and a.type not in (
                    "Organization", "NewsAgency", "PoliticalParty"):
                a.type = b.type
            _absorb(index, mentions, other.key, m.key)


_GAPS: dict[str, re.Pattern[str]] = {}


def _appos_gap(data: LanguageData) -> re.Pattern[str]:
    """« , le » between two names: a comma and a definite article."""
    if data.lang not in _GAPS:
        arts = "|".join(re.escape(a).replace("'", "['’]") for a in sorted(data.syntax.definite_articles))
        _GAPS[data.lang] = re.compile(rf"\s*,\s*(?:{arts})\s*$", re.IGNORECASE)
    return _GAPS[data.lang]


def _textual_apposition(text: str, m: Mention, ordered: list[Mention], gap: re.Pattern[str],
                        conjunctions: frozenset[str]) -> Mention | None:
    """« le Folketing, le Parlement danois, » — an apposition the parser missed: the
    next name follows after « , le » and is closed by a comma or the sentence end
    (not « et », which would make it a list)."""
    nxt = next((o for o in ordered if o.start >= m.end), None)
    if nxt is None or nxt.start - m.end > 8 or not gap.fullmatch(text[m.end:nxt.start]):
        return None
    tail = text[nxt.end:nxt.end + 4]
    listed = any(tail.lstrip(", ").startswith(c + " ") for c in conjunctions)
    return nxt if tail[:1] in (",", ".", ")", ";") and not listed else None


def _link_acronyms(text: str, mentions: list[Mention], index: EntityIndex) -> None:
    by_start = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(by_start):
        a = _ACRONYM.match(text, m.end + 1) if text[m.end:m.end + 2] == " (" else None
        if a is None:
            continue
        acronym = a.group(1)
        owner = m.key
        if index.entities[owner].type == "Person":
            continue  # « Jean X (UMP) »: the person's party, not another name of the person
        for other in by_start[i + 1:]:
            if other.text == acronym and other.key != owner:
                _absorb(index, mentions, other.key, owner)
        if not any(o.text == acronym for o in by_start):
            # The model missed the acronym: find its other occurrences ourselves.
            for occ in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                mentions.append(Mention(occ.start(), occ.end(), acronym, index.entities[owner].type, key=owner))
        index.entities[owner].aliases.add(acronym)


_ORGS = ("Organization", "NewsAgency", "PoliticalParty")


def _merge_abbreviations(mentions: list[Mention], index: EntityIndex, data: LanguageData) -> None:
    """« l'OM » and « l'Olympique de Marseille », « le RC Lens » and « le Racing Club de
    Lens », « la FFF » and « la Fédération française de football »: an organisation's name
    made of initials (and words of the longer name) is the organisation of the longer name."""
    function = data.syntax.of_preps | data.syntax.definite_articles | data.syntax.conjunctions
    orgs = [e for e in index.entities.values() if e.type in _ORGS]
    for short in orgs:
        words = short.label.split()
        if not has_initials(words):
            continue
        for long in orgs:
            if long is short or long.key not in index.entities or (short.wikidata and long.wikidata):
                continue
            content = content_words(long.label, function)
            if len(content) > len(words) and _abbreviates(words, content):
                _absorb(index, mentions, short.key, long.key)
                break


def _absorb(index: EntityIndex, mentions: list[Mention], old: str, new: str) -> None:
    """Merge entity ``old`` into ``new``."""
    if old == new or old not in index.entities:
        return
    gone = index.entities.pop(old)
    index.entities[new].aliases |= gone.aliases | {gone.label}
    if index.entities[new].wikidata is None:
        index.entities[new].wikidata = gone.wikidata
    for m in mentions:
        if m.key == old:
            m.key = new
