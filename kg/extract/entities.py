"""Entities of one document: find the mentions, then group them into entities.

Mentions come from four places, longest first when they overlap:

* the gazetteer (countries, organisations, media, regions) matched on the text,
  which also catches acronyms the model misses (« KCNA », « OTAN »);
* spaCy's named entities (PER, ORG, LOC; MISC only when the gazetteer knows it);
* demonym adjectives (« russe », « nord-coréennes »): aliases of their country;
* capitals and seats of power: after a place preposition (« à Niamey ») the city
  itself, otherwise (« Moscou a répondu », « le Kremlin ») the country it stands for.

Mentions of one real-world entity are then merged: a person's surname or first
name joins the full name that contains it (« Kim » → « Kim Jong-un »), an
acronym in brackets joins the name before it, and a name that is contained in a
longer name of the same type joins it (« Aço Brasil » → « Institut Aço Brasil »).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.lang import GazetteerEntry, LanguageData, fold
from kg.lang.hooks import norm
from kg.rdf.iri import slug
from kg.records import EntityRecord, Span

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")
_GROUP_PARENT = {"City": "Place", "Region": "Place", "Country": "Place", "NewsAgency": "Organization",
                 "PoliticalParty": "Organization"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    entry: GazetteerEntry | None = None
    alias_only: bool = False  # a demonym or capital standing for its country
    first_token: int = -1
    owner: Mention | None = None  # a mention whose entity this one names too
    strong: bool = False  # typed by its context (« le parti X »), which beats the model
    key: str = ""  # entity key, set once mentions are grouped


@dataclass
class EntityIndex:
    """The entities of a document and which tokens name them."""

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    token_entity: dict[int, str] = field(default_factory=dict)
    #: tokens that are demonyms (« russe ») rather than names
    demonym_tokens: set[int] = field(default_factory=set)

    def of_type(self, key: str) -> str:
        return self.entities[key].type


def _broad(t: str) -> str:
    return _GROUP_PARENT.get(t, t)


def _honorifics(data: LanguageData) -> frozenset[str]:
    """Honorifics as the tokenizer may cut them: « M. » and « M » « . »."""
    forms = {h.lower() for h in data.cues.honorifics}
    return frozenset(forms | {h.rstrip(".") for h in forms})


def _clean(span: SpacySpan, honorifics: frozenset[str]) -> SpacySpan | None:
    """Drop leading determiners, prepositions and honorifics (« M. », « Mme »)
    and trailing punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].pos_ in ("DET", "ADP", "PUNCT", "CCONJ")
                           or span.doc[start].lower_ in honorifics):
        start += 1
    while end > start and span.doc[end - 1].pos_ in ("PUNCT", "ADP", "DET", "CCONJ"):
        end -= 1
    return span.doc[start:end] if end > start else None


def _place_prefix(doc: Doc, span: SpacySpan, data: LanguageData) -> SpacySpan:
    """Extend « Tillabéri » to « région de Tillabéri » when a place noun precedes."""
    i = span.start
    if i >= 2 and norm(doc[i - 1].lower_) in data.syntax.of_preps and doc[i - 2].lower_ in data.cues.place_heads:
        return doc[i - 2:span.end]
    return span


def _gazetteer_mentions(text: str, data: LanguageData) -> Iterable[Mention]:
    for m in _name_regex(data).finditer(text):
        entry = data.names.get(fold(m.group()))
        if entry is not None:
            yield Mention(m.start(), m.end(), m.group(), entry.type, entry)


_REGEX: dict[str, re.Pattern[str]] = {}


