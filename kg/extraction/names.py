"""Name repair and position: what a name's neighbours say about it.

Helpers of :mod:`kg.extraction.mentions`, on spaCy tokens: names the tokenizer
cut (« Moody’s », « El País », « Conseil des ministres »), codes that are no
names (« A3 », « Baa2 »), a known name with a qualifying adjective, the
organisation noun that types a name (« l'ONG X »), a demonym that is a language
(« le français »), and whether a capital is the city or stands for its country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.lang import GazetteerEntry, LanguageData, fold
from kg.lang.hooks import norm


def repair(span: SpacySpan, data: LanguageData) -> SpacySpan:
    """Names the model or the tokenizer cut badly: « l'agence Fitch », « le général X » (the
    descriptor or title is no part of the name), « Moody’s » (an elided « s »), « El País »
    (a foreign article taken for a determiner), « Conseil des ministres » (an institution
    and its lower-case domain)."""
    doc, start, end = span.doc, span.start, span.end
    while end - start > 1 and doc[start].is_lower and (fold(doc[start].lemma_) in _descriptors(data)
                                                       or doc[start].lower_ in data.cues.titles) \
            and doc[start + 1].text[:1].isupper():
        start += 1  # « le syndicat Force ouvrière », « le président X »: the name after its descriptor or title
    if end < len(doc) and doc[end].lower_ == "s" and not doc[end - 1].whitespace_ \
            and doc[end - 1].text[-1:] in "'’":
        end += 1
    if start > 0 and doc[start - 1].text in data.cues.name_articles and (
            fold(doc[start - 1:end].text) in data.names or fold(doc[start:end].text) not in data.names):
        start -= 1
    if end - start == 1 and doc[start].text[:1].isupper() and doc[start].lower_ in data.cues.institution_nouns:
        j = end
        while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
            j += 1  # « le Parquet fédéral », « le Conseil constitutionnel »: the institution's adjectives
        if j > end:
            return doc[start:j]
        if j < len(doc) and norm(doc[j].lower_) in data.syntax.of_preps:
            j += 1
            if j < len(doc) and norm(doc[j].lower_) in data.syntax.definite_articles:
                j += 1
            if j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower:
                end = j + 1
    end = _surname_article(doc, end, data)
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def _surname_article(doc: Doc, end: int, data: LanguageData) -> int:
    """« Armel Le X »: a person's name the model ended before a capitalised article of the
    language's ``surname_articles`` and a capitalised word goes on over them (not before a
    known name such as a newspaper's, « … Le Monde »)."""
    if 0 < end < len(doc) - 1 and data.syntax.ner_labels.get(doc[end - 1].ent_type_) == "Person" \
            and doc[end].text in data.cues.surname_articles and doc[end].whitespace_ \
            and doc[end + 1].text[:1].isupper() and not doc[end].is_sent_start \
            and fold(doc[end:end + 2].text) not in data.names:
        end += 2
        if end < len(doc) and doc[end - 1].text[-1:] in "'’" and not doc[end - 1].whitespace_ and doc[end].is_alpha:
            end += 1  # « Le Cléac'h »: the tokenizer cut the elided letter off
    return end


def qualified(span: SpacySpan, data: LanguageData) -> GazetteerEntry | None:
    """« l'Alliance atlantique officielle »: a known name and lower-case
    adjectives that are no demonym name that known entity."""
    end = len(span)
    while end > 1 and span[end - 1].pos_ == "ADJ" and span[end - 1].is_lower \
            and fold(span[end - 1].text) not in data.demonyms:
        end -= 1
        if (entry := data.names.get(fold(span[:end].text))) is not None:
            return entry
    return None


#: A word mixing letters and digits (« A3 », « Baa2 », « A321neo », « SLC-40 »): a code, never a name.
CODE = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w-]+")


