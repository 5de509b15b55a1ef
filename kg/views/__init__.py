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

from kg.views.model import DEFAULT_MAX_NODES, PARENT, STYLES, View, ViewEdge, ViewNode
from kg.views.page import ENGINES, VIS_MAX_NODES, ViewPage, choose_engine, render, render_html, view_html, write_view
from kg.views.read import read_view
from kg.views.select import build_view, expand_types, filter_types, find_nodes, focus_view, limit_view

__all__ = ["DEFAULT_MAX_NODES", "ENGINES", "PARENT", "STYLES", "VIS_MAX_NODES", "View", "ViewEdge", "ViewNode",
           "ViewPage", "build_view", "choose_engine", "expand_types", "filter_types", "find_nodes", "focus_view",
           "limit_view", "read_view", "render", "render_html", "view_html", "write_view"]
