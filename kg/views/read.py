"""Reading a graph into a :class:`~kg.views.model.View` (one pass over the triples, no SPARQL needed).

Every entity and event becomes a node with its tooltip rows; every role and
relation between them an edge. Each node also carries its evidence, the
sentences its facts come from with the trigger, role fillers or mention
marked (read from ``kg:mention`` → NIF offsets, as :mod:`kg.rdf.mapping`
writes them), and each dated event its place on a time axis (:mod:`kg.views.when`).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.errors import InputError
from kg.namespace import KG, NIF, WD
from kg.rdf.terms import local_name
from kg.records import EVENT_TYPES
from kg.views.model import CLASS_ORDER, EDGE_ROLES, HEDGED, RELATIONS, Evidence, View, ViewEdge, ViewNode
from kg.views.when import place_dates, read_date

#: Longest text kept in a tooltip line, in characters.
MAX_TEXT = 400
#: Sentences shown in an entity's tooltip.
MAX_SENTENCES = 2
#: Sentences kept for a node's provenance panel.
MAX_EVIDENCE = 6
_LABEL = 40  # longest label drawn on the canvas


def short(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _int(value: Node | None) -> int:
    return int(value) if isinstance(value, Literal) else 0


class _Reader:
    """The graph read once into dictionaries (subject → predicate → objects), then looked up.

    rdflib's triple patterns cost tens of microseconds each, and a node needs
    a dozen: one pass over the triples is several times faster on large graphs.
    """

    def __init__(self, graph: Graph):
        self.g = graph
        self.out: dict[Node, dict[Node, dict[Node, None]]] = {}
        self.statements: dict[Node, list[Node]] = {}  # event → the rdf:Statements about it
        for s, p, o in graph:
            self.out.setdefault(s, {}).setdefault(p, {})[o] = None
            if p == RDF.subject:
                self.statements.setdefault(o, []).append(s)
        self.documents: dict[Node, str] = {}

    def value(self, subject: Node | None, predicate: Node) -> Node | None:
        found = self.out.get(subject, {}).get(predicate) if subject is not None else None
        return next(iter(found)) if found else None

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return list(self.out.get(subject, {}).get(predicate, ()))

    def classes(self) -> dict[URIRef, str]:
        """Every entity and event IRI → its most specific kg class."""
        found: dict[URIRef, str] = {}
        for name in reversed(CLASS_ORDER):  # the most specific class is written last
            for s in self.g.subjects(RDF.type, KG[name]):
                if isinstance(s, URIRef):
                    found[s] = name
        return found

    def label(self, node: Node) -> str:
        value = self.value(node, RDFS.label)
        return str(value) if value is not None else local_name(node)

    def document(self, doc: Node) -> str:
        if doc not in self.documents:
            title = self.value(doc, DCTERMS.title) or self.value(doc, RDFS.label)
            self.documents[doc] = short(str(title if title is not None else local_name(doc)), 120)
        return self.documents[doc]

    def _where(self, mention: Node) -> tuple[str, int]:
        begin = self.value(mention, NIF.beginIndex)
        return str(self.value(mention, NIF.referenceContext) or ""), _int(begin)

    def sentences(self, node: URIRef, limit: int) -> list[str]:
        """The sentences holding the node's mentions, in text order, without repeats."""
        seen: list[str] = []
        for mention in sorted(self.objects(node, KG.mention), key=self._where):
            sentence = self.value(mention, KG.sentence)
            text = self.value(sentence, NIF.anchorOf) if sentence is not None else None
            if text is not None and short(str(text)) not in seen:
                seen.append(short(str(text)))
            if len(seen) >= limit:
                break
        return seen

    def evidence(self, marked: Iterable[tuple[Node, str]]) -> tuple[Evidence, ...]:
        """Sentences of the given ``(mention, kind)`` pairs, each mention marked in its sentence, in text order."""
        by_sentence: dict[Node, list[tuple[int, int, str]]] = {}
        order: dict[Node, tuple[str, int]] = {}
        for mention, kind in marked:
            sentence = self.value(mention, KG.sentence)
            if sentence is None:
                continue
            if sentence not in by_sentence:
                if len(by_sentence) >= MAX_EVIDENCE:
                    continue
                by_sentence[sentence] = []
                order[sentence] = self._where(sentence)
            offset = _int(self.value(sentence, NIF.beginIndex))
            start = _int(self.value(mention, NIF.beginIndex)) - offset
            end = _int(self.value(mention, NIF.endIndex)) - offset
            by_sentence[sentence].append((start, end, kind))
        found = []
        for sentence in sorted(by_sentence, key=lambda s: order[s]):
            text = str(self.value(sentence, NIF.anchorOf) or "")
            doc = self.value(sentence, NIF.referenceContext)
            marks = sorted({m for m in by_sentence[sentence] if 0 <= m[0] < m[1] <= len(text)})
            found.append(Evidence(text, self.document(doc) if doc is not None else "", tuple(marks)))
        return tuple(found)

    def names(self, nodes: Iterable[Node]) -> str:
        return ", ".join(sorted({short(self.label(n), 80) for n in nodes}))

    def entity(self, iri: URIRef, cls: str) -> ViewNode:
        label = self.label(iri)
        aliases = sorted({str(a) for a in self.objects(iri, SKOS.altLabel)} - {label})
        tip = [(cls, short(label))]
        if aliases:
            tip.append(("also", short(", ".join(aliases))))
        for title in sorted(str(t) for t in self.objects(iri, KG.title)):
            tip.append(("title", short(title)))
        for match in sorted(self.objects(iri, SKOS.exactMatch), key=str):
            if str(match).startswith(str(WD)):
                tip.append(("Wikidata", local_name(match)))
        for rel in RELATIONS:
            targets = list(self.objects(iri, KG[rel]))
            if targets:
                tip.append((rel, short(self.names(targets))))
        mentions = sorted(set(self.objects(iri, KG.mention)), key=self._where)
        if mentions:
            tip.append(("mentions", str(len(mentions))))
        tip += [("sentence", s) for s in self.sentences(iri, MAX_SENTENCES)]
        tip.append(("IRI", str(iri)))
        return ViewNode(str(iri), short(label, _LABEL), cls, tip, names=(label, *aliases),
                        evidence=self.evidence((m, "mention") for m in mentions))

    def event_evidence(self, iri: URIRef) -> tuple[Evidence, ...]:
        marked: list[tuple[Node, str]] = [(m, "trigger") for m in self.objects(iri, KG.mention)]
        for statement in self.statements.get(iri, ()):
            predicate = self.value(statement, RDF.predicate)
            if predicate is not None:
                marked += [(m, local_name(predicate)) for m in self.objects(statement, KG.mention)]
        return self.evidence(sorted(marked, key=lambda mk: (self._where(mk[0]), mk[1])))

    def event(self, iri: URIRef, cls: str) -> ViewNode:
        label = self.label(iri)
        lemma = self.value(iri, KG.lemma)
        modality = self.value(iri, KG.modality)
        modality_name = local_name(modality) if isinstance(modality, URIRef) else "Asserted"
        negated = self.value(iri, KG.negated) == Literal(True)
        date = self.value(iri, KG.date)
        tip = [(cls, short(label))]
        if lemma is not None:
            tip.append(("word", short(str(lemma), 80)))
        for role in EDGE_ROLES:
            fillers = list(self.objects(iri, KG[role]))
            if fillers:
                tip.append((role, short(self.names(fillers))))
        written = self.value(iri, KG.dateText)
        if date is not None:
            tip.append(("date", str(date) + (f" (« {short(str(written), 80)} »)" if written is not None else "")))
        for q in sorted(self.objects(iri, KG.quantity), key=str):
            tip.append(("quantity", self.quantity(q)))
        tip.append(("modality", modality_name))
        sources = list(self.objects(iri, KG.source))
        if sources:
            tip.append(("source", short(self.names(sources))))
        if negated:
            tip.append(("negated", "yes: the text says it did not happen"))
        confidence = self.value(iri, KG.confidence)
        if confidence is not None:
            tip.append(("confidence", number(confidence)))
        tip += [("sentence", s) for s in self.sentences(iri, 1)]
        document = self.value(iri, KG.document)
        if document is not None:
            tip.append(("document", self.document(document)))
        tip.append(("IRI", str(iri)))
        drawn = ("¬ " if negated else "") + short(str(lemma) if lemma is not None else cls, _LABEL)
        if date is not None:
            drawn += "\n" + short(str(written if written is not None else date), _LABEL)
        when = read_date(date) if isinstance(date, Literal) else None
        return ViewNode(str(iri), drawn, cls, tip, names=(label,), hedged=modality_name in HEDGED, negated=negated,
                        modality=modality_name, when=when, evidence=self.event_evidence(iri))

    def quantity(self, q: Node) -> str:
        text = number(self.value(q, KG.value))
        unit = self.value(q, KG.unit)
        if unit is not None:
            text += f" {unit}"
        if self.value(q, KG.approximate) == Literal(True):
            text = "≈ " + text
        written = self.value(q, RDFS.label)
        return text + (f" (« {short(str(written), 80)} »)" if written is not None else "")

    def publication_years(self, events: Iterable[URIRef]) -> dict[str, int]:
        """Event IRI → the year its document was published, where the graph says."""
        years: dict[str, int] = {}
        for iri in events:
            doc = self.value(iri, KG.document)
            published = self.value(doc, KG.publicationDate) if doc is not None else None
            if published is not None and str(published)[:4].isdigit():
                years[str(iri)] = int(str(published)[:4])
        return years


