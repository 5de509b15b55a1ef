"""The interactive HTML view of a graph (``kg view``, ``kg.view(graph)``).

Modules, one job each: :mod:`~kg.views.model` (what is drawn), :mod:`~kg.views.read`
(graph → view), :mod:`~kg.views.when` (dates on a time axis),
:mod:`~kg.views.select` (``--types``, ``--focus``, ``--max-nodes``),
:mod:`~kg.views.layout` (places), :mod:`~kg.views.data` (fields both pages
read), :mod:`~kg.views.vis` and :mod:`~kg.views.sigma` (the two engines),
:mod:`~kg.views.page` (the HTML page, :class:`ViewPage`).

What the page shows: entities coloured by class and sized by links, events
joined to their role fillers, hedged events drawn differently, a legend whose
boxes hide a class, filters by modality and dates, a timeline of the dated
events whose brushing filters the graph, a search box over names and
aliases, and on click a panel with the node's facts and the sentences they
come from, trigger and role fillers marked. ``#focus=NAME`` in the address
selects a node on opening. Two engines: vis-network (pyvis) for small graphs,
laid out in the page; sigma.js (WebGL) for large ones, laid out ahead in Python.

>>> from kg.views import render  # doctest: +SKIP
>>> render(graph).save("graph.html")  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public names → the module of the package that defines them; loaded on first use, so that
#: ``kg view --help`` (and every other command) starts without rdflib, jinja2 or numpy.
_EXPORTS = {
    **dict.fromkeys(("DEFAULT_MAX_NODES", "PARENT", "STYLES", "View", "ViewEdge", "ViewNode"), "kg.views.model"),
    **dict.fromkeys(("ENGINES", "VIS_MAX_NODES", "ViewPage", "choose_engine", "render", "render_html", "view_html",
                     "write_view"), "kg.views.page"),
    "read_view": "kg.views.read",
    **dict.fromkeys(("build_view", "expand_types", "filter_types", "find_nodes", "focus_view", "limit_view"),
                    "kg.views.select"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg.views' has no attribute {name!r}")

