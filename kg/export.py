"""A kg graph as a network (GraphML, GEXF for Gephi and Cytoscape), other RDF formats, and its counts.

:func:`to_networkx` keeps what a network view needs: one node per entity and
per event (keyed by IRI; attributes ``label``, ``class`` — the most specific
kg class —, ``kind`` ``entity`` or ``event``, and for events ``lemma``,
``date``, ``modality``, ``negated``, ``confidence``, ``quantity``, ``unit``)
and one edge per role (event → entity, keyed and labelled by the role:
``agent``, ``recipient``, ``participant``, ``place``, ``source``) or relation
(entity → entity: ``affiliation``, ``ally``). Mentions, sentences and
documents stay in the RDF.

:func:`export` picks the format from the extension; :func:`stats` counts the
subjects of each class and ranks entities by degree centrality.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.errors import FormatError
from kg.files import write_atomic
from kg.namespace import KG
from kg.rdf.formats import WRITE_EXTENSIONS
from kg.rdf.terms import local_name
from kg.rdf.write import write_graph
from kg.stats import ENTITY_CLASSES, EVENT_CLASSES
from kg.text import xml_safe

if TYPE_CHECKING:
    import networkx as nx

#: Event → entity properties that become edges.
ROLES = ("agent", "recipient", "participant", "place", "source")
#: Entity → entity properties that become edges.
RELATIONS = ("affiliation", "ally")
#: Network formats by file extension (RDF ones are :data:`kg.rdf.formats.WRITE_EXTENSIONS`).
NETWORK_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
#: Classes another kg class refines: a node typed with both is shown with the finer one.
_GENERAL = frozenset({KG.Entity, KG.Organization, KG.Place, KG.Event})
DEFAULT_TOP = 10


def _local(iri: URIRef) -> str:
    return xml_safe(local_name(iri))


def _class_of(types: Iterable[URIRef]) -> URIRef:
    """The most specific of a node's kg classes (ties: alphabetical)."""
    ranked = sorted(types, key=lambda c: (c in _GENERAL, str(c)))
    return ranked[0]


def _typed(graph: Graph, classes: Iterable[URIRef]) -> dict[URIRef, URIRef]:
    """Subject → its most specific class among ``classes``."""
    found: dict[URIRef, list[URIRef]] = {}
    for cls in classes:
        for subject in graph.subjects(RDF.type, cls):
            if isinstance(subject, URIRef):
                found.setdefault(subject, []).append(cls)
    return {s: _class_of(types) for s, types in found.items()}


def _value(term: Any) -> str | float | bool | None:
    """An RDF literal as a GraphML/GEXF attribute value (numbers as float)."""
    if not isinstance(term, Literal):
        return _local(term) if isinstance(term, URIRef) else None
    value = term.toPython()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    return xml_safe(str(term))


def _event_attributes(graph: Graph, event: URIRef) -> dict[str, Any]:
    attributes = {name: _value(graph.value(event, KG[name]))
                  for name in ("lemma", "date", "modality", "negated", "confidence")}
    quantity = graph.value(event, KG.quantity)
    if quantity is not None:
        attributes["quantity"] = _value(graph.value(quantity, KG.value))
        attributes["unit"] = _value(graph.value(quantity, KG.unit))
        attributes["approximate"] = _value(graph.value(quantity, KG.approximate))
    return attributes


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and events as nodes, roles and relations as labelled edges (deterministic order)."""
    import networkx as nx

    network = nx.MultiDiGraph()
    entities, events = _typed(graph, ENTITY_CLASSES), _typed(graph, EVENT_CLASSES)
    for kind, nodes in (("entity", entities), ("event", events)):
        for node in sorted(nodes):
            attributes = {"label": xml_safe(str(graph.value(node, RDFS.label) or _local(node))),
                          "class": _local(nodes[node]), "kind": kind}
            if kind == "event":
                attributes.update(_event_attributes(graph, node))
            network.add_node(xml_safe(str(node)), **{k: v for k, v in attributes.items() if v is not None})
    edges = [(name, s, o) for name, sources, targets in ((r, events, entities) for r in ROLES)
             for s, o in graph.subject_objects(KG[name]) if s in sources and o in targets]
    edges += [(name, s, o) for name in RELATIONS
              for s, o in graph.subject_objects(KG[name]) if s in entities and o in entities]
    for n, (name, s, o) in enumerate(sorted(edges, key=lambda e: (str(e[1]), e[0], str(e[2])))):
        network.add_edge(xml_safe(str(s)), xml_safe(str(o)), key=name, id=f"e{n}", role=name, label=name)
    return network


def network_bytes(network: nx.MultiDiGraph, fmt: str) -> bytes:
    """``network`` as ``graphml`` or ``gexf`` (UTF-8 XML); edge ids are unique (``e0``, ``e1``…)."""
    import networkx as nx

    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, out, edge_id_from_attribute="id")
    elif fmt == "gexf":
        nx.write_gexf(network, out)
        # networkx stamps today's date; the attribute is optional in GEXF and the
        # same graph must give the same bytes.
        return re.sub(rb'\s+lastmodifieddate="[^"]*"', b"", out.getvalue())
    else:
        raise FormatError(f"unknown network format {fmt!r}; use one of {', '.join(NETWORK_FORMATS.values())}")
    return out.getvalue()


def export(graph: Graph, path: str | Path) -> None:
    """Write ``graph`` to ``path`` (atomically), in the format its extension names."""
    suffix = Path(path).suffix.lower()
    if suffix in NETWORK_FORMATS:
        write_atomic(path, network_bytes(to_networkx(graph), NETWORK_FORMATS[suffix]))
    elif suffix in WRITE_EXTENSIONS:
        write_graph(graph, path)
    else:
        known = ", ".join(sorted({*WRITE_EXTENSIONS, *NETWORK_FORMATS}))
        raise FormatError(f"unknown export format {suffix or '(no extension)'!r} for {path}; use one of {known}")


@dataclass(frozen=True)
class RankedEntity:
    """An entity and how connected it is in the network of roles and relations."""

    iri: str
    label: str
    cls: str
    degree: int  # role and relation edges, in and out
    centrality: float  # share of the other nodes it is linked to


@dataclass(frozen=True)
class GraphStats:
    """What :func:`stats` counts."""

    triples: int
    classes: dict[str, int]  # compact class name → distinct subjects, most frequent first
    top: list[RankedEntity]


def stats(graph: Graph, top: int = DEFAULT_TOP) -> GraphStats:
    """Counts by class (every ``rdf:type`` object) and the ``top`` most connected entities."""
    import networkx as nx

    subjects: dict[URIRef, set] = {}
    for s, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef):
            subjects.setdefault(cls, set()).add(s)
    counts = Counter({graph.namespace_manager.normalizeUri(cls): len(members) for cls, members in subjects.items()})
    network = to_networkx(graph)
    centrality = nx.degree_centrality(nx.Graph(network.to_undirected(as_view=True))) if len(network) else {}
    ranked = [RankedEntity(node, data["label"], data["class"], network.degree(node), round(centrality[node], 6))
              for node, data in network.nodes(data=True) if data["kind"] == "entity"]
    ranked.sort(key=lambda e: (-e.centrality, -e.degree, e.label, e.iri))
    return GraphStats(len(graph), dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), ranked[:top])
