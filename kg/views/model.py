"""What a view draws: nodes, edges, their classes and styles (no RDF, no HTML here).

A :class:`View` is one node per entity and per event, with the class, tooltip
rows, provenance and date each is drawn with, and one edge per role or
relation. :mod:`kg.views.read` fills it from a graph, :mod:`kg.views.select`
cuts it down, :mod:`kg.views.page` draws it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.records import ENTITY_TYPES, EVENT_TYPES

#: Largest number of nodes drawn unless the caller asks otherwise (``--max-nodes``).
DEFAULT_MAX_NODES = 1500
#: Roles drawn as edges from an event to the entity filling them. ``source``
#: is a role too, but it goes into the tooltip: a news agency linked to every
#: event it reported would pull the whole drawing towards itself.
EDGE_ROLES = ("agent", "recipient", "participant", "place")
#: Relations between entities drawn as edges; ``ally`` is symmetric.
RELATIONS = ("affiliation", "ally")
#: Modalities, in the order the page's filter lists them.
MODALITIES = ("Asserted", "Reported", "Hypothetical")
#: Modalities drawn dashed (hollow in the timeline): the text does not commit to the event.
HEDGED = ("Reported", "Hypothetical")
#: Parent of each class below the top classes (as in ``ontology/kg.ttl``).
PARENT = {"NewsAgency": "Organization", "PoliticalParty": "Organization",
          "Country": "Place", "City": "Place", "Region": "Place",
          **{name: "Event" for name in EVENT_TYPES if name != "Event"}}
#: Classes in the order a node's class is chosen: most specific first.
CLASS_ORDER = tuple(n for n in ENTITY_TYPES + EVENT_TYPES if n in PARENT) + ("Person", "Organization", "Place",
                                                                           "Event")


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


def style_of(cls: str) -> Style:
    """The style of a class; unknown event classes look like ``Event``, other unknowns like ``Place``."""
    return STYLES.get(cls, STYLES["Event" if cls in EVENT_TYPES else "Place"])


@dataclass(frozen=True)
class Evidence:
    """One sentence behind a node's facts, with the words to highlight in it.

    ``marks`` are ``(start, end, kind)`` character offsets into ``text``;
    ``kind`` is ``trigger``, a role name, or ``mention`` (the entity itself).
    """

    text: str
    document: str  # the document's title, or its id
    marks: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class When:
    """An event's date placed on a time axis: days since 1970-01-01, first and last day.

    ``kind`` is ``date``, ``month`` (``2024-06``), ``year`` (``2024``) or
    ``no-year`` (``--12-26``, placed in ``year_from``'s year); ``label`` says
    which, for the timeline.
    """

    first: int
    last: int
    kind: str
    label: str


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
    modality: str | None = None  # events only
    when: When | None = None  # dated events only
    evidence: tuple[Evidence, ...] = ()

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
