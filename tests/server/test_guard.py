"""The query guard (issue 14): SERVICE, LOAD and updates refused on the parsed query, whatever the spelling.

Every query names a tripwire listener on a loopback port; the tripwire fixture
fails the test if anything connects to it. Each obfuscation is sent by GET, by
a form POST and by a raw ``application/sparql-query`` POST.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

import httpx
import pytest

from kg.errors import EndpointError
from kg.server import SERVICE_REFUSED, UPDATE_REFUSED, SparqlServer
from kg.server.guard import check, engine_text
from kg.server.sandbox import _ARCHES

from .conftest import small_graph

#: Query templates; {url} is the tripwire's SPARQL address. Each must be refused (400, or 403 for updates).
OBFUSCATIONS = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "SeLeCt * WhErE {{ SeRvIcE SiLeNt <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\r SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\r\n SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o # note\r SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\U00000053\\u0045RVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE#c\n<{url}>\t{{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{url}> {{ ?s ?q ?r }} }} }}",
    "SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "PREFIX t: <{base}> SELECT * WHERE {{ SERVICE t:sparql {{ ?s ?p ?o }} }}",
    "BASE <{base}> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{url}> {{ SELECT ?s {{ ?s ?p ?o }} }} }} GROUP BY ?s",
    "LOAD <{url}>",
    "load silent <{base}data.ttl> into graph <http://example.org/g>",
    "INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX t: <{base}> INSERT DATA {{ t:a t:b t:c }}",
    "SELECT * WHERE {{ ?s ?p ?o }} ;\nLOAD <{url}>",
    "SELECT * WHERE {{ ?s ?p ?o # note\f SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\u2028 SERVICE <{url}> {{ ?s ?p ?o }} }}",
]
#: Comments ended by characters the SPARQL grammar does not end a comment with (only CR and LF do): the
#: SERVICE after them is part of the comment for both parsers, the query runs, and still nothing connects.
COMMENTED = [
    "SELECT * WHERE {{ ?s ?p ?o # note\f SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\u2028 SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\x85 SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\x0b SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?s ?p ?o # note\t\\ SERVICE <{url}> {{ ?s ?p ?o }}\n }}",
]


def _send(client: httpx.Client, how: str, query: str) -> httpx.Response:
    if how == "get":
        return client.get("sparql", params={"query": query})
    if how == "form":
        return client.post("sparql", data={"query": query})
    return client.post("sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})


def test_enough_obfuscations() -> None:
    assert len(OBFUSCATIONS) >= 20


@pytest.mark.parametrize("how", ["get", "form", "raw"])
def test_every_obfuscation_is_refused_and_nothing_connects(endpoint: SparqlServer, tripwire, how: str) -> None:
    base = f"http://127.0.0.1:{tripwire.port}/"
    with httpx.Client(base_url=endpoint.url, timeout=30) as client:
        for template in OBFUSCATIONS:
            query = template.format(url=base + "sparql", base=base)
            r = _send(client, how, query)
            assert r.status_code in (400, 403), (query, r.status_code, r.text)
            if "SERVICE" in r.text:
                assert r.text.strip() == SERVICE_REFUSED
            if r.status_code == 403:
                assert r.text.strip() == UPDATE_REFUSED
        for template in COMMENTED:
            query = template.format(url=base + "sparql", base=base)
            r = _send(client, how, query)
            assert r.status_code == 200, (query, r.text)
            assert len(r.json()["results"]["bindings"]) == len(small_graph())  # the SERVICE was a comment
        # the server still answers
        assert client.get("sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_comment_ending_in_cr_is_seen_as_the_engine_sees_it() -> None:
    query = "SELECT * WHERE { ?s ?p ?o # note\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n }"
    assert "\r" not in engine_text(query)
    with pytest.raises(EndpointError) as caught:
        check(query)
    assert str(caught.value) == SERVICE_REFUSED


def test_plain_words_and_comments_are_fine(endpoint: SparqlServer) -> None:
    """SERVICE in a string or a comment that ends where both parsers agree is not a SERVICE clause."""
    with httpx.Client(base_url=endpoint.url, timeout=30) as client:
        for query in ('SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/> {}" AS ?x) }',
                      "SELECT ?x WHERE { # SERVICE <http://127.0.0.1:9/> { }\n BIND(1 AS ?x) }",
                      "SELECT ?x WHERE {\r\n BIND(1 AS ?x) # fine\r\n}"):
            r = client.get("sparql", params={"query": query})
            assert r.status_code == 200, (query, r.text)
            assert len(r.json()["results"]["bindings"]) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux") or __import__("platform").machine().lower() not in _ARCHES,
                    reason="the network filter is for Linux on x86-64 and arm64")
def test_a_worker_cannot_connect_even_past_the_guard(tripwire) -> None:
    """The engine run directly (no guard) inside a sandboxed process: SERVICE fails, nothing connects."""
    code = textwrap.dedent(f"""
        import socket, pyoxigraph
        from kg.server.sandbox import deny_network
        assert deny_network()
        try:
            socket.create_connection(("127.0.0.1", {tripwire.port}), timeout=2)
        except PermissionError:
            pass
        else:
            raise SystemExit("a socket was opened")
        try:
            url = "http://127.0.0.1:{tripwire.port}/sparql"
            list(pyoxigraph.Store().query("SELECT * {{ SERVICE <" + url + "> {{ ?s ?p ?o }} }}"))
        except OSError as exc:
            print("refused:", exc)
        else:
            raise SystemExit("SERVICE ran")
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "refused: Permission denied" in run.stdout
    # the listener itself works: a connection from here is recorded (then cleared, or the fixture fails)
    with socket.create_connection(("127.0.0.1", tripwire.port), timeout=5) as sock:
        sock.sendall(b"x")
    for _ in range(50):
        if tripwire.connections:
            break
        __import__("time").sleep(0.05)
    assert tripwire.connections == [b"x"]
    tripwire.connections.clear()
