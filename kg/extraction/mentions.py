"""Mentions: every stretch of text that names an entity, before grouping.

Mentions come from five places, longest first when they overlap:

* the gazetteer (countries, organisations, media, regions) matched on the text,
  which also catches acronyms the model misses (« KCNA », « OTAN »);
* spaCy's named entities (the language's NER label map; other labels only when
  the gazetteer knows the name), typed by their context and by the first word;
* place nouns with their proper name (« région de Tillabéri ») and institution
  nouns with their domain (« le ministère des Affaires étrangères »), found in
  :mod:`kg.extraction.nounmentions`;
* demonym adjectives (« russe », « nord-coréennes »): aliases of their country,
  and a party's adjective, inflected by the language's hook;
* capitals and seats of power: after a place preposition (« à Niamey ») the city
  itself, otherwise (« Moscou a répondu », « le Kremlin ») the country it stands for.

The record itself and the choice among overlapping mentions are in :mod:`kg.extraction.mention`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extraction.mention import Mention, select
from kg.extraction.names import (
    CODE,
    artefacts,
    before_city,
    common_word_in_name,
    counted,
    descriptor,
    eponym,
    generic,
    in_heading,
    is_language,
    is_place,
    joined,
    likes_of,
    located,
    qualified,
    repair,
    titled,
    without_place,
)
from kg.extraction.nounmentions import (
    government_mentions,
    institution_mentions,
    party_adjective_mentions,
    place_noun_mentions,
)
from kg.extraction.particles import with_particle
from kg.lang import LanguageData, fold
from kg.lang.hooks import norm


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
        if entry is None:
            continue
        national = _NEXT_WORD.match(text, m.end())
        if entry.type in _ORG_TYPES and entry.country is None and national and \
                national.group(1).islower() and fold(national.group(1)) in data.demonyms:
            # « la Croix-Rouge péruvienne »: an international body's national branch is another body
            yield Mention(m.start(), national.end(), text[m.start():national.end()], entry.type, strong=True)
            continue
        yield Mention(m.start(), m.end(), m.group(), entry.type, entry)
    for m in _lower_name_regex(data).finditer(text):
        # « l'assemblée nationale »: a known name of several words, written in lower case
        entry = data.names.get(fold(m.group()))
        if entry is not None and entry.type in ("Organization", "PoliticalParty"):
            yield Mention(m.start(), m.end(), m.group(), entry.type, entry)


def _lower_name_regex(data: LanguageData) -> re.Pattern[str]:
    key = data.lang + ":lower"
    if key not in _REGEX:
        # not « La Presse », « Le Point »: a title starting with an article is common words in lower case
        forms = {f.lower() for f in data.gazetteer.name_forms if " " in f and f[0].isupper()
                 and norm(f.split()[0]) not in data.syntax.definite_articles}
        _REGEX[key] = _alternation(forms)
    return _REGEX[key]


_NEXT_WORD = re.compile(r" ([\w-]+)")


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
    # Month and weekday names, honorifics, titles and a ministry's domain alone are no names either.
    stop = {fold(w) for w in (*cues.not_entities, *cues.months, *cues.weekdays, *cues.honorifics, *cues.titles,
                              *cues.institution_domains)}
    honorifics = _honorifics(data)
    org_heads = {fold(k): v for k, v in cues.org_heads.items()}
    org_tails = {fold(w) for w in cues.org_tails}
    things = artefacts(doc, data)
    for ent in joined(_org_with_place(doc, data), data):
        span = _clean(ent, honorifics)
        if span is not None:
            span = repair(span, data)
        surname = None if span is None else with_particle(doc, span, ent.label_, data)
        span = surname or span
        if span is not None and (place := _common_noun_place(span, ent, data)) is not None:
            yield place
            continue
        if span is None or fold(span.text) in stop or not any(c.isupper() for c in span.text[:1]):
            continue
        key = fold(span.text)
        if key in data.capitals or key in data.demonyms:
            continue  # handled by their own rules
        entry = data.names.get(key) or qualified(span, data)
        k = 0
        while entry is None and k + 1 < len(span) and span[k].is_lower:
            k += 1  # « agence Ritzau », « quotidien Le Monde »: the name after the descriptor
            entry = data.names.get(fold(span[k:].text))
        if entry is None and ent.label_ not in data.syntax.ner_labels:
            if descriptor(doc, span, data) is None:
                continue  # MISC that no gazetteer knows and no organisation noun types (« le collectif X »)
            span = without_place(span, data)
        if entry is None and any(CODE.fullmatch(t.text) for t in span):
            continue  # « passée de A3 à Baa2 », « tramway Citadis X05 »: a rating or a product code
        if entry is not None:
            yield Mention(span.start_char, span.end_char, span.text, entry.type, entry, first_token=span.start)
            continue
        if generic(span, data) or in_heading(span) or eponym(span, data) or fold(span.text) in things \
                or counted(span, data):
            continue
        context = _context_type(doc, span, data)
        if context in ("Place", "City"):
            span, city = before_city(span, data)
            if city is not None:
                yield Mention(city.start_char, city.end_char, city.text, "City", first_token=city.start)
        etype = context or ("Person" if surname is not None else data.syntax.ner_labels[ent.label_])
        head = fold(span[0].text)
        if head in org_heads:
            etype = org_heads[head]
        elif len(span) > 1 and fold(span[-1].text) in org_tails:
            etype = "Organization"
        elif (branch := _known_org_prefix(span, data)) is not None:
            etype = branch
        elif etype != "Person":
            extended = _place_prefix(doc, span, data)
            if extended is not span:
                span, etype = extended, "Place"
        if etype == "Person" and len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "X") \
                and not titled(span, data):
            continue
        if etype == "Person" and common_word_in_name(span, data):
            continue
        if len(span) == 1 and span[0].pos_ in ("VERB", "AUX") and span[0].is_sent_start and not span.text.isupper():
            continue  # a verb capitalised at the start of its sentence (an imperative) is no name
        if etype == "Person" and len(span) == 1 and span.text.isupper() and len(span.text) > 1:
            etype = "Organization"  # « (UMP) », « le PSOE »: an acronym is no one's name
        yield Mention(span.start_char, span.end_char, span.text, etype, first_token=span.start,
                      strong=context is not None)


def _common_noun_place(span: SpacySpan, ent: SpacySpan, data: LanguageData) -> Mention | None:
    """« le mont X », « la mosquée X Y », « les îles X », « la grotte d'X », « l'aéroport
    international X »: a place the model found whose name starts with a lower-case common noun
    (the kind of place) and goes on to a capitalised name is a place, the noun included (not a
    code such as a road's number, not a name the gazetteer knows after the noun). An institution's
    or organisation's noun (« le ministère chinois du X », « l'université X ») makes no place, and a
    place noun with « de » (« le port ukrainien d'X ») is left to the place-noun mentions."""
    if data.syntax.ner_labels.get(ent.label_) != "Place" or not span[0].is_lower \
            or span[0].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = span[0].lemma_.lower()
    cues = data.cues
    if noun in cues.institution_nouns or noun in cues.government_nouns or noun in cues.media_nouns \
            or fold(noun) in {fold(k) for k in (*cues.org_heads, *cues.org_descriptors)}:
        return None
    if (noun in cues.place_heads or span[0].lower_ in cues.place_heads) and any(
            norm(t.lower_) in data.syntax.of_preps for t in span):
        return None
    span = without_place(span, data)  # « le musée X de Montréal »: the city keeps its own mention
    named = [t for t in span[1:] if t.text[:1].isupper()]
    if not named or any(CODE.fullmatch(t.text) for t in span) \
            or fold(span[named[0].i - span.start:].text) in data.names:
        return None
    return Mention(span.start_char, span.end_char, span.text, "Place", first_token=span.start)


def _org_with_place(doc: Doc, data: LanguageData) -> list[SpacySpan]:
    """The model's names, an organisation's name joined to the place it is « of » when the
    model cut it there (« Manufacture nationale de » + « X », « Mouvement de libération » + « du X »)."""
    ents = list(doc.ents)
    out: list[SpacySpan] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if nxt is not None and len(ent) >= 2 and data.syntax.ner_labels.get(ent.label_) == "Organization" \
                and data.syntax.ner_labels.get(nxt.label_) == "Place" and ent[0].text[:1].isupper():
            gap = doc[ent.end:nxt.start]
            if norm(ent[-1].lower_) in data.syntax.of_preps and len(gap) == 0 \
                    or len(gap) == 1 and norm(gap[0].lower_) in data.syntax.of_preps:
                out.append(SpacySpan(doc, ent.start, nxt.end, label=ent.label_))
                k += 2
                continue
        out.append(ent)
        k += 1
    return out


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
    titles = set(data.cues.titles)
    if (found := descriptor(doc, span, data)) is not None:
        return found
    if span.start > 0 and doc[span.start - 1].lower_ in data.cues.place_heads and doc[span.start - 1].pos_ == "NOUN":
        # « la place X », « le mont X »: a place noun touching the name makes it a place
        return "City" if doc[span.start - 1].lower_ in data.cues.city_heads else "Place"
    if span.start > 0 and doc[span.start - 1].lower_ in data.syntax.plural_articles and len(span) <= 2 \
            and not located(doc, span.start - 1, data) and not likes_of(span, data):
        return "Organization"
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
    # « le ministre X » names X; « le maire de X » does not (X is the town).
    if any(t.head.lemma_.lower() in titles and t.head.pos_ == "NOUN" and t.dep_ in ("appos", "flat:name", "nmod")
           and not any(c.dep_ == "case" for c in t.children) for t in outside):
        return "Person"
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lemma_.lower() in titles:
        return "Person"
    return None


def _demonym_and_capital_mentions(doc: Doc, data: LanguageData, text: str) -> Iterable[Mention]:
    preps = {fold(p) for p in data.cues.location_preps}
    for tok in doc:
        key = fold(tok.text)
        if key in data.demonyms and tok.pos_ in ("ADJ", "NOUN", "PROPN") and not is_language(tok, data):
            entry = data.demonyms[key]
            yield Mention(tok.idx, tok.idx + len(tok), tok.text, "Country", entry, alias_only=True,
                          first_token=tok.i)
    starts = {t.idx: t for t in doc}
    for m in _capital_regex(data).finditer(text):
        entry, is_capital = data.capitals[fold(m.group())]
        before = text[max(0, m.start() - 12):m.start()].split()
        located = bool(before) and fold(before[-1]) in preps
        at = starts.get(m.start())
        if is_capital and (located or (at is not None and is_place(at, data))):
            yield Mention(m.start(), m.end(), m.group(), "City")
        else:
            yield Mention(m.start(), m.end(), m.group(), entry.type, entry, alias_only=True)


_CAPITALS: dict[str, re.Pattern[str]] = {}


def _capital_regex(data: LanguageData) -> re.Pattern[str]:
    if data.lang not in _CAPITALS:
        _CAPITALS[data.lang] = _alternation(data.gazetteer.capital_forms)
    return _CAPITALS[data.lang]


def find_mentions(doc: Doc, data: LanguageData, text: str) -> list[Mention]:
    """The document's non-overlapping mentions, in text order."""
    mentions = select([*_gazetteer_mentions(text, data), *_ner_mentions(doc, data),
                       *place_noun_mentions(doc, data), *institution_mentions(doc, data),
                       *government_mentions(doc, data),
                       *_demonym_and_capital_mentions(doc, data, text)])
    return select([*mentions, *party_adjective_mentions(doc, mentions, data)])
