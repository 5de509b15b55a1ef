"""The vis-network engine, for small graphs: node and edge data assembled with pyvis, bounded physics.

The page lays the graph out itself (Barnes-Hut, a bounded number of
iterations from :func:`kg.views.layout.initial_positions`, then physics off).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from kg.errors import KgError
from kg.views.data import node_fields
from kg.views.layout import initial_positions
from kg.views.model import EDGE_COLOURS, View, style_of

#: The page stops the layout after this long even if iterations remain (slow machines).
LAYOUT_BUDGET_MS = 8000


def vis_files() -> tuple[str, str]:
    """vis-network's script and style sheet as bundled with pyvis (newest version)."""
    lib = resources.files("pyvis").joinpath("lib")
    versions = sorted((p for p in lib.iterdir() if p.name.startswith("vis-") and p.joinpath("vis-network.min.js")
                       .is_file()), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
    if not versions:
        raise KgError("pyvis does not bundle vis-network here; reinstall pyvis>=0.3.2 (pip install 'pyvis>=0.3.2')")
    return (versions[-1].joinpath("vis-network.min.js").read_text("utf-8"),
            versions[-1].joinpath("vis-network.css").read_text("utf-8"))


def physics_options(n_nodes: int) -> dict:
    """vis-network options: Barnes-Hut with bounded stabilization; cheaper physics and drawing for big graphs."""
    big, huge = n_nodes > 300, n_nodes > 1000
    return {
        "layout": {"randomSeed": 7, "improvedLayout": False},  # nodes come with starting places
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "centralGravity": 0.3, "springLength": 110,
                          "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0.05,
                          "theta": 0.9 if huge else 0.5},
            "adaptiveTimestep": not huge,
            "minVelocity": 1.5,
            "stabilization": {"enabled": True, "iterations": stabilization_iterations(n_nodes),
                              "updateInterval": 5 if huge else 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True, "keyboard": {"enabled": False},
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"borderWidth": 1, "font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3},
                  "scaling": {"min": 8, "max": 36, "label": {"enabled": True, "min": 12, "max": 22,
                                                             "drawThreshold": 7}}},
        "edges": {"width": 1, "smooth": False if big else {"type": "continuous", "roundness": 0.3},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#555", "strokeWidth": 3},
                  "color": {"inherit": False}},
    }


def stabilization_iterations(n_nodes: int) -> int:
    """Physics iterations before the layout freezes: fewer for bigger graphs, which start from
    :func:`initial_positions` anyway (at most 400, at least 25)."""
    return max(25, min(400, 50_000 // max(n_nodes, 1)))


def vis_data(view: View, tables: dict) -> dict:
    """Nodes, edges and options for vis-network, assembled with pyvis (``tables``: see :func:`node_fields`)."""
    from pyvis.network import Network

    net = Network(directed=True)
    ids = {n.key: i for i, n in enumerate(view.nodes)}
    degree = view.degrees()
    places = initial_positions(view)
    for i, (n, fields) in enumerate(zip(view.nodes, node_fields(view, tables), strict=True)):
        style = style_of(n.cls)
        x, y = places[n.key]
        extra: dict = {**fields, "x": x, "y": y}
        border = "#222222" if n.focus else "#555555"
        if n.is_event:
            extra["size"] = 12
        else:
            extra["value"] = degree[n.key] + 1
        if n.hedged:
            extra["shapeProperties"] = {"borderDashes": [4, 3]}
            border = "#333333"
        extra["borderWidth"] = 4 if n.focus else (2 if n.hedged or n.negated else 1)
        colour = {"background": style.colour, "border": "#b2182b" if n.negated else border,
                  "highlight": {"background": style.colour, "border": "#000000"},
                  "hover": {"background": style.colour, "border": "#000000"}}
        net.add_node(i, label=n.label, shape=style.shape, color=colour, **extra)
    for e in view.edges:
        net.add_edge(ids[e.source], ids[e.target], label=e.role, title=e.role + (" (hedged)" if e.hedged else ""),
                     dashes=e.hedged, color=EDGE_COLOURS.get(e.role, "#888888"),
                     arrows="" if e.role == "ally" else "to")
    net.options = physics_options(len(view.nodes))
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": json.loads(options), "layoutBudgetMs": LAYOUT_BUDGET_MS}
