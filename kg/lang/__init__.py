"""Language data: lexicons, cue words, grammar words and gazetteer, keyed by language code.

Rules are data: each language has a folder (``kg/lang/fr``) of JSON files read
into frozen, typed sections (:mod:`kg.lang.sections`), validated at load, plus
a ``hooks.py`` for the few procedures that must be code
(:mod:`kg.lang.hooks`). :func:`load` returns them together as a
:class:`LanguageData`. Nothing here imports spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import ModelError
from kg.lang.expansion import with_expansion
from kg.lang.folding import fold
from kg.lang.gazetteer import Gazetteer, GazetteerEntry, build_gazetteer
from kg.lang.hooks import LanguageHooks
from kg.lang.registry import register, spec
from kg.lang.schema import read_section
from kg.lang.sections import Cues, Lexicon, Syntax
from kg.records import ENTITY_TYPES, EVENT_TYPES

__all__ = ["MODELS", "Cues", "GazetteerEntry", "LanguageData", "LanguageHooks", "Lexicon", "Syntax", "fold",
           "load", "register"]

#: Languages shipped with a spaCy model.
MODELS = {"fr": "fr_core_news_md"}


@dataclass(frozen=True)
class LanguageData:
    lang: str
    cues: Cues
    lexicon: Lexicon
    syntax: Syntax
    gazetteer: Gazetteer
    hooks: LanguageHooks
    model_name: str | None = None

    @property
    def model(self) -> str:
        if self.model_name is None:
            raise ModelError(f"language {self.lang!r} has no spaCy model")
        return self.model_name

    # The gazetteer's tables, read often.
    @property
    def names(self) -> Mapping[str, GazetteerEntry]:
        return self.gazetteer.names

    @property
    def demonyms(self) -> Mapping[str, GazetteerEntry]:
        return self.gazetteer.demonyms

    @property
    def capitals(self) -> Mapping[str, tuple[GazetteerEntry, bool]]:
        return self.gazetteer.capitals


@cache
def load(lang: str = "fr") -> LanguageData:
    """The language data for ``lang``; raises ModelError for an unsupported language
    and LanguageDataError (naming the file and the key) for a malformed file."""
    s = spec(lang, MODELS)
    cues = read_section(Cues, s.folder / "cues.json")
    lexicon = with_expansion(read_section(Lexicon, s.folder / "events.json"), s.folder / "events_expanded.json",
                             EVENT_TYPES)
    syntax = read_section(Syntax, s.folder / "syntax.json")
    _check_classes(s.folder, lexicon, syntax)
    return LanguageData(lang, cues, lexicon, syntax, build_gazetteer(s.folder / "gazetteer.json"),
                        s.hooks(lang, cues, syntax), s.model)


def _check_classes(folder: Path, lexicon: Lexicon, syntax: Syntax) -> None:
    from kg.errors import LanguageDataError

    for key, table, allowed in (("verbs", lexicon.verbs, EVENT_TYPES), ("nouns", lexicon.nouns, EVENT_TYPES),
                                ("phrases", lexicon.phrases, EVENT_TYPES),
                                ("reflexive_verbs", lexicon.reflexive_verbs, EVENT_TYPES)):
        for word, cls in table.items():
            if cls not in allowed:
                raise LanguageDataError(f"{folder / 'events.json'}: key {key + '.' + word!r}: "
                                        f"{cls!r} is not an event class ({', '.join(allowed)})")
    for word, rules in lexicon.senses.items():
        for n, rule in enumerate(rules):
            where = f"{folder / 'events.json'}: key {f'senses.{word}[{n}]'!r}"
            if rule.becomes and rule.becomes not in EVENT_TYPES:
                raise LanguageDataError(f"{where}: {rule.becomes!r} is not an event class ({', '.join(EVENT_TYPES)})")
            heads = [*rule.theme, *rule.subject, *rule.governor, *(h for hs in rule.needs.values() for h in hs)]
            for group in (h[1:] for h in heads if h.startswith("@")):
                if group not in lexicon.sense_groups:
                    raise LanguageDataError(f"{where}: {'@' + group!r} is not a group of sense_groups")
    for label, cls in syntax.ner_labels.items():
        if cls not in ENTITY_TYPES:
            raise LanguageDataError(f"{folder / 'syntax.json'}: key {'ner_labels.' + label!r}: "
                                    f"{cls!r} is not an entity class ({', '.join(ENTITY_TYPES)})")
