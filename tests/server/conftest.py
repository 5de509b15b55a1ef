"""Fixtures for the endpoint tests: a server on a free loopback port, raw HTTP, and a tripwire listener."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from kg.namespace import KG, RES
from kg.server import SparqlServer, make_server

PEOPLE = {"person/ada-martin": "Ada Martin", "person/jean-dupont": "Jean Dupont", "person/zoe-petit": "Zoé Petit"}


def small_graph() -> Graph:
    """Three people and one event."""
    g = Graph()
    for path, name in PEOPLE.items():
        g.add((RES[path], RDF.type, KG.Person))
        g.add((RES[path], RDFS.label, Literal(name)))
    event = RES["event/d1/e1-meeting"]
    g.add((event, RDF.type, KG.Meeting))
    g.add((event, KG.agent, RES["person/ada-martin"]))
    return g


@contextlib.contextmanager
def running(data: Any, **options: Any) -> Iterator[SparqlServer]:
    """An endpoint over ``data`` serving in a thread; stopped and its workers ended on exit."""
    options.setdefault("quiet", True)
    server = make_server(data, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[SparqlServer]:
    with running(small_graph(), timeout=5.0, workers=2) as server:
        yield server


def raw_request(server: SparqlServer, data: bytes, timeout: float = 30) -> bytes:
    """Send ``data`` as is on a fresh connection; all the server sends until it closes (ask for
    ``Connection: close`` in ``data``)."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


class Tripwire:
    """A listener on a loopback port that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(1)
                try:
                    self.connections.append(conn.recv(4096))
                except OSError:
                    self.connections.append(b"")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture()
def tripwire() -> Iterator[Tripwire]:
    wire = Tripwire()
    yield wire
    wire.close()
    assert wire.connections == [], f"the endpoint connected out: {wire.connections[:1]!r}"
