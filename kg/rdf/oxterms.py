"""pyoxigraph terms as kg reads and writes them, without rdflib: the twins of
:func:`kg.rdf.terms.make_term` and :func:`kg.rdf.terms.canonical` for the
oxigraph store's own terms, so ``kg query --db`` never converts a term to rdflib
(and never loads it).
"""

from __future__ import annotations

from typing import Any

from kg.rdf.lexical import XSD_STRING, canonical_lexical


def is_ox(term: object) -> bool:
    """True for a pyoxigraph IRI, blank node or literal."""
    import pyoxigraph as ox

    return isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal))


def make_term(value: str, datatype: str | None = None, *, iri: bool = False) -> Any:
    """A pyoxigraph IRI (``iri=True``), or a literal of ``datatype`` (a plain string when None)."""
    import pyoxigraph as ox

    if iri:
        return ox.NamedNode(value)
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


def canonical(term: Any) -> Any:
    """``term`` with the canonical lexical form of its value (see :mod:`kg.rdf.lexical`)."""
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal) or term.language:
        return term
    datatype = term.datatype.value
    if datatype == XSD_STRING:
        return term
    lexical = canonical_lexical(term.value, datatype)
    return term if lexical == term.value else ox.Literal(lexical, datatype=term.datatype)


def parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """``(kind, value, datatype, language)`` of a pyoxigraph or rdflib term: kind is
    ``uri``, ``bnode`` or ``literal`` (SPARQL JSON's names); the datatype is None for
    plain and language-tagged strings. rdflib is loaded only for an rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None, None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        return "literal", term.value, None if term.language or datatype == XSD_STRING else datatype, term.language
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None and not term.language else None
        return "literal", str(term), None if datatype == XSD_STRING else datatype, term.language or None
    raise TypeError(f"not an RDF term: {term!r}")