def descriptor(doc: Doc, span: SpacySpan, data: LanguageData) -> str | None:
    """The class an organisation noun right before a name gives it, over its adjectives:
    « le parti X », « l'ONG X », « la biotech néerlandaise X », « la start-up toulousaine X »
    (not « la société en 2021 avec X »: the noun must touch the name). A name the model calls
    neither a person's, an organisation's nor a place's is an organisation's after such a noun."""
    descriptors = _descriptors(data)
    end = span.start
    if end > 1 and doc[end - 1].pos_ == "DET" and (doc[end - 1].text[:1].isupper()
                                                   or fold(doc[end - 2].lemma_) in descriptors):
        end -= 1  # « le quotidien La Montagne », « le collectif la X »: the name's own article
    while end > 0 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADJ", "VERB") \
            and doc[end - 1].whitespace_:
        end -= 1  # adjectives, demonyms (sometimes read as participles)
    if end == 0 or doc[end - 1].pos_ == "PUNCT":
        return None
    for k in range(1, min(end, 3) + 1):  # « start-up » may be three tokens
        if (found := descriptors.get(fold(doc[end - k:end].text))) is not None:
            return found
    return descriptors.get(fold(doc[end - 1].lemma_))


_DESCRIPTORS: dict[str, dict[str, str]] = {}


def _descriptors(data: LanguageData) -> dict[str, str]:
    if data.lang not in _DESCRIPTORS:
        _DESCRIPTORS[data.lang] = {fold(k): v for k, v in data.cues.org_descriptors.items()}
    return _DESCRIPTORS[data.lang]


def is_language(tok: Token, data: LanguageData) -> bool:
    """« le français », « en anglais », « la langue française »: a language, not its country
    (a lower-case demonym after a singular article or « en », or on a language noun)."""
    if tok.pos_ == "ADJ" and tok.head.lemma_.lower() in data.cues.language_nouns:
        return True
    if not tok.text.islower() or tok.i == 0:  # (« français » is read as a plural too)
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN":
        return False  # « l'allemand Siemens »: the company's nationality
    return norm(tok.doc[tok.i - 1].lower_) in data.cues.language_determiners


def is_place(tok: Token, data: LanguageData) -> bool:
    """« chassés de Lisbonne », « la population de Yaoundé et de Douala », « le club de
    Lisbonne »: a capital that is where something is or comes from is the city — in a
    « de » complement of a verb or of a noun of a city's parts and people, or listed with
    a city that is no capital. As an actor (« Moscou a répondu », « le soutien de Moscou »,
    « entre Pyongyang et Moscou ») it stands for its country."""
    partners = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        partners.append(tok.head)
        tok = tok.head
    if any(p.pos_ == "PROPN" and fold(p.text) not in data.capitals and fold(p.text) not in data.names
           for p in partners):
        return True
    if not any(c.dep_ == "case" and data.hooks.preposition(c.text) in data.syntax.of_preps for c in tok.children):
        return False
    head = tok.head
    if head.lower_ in data.cues.ally_nouns or head.lemma_.lower() in data.cues.ally_nouns:
        return False  # « allié de Rabat », which the parser may read as a participle
    if head.pos_ == "NOUN" and (head.lower_ in data.cues.place_heads or head.text[:1].isupper() and head.i > 0
                                and not head.is_sent_start and head.i < tok.i):
        return True  # « la place X du Caire », « les Jeux olympiques de Londres »: where it is
    return head.pos_ == "VERB" or (head.pos_ == "NOUN" and head.lemma_.lower() in data.cues.city_nouns)


_ORDINALS: dict[str, re.Pattern[str]] = {}


def _ordinal(data: LanguageData) -> re.Pattern[str]:
    """A roman ordinal with the language's suffix (« Ve », « IIIe », « XXe », « Ier »): the number of a
    regime or a century, not a name. Only I, V, X (up to 39): « Var », « Cour », « Marc » are words."""
    if data.lang not in _ORDINALS:
        suffixes = "|".join(re.escape(s) for s in sorted(data.cues.roman_ordinal_suffixes, key=len, reverse=True))
        _ORDINALS[data.lang] = re.compile(rf"X{{0,3}}(?:IX|IV|V?I{{0,3}})(?<=[IVX])(?:{suffixes or '(?!)'})")
    return _ORDINALS[data.lang]


