"""Datasets over the endpoint (issue 12): named graphs kept, the default graph their union, the protocol's
``default-graph-uri`` / ``named-graph-uri`` honoured, RDF out of CONSTRUCT and DESCRIBE by ``Accept``."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph

from kg.errors import FormatError, InputError
from kg.server import make_server

from .conftest import running

ROOT = Path(__file__).resolve().parents[2]
TRIG = """@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix res: <https://w3id.org/kgnews/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
res:doc\\/a { res:person\\/ada a kg:Person ; rdfs:label "Ada" . res:event\\/a1 kg:agent res:person\\/ada . }
res:doc\\/b { res:person\\/ada a kg:Person ; rdfs:label "Ada" . res:person\\/bea a kg:Person . }
res:doc\\/c { res:person\\/cy a kg:Person . }
"""
#: 7 quads in 3 named graphs; Ada (a Person, labelled) is in two of them, so the union holds 5 distinct triples.
QUADS, GRAPHS, UNION = 7, 3, 5
DOC = "https://w3id.org/kgnews/resource/doc/"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PERSONS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }"


@pytest.fixture(scope="module")
def trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "corpus.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(trig: Path):
    with running([trig], workers=1) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        c.server = server  # type: ignore[attr-defined]
        yield c


def _n(client: httpx.Client, query: str, **params: object) -> int:
    r = client.get("sparql", params={"query": query, **params})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_named_graphs_are_kept_and_counted(client: httpx.Client) -> None:
    assert _n(client, COUNT_GRAPHS) == GRAPHS
    assert (client.server.quads, client.server.graphs, client.server.triples) == (QUADS, GRAPHS, UNION)


def test_the_default_graph_is_the_union(client: httpx.Client) -> None:
    assert _n(client, PERSONS) == 3
    assert _n(client, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }") == UNION


def test_protocol_dataset_parameters(client: httpx.Client) -> None:
    assert _n(client, PERSONS, **{"default-graph-uri": DOC + "c"}) == 1
    assert _n(client, PERSONS, **{"default-graph-uri": [DOC + "b", DOC + "c"]}) == 3
    assert _n(client, COUNT_GRAPHS, **{"named-graph-uri": DOC + "a"}) == 1
    assert _n(client, PERSONS, **{"named-graph-uri": DOC + "a"}) == 0  # default graph then empty
    r = client.post("sparql", data={"query": PERSONS, "default-graph-uri": DOC + "a"})
    assert int(r.json()["results"]["bindings"][0]["n"]["value"]) == 1


def test_from_in_the_query_is_honoured(client: httpx.Client) -> None:
    assert _n(client, f"SELECT (COUNT(DISTINCT ?p) AS ?n) FROM <{DOC}c> WHERE {{ ?p a kg:Person }}") == 1
    assert _n(client, f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{DOC}b> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") \
        == 1


@pytest.mark.parametrize(("media", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                            ("application/ld+json", "json-ld")])
def test_construct_and_describe_as_rdf(client: httpx.Client, media: str, fmt: str) -> None:
    for query in ("CONSTRUCT WHERE { ?p a kg:Person }", "DESCRIBE res:person\\/cy"):
        r = client.get("sparql", params={"query": query}, headers={"Accept": media})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == media
        g = Graph().parse(data=r.text, format=fmt)
        assert len(g) == (3 if query.startswith("CONSTRUCT") else 1)
    if media == "application/ld+json":
        assert isinstance(json.loads(r.text), list | dict)


def test_plain_graph_files_go_to_the_default_graph(tmp_path: Path, trig: Path) -> None:
    ttl = tmp_path / "extra.ttl"
    ttl.write_text("<https://w3id.org/kgnews/resource/person/dan> a <https://w3id.org/kgnews/ontology#Person> .\n",
                   encoding="utf-8")
    with running([trig, ttl], workers=1) as server:
        assert (server.quads, server.graphs, server.triples) == (QUADS + 1, GRAPHS, UNION + 1)
        with httpx.Client(base_url=server.url, timeout=30) as c:
            assert _n(c, PERSONS) == 4
            assert _n(c, COUNT_GRAPHS) == GRAPHS


def test_an_rdflib_dataset_keeps_its_graphs(trig: Path) -> None:
    dataset = Dataset()
    dataset.parse(trig, format="trig")
    with running(dataset, workers=1) as server:
        assert (server.quads, server.graphs, server.triples) == (QUADS, GRAPHS, UNION)


def test_unreadable_files_are_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> { oops", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.trig: not valid"):
        make_server([bad], port=0)
    with pytest.raises(InputError, match="no such graph file"):
        make_server([tmp_path / "missing.ttl"], port=0)
    with pytest.raises(FormatError, match="unknown graph format"):
        make_server([tmp_path / "notes.docx"], port=0)


@pytest.mark.slow
def test_kg_serve_reports_quads_and_union_triples(trig: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(trig), "--port", "0", "--quiet"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stderr.readline()
        assert f"({QUADS} quads in {GRAPHS} named graphs and the default graph; {UNION} triples in their union)" \
            in line, line
        url = re.search(r"(http://127\.0\.0\.1:\d+/)sparql", line).group(1)
        r = httpx.get(url + "sparql", params={"query": COUNT_GRAPHS}, headers={"Accept": "text/csv"}, timeout=30)
        assert r.text.splitlines() == ["n", str(GRAPHS)]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err
