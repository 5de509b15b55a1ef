"""kg.views.layout: places for the WebGL page, computed ahead, deterministic."""

from __future__ import annotations

import math

from kg.views.layout import spread_layout
from kg.views.model import View, ViewEdge, ViewNode


def _two_stars(n: int = 30) -> View:
    """Two hubs, each with ``n`` events around it, one event shared: two clusters joined by a bridge."""
    nodes = [ViewNode("h0", "h0", "Country", []), ViewNode("h1", "h1", "Country", [])]
    edges = []
    for hub in (0, 1):
        for i in range(n):
            ev, person = f"e{hub}-{i}", f"p{hub}-{i}"
            nodes += [ViewNode(ev, ev, "Meeting", []), ViewNode(person, person, "Person", [])]
            edges += [ViewEdge(f"h{hub}", ev, "agent"), ViewEdge(ev, person, "recipient")]
    edges.append(ViewEdge("e0-0", "h1", "recipient"))
    return View(nodes, edges)


def test_every_node_gets_a_distinct_place_and_the_same_one_each_time() -> None:
    view = _two_stars()
    places = spread_layout(view)
    assert len(places) == len(view.nodes)
    assert len(set(places)) == len(places)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in places)
    assert spread_layout(view) == places


def test_linked_nodes_end_closer_than_unlinked_ones() -> None:
    view = _two_stars()
    places = dict(zip((n.key for n in view.nodes), spread_layout(view), strict=True))

    def dist(a: str, b: str) -> float:
        return math.dist(places[a], places[b])

    linked = sum(dist(e.source, e.target) for e in view.edges) / len(view.edges)
    across = sum(dist(f"p0-{i}", f"p1-{i}") for i in range(30)) / 30
    assert linked * 2 < across  # each hub's star stays together
    assert dist("h0", "h1") > dist("h0", "e0-5")


def test_empty_and_edgeless_views() -> None:
    assert spread_layout(View([], [])) == []
    loners = View([ViewNode(f"c{i}", f"c{i}", "City", []) for i in range(5)], [])
    assert len(set(spread_layout(loners))) == 5
