"""kg: French news text → RDF knowledge graph.

>>> import kg
>>> g = kg.build("Le 3 mars 2025, Emmanuel Macron a rencontré Olaf Scholz à Berlin.")  # doctest: +SKIP

The public API is :func:`build`, :func:`extract`, :func:`query` and
:func:`view` (see :mod:`kg.api`). Importing ``kg`` is cheap: they are loaded on
first use, and spaCy and pyvis only when a build or a view needs them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs kg query --db (kg.fastpath) its start

__version__ = "0.1.0"
__all__ = ["__version__", "build", "extract", "query", "view"]

if TYPE_CHECKING:
    from typing import Any

    from kg.api import build, extract, query, view


def __getattr__(name: str) -> Any:
    if name in ("build", "extract", "query", "view"):
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "build", "extract", "query", "view"])
