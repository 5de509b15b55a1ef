"""Dates in text, as pure functions over strings (the words come from the language's cues).

Recognises « le 26 décembre », « le 1er juillet 2025 », « jeudi 19 novembre »,
« en juin 2024 », « mai 2024 », « en 2024 », « mi-2023 », « en septembre » (with a
publication date), weekdays (« mardi »)
and « hier » / « demain ». With a publication date, a weekday or a day without
a year is resolved to a full date; without one, a day-month stays a
``gMonthDay`` (« --12-26 ») and a bare weekday is left unresolved rather than
guessed. Vague expressions (« depuis lors ») are never turned into dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lang import LanguageData


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    datatype: str  # date | gYearMonth | gYear | gMonthDay


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _prefixes(words) -> str:
    """« mi-juin », « début juin »: a hyphenated prefix sticks, a word takes a space."""
    return "|".join(re.escape(w) if w.endswith("-") else re.escape(w) + r"\s+"
                    for w in sorted(words, key=len, reverse=True))


def _pattern(data: LanguageData) -> re.Pattern[str]:
    cues = data.cues
    months = _alt(cues.months)
    days = _alt(cues.weekdays)
    rel = _alt(cues.relative_days)
    year = r"(?:1[89]|20)\d\d"
    return re.compile(
        rf"\b(?:(?P<wd>{days})\s+)?(?P<day>[0-3]?\d)(?:{_alt(cues.ordinal_suffixes)})?\s+(?P<month>{months})"
        rf"(?:\s+(?P<year>{year}))?\b"
        rf"|\b(?P<period>{_prefixes(cues.period_prefixes)})?(?P<month2>{months})\s+(?P<year2>{year})\b"
        rf"|\b(?P<period3>{_alt(cues.year_period_prefixes)})(?P<year4>{year})\b"
        rf"|\b(?:{_alt(cues.year_preps)})\s+(?P<year3>{year})\b"
        rf"|\b(?:{_alt(cues.month_preps)})\s*(?P<month3>{months})\b(?!\s+{year})"
        rf"|\b(?P<wd2>{days})(?:\s+(?:{_alt(cues.weekday_qualifiers)}))?\b"
        rf"|(?<![\w-])(?P<rel>{rel})(?![\w-])"
        rf"|(?<![\w-])(?P<story>{_alt(cues.story_days)})(?![\w-])",
        re.IGNORECASE,
    )


_CACHE: dict[str, re.Pattern[str]] = {}


def resolve_weekday(weekday: int, anchor: dt.date, future: bool = False) -> dt.date:
    """The date of ``weekday`` (0 = Monday) nearest ``anchor``: on or before it
    for past events (news reports what happened), after it when ``future``."""
    if future:
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def infer_year(month: int, day: int, anchor: dt.date) -> int:
    """Year of a day-month near the publication date: the anchor's year, or the
    previous one when that would put it more than about seven months ahead."""
    try:
        candidate = dt.date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if (candidate - anchor).days > 214 else anchor.year


def find_dates(text: str, data: LanguageData, anchor: dt.date | None = None,
               future_at: set[int] | frozenset[int] = frozenset()) -> Iterator[DateMatch]:
    """Every date in ``text``. ``anchor`` is the publication date; offsets in
    ``future_at`` are date starts whose clause is in the future tense."""
    named: list[str] = []  # the full dates found so far, in text order
    for d in _dates(text, data, anchor, future_at, named):
        if d.datatype == "date":
            named.append(d.iso)
        yield d


def _dates(text: str, data: LanguageData, anchor: dt.date | None, future_at: set[int] | frozenset[int],
           named: list[str]) -> Iterator[DateMatch]:
    if data.lang not in _CACHE:
        _CACHE[data.lang] = _pattern(data)
    months = data.cues.months
    weekdays = data.cues.weekdays
    for m in _CACHE[data.lang].finditer(text):
        g = m.groupdict()
        start, end = m.start(), m.end()
        if g["day"]:
            day, month = int(g["day"]), months[g["month"].lower()]
            if not 1 <= day <= 31:
                continue
            year = int(g["year"]) if g["year"] else (infer_year(month, day, anchor) if anchor else None)
            if year is None:
                yield DateMatch(start, end, f"--{month:02d}-{day:02d}", "gMonthDay")
                continue
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            yield DateMatch(start, end, d.isoformat(), "date")
        elif g["month2"]:
            yield DateMatch(start, end, f"{int(g['year2']):04d}-{months[g['month2'].lower()]:02d}", "gYearMonth")
        elif g["year3"] or g["year4"]:
            yield DateMatch(m.start("year3") if g["year3"] else start, end, g["year3"] or g["year4"], "gYear")
        elif g["month3"] and anchor is not None:
            # « en septembre »: the latest such month up to about seven months ahead.
            month = months[g["month3"].lower()]
            year = infer_year(month, 1, anchor)
            yield DateMatch(m.start("month3"), end, f"{year:04d}-{month:02d}", "gYearMonth")
        elif g["wd2"] and anchor is not None:
            d = resolve_weekday(weekdays[g["wd2"].lower()], anchor, future=start in future_at)
            yield DateMatch(start, end, d.isoformat(), "date")
        elif g["rel"] and anchor is not None:
            d = anchor + dt.timedelta(days=data.cues.relative_days[g["rel"].lower()])
            yield DateMatch(start, end, d.isoformat(), "date")
        elif g["story"] and (base := dt.date.fromisoformat(named[-1]) if named else anchor) is not None:
            # « la veille », « dans la soirée »: days from the date the story last named
            # (« mardi soir … dans la soirée »), else from the publication date
            d = base + dt.timedelta(days=data.cues.story_days[g["story"].lower()])
            yield DateMatch(start, end, d.isoformat(), "date")


_DATELINES: dict[str, re.Pattern[str]] = {}


def _dateline(data: LanguageData) -> re.Pattern[str]:
    if data.lang not in _DATELINES:
        _DATELINES[data.lang] = re.compile(
            # « Paris, 12 mars 2025. – », « PARIS (AFP), le 3 mars 2021 - », « 22 mai 2012 : »
            rf"^[ \t]*(?:[^\W\d_][\w'’ .-]{{1,40}}(?:[ \t]*\([\w .'’-]{{1,30}}\))?,[ \t]*)?"
            rf"(?:(?:{_alt(data.syntax.definite_articles)})[ \t]+)?(?:(?:{_alt(data.cues.weekdays)})[ \t]+)?"
            rf"(?P<day>[0-3]?\d)(?:{_alt(data.cues.ordinal_suffixes)})?[ \t]+(?P<month>\w+)[ \t]+"
            r"(?P<year>(?:19|20)\d\d)[ \t]*(?:\([\w .'’-]{1,30}\)[ \t]*)?[.,]?[ \t]*[-–—:]",
            re.MULTILINE | re.IGNORECASE)
    return _DATELINES[data.lang]


def find_dateline(text: str, data: LanguageData) -> dt.date | None:
    """The publication date a wire story states at the head of a paragraph
    (« 22 mai 2012. - », « PARIS, 3 mars 2021 (AFP) - »), within its first lines."""
    head = "\n".join(text.splitlines()[:4])
    for m in _dateline(data).finditer(head):
        month = data.cues.months.get(m.group("month").lower())
        if month is None:
            continue
        try:
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            continue
    return None
