"""The interactive HTML view of a graph (``kg view``).

A graph becomes a :class:`View`: one node per entity and per event, with the
class, colour, shape and tooltip rows each is drawn with, and one edge per role
or relation. :func:`filter_types`, :func:`focus_view` and :func:`limit_view`
cut it down; :func:`render_html` turns it into one self-contained page.

What the page shows:

* entities coloured and shaped by ontology class, sized by their number of
  links, with a legend whose check boxes hide a class;
* events as diamonds joined to their role fillers by edges labelled with the
  role; dates, quantities, modality, source and confidence go into the
  event's tooltip, never into nodes of their own; reported or hypothetical
  (hedged) events are drawn with a dashed border and dashed edges;
* in every tooltip, the sentence the fact comes from;
* a search box over names and aliases; ``#focus=NAME`` in the address selects
  a node on opening.

Safety: text from the graph never becomes markup. It travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page's own script builds tooltips and panels with
``textContent``. A Content-Security-Policy lets only the page's two inline
scripts run (by hash) and forbids every request to any host; vis-network is
inlined from the copy pyvis bundles.

Large graphs: layout runs a bounded number of physics iterations and then
physics is switched off; above ``max_nodes`` the view keeps the most connected
entities and the events around them.

SPARQL is not needed here: the graph is read with rdflib's triple patterns.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.errors import InputError, KgError
from kg.namespace import KG, NIF, WD
from kg.records import ENTITY_TYPES, EVENT_TYPES

#: Largest number of nodes drawn unless the caller asks otherwise (``--max-nodes``).
DEFAULT_MAX_NODES = 1500
#: Roles drawn as edges from an event to the entity filling them. ``source``
#: is a role too, but it goes into the tooltip: a news agency linked to every
#: event it reported would pull the whole drawing towards itself.
EDGE_ROLES = ("agent", "recipient", "participant", "place")
#: Relations between entities drawn as edges; ``ally`` is symmetric.
RELATIONS = ("affiliation", "ally")
#: Modalities drawn dashed: the text does not commit to the event.
HEDGED = ("Reported", "Hypothetical")
#: Parent of each class below the top classes (as in ``ontology/kg.ttl``).
PARENT = {"NewsAgency": "Organization", "PoliticalParty": "Organization",
          "Country": "Place", "City": "Place", "Region": "Place",
          **{name: "Event" for name in EVENT_TYPES if name != "Event"}}
#: Classes in the order a node's class is chosen: most specific first.
CLASS_ORDER = tuple(n for n in ENTITY_TYPES + EVENT_TYPES if n in PARENT) + ("Person", "Organization", "Place",
                                                                           "Event")
#: The page stops the layout after this long even if iterations remain (slow machines).
LAYOUT_BUDGET_MS = 8000
#: Longest text kept in a tooltip line, in characters.
MAX_TEXT = 400
#: Sentences shown in an entity's tooltip.
MAX_SENTENCES = 2
_LABEL = 40  # longest label drawn on the canvas
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Style:
    """How the nodes of one class are drawn, and the legend symbol for it."""

    colour: str
    shape: str  # a vis-network shape whose label sits below it
    glyph: str


STYLES: dict[str, Style] = {
    "Person": Style("#4e79a7", "dot", "●"),
    "Organization": Style("#f28e2b", "square", "■"),
    "NewsAgency": Style("#b07aa1", "triangleDown", "▼"),
    "PoliticalParty": Style("#ff9da7", "triangle", "▲"),
    "Country": Style("#59a14f", "hexagon", "⬢"),
    "City": Style("#edc948", "star", "★"),
    "Region": Style("#76b7b2", "hexagon", "⬢"),
    "Place": Style("#8cd17d", "dot", "●"),
    "Communication": Style("#e15759", "diamond", "◆"),
    "Meeting": Style("#f1a340", "diamond", "◆"),
    "Agreement": Style("#1b9e77", "diamond", "◆"),
    "Deployment": Style("#9c755f", "diamond", "◆"),
    "Attack": Style("#b2182b", "diamond", "◆"),
    "Transaction": Style("#7570b3", "diamond", "◆"),
    "Decision": Style("#d6604d", "diamond", "◆"),
    "Event": Style("#999999", "diamond", "◆"),
}
#: Edge colour by role or relation.
EDGE_COLOURS = {"agent": "#4e79a7", "recipient": "#e15759", "participant": "#59a14f", "place": "#76b7b2",
                "affiliation": "#9c755f", "ally": "#b07aa1"}


@dataclass
class ViewNode:
    """One entity or event as drawn."""

    key: str  # the node's IRI
    label: str  # text drawn under the node
    cls: str  # ontology class (local name), see STYLES
    tip: list[tuple[str, str]]  # tooltip rows: (heading, text)
    names: tuple[str, ...] = ()  # label and aliases, for search and --focus
    hedged: bool = False  # reported or hypothetical event
    negated: bool = False
    focus: bool = False

    @property
    def is_event(self) -> bool:
        return self.cls in EVENT_TYPES


@dataclass(frozen=True)
class ViewEdge:
    """A role (event → entity; for ``agent``, entity → event) or a relation."""

    source: str
    target: str
    role: str
    hedged: bool = False


@dataclass
class View:
    """Nodes and edges to draw, and notes on what was left out."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    notes: list[str] = field(default_factory=list)

    def degrees(self) -> Counter[str]:
        deg: Counter[str] = Counter()
        for e in self.edges:
            deg[e.source] += 1
            deg[e.target] += 1
        return deg

    def neighbours(self) -> dict[str, set[str]]:
        """Node → the nodes an edge joins it to, either way."""
        around: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            around[e.source].add(e.target)
            around[e.target].add(e.source)
        return around