def generic(span: SpacySpan, data: LanguageData) -> bool:
    """« un État américain », « la Ve République française »: a common noun of the language's
    ``description_nouns`` with only demonym adjectives is a description, not a name (unlike
    « Parlement européen »); the demonym keeps its own mention of the country. So is a noun
    that heads names (a place, institution or organisation noun) alone, and a roman ordinal
    alone (« le XXe »: a century). A name headed by a noun of ``event_name_heads`` (« Forum mondial
    de X », « Sommet de Y ») names a meeting, an event, not an entity."""
    words = list(span)
    if words and words[0].text[:1].isupper() and fold(words[0].text) in data.cues.event_name_heads:
        return True
    if words and _ordinal(data).fullmatch(words[0].text):
        words = words[1:]
        if not words:
            return True  # « au XXe », « du Xe au premier siècle »: a century alone is no name
    if len(words) == 1 and words[0].pos_ == "NOUN":
        # « le Parquet », « la nuit du Port »: a noun that heads names is no name by itself
        word = words[0].lower_
        return word in data.cues.place_heads or word in data.cues.institution_nouns or fold(word) in _descriptors(data)
    return len(words) >= 2 and words[0].text in data.cues.description_nouns and all(
        t.is_lower and fold(t.text) in data.demonyms for t in words[1:])


def before_city(span: SpacySpan, data: LanguageData) -> tuple[SpacySpan, SpacySpan | None]:
    """« (la place) Tahrir du Caire »: a place's name cut before « de » and a capital,
    and the capital (the city, its own mention), or ``span`` and None."""
    for k in range(1, len(span) - 1):
        if norm(span[k].lower_) not in data.syntax.of_preps:
            continue
        tail = fold(span[k + 1:].text)  # « du Caire »: the capital's article is inside the contraction
        if tail in data.capitals or any(f"{a} {tail}" in data.capitals for a in data.syntax.definite_articles):
            return span[:k], span[k + 1:]
    return span, None


def in_heading(span: SpacySpan) -> bool:
    """« Réactions politiques », « Nouveaux signes de sécurité »: a line of its own with no
    final punctuation is a section heading, and a name the model finds at its start, on a
    word the tagger reads as a common noun, adjective or verb, is only its capital letter."""
    doc = span.doc
    if span[0].pos_ not in ("NOUN", "ADJ", "VERB") or not _line_start(doc, span.start):
        return False
    end = span.start
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    last = doc[end - 1]
    return end < len(doc) and not last.is_punct


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_space and "\n" in doc[i - 1].text


def joined(ents: list[SpacySpan], data: LanguageData) -> list[SpacySpan]:
    """« Airbus Defence and Space », « Sterling & Francine Clark Art Institute »: a foreign name
    the model cut at its connector (the language's ``name_connectors``) is one name, over the
    capitalised words on both sides and the model's name that follows; it keeps the label of
    its last part (« … Institute » decides)."""
    if not ents:
        return ents
    doc, connectors = ents[0].doc, data.cues.name_connectors
    by_start = {e.start: e for e in ents}
    out: list[SpacySpan] = []
    skip_to = -1
    for ent in ents:
        if ent.start < skip_to:
            continue
        end, label = ent.end, ent.label_
        if ent[-1].text in connectors:
            end -= 1  # « Sterling and » + « Francine Clark Art Institute »
        k = end
        while k + 1 < len(doc) and (doc[k].text[:1].isupper() or doc[k].text in connectors and k > ent.start):
            if doc[k].text in connectors and not doc[k + 1].text[:1].isupper():
                break
            nxt = by_start.get(k)
            if nxt is not None and nxt is not ent:
                k, label = nxt.end, nxt.label_
                continue
            k += 1
        while k > end and (doc[k - 1].text in connectors or not doc[k - 1].text[:1].isupper()):
            k -= 1
        if k > end and any(doc[j].text in connectors for j in range(ent.start, k)):
            out.append(SpacySpan(doc, ent.start, k, label=label))
            skip_to = k
        else:
            out.append(ent)
    return out


def located(doc: Doc, article: int, data: LanguageData) -> bool:
    """« dans les Alpes », « vers les Hauts-de-France »: a plural article after a place
    preposition introduces a place (mountains, a département), not a party or a group."""
    return article > 0 and fold(doc[article - 1].text) in {fold(p) for p in data.cues.location_preps}


