"""Dates in text, as pure functions over strings (the words come from the language's cues).

Recognises « le 26 décembre », « le 1er juillet 2025 », « jeudi 19 novembre »,
« en juin 2024 », « mai 2024 », « en 2024 », « mi-2023 », « en septembre » (with a
publication date), weekdays (« mardi », « mardi prochain »), « le mois prochain »,
« l'an dernier » and « hier » / « demain ». With a publication date, a weekday or a day without
a year is resolved to a full date; without one, a day-month stays a
``gMonthDay`` (« --12-26 ») and a bare weekday is left unresolved rather than
guessed. Vague expressions (« depuis lors ») are never turned into dates.

A weekday resolves backwards from the publication date (news reports what
happened) unless it is qualified forward (« mardi prochain ») or its clause is in
the future; a day without a year in a future clause is the next such day. A
date after a deadline word (« avant le 30 juin », « d'ici le ») is marked
``deadline``: a limit, not the day the event happens. A date surely after the
publication (a stated year, a forward word, a future clause) is marked ``ahead``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lang import Cues, LanguageData


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    datatype: str  # date | gYearMonth | gYear | gMonthDay
    ahead: bool = False  # surely after the publication date: an event the text looks ahead to
    deadline: bool = False  # « avant le 30 juin »: a limit, not the event's date


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alt_quoted(words) -> str:
    """An alternation whose apostrophes match either form (« l'an », « l’an »)."""
    return _alt(words).replace("'", "['’]")


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
    quals = _alt({*cues.weekday_qualifiers, *cues.forward_qualifiers, *cues.backward_qualifiers})
    periods = "".join(rf"|(?<![\w-])(?P<{group}>{_alt_quoted(words)})(?![\w-])"
                      for group, words in (("relm", cues.relative_months), ("rely", cues.relative_years)) if words)
    return re.compile(
        rf"\b(?:(?P<wd>{days})\s+)?(?P<day>[0-3]?\d)(?:{_alt(cues.ordinal_suffixes)})?\s+(?P<month>{months})"
        rf"(?:\s+(?P<year>{year}))?\b"
        rf"|\b(?P<period>{_prefixes(cues.period_prefixes)})?(?P<month2>{months})\s+(?P<year2>{year})\b"
        rf"|\b(?P<period3>{_alt(cues.year_period_prefixes)})(?P<year4>{year})\b"
        rf"|\b(?:{_alt(cues.year_preps)})\s+(?P<year3>{year})\b"
        rf"|\b(?:{_alt(cues.month_preps)})\s*(?P<month3>{months})\b(?!\s+{year})"
        rf"{_night(cues, days)}"
        rf"|\b(?P<wd2>{days})(?:\s+(?P<qual>{quals}))?\b"
        rf"{periods}"
        rf"|(?<![\w-])(?P<rel>{rel})(?![\w-])"
        rf"|(?<![\w-])(?P<story>{_alt(cues.story_days)})(?![\w-])",
        re.IGNORECASE,
    )


def _night(cues: Cues, days: str) -> str:
    """The alternative for « (dans) la nuit de lundi à mardi », empty when the language has no such words."""
    if not cues.night_spans or not cues.night_joins:
        return ""
    return (rf"|(?<![\w-])(?:{_alt(cues.night_spans)})\s+(?:{days})\s+(?:{_alt(cues.night_joins)})\s+"
            rf"(?P<wd_to>{days})\b")


_CACHE: dict[str, re.Pattern[str]] = {}


def resolve_weekday(weekday: int, anchor: dt.date, future: bool = False, before: bool = False) -> dt.date:
    """The date of ``weekday`` (0 = Monday) nearest ``anchor``: on or before it
    for past events (news reports what happened), after it when ``future``
    (« mardi prochain »), strictly before it when ``before`` (« mardi dernier »)."""
    if future:
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back or (7 if before else 0))


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
    deadline = _deadline(data)
    for d in _dates(text, data, anchor, future_at, named):
        if d.datatype == "date":
            named.append(d.iso)
        if deadline is not None and deadline.search(text, max(0, d.start - 24), d.start):
            d = dataclasses.replace(d, deadline=True, ahead=False)
        yield d


_DEADLINES: dict[str, re.Pattern[str] | None] = {}


def _deadline(data: LanguageData) -> re.Pattern[str] | None:
    """Deadline words right before a date (« avant le », « d'ici le »)."""
    if data.lang not in _DEADLINES:
        words = data.cues.deadline_before
        _DEADLINES[data.lang] = re.compile(rf"(?<![\w'’])(?:{_alt_quoted(words)})\s*$", re.IGNORECASE) \
            if words else None
    return _DEADLINES[data.lang]


