"""Where the files that ship beside the code live: ontology, shapes, queries.

In a source checkout they are the top-level ``ontology/`` and ``queries/``
folders; an installed wheel carries copies as ``kg/_ontology`` and
``kg/_queries`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _folder(installed: str, checkout: str) -> Path:
    inside = _PKG / installed
    if inside.is_dir():
        return inside
    return _PKG.parent / checkout


def ontology_dir() -> Path:
    return _folder("_ontology", "ontology")


def queries_dir() -> Path:
    return _folder("_queries", "queries")


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    """The SHACL shapes a built graph must satisfy."""
    return ontology_dir() / "shapes.ttl"


def lang_dir(lang: str) -> Path:
    """Language data (lexicons, gazetteer) for ``lang``, e.g. ``fr``."""
    return _PKG / "lang" / lang