def likes_of(span: SpacySpan, data: LanguageData) -> bool:
    """« le retour des Patrice X, Y et Z », « des Dupont ou des Martin »: a name the model reads
    as a person's, not in the plural, after a plural article is still a person."""
    return data.syntax.ner_labels.get(span[0].ent_type_) == "Person" and "Plur" not in span[0].morph.get("Number", [])


def common_word_in_name(span: SpacySpan, data: LanguageData) -> bool:
    """« le lycénidé Zizeeria maha », « L'Oréal pour l'Asie-Pacifique »: a name holding a lower-case
    word that is neither a particle (« de », « van »), an article (« Jean de la X »), a word of the
    language's ``name_links`` (« ben », « y ») nor glued to the next word (« al-X ») is no person's
    name: a species, or an organisation and its region."""
    allowed = data.cues.name_particles | data.cues.name_links | data.syntax.definite_articles
    return any(t.text[:1].islower() and t.text not in allowed and t.lower_ not in allowed and not _glued(t)
               for t in span[1:])


def _glued(tok: Token) -> bool:
    """« al-X », « X Jong-un », « Le Cléac'h »: a word written together with the one before or after it."""
    doc = tok.doc
    if tok.i > 0 and not doc[tok.i - 1].whitespace_:
        return True
    return not tok.whitespace_ and tok.i + 1 < len(doc) and (doc[tok.i + 1].is_alpha or doc[tok.i + 1].text[:1] in "-‐")


def counted(span: SpacySpan, data: LanguageData) -> bool:
    """« deux Länder », « 6 X se sont immolés », « des centaines de X »: one capitalised word counted
    like a common noun (a number before it, or a counting noun of the language's ``approximate_nouns``
    or ``multipliers`` and « de ») names a kind of people or things, not an entity."""
    if len(span) != 1:
        return False
    tok = span[0]
    if any(c.dep_ == "nummod" and c.i < tok.i for c in tok.children):
        return True
    head = tok.head
    counting = head.lemma_.lower() in data.cues.approximate_nouns or head.lower_ in data.cues.multipliers
    return head.i < tok.i and counting and any(c.dep_ == "case" and norm(c.lower_) in data.syntax.of_preps
                                               for c in tok.children)


def eponym(span: SpacySpan, data: LanguageData) -> bool:
    """« le boson de Brout-Englert-Higgs », « la maladie de X »: a name after « de » and a noun of
    the language's ``eponym_heads`` is part of a term (a particle, an illness), no entity."""
    doc, i = span.doc, span.start
    return i >= 2 and norm(doc[i - 1].lower_) in data.syntax.of_preps \
        and doc[i - 2].lemma_.lower() in data.cues.eponym_heads


def titled(span: SpacySpan, data: LanguageData) -> bool:
    """« le président X », « le général X »: one word right after a lower-case title is a person's
    name even where the tagger reads it as an adjective of the title."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].is_lower and doc[span.start - 1].lower_ in data.cues.titles


def artefacts(doc: Doc, data: LanguageData) -> frozenset[str]:
    """« le programme X », « le projet X », « la capsule X »: the (folded) names a lower-case noun of
    the language's ``artefact_heads`` introduces name a thing — a programme, a treaty, a spacecraft —
    not an entity, wherever else in the document they stand alone (« le rejet de X »)."""
    found: set[str] = set()
    for tok in doc[:-1]:
        if not (tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_.lower() in data.cues.artefact_heads):
            continue
        end = tok.i + 1
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "-" and not doc[end - 1].whitespace_):
            end += 1
        if end > tok.i + 1:
            found.add(fold(doc[tok.i + 1:end].text))
    return frozenset(found)


_PLACE_TYPES = frozenset({"Place", "City", "Region", "Country"})


def without_place(span: SpacySpan, data: LanguageData) -> SpacySpan:
    """« la firme X de Montréal »: a name the model did not type, cut before « de » and a place
    the gazetteer knows (the place keeps its own mention)."""
    for k in range(1, len(span) - 1):
        entry = data.names.get(fold(span[k + 1:].text))
        if norm(span[k].lower_) in data.syntax.of_preps and entry is not None and entry.type in _PLACE_TYPES:
            return span[:k]
    return span
