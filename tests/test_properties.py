"""Property-based tests (hypothesis): IRI minting, literal escaping, numbers, dates.

* any string → a slug matching ``^[a-z0-9][a-z0-9-]*$``, at most 60 characters,
  the same every time and for every Unicode normal form or spacing of the name;
* any label, alias, title or anchor (quotes, ``<>``, ``#``, emojis, control
  characters...) in a hand-built DocumentRecord → :func:`kg.rdf.mapping.to_graph`
  → Turtle, N-Triples, JSON-LD → parsed back to the same graph;
* a number written the French way (« 15 000 », « 1.234,5 ») → its value;
* a valid day, month and year written in French → its ISO date;
* any bytes → clean text or one InputError; any markup → text without tags.

No spaCy model: the parsers are pure functions over strings.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError
from kg.extraction.dates import find_dates
from kg.extraction.numbers import find_numbers
from kg.html import html_text
from kg.lang import load
from kg.namespace import RESOURCE_IRI
from kg.rdf.iri import entity_iri, slug
from kg.rdf.mapping import to_graph
from kg.records import (
    ENTITY_TYPES,
    EVENT_TYPES,
    MODALITIES,
    DateValue,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    QuantityValue,
    RelationRecord,
    SentenceRecord,
    Span,
)
from kg.sources import clean, decode

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Characters an IRI may not hold unescaped (RFC 3987), plus the space.
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')
HOSTILE = ['"', "'", '"""', "\\", "\\n", "<>", "<script>alert(1)</script>", "#", "a#b", "&amp;", "é", "e\u0301",
           "🚀", "🇺🇦", "👩‍👩‍👧", "\u200b", "\u202e", "\ufeff", "\x00", "\x07", "\x1b[31m", "\x7f", "\r\n", "\t",
           "Ελευθέριος", "習近平", "محمد", "  ", "@prefix", "_:b0", "^^xsd:int", "@fr", "{", "}", "%20"]

#: Any string without lone surrogates (no UTF-8 file or JSON text can carry one past kg.sources).
names = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=6).map("".join),
)


@pytest.fixture(scope="module")
def fr():
    return load("fr")


# --------------------------------------------------------------------------- IRIs


@given(st.text(max_size=200))
def test_slug_is_iri_safe_and_bounded(text: str) -> None:
    s = slug(text)
    assert SLUG.match(s), s
    assert len(s) <= 60


@given(st.text(max_size=80))
def test_slug_is_deterministic(text: str) -> None:
    assert slug(text) == slug(str(text)) == slug("".join(list(text)))


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_slug_ignores_unicode_normal_form(text: str) -> None:
    assert slug(unicodedata.normalize("NFC", text)) == slug(unicodedata.normalize("NFD", text))


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")), min_size=1, max_size=12),
                min_size=1, max_size=4),
       st.lists(st.sampled_from([" ", "  ", "\t", "\n", " \u00a0 "]), min_size=4, max_size=4))
def test_slug_ignores_white_space_runs(words: list[str], gaps: list[str]) -> None:
    spaced = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
    assert slug(spaced) == slug(" ".join(words))


@given(st.sampled_from(ENTITY_TYPES), names)
def test_entity_iri_never_holds_forbidden_characters(type_: str, label: str) -> None:
    iri = str(entity_iri(type_, label))
    assert iri.startswith(RESOURCE_IRI)
    assert not IRI_FORBIDDEN.search(iri), iri


# --------------------------------------------------------------------------- literals


