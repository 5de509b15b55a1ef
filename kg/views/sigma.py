"""The WebGL engine, for large graphs: sigma.js over graphology, the layout computed ahead in Python.

The page only draws: every node comes with its place (:func:`kg.views.layout.spread_layout`),
so nothing runs a layout in the page and 50,000 nodes open without blocking it.
WebGL cannot dash a line, so a hedged event is drawn in a pale tint of its
class colour and its edges grey; a negated event keeps ``¬`` in
its label. The vendored builds and their licences are in ``kg/views/vendor``.
"""

from __future__ import annotations

import math
from importlib import resources

from kg.errors import KgError
from kg.views.data import node_fields
from kg.views.layout import spread_layout
from kg.views.model import EDGE_COLOURS, View, style_of

#: Vendored files, in the order the page runs them, with their licence texts.
VENDORED = (("graphology.umd.min.js", "LICENSE-graphology.txt"), ("sigma.min.js", "LICENSE-sigma.txt"))
HEDGED_EDGE = "#c8c8c8"


def _vendor(name: str) -> str:
    return resources.files("kg.views").joinpath("vendor", name).read_text("utf-8")


def sigma_library() -> str:
    """graphology then sigma, each after a comment holding its licence: one script for the page."""
    parts = []
    for script, licence in VENDORED:
        text = _vendor(licence)
        if "*/" in text:
            raise KgError(f"kg/views/vendor/{licence} cannot go into a comment: it holds */")
        parts.append(f"/*! {script}, from kg/views/vendor (see NOTICE there)\n{text}*/\n{_vendor(script)}")
    return "\n;\n".join(parts)


def pale(colour: str, amount: float = 0.6) -> str:
    """``colour`` (#rrggbb) mixed with ``amount`` of white."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def sigma_data(view: View, tables: dict) -> dict:
    """Nodes (with places, sizes, colours) and edges for the sigma page (``tables``: see :func:`node_fields`)."""
    ids = {n.key: i for i, n in enumerate(view.nodes)}
    degree = view.degrees()
    places = spread_layout(view)
    big = len(view.nodes) > 5000  # smaller discs, or hubs hide their neighbours
    nodes = []
    for i, (n, fields) in enumerate(zip(view.nodes, node_fields(view, tables), strict=True)):
        colour = style_of(n.cls).colour
        if big:
            size = 1.5 if n.is_event else min(8.0, 2.5 + 0.6 * math.sqrt(degree[n.key]))
        else:
            size = 4.0 if n.is_event else min(14.0, 5.0 + 1.2 * math.sqrt(degree[n.key]))
        nodes.append({**fields, "id": i, "label": n.label.replace("\n", " · "), "x": places[i][0],
                      "y": -places[i][1], "size": round(size, 1), "color": pale(colour) if n.hedged else colour})
    edges = [{"from": ids[e.source], "to": ids[e.target], "label": e.role,
              "color": HEDGED_EDGE if e.hedged else EDGE_COLOURS.get(e.role, "#888888")} for e in view.edges]
    return {"nodes": nodes, "edges": edges}
