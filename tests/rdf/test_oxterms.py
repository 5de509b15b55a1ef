"""kg.rdf.oxterms: pyoxigraph terms print exactly as they did through rdflib (kg.rdf.terms)."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest

from kg.iris import XSD_IRI
from kg.rdf import oxterms
from kg.rdf.terms import canonical, from_ox

#: datatype (local name) → lexical forms, valid and not: each prints as rdflib printed it.
FORMS = {
    "integer": ["007", "-0", "+5", "12345678901234567890123", "1.0", " 3 "], "int": ["007"], "long": ["+1"],
    "nonNegativeInteger": ["01"],
    "decimal": ["15000.0", "0.50", "-0.0", "+1.", "1e3", ".5", "00.100", "12345678901234567890.000001", "abc"],
    "boolean": ["1", "0", "true", "TRUE", " false"],
    "date": ["2024-06-19", "2024-06-19Z", "2024-06-19+02:00", "2024-6-1", "-0044-03-15"],
    "gYear": ["2024", "-0044", "2024Z"], "gYearMonth": ["2024-06", "2024-06-05:00"], "gMonthDay": ["--12-26"],
    "dateTime": ["2024-06-19T10:00:00", "2024-06-19T10:00:00.500Z"],
    "double": ["1.5E3", "1e20", "0.1", "NaN", "INF", "-0"], "float": ["1.5", "3.4E38"],
    "string": ["x"], "time": ["10:00:00"], "token": [" a  b "],
}


@pytest.mark.parametrize(("datatype", "text"), [(d, t) for d, forms in FORMS.items() for t in forms])
def test_a_literal_prints_as_through_rdflib(datatype: str, text: str) -> None:
    term = ox.Literal(text, datatype=ox.NamedNode(XSD_IRI + datatype))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdflib warns about the invalid forms
        expected = canonical(from_ox(term))
    assert oxterms.canonical(term).value == str(expected)
    assert oxterms.parts(oxterms.canonical(term)) == oxterms.parts(expected)


def test_terms_and_their_parts() -> None:
    assert oxterms.parts(oxterms.make_term("http://e/a", iri=True)) == ("uri", "http://e/a", None, None)
    assert oxterms.parts(ox.Literal("Ana", language="fr")) == ("literal", "Ana", None, "fr")
    assert oxterms.parts(oxterms.make_term("x")) == ("literal", "x", None, None)
    assert oxterms.parts(oxterms.make_term("3", XSD_IRI + "integer")) == ("literal", "3", XSD_IRI + "integer", None)
    assert oxterms.parts(ox.BlankNode("b1")) == ("bnode", "b1", None, None)
    assert oxterms.is_ox(ox.NamedNode("http://e/a")) and not oxterms.is_ox("http://e/a")
    with pytest.raises(TypeError):
        oxterms.parts("http://e/a")
