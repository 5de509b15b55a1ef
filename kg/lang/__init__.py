"""Language data: lexicons, cue words and gazetteer, keyed by language code.

Rules are data: each language has a folder (``kg/lang/fr``) of JSON files that
the extractors interpret. Nothing here imports spaCy.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kg.errors import ModelError
from kg.resources import lang_dir

#: Languages with data and a spaCy model.
MODELS = {"fr": "fr_core_news_md"}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes and dashes: the gazetteer key."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2011", "-"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("-", " ").split())


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    type: str  # ontology class local name
    qid: str | None
    country: str | None = None  # label of the country an organisation belongs to


@dataclass(frozen=True)
class LanguageData:
    lang: str
    events: dict[str, Any]
    cues: dict[str, Any]
    #: folded name or alias -> entry (names: labels, aliases, acronyms)
    names: dict[str, GazetteerEntry]
    #: folded demonym -> country entry
    demonyms: dict[str, GazetteerEntry]
    #: folded capital or seat of power -> (the actor it stands for, whether « à X » is the city itself)
    capitals: dict[str, tuple[GazetteerEntry, bool]]
    #: every gazetteer name and alias as written (case kept), for matching in text
    name_forms: frozenset[str] = frozenset()
    #: every capital and seat of power as written
    capital_forms: frozenset[str] = frozenset()

    @property
    def model(self) -> str:
        return MODELS[self.lang]


def _read(lang: str, name: str) -> Any:
    path = lang_dir(lang) / name
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@cache
def load(lang: str = "fr") -> LanguageData:
    """The language data for ``lang``; raises ModelError for an unsupported language."""
    if lang not in MODELS or not lang_dir(lang).is_dir():
        raise ModelError(f"language {lang!r} is not supported; supported: {', '.join(sorted(MODELS))}")
    gaz = _read(lang, "gazetteer.json")
    names: dict[str, GazetteerEntry] = {}
    demonyms: dict[str, GazetteerEntry] = {}
    capitals: dict[str, tuple[GazetteerEntry, bool]] = {}
    name_forms: set[str] = set()
    capital_forms: set[str] = set()
    for c in gaz.get("countries", []):
        entry = GazetteerEntry(c["label"], "Country", c.get("qid"))
        for n in [c["label"], *c.get("aliases", [])]:
            names.setdefault(fold(n), entry)
            name_forms.add(n)
        for d in c.get("demonyms", []):
            demonyms.setdefault(fold(d), entry)
        for cap in c.get("capital", []):
            capitals.setdefault(fold(cap), (entry, True))
            capital_forms.add(cap)
        for seat in c.get("seats", []):
            capitals.setdefault(fold(seat), (entry, False))
            capital_forms.add(seat)
    for section in ("places", "organizations", "media"):
        for o in gaz.get(section, []):
            entry = GazetteerEntry(o["label"], o.get("type", "Organization"), o.get("qid"), o.get("country"))
            for n in [o["label"], *o.get("aliases", [])]:
                names.setdefault(fold(n), entry)
                name_forms.add(n)
            for seat in o.get("seats", []):
                # « Bruxelles a tranché »: the organisation seated there, not the host country.
                capitals[fold(seat)] = (entry, fold(seat) in capitals)
                capital_forms.add(seat)
    return LanguageData(lang, _read(lang, "events.json"), _read(lang, "cues.json"), names, demonyms, capitals,
                        frozenset(name_forms), frozenset(capital_forms))
