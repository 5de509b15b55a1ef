"""pyoxigraph terms as kg reads and writes them, without rdflib: the twins of
:func:`kg.rdf.terms.make_term` and :func:`kg.rdf.terms.canonical` for the
oxigraph store's own terms, so ``kg query --db`` never converts a term to rdflib
(and never loads it).
"""

from __future__ import annotations

from kg.iris import XSD_IRI
from kg.rdf.lexical import NUMBERS, XSD_BOOLEAN, XSD_STRING, canonical_lexical
from kg.textscan import is_zoneless_date

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module
if TYPE_CHECKING:
    from typing import Any

#: Date datatypes kg writes; rdflib keeps their lexical form when it has no time zone.
_DATES = frozenset(XSD_IRI + n for n in ("date", "gYear", "gYearMonth", "gMonthDay"))


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
    """``term`` printed as :func:`kg.rdf.terms.canonical` prints it after :func:`kg.rdf.terms.from_ox`,
    so both stores print the same: strings, numbers, booleans and dates without a time zone
    directly (:mod:`kg.rdf.lexical`); other literals (doubles, times, dates with a zone, which
    rdflib rewrites) through rdflib, loaded for them only."""
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal) or term.language:
        return term
    datatype, text = term.datatype.value, term.value
    if datatype == XSD_STRING or (datatype in _DATES and is_zoneless_date(text)):
        return term
    if datatype in NUMBERS or (datatype == XSD_BOOLEAN and text in ("true", "false", "1", "0")):
        lexical = canonical_lexical(text, datatype)
        return term if lexical == text else ox.Literal(lexical, datatype=term.datatype)
    from kg.rdf import terms

    return terms.to_ox(terms.canonical(terms.from_ox(term)))


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
        typed = str(term.datatype) if term.datatype is not None and not term.language else None
        return "literal", str(term), None if typed == XSD_STRING else typed, term.language or None
    raise TypeError(f"not an RDF term: {term!r}")
