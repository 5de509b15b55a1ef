"""kg: French news text → RDF knowledge graph.

>>> import kg
>>> g = kg.build("Le 3 mars 2025, Emmanuel Macron a rencontré Olaf Scholz à Berlin.")  # doctest: +SKIP

The public API is :func:`build`, :func:`extract`, :func:`query` and
:func:`view` (see :mod:`kg.api`). Importing ``kg`` is cheap: they are loaded on
first use, and spaCy and pyvis only when a build or a view needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "build", "extract", "query", "view"]

if TYPE_CHECKING:
    from kg.api import build, extract, query, view


def __getattr__(name: str) -> Any:
    if name in ("build", "extract", "query", "view"):
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "build", "extract", "query", "view"])