# --- graph → view ------------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents, as the page's search box compares names."""
    return re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFKD", text)).lower().strip()


def _short(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _local(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _classes(graph: Graph) -> dict[URIRef, str]:
    """Every entity and event IRI → its most specific kg class."""
    found: dict[URIRef, str] = {}
    for name in reversed(CLASS_ORDER):  # the most specific class is written last
        for s in graph.subjects(RDF.type, KG[name]):
            if isinstance(s, URIRef):
                found[s] = name
    return found


def _label(graph: Graph, node: URIRef) -> str:
    value = graph.value(node, RDFS.label)
    return str(value) if value is not None else _local(node)


def _sentences(graph: Graph, node: URIRef, limit: int) -> list[str]:
    """The sentences holding the node's mentions, in text order, without repeats."""
    def where(m: URIRef) -> tuple[str, int]:
        begin = graph.value(m, NIF.beginIndex)
        return str(graph.value(m, NIF.referenceContext) or ""), int(begin) if begin is not None else 0

    seen: list[str] = []
    for mention in sorted(graph.objects(node, KG.mention), key=where):
        sentence = graph.value(mention, KG.sentence)
        text = graph.value(sentence, NIF.anchorOf) if sentence is not None else None
        if text is not None and _short(str(text)) not in seen:
            seen.append(_short(str(text)))
        if len(seen) >= limit:
            break
    return seen


def _number(value: Literal | None) -> str:
    if value is None:
        return "?"
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", "\u202f")
    return format(d.normalize(), "f")


def _quantity(graph: Graph, q: URIRef) -> str:
    text = _number(graph.value(q, KG.value))
    unit = graph.value(q, KG.unit)
    if unit is not None:
        text += f" {unit}"
    if graph.value(q, KG.approximate) == Literal(True):
        text = "≈ " + text
    written = graph.value(q, RDFS.label)
    return text + (f" (« {_short(str(written), 80)} »)" if written is not None else "")


def _names(graph: Graph, nodes: Iterable[URIRef]) -> str:
    return ", ".join(sorted({_short(_label(graph, n), 80) for n in nodes}))


def _entity(graph: Graph, iri: URIRef, cls: str) -> ViewNode:
    label = _label(graph, iri)
    aliases = sorted({str(a) for a in graph.objects(iri, SKOS.altLabel)} - {label})
    tip = [(cls, _short(label))]
    if aliases:
        tip.append(("also", _short(", ".join(aliases))))
    for title in sorted(str(t) for t in graph.objects(iri, KG.title)):
        tip.append(("title", _short(title)))
    for match in sorted(graph.objects(iri, SKOS.exactMatch)):
        if str(match).startswith(str(WD)):
            tip.append(("Wikidata", _local(match)))
    for rel in RELATIONS:
        targets = list(graph.objects(iri, KG[rel]))
        if targets:
            tip.append((rel, _short(_names(graph, targets))))
    mentions = len(set(graph.objects(iri, KG.mention)))
    if mentions:
        tip.append(("mentions", str(mentions)))
    tip += [("sentence", s) for s in _sentences(graph, iri, MAX_SENTENCES)]
    tip.append(("IRI", str(iri)))
    return ViewNode(str(iri), _short(label, _LABEL), cls, tip, names=(label, *aliases))


def _event(graph: Graph, iri: URIRef, cls: str) -> ViewNode:
    label = _label(graph, iri)
    lemma = graph.value(iri, KG.lemma)
    modality = graph.value(iri, KG.modality)
    modality_name = _local(modality) if isinstance(modality, URIRef) else "Asserted"
    negated = graph.value(iri, KG.negated) == Literal(True)
    date = graph.value(iri, KG.date)
    tip = [(cls, _short(label))]
    if lemma is not None:
        tip.append(("word", _short(str(lemma), 80)))
    for role in EDGE_ROLES:
        fillers = list(graph.objects(iri, KG[role]))
        if fillers:
            tip.append((role, _short(_names(graph, fillers))))
    written = graph.value(iri, KG.dateText)
    if date is not None:
        tip.append(("date", str(date) + (f" (« {_short(str(written), 80)} »)" if written is not None else "")))
    for q in sorted(graph.objects(iri, KG.quantity)):
        tip.append(("quantity", _quantity(graph, q)))
    tip.append(("modality", modality_name))
    sources = list(graph.objects(iri, KG.source))
    if sources:
        tip.append(("source", _short(_names(graph, sources))))
    if negated:
        tip.append(("negated", "yes: the text says it did not happen"))
    confidence = graph.value(iri, KG.confidence)
    if confidence is not None:
        tip.append(("confidence", _number(confidence)))
    tip += [("sentence", s) for s in _sentences(graph, iri, 1)]
    document = graph.value(iri, KG.document)
    if document is not None:
        title = graph.value(document, DCTERMS.title) or graph.value(document, RDFS.label)
        tip.append(("document", _short(str(title if title is not None else document), 120)))
    tip.append(("IRI", str(iri)))
    drawn = ("¬ " if negated else "") + _short(str(lemma) if lemma is not None else cls, _LABEL)
    if date is not None:
        drawn += "\n" + _short(str(written if written is not None else date), _LABEL)
    return ViewNode(str(iri), drawn, cls, tip, names=(label,),
                    hedged=modality_name in HEDGED, negated=negated)


def read_view(graph: Graph) -> View:
    """Every entity and event of ``graph`` as a node; roles and relations as edges.

    Raises :class:`kg.errors.InputError` when the graph holds neither.
    """
    classes = _classes(graph)
    if not classes:
        raise InputError("the graph holds no entity or event to draw (nothing typed kg:Person, kg:Country, "
                         "kg:Communication...); build one with: kg build ARTICLE.txt -o graph.ttl")
    nodes = [(_event if cls in EVENT_TYPES else _entity)(graph, iri, cls) for iri, cls in sorted(classes.items())]
    hedged = {n.key for n in nodes if n.hedged}
    edges: list[ViewEdge] = []
    for iri, cls in sorted(classes.items()):
        if cls in EVENT_TYPES:
            for role in EDGE_ROLES:
                for filler in sorted(graph.objects(iri, KG[role])):
                    if filler in classes and classes[filler] not in EVENT_TYPES:
                        ends = (str(filler), str(iri)) if role == "agent" else (str(iri), str(filler))
                        edges.append(ViewEdge(*ends, role, str(iri) in hedged))
            continue
        for rel in RELATIONS:
            for target in sorted(graph.objects(iri, KG[rel])):
                if target in classes and (rel != "ally" or str(iri) < str(target)):
                    edges.append(ViewEdge(str(iri), str(target), rel))
    return View(nodes, edges)


# --- cutting a view down -----------------------------------------------------------------------------------------


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


# --- view → HTML -------------------------------------------------------------------------------------------------


def _vis_files() -> tuple[str, str]:
    """vis-network's script and style sheet as bundled with pyvis (newest version)."""
    lib = resources.files("pyvis").joinpath("lib")
    versions = sorted((p for p in lib.iterdir() if p.name.startswith("vis-") and p.joinpath("vis-network.min.js")
                       .is_file()), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
    if not versions:
        raise KgError("pyvis does not bundle vis-network here; reinstall pyvis>=0.3.2 (pip install 'pyvis>=0.3.2')")
    return (versions[-1].joinpath("vis-network.min.js").read_text("utf-8"),
            versions[-1].joinpath("vis-network.css").read_text("utf-8"))


def _template_file(name: str) -> str:
    return resources.files("kg").joinpath("templates", name).read_text("utf-8")


def _raw(content: str, tag: str):
    """Trusted content for a ``<script>`` or ``<style>`` element, refused if it could close it."""
    from markupsafe import Markup

    if re.search(rf"</{tag}", content, re.IGNORECASE) or "<!--" in content:
        raise KgError(f"cannot inline this {tag}: it contains </{tag} or <!--")
    return Markup(content)


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _sha256(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode() + "'"


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


def initial_positions(view: View, spacing: float = 60.0) -> dict[str, tuple[float, float]]:
    """Where the layout starts: entities on a sunflower spiral, most connected at the centre,
    each event beside the centre of its fillers. Physics then needs far fewer iterations than
    from random places, and the same view always starts (and ends) the same way."""
    degree = view.degrees()
    around = view.neighbours()
    ranked = sorted(view.nodes, key=lambda n: (n.is_event, -degree[n.key], n.label, n.key))
    places: dict[str, tuple[float, float]] = {}
    spiral = 0
    for n in ranked:
        fillers = [places[k] for k in sorted(around[n.key]) if k in places]
        if n.is_event and fillers:
            angle = GOLDEN_ANGLE * len(places)
            x = sum(p[0] for p in fillers) / len(fillers) + spacing / 2 * math.cos(angle)
            y = sum(p[1] for p in fillers) / len(fillers) + spacing / 2 * math.sin(angle)
        else:
            radius, angle = spacing * math.sqrt(spiral), GOLDEN_ANGLE * spiral
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            spiral += 1
        places[n.key] = (round(x, 1), round(y, 1))
    return places


def _network_data(view: View) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options for vis-network, assembled with pyvis."""
    from pyvis.network import Network

    net = Network(directed=True)
    ids = {n.key: i for i, n in enumerate(view.nodes)}
    degree = view.degrees()
    places = initial_positions(view)
    for n in view.nodes:
        style = STYLES.get(n.cls, STYLES["Event" if n.is_event else "Place"])
        x, y = places[n.key]
        extra: dict = {"cls": n.cls, "tip": n.tip, "search": fold(" | ".join(n.names or (n.label,))), "x": x, "y": y}
        border = "#222222" if n.focus else "#555555"
        if n.is_event:
            extra["size"] = 12
            extra["event"] = True
        else:
            extra["value"] = degree[n.key] + 1
        if n.hedged:
            extra["shapeProperties"] = {"borderDashes": [4, 3]}
            border = "#333333"
        if n.focus:
            extra["focus"] = True
        extra["borderWidth"] = 4 if n.focus else (2 if n.hedged or n.negated else 1)
        colour = {"background": style.colour, "border": "#b2182b" if n.negated else border,
                  "highlight": {"background": style.colour, "border": "#000000"},
                  "hover": {"background": style.colour, "border": "#000000"}}
        net.add_node(ids[n.key], label=n.label, shape=style.shape, color=colour, **extra)
    for e in view.edges:
        net.add_edge(ids[e.source], ids[e.target], label=e.role, title=e.role + (" (hedged)" if e.hedged else ""),
                     dashes=e.hedged, color=EDGE_COLOURS.get(e.role, "#888888"),
                     arrows="" if e.role == "ally" else "to")
    net.options = physics_options(len(view.nodes))
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return nodes, edges, json.loads(options)


def _legend(view: View) -> list[dict]:
    counts = Counter(n.cls for n in view.nodes)
    return [{"cls": c, "count": counts[c], "colour": s.colour, "glyph": s.glyph} for c, s in STYLES.items()
            if counts[c]]


def render_html(view: View, title: str = "kg view") -> str:
    """One self-contained HTML page: vis-network, styles and data inlined, no request to any host."""
    from jinja2 import Environment

    vis_js, vis_css = _vis_files()
    app_js, app_css = _template_file("view.js"), _template_file("view.css")
    nodes, edges, options = _network_data(view)
    data = {"nodes": nodes, "edges": edges, "options": options, "layoutBudgetMs": LAYOUT_BUDGET_MS}
    csp = ("default-src 'none'; " f"script-src {_sha256(vis_js)} {_sha256(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    env = Environment(autoescape=True, keep_trailing_newline=True)
    page = env.from_string(_template_file("view.html.j2"))
    return page.render(title=title, csp=csp, legend=_legend(view), notes=view.notes,
                       n_nodes=len(nodes), n_edges=len(edges),
                       vis_js=_raw(vis_js, "script"), app_js=_raw(app_js, "script"),
                       vis_css=_raw(vis_css, "style"), app_css=_raw(app_css, "style"),
                       data=_raw(script_json(data), "script"))


def view_html(graph: Graph, *, title: str = "kg view", **options) -> tuple[str, View]:
    """:func:`build_view` then :func:`render_html`; returns the page and the view drawn."""
    view = build_view(graph, **options)
    return render_html(view, title=title), view


def write_view(graph: Graph, path: str | Path, **options) -> View:
    """Write the view of ``graph`` to ``path`` (atomically); returns the view drawn."""
    from kg.files import write_atomic

    html, view = view_html(graph, title=f"kg view: {Path(path).stem}", **options)
    write_atomic(path, html.encode("utf-8"))
    return view
