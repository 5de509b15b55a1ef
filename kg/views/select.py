"""Cutting a view down: classes (``--types``), a neighbourhood (``--focus``/``--depth``), a size (``--max-nodes``)."""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable
from dataclasses import replace

from rdflib import Graph

from kg.errors import InputError
from kg.lang import fold
from kg.records import EVENT_TYPES
from kg.views.model import DEFAULT_MAX_NODES, PARENT, STYLES, View, ViewNode
from kg.views.read import read_view


def _restrict(view: View, keep: set[str], notes: Iterable[str] = ()) -> View:
    nodes = [n for n in view.nodes if n.key in keep]
    edges = [e for e in view.edges if e.source in keep and e.target in keep]
    return View(nodes, edges, [*view.notes, *notes])


def expand_types(types: Iterable[str]) -> set[str]:
    """Class names (any case, comma-separated or not) → those classes and their subclasses.

    Raises :class:`kg.errors.InputError` on a name that is not a kg class.
    """
    by_fold = {name.lower(): name for name in STYLES} | {"entity": "Entity"}
    wanted: set[str] = set()
    for item in types:
        for raw in filter(None, (part.strip() for part in item.split(","))):
            name = by_fold.get(raw.lower())
            if name is None:
                raise InputError(f"--types: unknown class {raw!r}; use one or more of "
                                 f"{', '.join(['Entity', *STYLES])} (a class includes its subclasses)")
            wanted.add(name)
    return {c for c in STYLES if c in wanted or PARENT.get(c) in wanted
            or ("Entity" in wanted and c not in EVENT_TYPES)}


def filter_types(view: View, types: Iterable[str]) -> View:
    """Keep only nodes of the given classes (with their subclasses), e.g. ``["Person", "Event"]``."""
    wanted = expand_types(types)
    if not wanted:
        return view
    keep = {n.key for n in view.nodes if n.cls in wanted}
    if not keep:
        present = sorted({n.cls for n in view.nodes})
        raise InputError(f"--types: the graph has no node of class {', '.join(sorted(wanted))}; "
                         f"it has {', '.join(present)}")
    return _restrict(view, keep, [f"classes shown: {', '.join(c for c in STYLES if c in wanted)}"])


def find_nodes(view: View, name: str) -> list[ViewNode]:
    """Nodes named ``name`` (label first, then aliases; case and accents ignored) or whose IRI it is.

    Raises :class:`kg.errors.InputError`, with the closest names, when none is.
    """
    wanted = fold(name)
    exact = [n for n in view.nodes if n.key == name.strip()]
    by_label = [n for n in view.nodes if n.names and fold(n.names[0]) == wanted]
    by_alias = [n for n in view.nodes if any(fold(a) == wanted for a in n.names[1:])]
    found = exact or by_label or by_alias
    if found:
        return found
    labels = {fold(n.names[0]): n.names[0] for n in view.nodes if n.names and not n.is_event}
    close = [labels[k] for k in difflib.get_close_matches(wanted, labels, n=3, cutoff=0.6)]
    hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else \
        f"the view holds {len(labels)} entities, e.g. {', '.join(repr(v) for v in sorted(labels.values())[:3])}"
    raise InputError(f"--focus {name!r}: no entity or event has this name or IRI; {hint} "
                     "(labels and aliases match, case and accents ignored)")


def focus_view(view: View, name: str, depth: int = 2) -> View:
    """The nodes at most ``depth`` links away from the node(s) named ``name``.

    An event is one link away from its role fillers, so ``depth=2`` reaches
    the entities that share an event with the named one.
    """
    if depth < 0:
        raise InputError(f"--depth {depth}: give 0 or more links")
    seeds = find_nodes(view, name)
    around = view.neighbours()
    reached = {n.key: 0 for n in seeds}
    queue = deque(n.key for n in seeds)
    while queue:
        key = queue.popleft()
        if reached[key] < depth:
            for other in sorted(around[key] - reached.keys()):
                reached[other] = reached[key] + 1
                queue.append(other)
    seed_keys = {n.key for n in seeds}
    focused = _restrict(view, set(reached),
                        [f"around {', '.join(n.names[0] if n.names else n.label for n in seeds)}: "
                         f"{len(reached)} nodes within {depth} link{'s' if depth != 1 else ''}"])
    focused.nodes = [replace(n, focus=True) if n.key in seed_keys else n for n in focused.nodes]
    return focused


def limit_view(view: View, max_nodes: int) -> View:
    """At most ``max_nodes`` nodes (0: no limit), starting from the most connected entities.

    A third of the room goes to the entities with most links, the rest to the
    events that join most of them, then to further entities if room is left.
    Focused nodes are always kept.
    """
    if max_nodes <= 0 or len(view.nodes) <= max_nodes:
        return view
    degree = view.degrees()
    ranked = sorted(view.nodes, key=lambda n: (not n.focus, -degree[n.key], n.label, n.key))
    entities = [n.key for n in ranked if not n.is_event]
    chosen = {n.key for n in view.nodes if n.focus}
    for key in entities:
        if len(chosen) >= max(1, max_nodes // 3):
            break
        chosen.add(key)
    fillers = view.neighbours()
    events = [n.key for n in ranked if n.is_event and fillers[n.key] & chosen]
    events.sort(key=lambda k: -len(fillers[k] & chosen))  # stable: ties keep the degree order
    for key in events + entities:
        if len(chosen) >= max_nodes:
            break
        chosen.add(key)
    return _restrict(view, chosen, [f"showing {len(chosen)} of {len(view.nodes)} nodes: the most connected "
                                    "entities and their events; raise --max-nodes or use --focus NAME to see more"])


def build_view(graph: Graph, *, focus: str | None = None, depth: int = 2, types: Iterable[str] = (),
               max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """Read ``graph``, keep the given classes, the neighbourhood of ``focus``, at most ``max_nodes`` nodes."""
    view = read_view(graph)
    types = list(types)
    if types:
        view = filter_types(view, types)
    if focus:
        view = focus_view(view, focus, depth)
    return limit_view(view, max_nodes)
