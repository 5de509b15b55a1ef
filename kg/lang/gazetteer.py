"""The gazetteer of a language: known names read into lookup tables.

``gazetteer.json`` lists countries, places, organisations and media (see
``kg/lang/fr/README.md``); :func:`build_gazetteer` folds every name once into
the tables the entity finder looks names up in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kg.lang.folding import fold
from kg.lang.schema import read_section


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    type: str  # ontology class local name
    qid: str | None
    country: str | None = None  # label of the country an organisation belongs to


@dataclass(frozen=True)
class _Item:
    """What every gazetteer item has: its label, Wikidata id, other names and seats of power."""

    label: str
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryItem(_Item):
    capital: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class NamedItem(_Item):
    type: Literal["City", "Region", "Place", "Organization", "PoliticalParty", "NewsAgency"] = "Organization"
    country: str | None = None  # label of the country an organisation belongs to


@dataclass(frozen=True)
class GazetteerFile:
    countries: tuple[CountryItem, ...] = ()
    places: tuple[NamedItem, ...] = ()
    organizations: tuple[NamedItem, ...] = ()
    media: tuple[NamedItem, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    #: folded name or alias -> entry (names: labels, aliases, acronyms)
    names: Mapping[str, GazetteerEntry] = field(default_factory=dict)
    #: folded demonym -> country entry
    demonyms: Mapping[str, GazetteerEntry] = field(default_factory=dict)
    #: folded capital or seat of power -> (the actor it stands for, whether « à X » is the city itself)
    capitals: Mapping[str, tuple[GazetteerEntry, bool]] = field(default_factory=dict)
    #: every name and alias as written (case kept), for matching in text
    name_forms: frozenset[str] = frozenset()
    #: every capital and seat of power as written
    capital_forms: frozenset[str] = frozenset()


def build_gazetteer(path: Path) -> Gazetteer:
    gaz = read_section(GazetteerFile, path)
    names: dict[str, GazetteerEntry] = {}
    demonyms: dict[str, GazetteerEntry] = {}
    capitals: dict[str, tuple[GazetteerEntry, bool]] = {}
    name_forms: set[str] = set()
    capital_forms: set[str] = set()
    for c in gaz.countries:
        entry = GazetteerEntry(c.label, "Country", c.qid)
        for n in [c.label, *c.aliases]:
            names.setdefault(fold(n), entry)
            name_forms.add(n)
        for d in c.demonyms:
            demonyms.setdefault(fold(d), entry)
        for cap in c.capital:
            capitals.setdefault(fold(cap), (entry, True))
            capital_forms.add(cap)
        for seat in c.seats:
            capitals.setdefault(fold(seat), (entry, False))
            capital_forms.add(seat)
    for o in (*gaz.places, *gaz.organizations, *gaz.media):
        entry = GazetteerEntry(o.label, o.type, o.qid, o.country)
        for n in [o.label, *o.aliases]:
            names.setdefault(fold(n), entry)
            name_forms.add(n)
        for seat in o.seats:
            # « Bruxelles a tranché »: the organisation seated there, not the host country.
            capitals[fold(seat)] = (entry, fold(seat) in capitals)
            capital_forms.add(seat)
    return Gazetteer(names, demonyms, capitals, frozenset(name_forms), frozenset(capital_forms))