def number(value: object) -> str:
    if value is None:
        return "?"
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", "\u202f")
    return format(d.normalize(), "f")


def read_view(graph: Graph) -> View:
    """Every entity and event of ``graph`` as a node; roles and relations as edges.

    Raises :class:`kg.errors.InputError` when the graph holds neither.
    """
    reader = _Reader(graph)
    classes = reader.classes()
    if not classes:
        raise InputError("the graph holds no entity or event to draw (nothing typed kg:Person, kg:Country, "
                         "kg:Communication...); build one with: kg build ARTICLE.txt -o graph.ttl")
    ordered = sorted(classes.items())
    nodes = [(reader.event if cls in EVENT_TYPES else reader.entity)(iri, cls) for iri, cls in ordered]
    undated_year = [iri for iri, cls in ordered if cls in EVENT_TYPES]
    nodes = place_dates(nodes, reader.publication_years(i for i in undated_year
                                                        if str(reader.value(i, KG.date) or "").startswith("--")))
    hedged = {n.key for n in nodes if n.hedged}
    edges: list[ViewEdge] = []
    for iri, cls in ordered:
        if cls in EVENT_TYPES:
            for role in EDGE_ROLES:
                for filler in sorted(reader.objects(iri, KG[role]), key=str):
                    if isinstance(filler, URIRef) and classes.get(filler, "Event") not in EVENT_TYPES:
                        ends = (str(filler), str(iri)) if role == "agent" else (str(iri), str(filler))
                        edges.append(ViewEdge(*ends, role, str(iri) in hedged))
            continue
        for rel in RELATIONS:
            for target in sorted(reader.objects(iri, KG[rel]), key=str):
                if target in classes and (rel != "ally" or str(iri) < str(target)):
                    edges.append(ViewEdge(str(iri), str(target), rel))
    return View(nodes, edges)
