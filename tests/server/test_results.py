"""Results written by pyoxigraph's serializers: the path that cuts rows (through the TSV results parser) and the
direct path (a LIMIT within max_rows) give the same bytes, for every format and awkward literals."""

from __future__ import annotations

import httpx
import pytest
from rdflib import RDFS, XSD, BNode, Graph, Literal, URIRef

from kg.server import RESULT_TYPES

from .conftest import running

LITERALS = [Literal("plain"), Literal("tab\there"), Literal("new\nline\r\n"), Literal('quote " and \\ backslash'),
            Literal("Zoé « guillemets »", lang="fr"), Literal("42", datatype=XSD.integer),
            Literal("2024-06", datatype=XSD.gYearMonth), Literal("\u2028 line separator"), Literal("")]
QUERY = "SELECT ?s ?o WHERE { ?s rdfs:label ?o } ORDER BY ?o"


@pytest.fixture(scope="module")
def endpoint():
    g = Graph()
    for n, literal in enumerate(LITERALS):
        g.add((URIRef(f"http://example.org/s{n}"), RDFS.label, literal))
    g.add((BNode("b1"), RDFS.label, Literal("zz blank")))
    with running(g, workers=1) as server:
        yield server


@pytest.mark.parametrize("media", RESULT_TYPES)
def test_cut_and_direct_paths_agree(endpoint, media: str) -> None:
    with httpx.Client(base_url=endpoint.url, timeout=30) as client:
        cut = client.get("sparql", params={"query": QUERY}, headers={"Accept": media})
        direct = client.get("sparql", params={"query": QUERY + " LIMIT 1000"}, headers={"Accept": media})
    assert cut.status_code == direct.status_code == 200
    assert cut.content == direct.content
    assert cut.headers["content-type"] == direct.headers["content-type"]
    if media == "application/sparql-results+json":
        values = [b["o"]["value"] for b in cut.json()["results"]["bindings"]]
        assert sorted(values) == sorted([str(lit) for lit in LITERALS] + ["zz blank"])