def _name_regex(data: LanguageData) -> re.Pattern[str]:
    """One alternation of every gazetteer name, as written (case matters: « Chine », not « chine »)."""
    if data.lang not in _REGEX:
        forms = {f for f in data.gazetteer.name_forms if len(f) >= 2 and f[0].isupper()}
        _REGEX[data.lang] = _alternation(forms)
    return _REGEX[data.lang]


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """Whole-word match of any of ``forms``, longest first."""
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def _ner_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
    cues = data.cues
    # Month and weekday names and honorifics are no names either.
    stop = {fold(w) for w in (*cues.not_entities, *cues.months, *cues.weekdays, *cues.honorifics)}
    honorifics = _honorifics(data)
    org_heads = {fold(k): v for k, v in cues.org_heads.items()}
    for ent in doc.ents:
        span = _clean(ent, honorifics)
        if span is None or fold(span.text) in stop or not any(c.isupper() for c in span.text[:1]):
            continue
        key = fold(span.text)
        if key in data.capitals or key in data.demonyms:
            continue  # handled by their own rules
        entry = data.names.get(key)
        k = 0
        while entry is None and k + 1 < len(span) and span[k].is_lower:
            k += 1  # « agence Ritzau », « quotidien Le Monde »: the name after the descriptor
            entry = data.names.get(fold(span[k:].text))
        if entry is None and ent.label_ not in data.syntax.ner_labels:
            continue  # MISC that no gazetteer knows: too noisy
        if entry is not None:
            yield Mention(span.start_char, span.end_char, span.text, entry.type, entry, first_token=span.start)
            continue
        context = _context_type(doc, span, data)
        etype = context or data.syntax.ner_labels[ent.label_]
        head = fold(span[0].text)
        if head in org_heads:
            etype = org_heads[head]
        elif (branch := _known_org_prefix(span, data)) is not None:
            etype = branch
        elif etype != "Person":
            extended = _place_prefix(doc, span, data)
            if extended is not span:
                span, etype = extended, "Place"
        if etype == "Person" and len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "X"):
            continue
        yield Mention(span.start_char, span.end_char, span.text, etype, first_token=span.start,
                      strong=context is not None)


_ORG_TYPES = ("Organization", "PoliticalParty", "NewsAgency")


def _known_org_prefix(span: SpacySpan, data: LanguageData) -> str | None:
    """« État islamique au Sahel », « Al-Qaïda au Maghreb islamique »: a name that
    starts with a known organisation's name (two words or more) is a branch of it,
    an organisation of the same class."""
    for k in range(len(span) - 1, 1, -1):
        if not span[k - 1].whitespace_:
            continue  # « SpaceX-Dragon »: one word, not a name and a branch
        entry = data.names.get(fold(span[:k].text))
        if entry is not None and entry.type in _ORG_TYPES:
            return entry.type
    return None


def _context_type(doc: Doc, span: SpacySpan, data: LanguageData) -> str | None:
    """The class the words around a name give it, whatever the model said.

    « le parti libéral Venstre » → PoliticalParty; « le ministre X » / « X, porte-parole »
    → Person; « les Modérés » (a plural article never precedes a person's name) →
    Organization.
    """
    descriptors = data.cues.org_descriptors
    titles = set(data.cues.titles)
    before = [t for t in doc[max(0, span.start - 4):span.start]]
    words = [t.lemma_.lower() for t in before if t.pos_ in ("NOUN", "PROPN")]
    if words and words[-1] in descriptors and before[-1].pos_ != "PUNCT":
        return descriptors[words[-1]]
    if span.start > 0 and doc[span.start - 1].lower_ in data.syntax.plural_articles and len(span) <= 2:
        return "Organization"
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
    # « le ministre X » names X; « le maire de X » does not (X is the town).
    if any(t.head.lemma_.lower() in titles and t.head.pos_ == "NOUN" and t.dep_ in ("appos", "flat:name", "nmod")
           and not any(c.dep_ == "case" for c in t.children) for t in outside):
        return "Person"
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lemma_.lower() in titles:
        return "Person"
    return None


def _place_noun_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
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


def _institution_mentions(doc: Doc, data: LanguageData) -> Iterable[Mention]:
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


def _party_adjective_mentions(doc: Doc, mentions: list[Mention], data: LanguageData) -> Iterable[Mention]:
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


def _demonym_and_capital_mentions(doc: Doc, data: LanguageData, text: str) -> Iterable[Mention]:
    preps = {fold(p) for p in data.cues.location_preps}
    for tok in doc:
        key = fold(tok.text)
        if key in data.demonyms and tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            entry = data.demonyms[key]
            yield Mention(tok.idx, tok.idx + len(tok), tok.text, "Country", entry, alias_only=True,
                          first_token=tok.i)
    for m in _capital_regex(data).finditer(text):
        entry, is_capital = data.capitals[fold(m.group())]
        before = text[max(0, m.start() - 12):m.start()].split()
        located = bool(before) and fold(before[-1]) in preps
        if is_capital and located:
            yield Mention(m.start(), m.end(), m.group(), "City")
        else:
            yield Mention(m.start(), m.end(), m.group(), entry.type, entry, alias_only=True)


