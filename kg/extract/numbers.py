"""Numbers and quantities in French text, as pure functions over strings.

Handles digits with any thousands separator (« 15 000 », « 15 000 », « 15.000 »),
decimal commas (« 1,2 milliard »), multipliers (« millions »), number words
(« quinze mille »), approximate nouns (« une cinquantaine »), percentages and
currencies, and hedges before the number (« environ », « près de », « plus de »).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lang import LanguageData, fold

_SPACES = "\u0020\u00a0\u202f\u2009"
#: 15 000 | 15.000 | 15000 | 1,2 | 35 — a thousands group needs exactly 3 digits.
_DIGITS = rf"\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    unit: str | None
    approximate: bool


def _word_pattern(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(data: LanguageData) -> dict[str, re.Pattern[str]]:
    cues = data.cues
    mult = _word_pattern(list(cues["multipliers"]))
    words = _word_pattern([w for w in cues["number_words"] if w not in ("un", "une")])
    approx_nouns = _word_pattern(list(cues["approximate_nouns"]))
    hedge = _word_pattern(cues["approximate_before"])
    currency = _word_pattern(list(cues["currencies"]))
    number = (
        rf"(?P<digits>{_DIGITS})(?:\s+(?P<mult>{mult})\b)?"
        rf"|(?P<words>(?:(?:{words})(?:[\s-]+|-et-|\s+et\s+))*(?:{words}))\b(?:\s+(?P<wmult>{mult})\b)?"
        rf"|(?:une?\s+)?(?P<approx>{approx_nouns})s?\b(?:\s+de\s+(?P<amult>{mult})\b)?"
    )
    full = (
        rf"(?<![\w,.])(?:(?P<hedge>{hedge})\s+)?(?:{number})"
        rf"(?:\s*(?P<pct>%|pour\s*cent\b)|\s+(?:d['’]|de\s+)?(?P<cur>{currency})(?!\w)|\s*(?P<sym>[€$£]))?"
    )
    return {"full": re.compile(full, re.IGNORECASE)}


_CACHE: dict[str, dict[str, re.Pattern[str]]] = {}


def _patterns(data: LanguageData) -> dict[str, re.Pattern[str]]:
    if data.lang not in _CACHE:
        _CACHE[data.lang] = _compile(data)
    return _CACHE[data.lang]


def parse_digits(text: str) -> float:
    """« 15 000 » → 15000.0, « 1,2 » → 1.2, « 15.000 » → 15000.0."""
    t = re.sub(f"[{_SPACES}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))


def parse_words(text: str, data: LanguageData) -> float | None:
    """« quinze mille » → 15000, « deux cent trente » → 230, « soixante-dix » → 70."""
    table = data.cues["number_words"]
    total, current = 0, 0
    tokens = [t for t in re.split(r"[\s-]+", fold(text)) if t and t != "et"]
    if not tokens:
        return None
    for tok in tokens:
        key = next((w for w in table if fold(w) == tok), None)
        if key is None:
            return None
        n = table[key]
        if n == 100:
            current = max(current, 1) * 100
        elif n == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += n
    return float(total + current)


def find_numbers(text: str, data: LanguageData) -> Iterator[NumberMatch]:
    """Every number in ``text`` with its value, unit and whether it is hedged."""
    cues = data.cues
    mults = {fold(k): v for k, v in cues["multipliers"].items()}
    for m in _patterns(data)["full"].finditer(text):
        g = m.groupdict()
        approximate = g["hedge"] is not None
        if g["digits"]:
            value = parse_digits(g["digits"])
            if g["mult"]:
                value *= mults[fold(g["mult"])]
        elif g["words"]:
            w = parse_words(g["words"], data)
            if w is None:
                continue
            value = w * (mults[fold(g["wmult"])] if g["wmult"] else 1)
        elif g["approx"]:
            value = float(cues["approximate_nouns"][g["approx"].lower()])
            if g["amult"]:
                value *= mults[fold(g["amult"])]
            approximate = True
        else:
            continue
        unit = None
        if g["pct"]:
            unit = "%"
        elif g["cur"] or g["sym"]:
            unit = cues["currencies"].get((g["cur"] or g["sym"]).lower())
        start = m.start("hedge") if g["hedge"] else m.start() + (len(m.group()) - len(m.group().lstrip()))
        yield NumberMatch(start, m.end(), round(value, 6), unit, approximate)
