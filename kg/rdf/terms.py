"""Small helpers on RDF terms shared by every output, and the one rdflib ↔ pyoxigraph term converter."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError


def local_name(iri: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kgnews/ontology#Person")
    'Person'
    >>> local_name("https://w3id.org/kgnews/resource/person/kim-jong-un")
    'kim-jong-un'
    """
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1:]


_XSD_STRING = str(XSD.string)
_INTEGERS = frozenset(str(XSD[n]) for n in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_DECIMAL, _BOOLEAN = str(XSD.decimal), str(XSD.boolean)
_FLOATS = frozenset({str(XSD.double), str(XSD.float)})


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
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
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
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"the query returned an RDF-star triple term ({term}); kg cannot show those")


def canonical(term: Any) -> Any:
    """The same term with the canonical lexical form of its value (XSD 1.1, as Oxigraph
    prints it): ``"15000.0"^^xsd:decimal`` → ``"15000"``, ``"007"^^xsd:integer`` → ``"7"``,
    ``"1"^^xsd:boolean`` → ``"true"``. Other terms, and invalid lexical forms, unchanged.

    >>> str(canonical(Literal("15000.0", datatype=XSD.decimal)))
    '15000'
    """
    if not isinstance(term, Literal) or term.datatype is None:
        return term
    datatype, text = str(term.datatype), str(term).strip()
    try:
        if datatype in _INTEGERS and len(text) < 4000:
            lexical = str(int(text))
        elif datatype == _DECIMAL and len(text) < 4000:
            lexical = _decimal_text(Decimal(text))
        elif datatype == _BOOLEAN and text in ("true", "false", "1", "0"):
            lexical = "true" if text in ("true", "1") else "false"
        elif datatype in _FLOATS and len(text) < 400:
            lexical = _float_text(float(text))
        else:
            return term
    except (ValueError, InvalidOperation):
        return term
    return term if lexical == str(term) else Literal(lexical, datatype=term.datatype)


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite():
        raise InvalidOperation
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    exact = Decimal(repr(value))
    if exact == exact.to_integral_value():
        return "-0" if str(value) == "-0.0" else str(int(exact))
    return format(exact.normalize(), "f")
