"""Where the files that ship beside the code live: ontology, shapes, queries.

In a source checkout they are the top-level ``ontology/`` and ``queries/``
folders; an installed wheel carries copies as ``kg/_ontology`` and
``kg/_queries`` (see ``pyproject.toml``).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # neither typing nor pathlib (urllib, ipaddress...) on import: kg.fastpath imports this
if TYPE_CHECKING:
    from pathlib import Path

_PKG = os.path.dirname(os.path.realpath(__file__))


def folder_text(installed: str, checkout: str) -> str:
    """The folder of shipped files, as text (no pathlib): ``kg/INSTALLED`` in a wheel, else ``CHECKOUT``."""
    inside = os.path.join(_PKG, installed)
    return inside if os.path.isdir(inside) else os.path.join(os.path.dirname(_PKG), checkout)


def _folder(installed: str, checkout: str) -> Path:
    from pathlib import Path

    return Path(folder_text(installed, checkout))


def ontology_dir() -> Path:
    return _folder("_ontology", "ontology")


def queries_dir() -> Path:
    return _folder("_queries", "queries")


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    from pathlib import Path

    return Path(ontology_file())


def ontology_file() -> str:
    """:func:`ontology_path` as text, without importing pathlib."""
    return os.path.join(folder_text("_ontology", "ontology"), "kg.ttl")


def shapes_path() -> Path:
    """The SHACL shapes a built graph must satisfy."""
    return ontology_dir() / "shapes.ttl"


def lang_dir(lang: str) -> Path:
    """Language data (lexicons, gazetteer) for ``lang``, e.g. ``fr``."""
    from pathlib import Path

    return Path(_PKG, "lang", lang)
