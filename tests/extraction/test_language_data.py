"""Language files are validated at load: a bad file names the file and the key."""

from __future__ import annotations

import copy

import pytest

from kg.errors import LanguageDataError
from kg.lang import load, register
from kg.lang.registry import _REGISTRY

from . import toy as toy_data


@pytest.fixture()
def make(tmp_path):
    def build(**files):
        folder = toy_data.write_toy(tmp_path / "bad", **files)
        register("bad", folder, folder / "hooks.py")
        return lambda: load("bad")

    yield build
    _REGISTRY.pop("bad", None)
    load.cache_clear()


def _with(section: dict, key: str, value) -> dict:
    changed = copy.deepcopy(section)
    changed[key] = value
    return changed


def test_a_value_of_the_wrong_kind_names_the_file_and_the_key(make):
    loader = make(cues=_with(toy_data.CUES, "months", ["march"]))
    with pytest.raises(LanguageDataError, match=r"cues\.json: key 'months': expected an object"):
        loader()


def test_a_nested_value_names_its_path(make):
    loader = make(cues=_with(toy_data.CUES, "months", {"march": "three"}))
    with pytest.raises(LanguageDataError, match=r"cues\.json: key 'months\.march': expected int"):
        loader()


def test_an_unknown_key_is_refused(make):
    loader = make(events=_with(toy_data.EVENTS, "verbz", {}))
    with pytest.raises(LanguageDataError, match=r"events\.json: key 'verbz' is not a known key"):
        loader()


def test_a_missing_key_is_refused(make):
    syntax = {k: v for k, v in toy_data.SYNTAX.items() if k != "place_preps"}
    with pytest.raises(LanguageDataError, match=r"syntax\.json: key 'place_preps' is missing"):
        make(syntax=syntax)()


def test_an_unknown_event_class_is_refused(make):
    loader = make(events=_with(toy_data.EVENTS, "verbs", {"meet": "Meating"}))
    with pytest.raises(LanguageDataError, match=r"events\.json: key 'verbs\.meet': 'Meating' is not an event class"):
        loader()


def test_an_unknown_dependency_scheme_is_refused(make):
    loader = make(syntax=_with(toy_data.SYNTAX, "dependencies", "stanford"))
    with pytest.raises(LanguageDataError, match=r"syntax\.json: key 'dependencies'"):
        loader()


def test_a_gazetteer_entry_of_an_unknown_type_is_refused(make):
    gaz = copy.deepcopy(toy_data.GAZETTEER)
    gaz["places"] = [{"label": "Zenda", "type": "Castle", "aliases": []}]
    with pytest.raises(LanguageDataError, match=r"gazetteer\.json: key 'places\[0\]\.type'"):
        make(gazetteer=gaz)()


def test_comments_are_ignored_and_french_loads(make):
    loader = make(cues={"_doc": "a comment", **toy_data.CUES})
    assert loader().cues.months["march"] == 3
    fr = load("fr")
    assert fr.cues.months["mars"] == 3 and fr.lexicon.verbs["annoncer"] == "Communication"