_CAPITALS: dict[str, re.Pattern[str]] = {}


def _capital_regex(data: LanguageData) -> re.Pattern[str]:
    if data.lang not in _CAPITALS:
        _CAPITALS[data.lang] = _alternation(data.gazetteer.capital_forms)
    return _CAPITALS[data.lang]


def _select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, longest first; a gazetteer entry wins a tie."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.entry is None, m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def _name_parts(text: str) -> set[str]:
    return {p for p in re.split(r"[\s\-‐'’]+", fold(text)) if p}


def find_entities(doc: Doc, data: LanguageData, text: str | None = None) -> EntityIndex:
    """Group the document's mentions into entities and index their tokens.
    ``text`` is ``doc.text``, which spaCy rebuilds on every access: pass it once."""
    text = doc.text if text is None else text
    mentions = _select([*_gazetteer_mentions(text, data), *_ner_mentions(doc, data),
                        *_place_noun_mentions(doc, data), *_institution_mentions(doc, data),
                        *_demonym_and_capital_mentions(doc, data, text)])
    mentions = _select([*mentions, *_party_adjective_mentions(doc, mentions, data)])
    # One type per surface form: the most frequent, persons first on a tie.
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.entry is None:
            votes.setdefault(fold(m.text), Counter())[m.type] += 100 if m.strong else 1
    for m in mentions:
        if m.entry is None:
            ranked = votes[fold(m.text)].most_common()
            m.type = sorted(ranked, key=lambda kv: (-kv[1], kv[0] != "Person"))[0][0]

    index = EntityIndex()
    # « les Émirats » after « les Émirats arabes unis »: the first words of a known
    # name present in the document are that name.
    known = {m.entry.label: m.entry for m in mentions if m.entry is not None and m.owner is None}
    for m in mentions:
        if m.entry is None and m.owner is None and m.type != "Person":
            words = fold(m.text).split()
            for label, entry in known.items():
                lw = fold(label).split()
                if len(words) < len(lw) and lw[:len(words)] == words and len(words[0]) > 3:
                    m.entry, m.type = entry, entry.type
                    break
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
            if parts <= cparts and (ctype == _broad(m.type) or (
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
    offsets = TokenIndex(doc)
    _merge_appositions(doc, mentions, index, offsets, text, data)
    # An acronym in brackets after a name is another name of it.
    _link_acronyms(text, mentions, index)
    for m in mentions:
        ent = index.entities[m.key]
        if m.text != ent.label:
            ent.aliases.add(m.text.lower() if m.alias_only and m.text.islower() else m.text)
        ent.mentions.append(Span(m.start, m.end, m.text))
        if m.type == "Place" and m.text.split()[0].lower() in data.cues.place_heads:
            ent.aliases.add(m.text.split(" ", 2)[-1])  # « région de Tillabéri » → « Tillabéri »
        for tok in offsets.tokens(m.start, m.end) or ():
            index.token_entity.setdefault(tok.i, m.key)
            if m.alias_only and m.text.islower():
                index.demonym_tokens.add(tok.i)
    return index


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
    return nxt if tail[:1] in (",", ".", ")", ";") and not any(tail.lstrip(", ").startswith(c + " ") for c in conjunctions) else None


def _link_acronyms(text: str, mentions: list[Mention], index: EntityIndex) -> None:
    by_start = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(by_start):
        a = _ACRONYM.match(text, m.end + 1) if text[m.end:m.end + 2] == " (" else None
        if a is None:
            continue
        acronym = a.group(1)
        owner = m.key
        for other in by_start[i + 1:]:
            if other.text == acronym and other.key != owner:
                _absorb(index, mentions, other.key, owner)
        if not any(o.text == acronym for o in by_start):
            # The model missed the acronym: find its other occurrences ourselves.
            for occ in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                mentions.append(Mention(occ.start(), occ.end(), acronym, index.entities[owner].type, key=owner))
        index.entities[owner].aliases.add(acronym)


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