def after(iso: str, datatype: str, anchor: dt.date) -> bool:
    """Is the date ``iso`` of ``datatype`` wholly after the day ``anchor``?"""
    if datatype == "date":
        return dt.date.fromisoformat(iso) > anchor
    if datatype == "gYearMonth":
        return (int(iso[:4]), int(iso[5:7])) > (anchor.year, anchor.month)
    if datatype == "gYear":
        return int(iso) > anchor.year
    return False


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
            future = start in future_at
            if g["year"]:
                year: int | None = int(g["year"])
            elif anchor is not None:
                year = next_year(month, day, anchor) if future else infer_year(month, day, anchor)
            else:
                year = None
            if year is None:
                yield DateMatch(start, end, f"--{month:02d}-{day:02d}", "gMonthDay")
                continue
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            sure = bool(g["year"]) or future
            yield DateMatch(start, end, d.isoformat(), "date", ahead=sure and anchor is not None and d > anchor)
        elif g["month2"]:
            iso = f"{int(g['year2']):04d}-{months[g['month2'].lower()]:02d}"
            yield DateMatch(start, end, iso, "gYearMonth",
                            ahead=anchor is not None and after(iso, "gYearMonth", anchor))
        elif g["year3"] or g["year4"]:
            iso = g["year3"] or g["year4"]
            yield DateMatch(m.start("year3") if g["year3"] else start, end, iso, "gYear",
                            ahead=anchor is not None and after(iso, "gYear", anchor))
        elif g["month3"] and anchor is not None:
            # « en septembre »: the latest such month up to about seven months ahead.
            month = months[g["month3"].lower()]
            year = infer_year(month, 1, anchor)
            yield DateMatch(m.start("month3"), end, f"{year:04d}-{month:02d}", "gYearMonth")
        elif g.get("wd_to") and anchor is not None:
            # « dans la nuit de vendredi à samedi »: the night ends on the second day, the
            # one a news report dates it by; resolved as that weekday alone would be
            forward = start in future_at
            d = resolve_weekday(weekdays[g["wd_to"].lower()], anchor, future=forward)
            yield DateMatch(start, end, d.isoformat(), "date", ahead=forward)
        elif g["wd2"] and anchor is not None:
            qual = (g["qual"] or "").lower()
            forward = qual in data.cues.forward_qualifiers or (start in future_at and
                                                                qual not in data.cues.backward_qualifiers)
            d = resolve_weekday(weekdays[g["wd2"].lower()], anchor, future=forward,
                                before=qual in data.cues.backward_qualifiers)
            yield DateMatch(start, end, d.isoformat(), "date", ahead=forward)
        elif g.get("relm") and anchor is not None:
            shift = _period(data.cues.relative_months, g["relm"])
            k = anchor.year * 12 + anchor.month - 1 + shift  # months since year 0
            yield DateMatch(start, end, f"{k // 12:04d}-{k % 12 + 1:02d}", "gYearMonth", ahead=shift > 0)
        elif g.get("rely") and anchor is not None:
            shift = _period(data.cues.relative_years, g["rely"])
            yield DateMatch(start, end, f"{anchor.year + shift:04d}", "gYear", ahead=shift > 0)
        elif g["rel"] and anchor is not None:
            shift = data.cues.relative_days[g["rel"].lower()]
            d = anchor + dt.timedelta(days=shift)
            yield DateMatch(start, end, d.isoformat(), "date", ahead=shift > 0)
        elif g["story"] and (base := dt.date.fromisoformat(named[-1]) if named else anchor) is not None:
            # « la veille », « dans la soirée »: days from the date the story last named
            # (« mardi soir … dans la soirée »), else from the publication date
            d = base + dt.timedelta(days=data.cues.story_days[g["story"].lower()])
            yield DateMatch(start, end, d.isoformat(), "date")


def next_year(month: int, day: int, anchor: dt.date) -> int:
    """Year of a day-month a future clause names: the next such day from the anchor on."""
    try:
        return anchor.year + 1 if dt.date(anchor.year, month, day) < anchor else anchor.year
    except ValueError:
        return anchor.year


def _period(table, words: str) -> int:
    """The shift a relative period stands for (« le mois prochain » → 1), any apostrophe."""
    return table[words.lower().replace("’", "'")]


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
