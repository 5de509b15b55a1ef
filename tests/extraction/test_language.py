"""A second language from a temporary folder: registered by code, run on a hand-built parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.extraction import extract
from kg.lang import load, register
from kg.lang.registry import _REGISTRY

from .conllu import doc_from
from .toy import write_toy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def toy(tmp_path):
    folder = write_toy(tmp_path / "xx")
    register("xx", folder, folder / "hooks.py")
    yield load("xx")
    _REGISTRY.pop("xx", None)
    load.cache_clear()


def test_the_extractor_runs_on_a_toy_language(toy):
    rec = extract(doc_from("""
Alice Alice PROPN 2 nsubj _ B-PER
met meet VERB 0 root Tense=Past|VerbForm=Fin
Bob Bob PROPN 2 obj _ B-PER
in in ADP 5 case
Strelsau Strelsau PROPN 2 obl
on on ADP 7 case
3 3 NUM 2 obl:mod
March march NOUN 7 flat
2025 2025 NUM 7 nummod
. . PUNCT 2 punct
"""), toy, doc_id="t", publication_date=dt.date(2025, 3, 10))
    assert set(rec.entities) == {"Person:alice", "Person:bob", "Place:strelsau"}
    assert rec.entities["Place:strelsau"].type == "City"  # a capital after a place preposition
    (ev,) = rec.events
    assert (ev.type, ev.lemma) == ("Meeting", "meet")
    assert sorted((r.role, r.entity) for r in ev.roles) == [
        ("participant", "Person:alice"), ("participant", "Person:bob"), ("place", "Place:strelsau")]
    assert ev.date is not None and ev.date.iso == "2025-03-03"
    assert rec.lang == "xx"


def test_the_toy_language_hooks_are_its_own(toy):
    assert type(toy.hooks).__name__ == "ToyHooks"
    assert toy.hooks.inflect("red") == {"red", "reds"}
    assert toy.hooks.preposition("In") == "in"


def test_negation_particle_comes_from_the_language(toy):
    rec = extract(doc_from("""
Alice Alice PROPN 4 nsubj _ B-PER
did do AUX 4 aux Tense=Past|VerbForm=Fin
not not PART 4 advmod
meet meet VERB 0 root VerbForm=Inf
Bob Bob PROPN 4 obj _ B-PER
. . PUNCT 4 punct
"""), toy, doc_id="t")
    (ev,) = rec.events
    assert ev.negated and ev.type == "Event"


def test_an_unknown_language_is_refused():
    with pytest.raises(ModelError, match="'zz' is not supported"):
        load("zz")


def test_shared_code_never_names_a_language():
    # kg/extraction asks kg.lang for a code; it imports no language package by name.
    for path in (ROOT / "kg" / "extraction").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "kg.lang.fr" not in text and "lang/fr" not in text, path


def test_no_french_word_in_the_extractor_code():
    # Words live in kg/lang/<code>/*.json: no string literal of kg/extraction (comments and
    # docstrings aside) holds an accented letter or one of French's grammar words.
    import ast
    import re

    fr = load("fr")
    syntax = fr.syntax
    grammar = {w for group in (syntax.place_preps, syntax.of_preps, syntax.between_preps, syntax.joint_preps,
                               syntax.definite_articles, syntax.anaphoric_determiners, syntax.personal_pronouns,
                               syntax.place_pronouns, syntax.reflexive_pronouns, syntax.negation_particles,
                               syntax.framing_nouns, fr.cues.attribution_preps) for w in group}
    grammar |= set(syntax.contractions) - {"aux"}  # « aux » is also UD's auxiliary relation
    grammar = {w.rstrip("'") for w in grammar if len(w.rstrip("'")) > 1}
    found = []
    for path in sorted((ROOT / "kg" / "extraction").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                words = re.findall(r"[^\W\d_]+", node.value)
                bad = [w for w in words if re.search(r"[à-ÿ]", w.lower()) or w.lower() in grammar]
                if bad:
                    found.append(f"{path.name}:{node.lineno}: {bad}")
    assert not found, found
