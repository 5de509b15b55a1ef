"""kg query as RDF users expect it (issue 12), through the real command line on both stores:
datasets with named graphs, subclass-aware class parameters, canonical literals,
RDF out of CONSTRUCT, read-only refusal, full IRIs in tables, bounded queries (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import QueryError, QueryTimeoutError

STORES = ("oxigraph", "rdflib")
RES = "https://w3id.org/kgnews/resource/"
LONG = f"{RES}person/vladimir-poutine-with-a-name-long-enough-to-be-cut-in-a-narrow-terminal"
DATASET = f"""\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{RES}doc/a> a kg:Document ; rdfs:label "a" .
<{RES}graph/a> {{
  <{RES}country/russie> a kg:Country ; rdfs:label "Russie"@fr ; kg:mention <{RES}doc/a#char=0,6> .
  <{RES}city/lyon> a kg:City ; rdfs:label "Lyon"@fr ; kg:mention <{RES}doc/a#char=8,12> .
  <{RES}event/a/e1-deployment> a kg:Deployment ; rdfs:label "Deployment: envoyer"@fr ;
      kg:modality kg:Asserted ; kg:quantity <{RES}event/a/e1-quantity> .
  <{RES}event/a/e1-quantity> a kg:Quantity ; kg:value "15000.0"^^xsd:decimal .
}}
<{RES}graph/b> {{
  <{LONG}> a kg:Person ; rdfs:label "Vladimir Poutine"@fr ; kg:mention <{RES}doc/b#char=0,6> .
  <{RES}event/b/e1-communication> a kg:Communication ; rdfs:label "Communication: dire"@fr ;
      kg:modality kg:Reported .
}}
"""


@pytest.fixture(scope="module")
def trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q") / "d.trig"
    path.write_text(DATASET, encoding="utf-8")
    return path


def kg(*args: str | Path, columns: int = 200, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=timeout)


def csv_rows(run: subprocess.CompletedProcess[str]) -> list[list[str]]:
    assert run.returncode == 0, run.stderr
    return [line.split(",") for line in run.stdout.strip().splitlines()]


@pytest.mark.parametrize("store", STORES)
def test_graph_query_counts_the_named_graphs(trig: Path, store: str) -> None:
    run = kg("query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", trig, "--store", store,
             "-f", "csv")
    assert csv_rows(run) == [["n"], ["2"]]


@pytest.mark.parametrize("store", STORES)
def test_a_class_parameter_matches_its_subclasses(trig: Path, store: str) -> None:
    places = {row[0] for row in csv_rows(kg("query", "entities", trig, "--store", store, "-p", "type=Place",
                                            "-f", "csv"))[1:]}
    assert places == {f"{RES}country/russie", f"{RES}city/lyon"}
    everything = csv_rows(kg("query", "entities", trig, "--store", store, "-p", "type=Entity", "-f", "csv"))[1:]
    assert len(everything) == 3
    events = csv_rows(kg("query", "events-by-type", trig, "--store", store, "-p", "type=Event", "-f", "csv"))[1:]
    assert len(events) == 2
    own = csv_rows(kg("query", "entities", trig, "--store", store, "-f", "csv"))[1:]
    assert sorted(row[1].rsplit("#", 1)[1] for row in own) == ["City", "Country", "Person"]


@pytest.mark.parametrize("store", STORES)
def test_both_stores_print_one_canonical_literal(trig: Path, store: str) -> None:
    run = kg("query", "SELECT ?v WHERE { ?q kg:value ?v }", trig, "--store", store, "-f", "csv")
    assert csv_rows(run) == [["v"], ["15000"]]


@pytest.mark.parametrize("store", STORES)
def test_updates_are_refused_as_read_only(trig: Path, store: str) -> None:
    for update in ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "CLEAR ALL",
                   "DELETE WHERE { ?s ?p ?o }"):
        run = kg("query", update, trig, "--store", store)
        assert run.returncode != 0
        assert run.stderr == "kg: error: updates are not supported: kg query and kg serve are read-only\n"


def test_construct_is_written_as_rdf(trig: Path) -> None:
    query = "CONSTRUCT { ?e a kg:Place } WHERE { GRAPH ?g { ?e a kg:City } }"
    turtle = kg("query", query, trig, "-f", "turtle")
    assert turtle.returncode == 0, turtle.stderr
    assert len(Graph().parse(data=turtle.stdout, format="turtle")) == 1
    nt = kg("query", query, trig, "-f", "ntriples", "--store", "rdflib")
    assert nt.stdout == f"<{RES}city/lyon> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " \
                        "<https://w3id.org/kgnews/ontology#Place> .\n"
    jsonld = json.loads(kg("query", query, trig, "-f", "jsonld").stdout)
    assert "@context" in jsonld and jsonld["@context"]["kg"] == "https://w3id.org/kgnews/ontology#"
    refused = kg("query", "entities", trig, "-f", "turtle")
    assert refused.returncode != 0 and "CONSTRUCT or DESCRIBE" in refused.stderr


def test_tables_print_full_iris_never_cut(trig: Path) -> None:
    run = kg("query", "entities", trig, columns=40)
    assert run.returncode == 0, run.stderr
    assert f"<{LONG}>" in run.stdout and "…" not in run.stdout
    assert "kg:Person" in run.stdout  # valid prefixed names stay short


def test_timeout_stops_a_query(trig: Path) -> None:
    run = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }",
             trig, "--timeout", "0.5")
    assert run.returncode == QueryTimeoutError.exit_code and run.stderr.startswith("kg: error: the query ran past --timeout 0.5 s")


@pytest.mark.parametrize(("args", "message"), [
    (("deployments", "-p", "min=1e9999999999"), "out of range"),
    (("deployments", "-p", "min=1e99999999999999"), "out of range"),
    (("deployments", "-p", "min=" + "9" * 5000), "at most 100 characters"),
    (("SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,), "nested at most 200 deep"),
])
def test_hostile_queries_end_in_one_clear_line(trig: Path, args: tuple[str, ...], message: str) -> None:
    for store in STORES:
        run = kg("query", *args, trig, "--store", store)
        assert run.returncode == QueryError.exit_code and run.stderr.count("\n") == 1 and message in run.stderr, run.stderr
        assert "Traceback" not in run.stderr


def test_twelve_thousand_unions_are_refused(trig: Path, tmp_path: Path) -> None:
    query = tmp_path / "big.rq"
    query.write_text("SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(12_000)) + " }",
                     encoding="utf-8")
    for store in STORES:
        run = kg("query", query, trig, "--store", store)
        assert run.returncode == QueryError.exit_code and "UNION / OPTIONAL / MINUS" in run.stderr and "Traceback" not in run.stderr
