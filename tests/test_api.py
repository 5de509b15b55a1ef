"""The public API: ``import kg`` is light, the four functions work, their docstring examples run."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

from kg.errors import InputError


def test_import_kg_loads_no_heavy_library():
    code = ("import sys, kg; assert callable(kg.build) and callable(kg.query); "
            "print(sorted(m for m in ('spacy', 'rdflib', 'pyvis', 'pyoxigraph', 'kg.api') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['kg.api']"


def test_public_names():
    import kg

    assert {"build", "extract", "query", "view"} <= set(dir(kg))
    with pytest.raises(AttributeError):
        kg.no_such_function  # noqa: B018


@pytest.mark.model
def test_api_functions_stay_functions_after_every_module_is_imported():
    """A submodule named like an API function would replace it on the package."""
    import importlib
    import pkgutil

    import kg

    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name.startswith(("kg.lang.", "kg.__main__")):
            continue
        importlib.import_module(info.name)
    for name in ("build", "extract", "query", "view"):
        assert callable(getattr(kg, name)), f"kg.{name} is {getattr(kg, name)!r}"


@pytest.mark.model
def test_docstring_examples_run():
    import kg.api

    failed, attempted = doctest.testmod(kg.api, optionflags=doctest.ELLIPSIS)
    assert attempted >= 6 and failed == 0


@pytest.mark.model
def test_build_one_text_is_a_graph_several_a_dataset():
    import kg

    one = kg.build("Le Japon a signé un accord avec le Canada.")
    assert isinstance(one, Graph) and not isinstance(one, Dataset) and len(one) > 0
    many = kg.build(["Le Japon a signé un accord avec le Canada.", "Le Pérou a rompu avec le Chili."],
                    ids=["a", "b"])
    assert isinstance(many, Dataset)
    names = {str(c.identifier).rsplit("/", 1)[-1] for c in many.graphs()}
    assert {"a", "b"} <= names


@pytest.mark.parametrize("texts, ids, message", [
    ("   ", None, "holds no text"),
    (["un", "deux"], ["a"], "one id per text"),
    (["un", "deux"], ["a", "a"], "given twice"),
    ([b"bytes"], None, "expected a str"),
])
def test_bad_input_is_one_clear_error(texts, ids, message):
    import kg

    with pytest.raises(InputError, match=message):
        kg.build(texts, ids=ids)


def test_bad_date_is_one_clear_error():
    import kg

    with pytest.raises(InputError, match="YYYY-MM-DD"):
        kg.build("Un texte.", date="mardi")
