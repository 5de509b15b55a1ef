"""Small helpers on RDF terms shared by every output, and the one rdflib ↔ pyoxigraph term converter."""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.lexical import XSD_STRING, canonical_lexical


def local_name(iri: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kgnews/ontology#Person")
    'Person'
    >>> local_name("https://w3id.org/kgnews/resource/person/kim-jong-un")
    'kim-jong-un'
    """
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1:]


def to_ox(term: Node, iris: dict[str, Any] | None = None) -> Any:
    """An rdflib term as a pyoxigraph term, the lexical form kept; ``iris`` caches
    the NamedNodes made (subjects and predicates repeat)."""
    import pyoxigraph as ox


    if isinstance(term, URIRef):
        if iris is None:
            return ox.NamedNode(str(term))
        node = iris.get(term)
        if node is None:
            node = iris[term] = ox.NamedNode(str(term))
        return node
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot use {term!r}: only IRIs, blank nodes and literals are supported")


def from_ox(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term; ``"x"^^xsd:string`` becomes the plain ``"x"`` kg writes."""
    import pyoxigraph as ox


    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"the query returned an RDF-star triple term ({term}); kg cannot show those")


def canonical(term: Any) -> Any:
    """The same term with the canonical lexical form of its value (XSD 1.1, as Oxigraph
    prints it, :func:`kg.rdf.lexical.canonical_lexical`): ``"15000.0"^^xsd:decimal`` →
    ``"15000"``, ``"007"^^xsd:integer`` → ``"7"``, ``"1"^^xsd:boolean`` → ``"true"``.
    Other terms, and invalid lexical forms, unchanged.

    >>> from rdflib.namespace import XSD
    >>> str(canonical(Literal("15000.0", datatype=XSD.decimal)))
    '15000'
    """
    if not isinstance(term, Literal) or term.datatype is None:
        return term
    lexical = canonical_lexical(str(term), str(term.datatype))
    return term if lexical == str(term) else Literal(lexical, datatype=term.datatype)


def make_term(value: str, datatype: str | None = None, *, iri: bool = False) -> Node:
    """An rdflib IRI (``iri=True``), or a literal of ``datatype`` (a plain string when None)."""
    if iri:
        return URIRef(value)
    return Literal(value, datatype=URIRef(datatype) if datatype else None)
