"""kg push against a live Oxigraph server started on localhost by the test."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

from kg.errors import InputError  # noqa: E402
from kg.push import PushError, count_triples, push  # noqa: E402

OXIGRAPH = shutil.which("oxigraph") or (str(Path(sys.executable).with_name("oxigraph"))
                                        if Path(sys.executable).with_name("oxigraph").exists() else None)
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="needs the oxigraph server (pip install oxigraph)")

DATASET = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kgnews/resource/doc/a> a kg:Document ; rdfs:label "a" .
<https://w3id.org/kgnews/resource/doc/b> a kg:Document ; rdfs:label "b" .
<https://w3id.org/kgnews/resource/graph/a> {
  <https://w3id.org/kgnews/resource/person/vladimir-poutine> a kg:Person ; rdfs:label "Vladimir Poutine" .
  <https://w3id.org/kgnews/resource/country/russie> a kg:Country ; rdfs:label "Russie" ; rdfs:comment "« Кремль »" .
}
<https://w3id.org/kgnews/resource/graph/b> {
  <https://w3id.org/kgnews/resource/person/vladimir-poutine> a kg:Person ; rdfs:label "Vladimir Poutine" .
}
"""
GRAPH_A = "https://w3id.org/kgnews/resource/graph/a"
GRAPH_B = "https://w3id.org/kgnews/resource/graph/b"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh Oxigraph server on a free localhost port; yields its base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def dataset(tmp_path) -> Path:
    path = tmp_path / "corpus.trig"
    path.write_text(DATASET, encoding="utf-8")
    return path


def counts(base: str) -> dict[str | None, int]:
    """Triples per graph on the server, by a SPARQL query."""
    with httpx.Client(timeout=10) as http:
        return count_triples(http, f"{base}/query")


def graph_lines(base: str, name: str | None) -> int:
    """Triples of one graph fetched back with a Graph Store GET (an independent check)."""
    params = {"graph": name} if name else {"default": ""}
    r = httpx.get(f"{base}/store", params=params, headers={"Accept": "application/n-triples"}, timeout=10)
    r.raise_for_status()
    return sum(1 for line in r.text.splitlines() if line.strip())


def test_push_a_dataset_keeps_named_graphs_and_counts_match(server, dataset):
    report = push(dataset, f"{server}/store")
    assert (report.graphs, report.sent, report.stored, report.total) == (3, 11, 11, 11)
    assert counts(server) == {None: 4, GRAPH_A: 5, GRAPH_B: 2}
    assert graph_lines(server, GRAPH_A) == 5 and graph_lines(server, None) == 4
    with httpx.Client(timeout=10) as http:  # the non-ASCII literal arrived intact
        body = http.get(f"{server}/store", params={"graph": GRAPH_A}, headers={"Accept": "application/n-triples"})
    assert "« Кремль »" in body.text


def test_pushing_twice_adds_nothing_and_replace_swaps_each_graph(server, dataset, tmp_path):
    push(dataset, f"{server}/store")
    again = push(dataset, f"{server}/store")
    assert again.total == 11
    smaller = tmp_path / "smaller.trig"
    smaller.write_text(DATASET.replace(' ; rdfs:comment "« Кремль »"', ""), encoding="utf-8")
    report = push(smaller, f"{server}/store", replace=True)
    assert report.sent == 10 and counts(server)[GRAPH_A] == 4


def test_push_a_turtle_file_into_a_named_graph(server, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text("<http://example.org/a> <http://example.org/p> 1, 2, 3 .\n", encoding="utf-8")
    report = push(path, f"{server}/store", target="http://example.org/g")
    assert report.stored == 3
    assert counts(server) == {"http://example.org/g": 3}


def test_cli_push_prints_the_server_count(server, dataset):
    run = subprocess.run([sys.executable, "-m", "kg", "push", str(dataset), "--endpoint", f"{server}/store"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "pushed 11 quads in 3 graphs" in run.stdout and "the server holds 11 quads" in run.stdout


def test_connection_refused_is_one_line_error(dataset):
    run = subprocess.run([sys.executable, "-m", "kg", "push", str(dataset), "--endpoint",
                          f"http://127.0.0.1:{_free_port()}/store"], capture_output=True, text=True, timeout=60)
    assert run.returncode == PushError.exit_code
    assert run.stderr.startswith("kg: error: cannot connect to") and "Traceback" not in run.stderr


def test_http_error_names_the_status(server, dataset):
    with pytest.raises(PushError, match="HTTP 404"):
        push(dataset, f"{server}/no-such-endpoint")


def test_bad_arguments_are_refused(dataset, tmp_path):
    with pytest.raises(InputError, match="not an http"):
        push(dataset, "localhost:7878/store")
    with pytest.raises(InputError, match="absolute IRI"):
        push(dataset, "http://127.0.0.1:1/store", target="graph-a")
    empty = tmp_path / "empty.nt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no triple"):
        push(empty, "http://127.0.0.1:1/store")


def test_replace_touches_only_the_graphs_pushed(server, dataset, tmp_path):
    other = tmp_path / "other.trig"
    other.write_text("<http://example.org/g> { <http://example.org/a> <http://example.org/p> 1 . }\n"
                     "<http://example.org/d> <http://example.org/p> 2 .\n", encoding="utf-8")
    push(other, f"{server}/store")
    only_named = tmp_path / "named.trig"
    only_named.write_text(DATASET.split("<https://w3id.org/kgnews/resource/graph/a>", 1)[0].replace(
        "<https://w3id.org/kgnews/resource/doc/", "# <") + "<https://w3id.org/kgnews/resource/graph/a>"
        + DATASET.split("<https://w3id.org/kgnews/resource/graph/a>", 1)[1], encoding="utf-8")
    report = push(only_named, f"{server}/store", replace=True)
    assert report.graphs == 2
    held = counts(server)
    assert held["http://example.org/g"] == 1 and held[None] == 1  # neither pushed: both kept
    assert held[GRAPH_A] == 5 and held[GRAPH_B] == 2


class _LyingStore:
    """A Graph Store that stores nothing but answers every count with a large number."""

    def __init__(self) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _answer(self, body: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):  # noqa: N802
                length = self.headers.get("Content-Length")
                if length is not None:
                    self.rfile.read(int(length))
                else:  # chunked upload: read to the last chunk
                    while (size := int(self.rfile.readline().strip() or b"0", 16)) > 0:
                        self.rfile.read(size + 2)
                    self.rfile.readline()
                if self.path.startswith("/query"):
                    rows = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": "999"}}
                            for g in (GRAPH_A, GRAPH_B)] + [{"n": {"type": "literal", "value": "999"}}]
                    self._answer(json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": rows}}).encode(),
                                 "application/sparql-results+json")
                else:
                    self._answer(b"", "text/plain")

            def do_GET(self):  # noqa: N802
                self._answer(b"", "application/n-triples")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_server_that_reports_counts_but_stores_nothing_is_caught(dataset):
    lying = _LyingStore()
    try:
        with pytest.raises(PushError, match="does not hold the pushed graph"):
            push(dataset, f"{lying.url}/store")
    finally:
        lying.close()


def test_the_timeout_covers_the_whole_push_not_each_read(dataset):
    import http.server
    import threading

    class Dribble(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(300):  # one byte every 0.1 s: each read is quick, the answer never ends
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Dribble)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(PushError, match="did not finish within --timeout 1 s"):
            push(dataset, f"http://127.0.0.1:{server.server_address[1]}/store", timeout=1)
    finally:
        server.shutdown()
        server.server_close()
