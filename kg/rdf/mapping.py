"""Extraction records → RDF triples.

Entities are typed by ontology class, named with ``rdfs:label`` and
``skos:altLabel``, linked to Wikidata with ``skos:exactMatch``. Events carry
their roles, a typed date literal, a Quantity node, a modality individual, a
confidence and a link to the NIF span of their trigger; each role is also a
reified ``rdf:Statement`` whose ``kg:mention`` is the span that shows it. Every mention is a
``kg:Mention`` with NIF offsets into its document and a link to its sentence,
so each fact can be traced back to the words it came from.

This module never imports spaCy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.namespace import KG, NIF, WD
from kg.rdf.iri import document_iri, entity_iri, event_iri, quantity_iri, span_iri
from kg.rdf.prefixes import PREFIXES as ALL_PREFIXES
from kg.records import DocumentRecord, EntityRecord, EventRecord, Span

#: Prefixes written in every output, so files read well in Protégé and editors (res: included).
PREFIXES = {prefix: URIRef(ns) for prefix, ns in ALL_PREFIXES.items()}
#: Largest quantity value written: larger ones (« 9999…9 soldats ») keep only their text.
MAX_QUANTITY = 1e18
DATATYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear, "gMonthDay": XSD.gMonthDay}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def _decimal(value: float) -> Literal:
    d = Decimal(repr(value)).normalize()
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _name(text: str, lang: str) -> Literal:
    """A name as a literal in the document's language, its white space runs (tabs,
    line breaks, doubled spaces) made one space."""
    return Literal(" ".join(text.split()), lang=lang or None)


class _Mapper:
    def __init__(self, record: DocumentRecord, graph: Graph, labels: Mapping[str, str] | None = None):
        self.r, self.g = record, graph
        self.labels = labels or {}
        self.doc = document_iri(record.doc_id)
        self.entity_nodes: dict[str, URIRef] = {}
        self.mentions: dict[tuple[int, int], URIRef] = {}

    def run(self) -> None:
        self.document()
        for key in sorted(self.r.entities):
            self.entity(self.r.entities[key])
        for ev in self.r.events:
            self.event(ev)
        for rel in self.r.relations:
            s, o = self.entity_nodes.get(rel.subject), self.entity_nodes.get(rel.object)
            if s is not None and o is not None:
                self.g.add((s, KG[rel.predicate], o))
                if rel.predicate == "ally":
                    self.g.add((o, KG.ally, s))

    def document(self) -> None:
        g, r, doc = self.g, self.r, self.doc
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, RDF.type, NIF.Context))
        g.add((doc, NIF.isString, Literal(r.text)))
        g.add((doc, RDFS.label, Literal(r.title or r.doc_id, lang=r.lang if r.title else None)))
        g.add((doc, DCTERMS.language, Literal(r.lang)))
        if r.title:
            g.add((doc, DCTERMS.title, Literal(r.title, lang=r.lang)))
        if r.source:
            g.add((doc, DCTERMS.source, Literal(r.source)))
        if r.publication_date:
            g.add((doc, KG.publicationDate, Literal(r.publication_date, datatype=XSD.date)))
        for s in r.sentences:
            node = span_iri(r.doc_id, s.span.start, s.span.end)
            g.add((node, RDF.type, NIF.Sentence))
            self._offsets(node, s.span)

    def _offsets(self, node: URIRef, span: Span) -> None:
        g = self.g
        g.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        g.add((node, NIF.referenceContext, self.doc))

    def mention(self, span: Span) -> URIRef:
        key = (span.start, span.end)
        if key in self.mentions:  # one span may name an entity and show several roles
            return self.mentions[key]
        node = self.mentions[key] = span_iri(self.r.doc_id, span.start, span.end)
        self.g.add((node, RDF.type, KG.Mention))
        self.g.add((node, RDF.type, NIF.OffsetBasedString))
        self._offsets(node, span)
        sent = self.r.sentence_of(span.start)
        if sent is not None:
            self.g.add((node, KG.sentence, span_iri(self.r.doc_id, sent.span.start, sent.span.end)))
        return node

    def entity(self, ent: EntityRecord) -> None:
        g = self.g
        name = self.labels.get(ent.key, ent.label)  # the corpus's label (kg.identity), or its own
        node = entity_iri(ent.type, name)
        self.entity_nodes[ent.key] = node
        g.add((node, RDF.type, KG[ent.type]))
        label = _name(name, self.r.lang)
        # One rdfs:label per node: names the slug folds together (« Emmanuel  Macron »,
        # « EMMANUEL MACRON » in another document) become alternative labels.
        kept = g.value(node, RDFS.label)
        if kept is None:
            g.add((node, RDFS.label, label))
        elif kept != label:
            g.add((node, SKOS.altLabel, label))
        preferred = kept if kept is not None else label
        names = ent.aliases | ({ent.label} if name != ent.label else set())
        for alias in sorted({_name(a, self.r.lang) for a in names} - {preferred}):
            g.add((node, SKOS.altLabel, alias))
        if ent.wikidata:
            g.add((node, SKOS.exactMatch, WD[ent.wikidata]))
        if ent.title:
            g.add((node, KG.title, Literal(ent.title)))
        g.add((node, KG.document, self.doc))
        for span in sorted(set(ent.mentions)):
            g.add((node, KG.mention, self.mention(span)))

    def event(self, ev: EventRecord) -> None:
        g, r = self.g, self.r
        node = event_iri(r.doc_id, ev.key, ev.type)
        g.add((node, RDF.type, KG[ev.type]))
        g.add((node, RDFS.label, Literal(self._label(ev), lang=r.lang)))
        g.add((node, KG.lemma, Literal(ev.lemma)))
        g.add((node, KG.document, self.doc))
        g.add((node, PROV.wasDerivedFrom, self.doc))
        g.add((node, KG.mention, self.mention(ev.trigger)))
        for n, role in enumerate(ev.roles, 1):
            target = self.entity_nodes.get(role.entity)
            if target is not None:
                g.add((node, KG[role.role], target))
                # The words that show this role: a reified statement (rdf:Statement,
                # read by every RDF tool) pointing at the NIF span.
                st = URIRef(f"{node}/{role.role}-{n}")
                g.add((st, RDF.type, RDF.Statement))
                g.add((st, RDF.subject, node))
                g.add((st, RDF.predicate, KG[role.role]))
                g.add((st, RDF.object, target))
                g.add((st, KG.mention, self.mention(role.evidence)))
        if ev.date is not None:
            g.add((node, KG.date, Literal(ev.date.iso, datatype=DATATYPES[ev.date.datatype])))
            g.add((node, KG.dateText, Literal(ev.date.span.text)))
        if ev.quantity is not None and math.isfinite(ev.quantity.value) and abs(ev.quantity.value) < MAX_QUANTITY:
            q = quantity_iri(r.doc_id, ev.key)
            g.add((node, KG.quantity, q))
            g.add((q, RDF.type, KG.Quantity))
            g.add((q, KG.value, _decimal(ev.quantity.value)))
            g.add((q, KG.approximate, Literal(ev.quantity.approximate)))
            g.add((q, RDFS.label, Literal(ev.quantity.span.text, lang=r.lang)))
            if ev.quantity.unit:
                g.add((q, KG.unit, Literal(ev.quantity.unit)))
        g.add((node, KG.modality, KG[ev.modality]))
        g.add((node, KG.negated, Literal(ev.negated)))
        g.add((node, KG.confidence, _decimal(ev.confidence)))

    def _label(self, ev: EventRecord) -> str:
        def names(role: str) -> str:
            return ", ".join(self.r.entities[k].label for k in ev.fillers(role) if k in self.r.entities)

        who = names("agent") or names("participant")
        whom = names("recipient")
        text = f"{ev.type}: {ev.lemma}"
        if who or whom:
            text += f" ({who or '?'}{' → ' + whom if whom else ''})"
        if ev.date is not None:
            text += f" {ev.date.iso}"
        return text


def add_document(graph: Graph, record: DocumentRecord, labels: Mapping[str, str] | None = None) -> Graph:
    """Add the triples of one document's records to ``graph`` and return it. ``labels``
    gives entities (by key) the label the corpus chose for them (:mod:`kg.identity`):
    the IRI follows it and the document's own name becomes an alternative label."""
    _Mapper(record, graph, labels).run()
    return graph


def to_graph(records: list[DocumentRecord]) -> Graph:
    g = new_graph()
    for r in records:
        add_document(g, r)
    return g
