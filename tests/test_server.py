"""kg serve: the SPARQL endpoint over real HTTP on localhost, with httpx and SPARQLWrapper.

One endpoint (two worker processes) is started per module on a small graph
built by hand; the time-limit test kills one of its workers, which the pool
replaces.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from urllib.error import HTTPError

import httpx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from SPARQLWrapper import CSV, JSON, N3, TSV, TURTLE, XML, SPARQLWrapper

from kg.errors import KgError
from kg.namespace import KG, RES
from kg.server import (
    DEFAULT_HOST,
    GRAPH_TYPES,
    MAX_BODY,
    RESULT_TYPES,
    SERVICE_REFUSED,
    UPDATE_REFUSED,
    EndpointError,
    Example,
    SparqlServer,
    check_query,
    make_server,
    negotiate,
    render_page,
)

ROOT = Path(__file__).resolve().parent.parent
#: Filler vocabulary for the heavy cross join (a plain Namespace: not part of kg).
EX = Namespace("http://example.org/filler/")
FILLER = 120
TIMEOUT = 2.0
MAX_ROWS = 40
PREFIX = "PREFIX kg: <https://w3id.org/kgnews/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
PEOPLE = "SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
#: A query that runs for hours: a five-way cross join (131^5 rows), counted (nothing streams out before the end).
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def _graph() -> Graph:
    g = Graph()
    kim, putin, russia = RES["person/kim-jong-un"], RES["person/vladimir-poutine"], RES["country/russie"]
    event = RES["event/d1/e1-communication"]
    for node, cls, label in ((kim, KG.Person, "Kim Jong-un"), (putin, KG.Person, "Vladimir Poutine"),
                             (russia, KG.Country, "Russie"), (event, KG.Communication, "message")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((putin, RDFS.label, Literal("Poutine", lang="fr")))
    g.add((event, KG.agent, kim))
    g.add((event, KG.recipient, putin))
    for n in range(FILLER):
        g.add((EX[f"s{n}"], EX.value, Literal(n)))
    return g


@pytest.fixture(scope="module")
def server() -> Iterator[SparqlServer]:
    """The endpoint on 127.0.0.1, a free port, default host (not passed)."""
    srv = make_server(_graph(), port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def client(server: SparqlServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture()
def sparql(server: SparqlServer):
    def make(query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
        wrapper = SPARQLWrapper(server.url + "sparql")
        wrapper.setQuery(query)
        wrapper.setReturnFormat(fmt)
        wrapper.setMethod(method)
        return wrapper

    return make


# --- where it listens ---------------------------------------------------------------------------------------


def test_default_host_is_localhost(server: SparqlServer) -> None:
    import kg.commands.serve as command

    assert DEFAULT_HOST == "127.0.0.1"
    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(command.serve).parameters["host"].default == "127.0.0.1"
    assert server.server_address[0] == "127.0.0.1"
    assert server.loopback


def test_foreign_host_header_is_refused(client: httpx.Client, server: SparqlServer) -> None:
    """A page on another site that rebinds its name to 127.0.0.1 gets nothing."""
    for host in ("evil.example:80", "127.0.0.1.evil.example", "localhost.evil.example:8080"):
        r = client.get("sparql", params={"query": "ASK {}"}, headers={"Host": host})
        assert r.status_code == 403, host
        assert "localhost" in r.text
    # not host[:port] at all: a malformed request (issue 14), no longer 403
    assert client.get("sparql", params={"query": "ASK {}"}, headers={"Host": ""}).status_code == 400
    port = server.server_address[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost"):
        assert client.get("sparql", params={"query": "ASK {}"}, headers={"Host": host}).status_code == 200, host


# --- the four result formats, with httpx ---------------------------------------------------------------------


def _names_json(r: httpx.Response) -> list[str]:
    return [b["name"]["value"] for b in r.json()["results"]["bindings"]]


def _names_xml(r: httpx.Response) -> list[str]:
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(r.content)
    return [b.find("r:literal", ns).text for b in root.iterfind(".//r:binding[@name='name']", ns)]


def _names_csv(r: httpx.Response) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(r.text)))
    return [row["name"] for row in rows]


def _names_tsv(r: httpx.Response) -> list[str]:
    head, *lines = r.text.splitlines()
    column = head.split("\t").index("?name")
    return [line.split("\t")[column] for line in lines]


READERS = {"application/sparql-results+json": _names_json, "application/sparql-results+xml": _names_xml,
           "text/csv": _names_csv, "text/tab-separated-values": _names_tsv}
EXPECTED = {"application/sparql-results+json": ["Kim Jong-un", "Poutine", "Vladimir Poutine"],
            "application/sparql-results+xml": ["Kim Jong-un", "Poutine", "Vladimir Poutine"],
            "text/csv": ["Kim Jong-un", "Poutine", "Vladimir Poutine"],
            "text/tab-separated-values": ['"Kim Jong-un"', '"Poutine"@fr', '"Vladimir Poutine"']}


@pytest.mark.parametrize("media", RESULT_TYPES)
@pytest.mark.parametrize("how", ["get", "form", "raw"])
def test_select_in_every_format(client: httpx.Client, media: str, how: str) -> None:
    query = PREFIX + PEOPLE
    headers = {"Accept": media}
    if how == "get":
        r = client.get("sparql", params={"query": query}, headers=headers)
    elif how == "form":
        r = client.post("sparql", data={"query": query}, headers=headers)
    else:
        r = client.post("sparql", content=query.encode(), headers={**headers,
                                                                   "Content-Type": "application/sparql-query"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert READERS[media](r) == EXPECTED[media]
    assert "x-kg-truncated" not in r.headers


def test_ask_and_construct(client: httpx.Client) -> None:
    r = client.get("sparql", params={"query": PREFIX + "ASK { ?e kg:agent ?who }"})
    assert r.json() == {"head": {}, "boolean": True}
    construct = PREFIX + "CONSTRUCT { ?e kg:agent ?who } WHERE { ?e kg:agent ?who }"
    for media in GRAPH_TYPES:
        r = client.get("sparql", params={"query": construct}, headers={"Accept": media})
        assert r.status_code == 200
        assert r.headers["content-type"].split(";")[0] == media
        g = Graph().parse(data=r.text, format={"text/turtle": "turtle", "application/n-triples": "nt",
                                               "application/ld+json": "json-ld"}[media])
        assert set(g) == {(RES["event/d1/e1-communication"], KG.agent, RES["person/kim-jong-un"])}


def test_prefixes_are_predeclared(client: httpx.Client) -> None:
    r = client.get("sparql", params={"query": "SELECT ?p WHERE { ?p a kg:Person }"})
    assert len(r.json()["results"]["bindings"]) == 2


# --- content negotiation --------------------------------------------------------------------------------------


def test_negotiate() -> None:
    assert negotiate(None, RESULT_TYPES) == "application/sparql-results+json"
    assert negotiate("*/*", GRAPH_TYPES) == "text/turtle"
    assert negotiate("text/*;q=0.9, application/sparql-results+xml;q=0.5", RESULT_TYPES) == "text/csv"
    assert negotiate("text/tab-separated-values, text/*;q=0.2", RESULT_TYPES) == "text/tab-separated-values"
    assert negotiate("application/json", RESULT_TYPES) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0, */*;q=0.1", RESULT_TYPES) == "application/sparql-results+json"
    assert negotiate("image/png", RESULT_TYPES) is None


def test_unacceptable_accept_is_406(client: httpx.Client) -> None:
    r = client.get("sparql", params={"query": PREFIX + PEOPLE}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/csv" in r.text


# --- SPARQLWrapper, a standard client ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select(sparql, fmt: str, method: str) -> None:
    result = sparql(PREFIX + PEOPLE, fmt, method).query()
    data = result.convert()
    if fmt == JSON:
        names = [b["name"]["value"] for b in data["results"]["bindings"]]
    elif fmt == XML:
        names = [n.firstChild.data for n in data.getElementsByTagName("literal")]
    else:
        text = data.decode("utf-8")
        names = [line.split("," if fmt == CSV else "\t")[1] for line in text.splitlines()[1:]]
        names = [n.strip('"').split('"@')[0] for n in names]
    assert names == ["Kim Jong-un", "Poutine", "Vladimir Poutine"]


def test_sparqlwrapper_ask_and_construct(sparql) -> None:
    assert sparql(PREFIX + "ASK { ?e kg:recipient ?who }").query().convert()["boolean"] is True
    for fmt in (TURTLE, N3):
        g = sparql(PREFIX + "CONSTRUCT WHERE { ?e kg:recipient ?who }", fmt).query().convert()
        g = g if isinstance(g, Graph) else Graph().parse(data=g.decode(), format="turtle")
        assert set(g) == {(RES["event/d1/e1-communication"], KG.recipient, RES["person/vladimir-poutine"])}


# --- read-only -------------------------------------------------------------------------------------------------

INSERT = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
INSERTED = "ASK { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"


def test_updates_are_refused(client: httpx.Client) -> None:
    attempts = [client.post("sparql", data={"update": INSERT}),
                client.post("sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}),
                client.post("sparql", data={"query": INSERT}),
                client.get("sparql", params={"query": "DROP ALL"}),
                client.get("sparql", params={"update": "CLEAR DEFAULT"}),
                client.post("sparql", content="LOAD <http://example.org/x.ttl>",
                            headers={"Content-Type": "application/sparql-query"})]
    for r in attempts:
        assert r.status_code == 403, r.text
        assert r.text.strip() == UPDATE_REFUSED
    assert client.get("sparql", params={"query": INSERTED}).json()["boolean"] is False
    assert client.get("sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_sparqlwrapper_update_is_refused(sparql) -> None:
    wrapper = sparql(INSERT, JSON, "POST")
    assert wrapper.isSparqlUpdateRequest()
    with pytest.raises(HTTPError) as caught:
        wrapper.query()
    assert caught.value.code == 403
    assert sparql(INSERTED).query().convert()["boolean"] is False


# --- SERVICE, errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?q ?r } } }",
    "ASK { { ?s ?p ?o } UNION { service ?endpoint { ?s ?p ?o } } }",
])
def test_service_is_refused(client: httpx.Client, query: str) -> None:
    r = client.get("sparql", params={"query": query})
    assert r.status_code == 400
    assert r.text.strip() == SERVICE_REFUSED


def test_the_word_service_in_a_string_is_fine(client: httpx.Client) -> None:
    r = client.get("sparql", params={"query": 'SELECT ?x WHERE { BIND("SERVICE <http://a/> {}" AS ?x) }'})
    assert r.status_code == 200
    assert r.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_syntax_error_is_400_with_position(client: httpx.Client) -> None:
    r = client.get("sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    assert re.search(r"line 1, column \d+", r.text)


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"method": "GET", "url": "nothing"}, 404),
    ({"method": "GET", "url": "sparql"}, 400),
    ({"method": "GET", "url": "sparql", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ({"method": "GET", "url": "sparql", "params": {"query": "ASK {}", "default-graph-uri": "not an IRI"}}, 400),
    ({"method": "POST", "url": "sparql", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "POST", "url": "sparql", "content": b"\xff\xfe", "headers": {
        "Content-Type": "application/sparql-query"}}, 400),
    ({"method": "POST", "url": "sparql", "content": b"q" * (MAX_BODY + 1), "headers": {
        "Content-Type": "application/sparql-query"}}, 413),
])
def test_bad_requests(client: httpx.Client, kwargs: dict, status: int) -> None:
    r = client.request(**kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("text/plain")
    assert "Traceback" not in r.text


def test_check_query() -> None:
    assert check_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT"
    assert check_query("PREFIX a: <http://a/> CONSTRUCT WHERE { ?s a:p ?o }") == "CONSTRUCT"
    assert check_query("DESCRIBE <http://a/>") == "DESCRIBE"
    assert check_query("ASK {}") == "ASK"
    with pytest.raises(EndpointError) as caught:
        check_query("DELETE WHERE { ?s ?p ?o }")
    assert caught.value.status == 403
    assert isinstance(caught.value, KgError)
    with pytest.raises(EndpointError) as caught:
        check_query("SELECT * { SERVICE <http://a/> { ?s ?p ?o } }")
    assert caught.value.status == 400


# --- limits -------------------------------------------------------------------------------------------------------


def test_rows_are_cut_at_max_rows(client: httpx.Client) -> None:
    query = "SELECT ?s ?v WHERE { ?s <http://example.org/filler/value> ?v }"
    for media in RESULT_TYPES:
        r = client.get("sparql", params={"query": query}, headers={"Accept": media})
        assert r.status_code == 200
        assert r.headers["x-kg-truncated"] == "true"
        if media == "application/sparql-results+json":
            assert len(r.json()["results"]["bindings"]) == MAX_ROWS
        elif media == "application/sparql-results+xml":
            assert len(ET.fromstring(r.content).findall(".//{*}result")) == MAX_ROWS
        else:
            assert len(r.text.splitlines()) == MAX_ROWS + 1  # header line
    r = client.get("sparql", params={"query": f"CONSTRUCT WHERE {{ ?s <{EX.value}> ?v }}"},
                   headers={"Accept": "application/n-triples"})
    assert r.headers["x-kg-truncated"] == "true"
    assert len(r.text.strip().splitlines()) == MAX_ROWS
    r = client.get("sparql", params={"query": query + f" LIMIT {MAX_ROWS}"})
    assert len(r.json()["results"]["bindings"]) == MAX_ROWS
    assert "x-kg-truncated" not in r.headers


def test_a_query_past_the_time_limit_gets_503(client: httpx.Client, server: SparqlServer) -> None:
    before = server.pool.pids
    r = client.get("sparql", params={"query": HEAVY})
    assert r.status_code == 503
    assert "time limit" in r.text
    after = server.pool.pids
    assert len(after) == 2
    stopped = set(before) - set(after)
    assert len(stopped) == 1  # its worker was killed and replaced
    with pytest.raises(ProcessLookupError):
        os.kill(stopped.pop(), 0)
    # both workers answer again, the replacement included
    for _ in range(3):
        assert client.get("sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


# --- the query page ------------------------------------------------------------------------------------------


def test_query_page(client: httpx.Client) -> None:
    """YASGUI, from this server only: scripts and styles by path, no inline script, a strict policy."""
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    policy = r.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "connect-src 'self'" in policy and "unsafe" not in policy
    assert "http://" not in policy and "https://" not in policy  # no CDN
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', r.text)
    assert sources and all(src.startswith("/static/") for src in sources), sources
    assert not re.search(r"<script(?![^>]*(?:src=|type=\"application/json\"))", r.text)  # only data, no code
    assert not re.search(r"https?://(?!w3id\.org/|www\.w3\.org/|persistence\.uni-leipzig|purl\.org/|www\.wikidata)",
                         r.text), "the page names another host"
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert len(re.findall(r'<option value="\d+">', r.text)) == len(names)
    assert "Who communicated with whom" in r.text
    for src in sources:
        asset = client.get(src)
        assert asset.status_code == 200 and asset.headers["content-type"].startswith(("text/javascript", "text/css"))
    notice = client.get("/static/yasgui/NOTICE")
    assert "@zazuko/yasgui 4.6.2" in notice.text and client.get("/static/yasgui/LICENSE").status_code == 200
    for path in ("/static/../server/http.py", "/static/yasgui/", "/static/kg-page.js/..", "/static/nothing.js"):
        assert client.get(path).status_code == 404, path


def test_query_page_escapes_everything() -> None:
    evil = "</script><img src=x onerror=alert(1)>"
    stub = SimpleNamespace(examples=[Example("x", evil, evil, f"# {evil}\nASK {{}}")], prefixes={"a<b": "http://a/"},
                           quads=1, graphs=0, triples=1, url="http://127.0.0.1:1/", query_timeout=1.0, max_rows=10)
    page = render_page(stub).decode()
    assert "<img" not in page
    assert "</script><" not in page.replace("</script>\n<script", "").replace("</script>\n</body>", "")
    data = re.search(r'<script type="application/json" id="kg-config">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["examples"][0]["text"].endswith("ASK {}")


# --- the command -------------------------------------------------------------------------------------------------


def _kg(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)


@pytest.mark.slow
def test_kg_serve_command(tmp_path: Path, server: SparqlServer) -> None:
    """kg serve starts, answers over HTTP, and stops cleanly on SIGTERM; a taken port is one error line."""
    graph = tmp_path / "g.ttl"
    _graph().serialize(graph, format="turtle")
    taken = _kg("serve", str(graph), "--port", str(server.server_address[1]))
    _, err = taken.communicate(timeout=60)
    assert taken.returncode == EndpointError.exit_code
    assert err.strip() == f"kg: error: 127.0.0.1:{server.server_address[1]} is already in use; choose another --port"

    proc = _kg("serve", str(graph), "--port", "0", "--quiet", "--timeout", "3", "--max-rows", "5")
    try:
        line = proc.stderr.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+/)sparql", line).group(1)
        r = httpx.get(url + "sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=30)
        assert len(r.json()["results"]["bindings"]) == 5
        assert r.headers["x-kg-truncated"] == "true"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert err.strip().endswith("stopped")
    assert "Traceback" not in err


# --- integration: the seed graph -----------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.slow
def test_seed_graph_named_query_over_http(seed_graph: Graph) -> None:
    """The named communications query on the real seed graph, through SPARQLWrapper."""
    srv = make_server(seed_graph, port=0, workers=1, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        wrapper = SPARQLWrapper(srv.url + "sparql")
        wrapper.setQuery((ROOT / "queries" / "communications.rq").read_text(encoding="utf-8"))
        wrapper.setReturnFormat(JSON)
        rows = wrapper.query().convert()["results"]["bindings"]
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)
    pairs = {(b["senderName"]["value"], b.get("recipientName", {}).get("value"), b.get("date", {}).get("value"))
             for b in rows}
    assert ("Kim Jong-un", "Vladimir Poutine", "--12-26") in pairs
