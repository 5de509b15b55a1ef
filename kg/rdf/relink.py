"""One node per entity across the named graphs of a corpus, kept so by updates.

A corpus holds each document's facts in its own named graph (:mod:`kg.corpus`),
as N-Triples lines. :func:`relink` reads back every graph's persons and
organisations with the names that document gives them, groups them with
:func:`kg.identity.canonical_labels` and rewrites the graphs whose entities
change node: every graph that names the entity uses the same IRI and
``rdfs:label`` (the corpus's label), its own names stay ``skos:altLabel``.

So that a later update (a new document, a removed one) can group again from
the graphs alone, a graph whose own preferred name differs from the corpus's
label records it as ``kg:localLabel``: the names read back are exactly those
the document's extraction gave, and grouping the graphs again changes nothing.
Run after every change of the set of documents, the dataset is the one a build
of its documents from scratch gives, whatever the order they came in.

This module never imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kg.identity import MERGED_TYPES, Named, canonical_labels, function_words
from kg.namespace import KG, WD
from kg.rdf.iri import entity_iri
from kg.rdf.write import ox_bytes, sorted_lines

_TYPE, _LABEL, _ALT, _LOCAL, _MATCH = (f"<{p}>".encode() for p in (RDF.type, RDFS.label, SKOS.altLabel,
                                                                    KG.localLabel, SKOS.exactMatch))
_NAMES = (_LABEL, _ALT, _LOCAL)
_CLASSES = {f"<{KG[t]}>".encode(): t for t in MERGED_TYPES}


@dataclass
class _Node:
    """An entity node of one graph as written: its labels and their language."""

    iri: str
    type: str
    label: str = ""
    lang: str | None = None
    local: str | None = None
    alts: frozenset[str] = frozenset()
    wikidata: str | None = None

    @property
    def own(self) -> str:
        """The document's own preferred name."""
        return self.local or self.label

    def named(self, graph: str) -> Named:
        return Named(graph, self.iri, self.type, self.own, self.alts - {self.own}, self.wikidata)


def _entity_lines(data: bytes) -> Iterator[bytes]:
    for line in data.split(b"\n"):
        parts = line.split(b" ", 2)
        if len(parts) == 3 and (parts[1] in _NAMES or parts[1] == _MATCH
                                or (parts[1] == _TYPE and parts[2][:-2] in _CLASSES)):
            yield line


def read_nodes(data: bytes) -> dict[str, _Node]:
    """The persons and organisations of one graph's N-Triples, by IRI."""
    import pyoxigraph as ox

    triples = list(ox.parse(b"\n".join(_entity_lines(data)), format=ox.RdfFormat.N_TRIPLES))
    nodes: dict[str, _Node] = {}
    for t in triples:
        if t.predicate.value == str(RDF.type) and isinstance(t.subject, ox.NamedNode):
            nodes[t.subject.value] = _Node(t.subject.value, _CLASSES[f"<{t.object.value}>".encode()])
    alts: dict[str, set[str]] = {}
    for t in triples:
        node = nodes.get(t.subject.value) if isinstance(t.subject, ox.NamedNode) else None
        if node is None or isinstance(t.object, ox.BlankNode):
            continue
        p, value = t.predicate.value, t.object.value
        if p == str(RDFS.label):
            node.label, node.lang = value, getattr(t.object, "language", None)
        elif p == str(KG.localLabel):
            node.local = value
        elif p == str(SKOS.altLabel):
            alts.setdefault(node.iri, set()).add(value)
        elif p == str(SKOS.exactMatch) and value.startswith(str(WD)):
            node.wikidata = value[len(str(WD)):]
    for iri, names in alts.items():
        nodes[iri].alts = frozenset(names)
    return nodes


def _rewrite(data: bytes, changes: dict[str, tuple[_Node, str]]) -> bytes:
    """The graph with each changed node renamed: ``changes`` maps its IRI to the node
    and its new label; its IRI follows the label, its names are written anew."""
    import pyoxigraph as ox

    iris = {old: ox.NamedNode(str(entity_iri(node.type, label))) for old, (node, label) in changes.items()}
    names = {str(RDFS.label), str(SKOS.altLabel), str(KG.localLabel)}

    def moved(term: Any) -> Any:
        return iris.get(term.value, term) if isinstance(term, ox.NamedNode) else term

    out = [ox.Triple(moved(t.subject), t.predicate, moved(t.object))
           for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
           if not (t.subject.value in changes and t.predicate.value in names)]
    for old, (node, label) in changes.items():
        new = iris[old]

        def literal(text: str, lang: str | None = node.lang) -> Any:
            return ox.Literal(text, language=lang) if lang else ox.Literal(text)

        own, aliases = node.own, node.alts - {node.own}
        out.append(ox.Triple(new, ox.NamedNode(str(RDFS.label)), literal(label)))
        if label != own:
            out.append(ox.Triple(new, ox.NamedNode(str(KG.localLabel)), literal(own)))
            aliases = aliases | {own}
        out.extend(ox.Triple(new, ox.NamedNode(str(SKOS.altLabel)), literal(a)) for a in sorted(aliases))
    return sorted_lines(ox_bytes(out, ox.RdfFormat.N_TRIPLES))


def relink(graphs: MutableMapping[URIRef, bytes], lang: str = "fr") -> list[URIRef]:
    """Give the persons and organisations of every graph the corpus's IRI and label
    (see the module docstring), in place; returns the graphs rewritten."""
    nodes = {name: read_nodes(data) for name, data in graphs.items()}
    named = [node.named(str(name)) for name, found in nodes.items() for node in found.values()]
    target = canonical_labels(named, function_words(lang))
    rewritten = []
    for name in sorted(graphs):
        changes = {}
        for iri, node in nodes[name].items():
            label = target.get((str(name), iri), node.own)
            if label != node.label:
                changes[iri] = (node, label)
        if changes:
            graphs[name] = _rewrite(graphs[name], changes)
            rewritten.append(name)
    return rewritten
