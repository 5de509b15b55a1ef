"""Numbers and quantities in text, as pure functions over strings (words from the language's cues).

Handles digits with any thousands separator (« 15 000 », « 15 000 », « 15.000 »),
decimal commas (« 1,2 milliard »), multipliers (« millions »), number words
(« quinze mille »), approximate nouns (« une cinquantaine »), percentages and
currencies, and hedges before the number (« environ », « près de », « plus de »).
"""

from __future__ import annotations

import math
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


def _word_pattern(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spaced(words) -> str:
    """Phrases whose spaces may be any run of spaces (« pour cent », « pour  cent »)."""
    return "|".join(r"\s*".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


def _compile(data: LanguageData) -> re.Pattern[str]:
    cues, syntax = data.cues, data.syntax
    mult = _word_pattern(cues.multipliers)
    # an article alone (« un », « une ») is no number; it may open an approximate noun
    articles = {fold(a) for a in syntax.indefinite_articles}
    words = _word_pattern([w for w in cues.number_words if fold(w) not in articles])
    joiners = _word_pattern(syntax.number_joiners)
    article = _word_pattern(syntax.indefinite_articles)
    approx_nouns = _word_pattern(cues.approximate_nouns)
    hedge = _word_pattern(cues.approximate_before)
    currency = _word_pattern(cues.currencies)
    of = _word_pattern(p for p in syntax.of_preps if p.endswith("'")).replace("'", "['’]")  # « d'euros »
    of_word = _word_pattern(p for p in syntax.of_preps if not p.endswith("'") and p not in syntax.contractions)
    number = (
        rf"(?P<digits>{_DIGITS})(?:\s+(?P<mult>{mult})\b)?"
        rf"|(?P<words>(?:(?:{words})(?:[\s-]+|-(?:{joiners})-|\s+(?:{joiners})\s+))*(?:{words}))\b"
        rf"(?:\s+(?P<wmult>{mult})\b)?"
        rf"|(?:(?:{article})\s+)?(?P<approx>{approx_nouns})s?\b(?:\s+(?:{of_word})\s+(?P<amult>{mult})\b)?"
    )
    return re.compile(
        rf"(?<![\w,.])(?:(?P<hedge>{hedge})\s+)?(?:{number})"
        rf"(?:\s*(?P<pct>%|(?:{_spaced(cues.percent_words)})\b)"
        rf"|\s+(?:(?:{of})|(?:{of_word})\s+)?(?P<cur>{currency})(?!\w)|\s*(?P<sym>[€$£]))?",
        re.IGNORECASE,
    )


_CACHE: dict[str, re.Pattern[str]] = {}


def _pattern(data: LanguageData) -> re.Pattern[str]:
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
    """« quinze mille » → 15000, « quatre-vingt-dix-sept » → 97: the language's hook
    (text2num for French)."""
    return data.hooks.number_value(text)


_GLUED_AFTER = re.compile(r"[^\W\d_]|°")  # « 7h30 », « 3D », « 48° »
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)(-)$")


def not_a_count(text: str, start: int, end: int) -> bool:
    """Digits that count nothing: a clock time or a code glued to letters (« 7h30 »,
    « 3D »), a degree (« 48,85° »), or the number of a product glued by a hyphen
    (« Vigie-1 »). (« la fusée Falcon 9 » needs the entities: see
    :func:`kg.extraction.attachment.product_number`.)"""
    if end < len(text) and _GLUED_AFTER.match(text, end):
        return True
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(2) == "-"


def find_numbers(text: str, data: LanguageData) -> Iterator[NumberMatch]:
    """Every number in ``text`` with its value, unit and whether it is hedged."""
    cues = data.cues
    mults = {fold(k): v for k, v in cues.multipliers.items()}
    for m in _pattern(data).finditer(text):
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
            value = float(cues.approximate_nouns[g["approx"].lower()])
            if g["amult"]:
                value *= mults[fold(g["amult"])]
            approximate = True
        else:
            continue
        if not math.isfinite(value):
            continue  # « 9999…9 soldats »: past any float, no quantity (issue 14)
        if g["digits"] and not (g["mult"] or g["pct"] or g["cur"] or g["sym"]) \
                and not_a_count(text, m.start("digits"), m.end("digits")):
            continue
        unit = None
        if g["pct"]:
            unit = "%"
        elif g["cur"] or g["sym"]:
            unit = cues.currencies.get((g["cur"] or g["sym"]).lower())
        start = m.start("hedge") if g["hedge"] else m.start() + (len(m.group()) - len(m.group().lstrip()))
        yield NumberMatch(start, m.end(), round(value, 6), unit, approximate)
