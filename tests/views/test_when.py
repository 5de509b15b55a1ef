"""kg.views.when: events' dates, partial ones included, on a time axis."""

from __future__ import annotations

import datetime as dt

from rdflib import XSD, Literal

from kg.views.model import ViewNode, When
from kg.views.when import FALLBACK_YEAR, day, place_dates, read_date


def _days(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days


def test_full_month_and_year_dates() -> None:
    assert read_date(Literal("2024-03-05", datatype=XSD.date)) == When(_days("2024-03-05"), _days("2024-03-05"),
                                                                        "date", "2024-03-05")
    month = read_date(Literal("2024-02", datatype=XSD.gYearMonth))
    assert month and (month.first, month.last, month.kind) == (_days("2024-02-01"), _days("2024-02-29"), "month")
    assert "month only" in month.label
    year = read_date(Literal("2023", datatype=XSD.gYear))
    assert year and (year.first, year.last, year.kind) == (_days("2023-01-01"), _days("2023-12-31"), "year")


def test_not_a_date() -> None:
    assert read_date(Literal("hier")) is None
    assert read_date(Literal("2024-13")) is None
    assert read_date(Literal("--02-30", datatype=XSD.gMonthDay)) is None


def _event(key: str, when: When | None) -> ViewNode:
    return ViewNode(key, key, "Meeting", [], when=when)


def test_a_day_without_year_takes_the_publication_year_then_the_common_year() -> None:
    no_year = read_date(Literal("--12-26", datatype=XSD.gMonthDay))
    assert no_year and no_year.kind == "no-year"
    dated = [_event(f"d{i}", read_date(Literal(f"2023-0{i + 1}-01", datatype=XSD.date))) for i in range(3)]
    nodes = place_dates([*dated, _event("a", no_year), _event("b", no_year)], {"a": 2024})
    a, b = nodes[-2].when, nodes[-1].when
    assert a and a.first == _days("2024-12-26") and "placed in 2024" in a.label and "publication" in a.label
    assert b and b.first == _days("2023-12-26") and "most events" in b.label
    alone = place_dates([_event("c", no_year)], {})[0].when
    assert alone and alone.first == day(FALLBACK_YEAR, 12, 26) and "no year known" in alone.label


def test_leap_day_without_year_is_clamped() -> None:
    no_year = read_date(Literal("--02-29", datatype=XSD.gMonthDay))
    placed = place_dates([_event("x", no_year)], {"x": 2023})[0].when
    assert placed and placed.first == _days("2023-02-28")
