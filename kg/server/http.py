"""The HTTP side: one handler per request (query page, endpoint or refusal) and the listening server.

HTTP/1.1 with keep-alive, one thread per connection. Every request is bounded
before anything is done with it: a request line and each header line of at
most :data:`~kg.server.config.MAX_LINE` bytes (414 and 431 beyond, from the
standard library), at most :data:`~kg.server.config.MAX_HEADERS` headers,
:data:`~kg.server.config.REQUEST_TIMEOUT` seconds to send the whole request
(the connection is then closed), a body of at most
:data:`~kg.server.config.MAX_BODY` bytes (413 as soon as ``Content-Length``
says more; the body is then discarded unread, so the client still gets the
answer), and the host checks of :mod:`kg.server.hosts`.
"""

from __future__ import annotations

import io
import socket
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import EndpointError
from kg.server.config import BACKLOG, MAX_BODY, REQUEST_TIMEOUT, WRITE_TIMEOUT
from kg.server.guard import UPDATE_REFUSED
from kg.server.hosts import check_host, is_loopback, request_path
from kg.server.results import Job

if TYPE_CHECKING:
    from kg.server.page import Example
    from kg.server.pool import QueryPool

#: Bytes of an oversized body read and dropped after a 413, so the client is not reset while it sends.
DRAIN_LIMIT = 64 * 1024 * 1024
BODY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")


class _DeadlineReader(io.RawIOBase):
    """The socket's incoming bytes, each read bounded by the time left to the handler's deadline."""

    def __init__(self, handler: _Handler):
        self.handler = handler

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.handler.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the client took too long to send its request")
        self.handler.connection.settimeout(left)
        return self.handler.connection.recv_into(buffer)


class _Handler(BaseHTTPRequestHandler):
    """One request: the query page, the endpoint, or a refusal."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql"
    disable_nagle_algorithm = True  # else a keep-alive client's delayed ACK adds 40 ms to every answer
    deadline = 0.0

    def setup(self) -> None:
        super().setup()
        self.deadline = time.monotonic() + self.server.request_timeout
        self.rfile = io.BufferedReader(_DeadlineReader(self))

    def handle_one_request(self) -> None:
        self.deadline = time.monotonic() + self.server.request_timeout
        super().handle_one_request()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (name fixed by the base class)
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 (name fixed by the base class)
        self._handle(lambda url: self.server.page.respond(self, url) if not url.path.startswith("/sparql")
                     else self._endpoint(url, None))

    def do_POST(self) -> None:  # noqa: N802
        self._handle(lambda url: self._endpoint(url, self._body()))

    def _handle(self, respond: Any) -> None:
        try:
            check_host(self.headers.get_all("Host") or [], self.server.loopback)
            respond(urlsplit(request_path(self.path, self.server.loopback)))
        except EndpointError as exc:
            self.send_text(exc.status, f"{exc}\n")

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise EndpointError("chunked request bodies are not accepted; send a Content-Length",
                                HTTPStatus.LENGTH_REQUIRED)
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            raise EndpointError("a POST needs a Content-Length header", HTTPStatus.LENGTH_REQUIRED) from None
        if not 0 <= length <= MAX_BODY:
            self.close_connection = True
            self._drain = max(0, length)
            raise EndpointError(f"the request body is larger than {MAX_BODY:,} bytes; this endpoint accepts "
                                f"queries up to {MAX_BODY // 1024} KiB", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        return self.rfile.read(length)

    def handle_expect_100(self) -> bool:
        """Refuse an oversized body before the client sends it."""
        try:
            too_large = int(self.headers.get("Content-Length", "0")) > MAX_BODY
        except ValueError:
            too_large = False
        if too_large:
            self.close_connection = True
            self.send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request body is larger than {MAX_BODY:,} bytes\n")
            return False
        return super().handle_expect_100()

    def _params(self, url: Any, body: bytes | None) -> dict[str, list[str]]:
        """The request's parameters; a raw query body becomes ``query``."""
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if body is not None and kind == "application/sparql-update":
            raise EndpointError(UPDATE_REFUSED, HTTPStatus.FORBIDDEN)
        if body is not None and kind not in BODY_TYPES:
            raise EndpointError(f"unsupported Content-Type {kind or '(none)'!r}; send application/sparql-query or "
                                "application/x-www-form-urlencoded", HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
        try:
            params = parse_qs(url.query, keep_blank_values=True, errors="strict")
            if body is None:
                return params
            text = body.decode("utf-8")
            if kind == "application/sparql-query":
                return {**params, "query": params.get("query", []) + [text]}
            for name, values in parse_qs(text, keep_blank_values=True, errors="strict").items():
                params.setdefault(name, []).extend(values)
            return params
        except UnicodeDecodeError:
            raise EndpointError("the request is not valid UTF-8") from None

    def _endpoint(self, url: Any, body: bytes | None) -> None:
        if url.path != "/sparql":
            raise EndpointError(f"no page at {url.path}; the endpoint is /sparql and the query page /",
                                HTTPStatus.NOT_FOUND)
        params = self._params(url, body)
        if "update" in params:
            raise EndpointError(UPDATE_REFUSED, HTTPStatus.FORBIDDEN)
        if len(params.get("query", [])) != 1:
            raise EndpointError("give exactly one query, e.g. /sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp"
                                "%20%3Fo%7D%20LIMIT%2010")
        server = self.server
        job = Job(params["query"][0], self.headers.get("Accept"), server.max_rows,
                  tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        answer = server.pool.run(job, server.query_timeout)
        headers = {"X-KG-Truncated": "true"} if answer.truncated else {}
        charset = "; charset=utf-8" if answer.media_type.startswith("text/") else ""
        self.send(HTTPStatus.OK, answer.body, answer.media_type + charset, headers)

    def send_text(self, status: int, text: str) -> None:
        self.send(status, text.encode("utf-8"), "text/plain; charset=utf-8")

    def send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        """Answer with ``body``; after a refused oversized body, drop what the client still sends."""
        self.connection.settimeout(WRITE_TIMEOUT)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        buffer = self._headers_buffer  # type: ignore[attr-defined]  # (filled by send_header)
        buffer.append(b"\r\n")  # end_headers(), with the body in the same write: one segment, no ACK wait
        if self.command != "HEAD":
            buffer.append(body)
        self.flush_headers()
        drain = getattr(self, "_drain", 0)
        if drain:
            self._drain = 0
            self._discard(min(drain, DRAIN_LIMIT))

    def _discard(self, size: int) -> None:
        """Read and drop up to ``size`` bytes (within the request deadline), then close."""
        try:
            self.connection.shutdown(socket.SHUT_WR)
            while size > 0 and (chunk := self.rfile.read1(min(size, 1 << 16))):
                size -= len(chunk)
        except OSError:
            pass


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``server_close()`` also stops the query workers."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, address: tuple[str, int], pool: QueryPool, *, timeout: float, max_rows: int,
                 prefixes: dict[str, str], counts: tuple[int, int, int], quiet: bool = False,
                 request_timeout: float = REQUEST_TIMEOUT):
        from kg.server.page import QueryPage

        self.pool, self.query_timeout, self.max_rows = pool, timeout, max_rows
        self.prefixes, self.quiet, self.request_timeout = prefixes, quiet, request_timeout
        self.quads, self.graphs, self.triples = counts
        self.loopback = is_loopback(address[0])
        self.page = QueryPage(self)
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)  # binds; on failure it calls server_close()

    @property
    def examples(self) -> list[Example]:
        return self.page.examples

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:7878/``."""
        host, port = str(self.server_address[0]), self.server_address[1]
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