@st.composite
def documents(draw: st.DrawFn) -> DocumentRecord:
    """A DocumentRecord with hostile strings in every literal slot; offsets point into its text."""
    parts = draw(st.lists(names, min_size=3, max_size=8))
    text = " ".join(parts) or "x"
    spans = []
    start = 0
    for part in parts:
        spans.append(Span(start, start + len(part), part))
        start += len(part) + 1
    doc = DocumentRecord(doc_id=slug(draw(names)), text=text, title=draw(st.none() | names),
                         source=draw(st.none() | names), publication_date=draw(st.none() | st.just("2024-12-27")))
    doc.sentences.append(SentenceRecord(0, Span(0, len(text), text)))
    for n, span in enumerate(spans[:4]):
        label = draw(names)
        key = f"{n}:{label}"
        doc.entities[key] = EntityRecord(key=key, type=draw(st.sampled_from(ENTITY_TYPES)), label=label,
                                         aliases=set(draw(st.lists(names, max_size=3))), mentions=[span],
                                         wikidata=draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)),
                                         title=draw(st.none() | names))
    keys = list(doc.entities)
    for n, span in enumerate(spans[:3]):
        event = EventRecord(key=f"e{n + 1}", type=draw(st.sampled_from(EVENT_TYPES)), lemma=draw(names), trigger=span,
                            sentence=0, modality=draw(st.sampled_from(MODALITIES)), negated=draw(st.booleans()),
                            confidence=draw(st.floats(0, 1)))
        if keys:
            event.add_role("agent", draw(st.sampled_from(keys)), span)
        event.date = draw(st.none() | st.just(DateValue("--12-26", "gMonthDay", span)))
        event.quantity = draw(st.none() | st.builds(QuantityValue, st.floats(0, 1e9, allow_nan=False), names | st.none(),
                                                    st.booleans(), st.just(span)))
        doc.events.append(event)
    if len(keys) > 1:
        doc.relations.append(RelationRecord("ally", keys[0], keys[1], spans[0]))
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_hostile_literals_round_trip(record: DocumentRecord) -> None:
    graph = to_graph([record])
    for fmt in ("turtle", "nt", "json-ld"):
        back = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert set(back) == set(graph), f"{fmt} changed the graph"
    assert Literal(record.text) in set(graph.objects())
    for term in (t for triple in graph for t in triple if isinstance(t, URIRef)):
        assert not IRI_FORBIDDEN.search(str(term)), term


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@given(st.text(max_size=200))
def test_clean_keeps_offsets_and_leaves_only_encodable_text(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert not CONTROL.search(cleaned)
    cleaned.encode("utf-8")  # no lone surrogate left


@given(st.binary(max_size=600) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_gives_clean_text_or_one_input_error(data: bytes) -> None:
    try:
        text = decode(data, "sample")
    except InputError as exc:
        assert str(exc).startswith("sample: ")
        return
    assert not CONTROL.search(text)


@given(st.lists(st.sampled_from(["<", ">", "<!--", "-->", "<![CDATA[", "]]>", "</", "<script>", "</script>",
                                 "<p>", "<br/>", "&", "&#", "&#x", "&laquo;", ";", "=", '"', "a", " ", "é", "🚀",
                                 "\x00", "<!DOCTYPE html>", "<style>", "</style>"]), max_size=40).map("".join))
def test_html_text_never_raises_on_broken_markup(markup: str) -> None:
    assert not CONTROL.search(html_text(markup))


@given(st.lists(st.sampled_from(["<p>", "</p>", "<br/>", '<a href="x">', "</a>", "<b>", "</b>", "<div class='a'>",
                                 "</div>", "<script>var a = '<b>';</script>", "<!-- <p> -->", "&lt;", "&amp;", "&laquo;",
                                 "Macron", " ", "\n", "é", "🚀"]), max_size=30).map("".join))
def test_html_text_drops_every_well_formed_tag(markup: str) -> None:
    text = html_text(markup)
    assert text.count("<") == markup.count("&lt;")  # only the escaped « < » of the text remain
    assert ">" not in text
    assert "var a" not in text


# --------------------------------------------------------------------------- numbers

SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", "."]


def _french(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(0, 10**12), st.sampled_from(SEPARATORS), st.none() | st.integers(0, 99))
def test_french_numbers_parse_to_their_value(fr, n: int, sep: str, cents: int | None) -> None:
    written = _french(n, sep) + (f",{cents:02d}" if cents is not None else "")
    expected = n + (cents / 100 if cents is not None else 0)
    for text in (written, f"Il y a {written} soldats.", f"({written})"):
        found = list(find_numbers(text, fr))
        assert len(found) == 1, (text, found)
        assert found[0].value == pytest.approx(expected, rel=1e-12, abs=1e-9), text
        assert text[found[0].start:found[0].end].startswith(written[:1])


# --------------------------------------------------------------------------- dates


def _names_of(table: dict[str, int], value: int) -> list[str]:
    return sorted(k for k, v in table.items() if v == value)


@given(st.dates(dt.date(1800, 1, 1), dt.date(2099, 12, 31)), st.booleans(), st.booleans(),
       st.sampled_from([str.lower, str.capitalize, str.upper]), st.data())
def test_french_dates_parse_to_iso(fr, day: dt.date, weekday: bool, padded: bool, case, data: st.DataObject) -> None:
    month = case(data.draw(st.sampled_from(_names_of(fr.cues["months"], day.month))))
    number = "1er" if day.day == 1 and not padded else (f"{day.day:02d}" if padded else str(day.day))
    prefix = data.draw(st.sampled_from(_names_of(fr.cues["weekdays"], day.weekday()))) + " " if weekday else ""
    text = f"Le {prefix}{number} {month} {day.year}, rien d'autre."
    found = list(find_dates(text, fr))
    assert [(m.iso, m.datatype) for m in found] == [(day.isoformat(), "date")], text


@given(st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)), st.data())
def test_french_day_and_month_without_year_is_a_gmonthday(fr, day: dt.date, data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(_names_of(fr.cues["months"], day.month)))
    found = list(find_dates(f"Le {day.day} {month}, rien d'autre.", fr))
    assert [(m.iso, m.datatype) for m in found] == [(f"--{day.month:02d}-{day.day:02d}", "gMonthDay")]
    assume(day.day <= 28)  # every year has it: resolved against a publication date
    anchor = dt.date(2024, day.month, 28)
    found = list(find_dates(f"Le {day.day} {month}, rien d'autre.", fr, anchor))
    assert [(m.iso, m.datatype) for m in found] == [(day.replace(year=2024).isoformat(), "date")]
