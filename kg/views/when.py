"""Events' dates on a time axis, partial dates included.

``kg:date`` is an ``xsd:date``, ``xsd:gYearMonth`` (``2024-06``), ``xsd:gYear``
(``2024``) or ``xsd:gMonthDay`` (``--12-26``). Each becomes a :class:`When`:
the first and last day it may mean, in days since 1970-01-01. A date without
a year is placed in its document's publication year, else in the year most
events of the view have; its label says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from rdflib import Literal

from kg.views.model import ViewNode, When

_EPOCH = dt.date(1970, 1, 1).toordinal()
_FULL = re.compile(r"^(-?\d{4,})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(-?\d{4,})-(\d\d)$")
_YEAR = re.compile(r"^(-?\d{4,})$")
_NO_YEAR = re.compile(r"^--(\d\d)-(\d\d)")
#: Year given to a date without one when nothing in the view says which year it is.
FALLBACK_YEAR = 2000


def day(year: int, month: int, dom: int) -> int:
    """Days since 1970-01-01 (the day is clamped to the month's length)."""
    dom = min(dom, calendar.monthrange(year, month)[1])
    return dt.date(year, month, dom).toordinal() - _EPOCH


def read_date(value: Literal) -> When | None:
    """The span of days a ``kg:date`` literal means; ``None`` when it is not a date kg writes."""
    text = str(value).strip()
    try:
        if m := _FULL.match(text):
            first = day(int(m[1]), int(m[2]), int(m[3]))
            return When(first, first, "date", text[:10])
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return When(day(year, month, 1), day(year, month, 31), "month", f"{text} (month only)")
        if m := _YEAR.match(text):
            year = int(m[1])
            return When(day(year, 1, 1), day(year, 12, 31), "year", f"{text} (year only)")
        if m := _NO_YEAR.match(text):
            dt.date(2000, int(m[1]), int(m[2]))  # a leap year: checks the month and the day
            return When(0, 0, "no-year", text)
    except ValueError:
        return None
    return None


def _year(when: When) -> int:
    return (dt.date.fromordinal(when.first + _EPOCH)).year


def place_dates(nodes: list[ViewNode], publication_years: dict[str, int]) -> list[ViewNode]:
    """Give each date without a year (``--12-26``) a place: its document's publication year, else the
    year most dated events of ``nodes`` fall in, else :data:`FALLBACK_YEAR`; the label says which."""
    years = Counter(_year(n.when) for n in nodes if n.when is not None and n.when.kind != "no-year")
    common = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0] if years else None
    placed = []
    for n in nodes:
        if n.when is not None and n.when.kind == "no-year":
            month, dom = int(n.when.label[2:4]), int(n.when.label[5:7])
            year, why = publication_years.get(n.key), "the document's publication year"
            if year is None:
                year, why = (common, "the year of most events") if common is not None else \
                    (FALLBACK_YEAR, "no year known")
            first = day(year, month, dom)
            n = replace(n, when=When(first, first, "no-year", f"{n.when.label} (no year; placed in {year}: {why})"))
        placed.append(n)
    return placed
