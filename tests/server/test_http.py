"""Request checks of a browser-facing server (issue 14, item 2; issue 12: two Host headers).

Raw sockets, so the tests can send what ordinary clients never do: two Host
headers, absolute-URI request lines, oversized lines, bodies that never end,
clients that send one byte at a time.
"""

from __future__ import annotations

import socket
import time
from urllib.parse import quote

import httpx
import pytest

from kg.server import MAX_BODY, SparqlServer
from kg.server.config import MAX_LINE

from .conftest import raw_request, running, small_graph, status_of

ASK = "/sparql?query=" + quote("ASK { ?s ?p ?o }")


def _get(server: SparqlServer, target: str = ASK, headers: str | None = None) -> bytes:
    port = server.server_address[1]
    head = f"Host: 127.0.0.1:{port}\r\n" if headers is None else headers
    return raw_request(server, f"GET {target} HTTP/1.1\r\n{head}Connection: close\r\n\r\n".encode())


def test_a_plain_request_works(endpoint: SparqlServer) -> None:
    response = _get(endpoint)
    assert status_of(response) == 200
    assert response.endswith(b'{"head":{},"boolean":true}')


@pytest.mark.parametrize("host", ["localhost:80@evil.com", "evil.com@localhost", "localhost:80/x", "localhost x",
                                  "[::1", "localhost:99999", "localhost:", "", "localhost:80, evil.com",
                                  "http://localhost", "loc\u00e4lhost"])
def test_malformed_host_is_400(endpoint: SparqlServer, host: str) -> None:
    response = _get(endpoint, headers=f"Host: {host}\r\n")
    assert status_of(response) == 400, response[:200]
    assert b"Host" in response


def test_foreign_host_is_403(endpoint: SparqlServer) -> None:
    for host in ("evil.example", "127.0.0.1.nip.io:80", "10.0.0.1", "[2001:db8::1]:80"):
        assert status_of(_get(endpoint, headers=f"Host: {host}\r\n")) == 403, host
    for host in ("localhost", "LOCALHOST:1", "app.localhost", "127.0.0.2", "[::1]:7"):
        assert status_of(_get(endpoint, headers=f"Host: {host}\r\n")) == 200, host


def test_exactly_one_host_header(endpoint: SparqlServer) -> None:
    port = endpoint.server_address[1]
    two = _get(endpoint, headers=f"Host: 127.0.0.1:{port}\r\nHost: 127.0.0.1:{port}\r\n")
    assert status_of(two) == 400
    assert b"exactly one Host header" in two
    assert status_of(_get(endpoint, headers=f"Host: evil.example\r\nHost: 127.0.0.1:{port}\r\n")) == 400
    assert status_of(_get(endpoint, headers="")) == 400  # none


def test_absolute_uri_request_lines(endpoint: SparqlServer) -> None:
    port = endpoint.server_address[1]
    for target in (f"http://evil.example{ASK}", f"http://evil.example:{port}{ASK}", f"http://localhost@evil.example{ASK}",
                   f"https://127.0.0.1:{port}{ASK}", f"ftp://127.0.0.1{ASK}", "*"):
        assert status_of(_get(endpoint, target)) == 400, target
    assert status_of(_get(endpoint, f"http://127.0.0.1:{port}{ASK}")) == 200
    assert status_of(_get(endpoint, f"http://localhost{ASK}")) == 200


def test_a_large_body_gets_413_and_the_client_reads_it(endpoint: SparqlServer) -> None:
    """10 MB: the answer comes back (no broken pipe), the body is not kept, the server goes on."""
    with httpx.Client(base_url=endpoint.url, timeout=60) as client:
        for kind, body in (("raw", b"#" * 10_000_000), ("form", b"query=" + b"a" * 10_000_000)):
            content_type = "application/sparql-query" if kind == "raw" else "application/x-www-form-urlencoded"
            r = client.post("sparql", content=body, headers={"Content-Type": content_type})
            assert r.status_code == 413, r.text
            assert f"{MAX_BODY:,}" in r.text
        assert client.get("sparql", params={"query": "ASK {}"}).status_code == 200


def test_expect_100_continue_gets_413_first(endpoint: SparqlServer) -> None:
    port = endpoint.server_address[1]
    host, _ = endpoint.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
                     f"Content-Length: {50 * MAX_BODY}\r\nExpect: 100-continue\r\n\r\n".encode())
        assert sock.recv(65536).startswith(b"HTTP/1.1 413")


def test_post_without_length_or_chunked(endpoint: SparqlServer) -> None:
    port = endpoint.server_address[1]
    base = f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
    assert status_of(raw_request(endpoint, (base + "Connection: close\r\n\r\nASK {}").encode())) == 411
    chunked = base + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n"
    assert status_of(raw_request(endpoint, chunked.encode())) == 411


def test_request_line_and_headers_are_bounded(endpoint: SparqlServer) -> None:
    port = endpoint.server_address[1]
    long_line = f"GET /sparql?query={'a' * (MAX_LINE + 10)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    assert status_of(raw_request(endpoint, long_line.encode())) == 414
    long_header = f"GET {ASK} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-A: {'b' * (MAX_LINE + 10)}\r\n\r\n"
    assert status_of(raw_request(endpoint, long_header.encode())) == 431
    many = "".join(f"X-{n}: 1\r\n" for n in range(150))
    assert status_of(raw_request(endpoint, f"GET {ASK} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{many}\r\n".encode())) \
        == 431


def test_keep_alive_answers_several_requests_on_one_connection(endpoint: SparqlServer) -> None:
    with httpx.Client(base_url=endpoint.url, timeout=30) as client:
        for _ in range(5):
            r = client.get("sparql", params={"query": "ASK { ?s ?p ?o }"})
            assert r.status_code == 200 and r.http_version == "HTTP/1.1"
            assert r.headers.get("connection") != "close"


def test_a_slow_client_is_cut_off() -> None:
    """A client sending one byte every 0.2 s never completes its request: the server closes the connection
    after its request time limit (1 s here), long before the 60 bytes (12 s) are sent."""
    with running(small_graph(), workers=1, request_timeout=1.0) as server:
        host, port = server.server_address[:2]
        request = f"GET {ASK} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: {'z' * 60}".encode()
        with socket.create_connection((host, port), timeout=20) as sock:
            sent, closed = 0, False
            for byte in request[:60 + 40]:
                try:
                    sock.sendall(bytes([byte]))
                    sent += 1
                    sock.settimeout(0.2)
                    if sock.recv(1) == b"":
                        closed = True
                        break
                except TimeoutError:
                    continue
                except (BrokenPipeError, ConnectionResetError):
                    closed = True
                    break
            assert closed, f"still open after {sent} bytes"
            assert sent < 60
        # and a normal client still gets its answer
        assert httpx.get(server.url + "sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200


def test_idle_keep_alive_connection_is_closed() -> None:
    with running(small_graph(), workers=1, request_timeout=0.5) as server:
        with socket.create_connection(server.server_address[:2], timeout=20) as sock:
            started = time.monotonic()
            assert sock.recv(1) == b""
            assert time.monotonic() - started < 15  # closed by the server, not by this socket's timeout
