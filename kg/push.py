"""Loading a graph file into a SPARQL 1.1 Graph Store HTTP Protocol server.

Every graph of the file goes in its own request: named graphs to
``ENDPOINT?graph=IRI``, the default graph to ``ENDPOINT?default`` (or to the
named graph given as ``target``), as N-Triples streamed in chunks.
``replace=False`` POSTs (adds to what the server holds), ``replace=True`` PUTs:
each graph *of the file* replaces the server's graph of that name, and no
other graph is touched (the default graph only when the file has one).

Then the push is checked by content: a SPARQL query (``push_count.rq``) to the
query endpoint counts the triples of every graph (each pushed graph must hold
at least what was sent, exactly that after ``replace``), and a sample of the
pushed graphs is fetched back (Graph Store GET) to see that sampled triples
are there. The whole push has one deadline (``timeout`` seconds, reads and
writes together) and answers are read up to :data:`MAX_ANSWER_BYTES`.

Works with Oxigraph (``ENDPOINT=http://host:7878/store``), Fuseki
(``http://host:3030/ds/data``) and any server of the protocol; the query
endpoint defaults to ``query`` beside the store endpoint.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from kg.errors import InputError, PushError
from kg.rdf.read import by_graph
from kg.rdf.write import ox_bytes

if TYPE_CHECKING:
    import httpx

#: The SPARQL query that counts triples per graph on the server.
COUNT_QUERY = Path(__file__).with_name("push_count.rq")
NTRIPLES = "application/n-triples"
#: Largest answer read from the server (bytes): a count, an error page or a sampled graph.
MAX_ANSWER_BYTES = 256 << 20
#: Triples sent per request chunk, graphs fetched back and triples sampled in each.
CHUNK_TRIPLES, SAMPLED_GRAPHS, SAMPLED_TRIPLES = 10_000, 3, 50

__all__ = ["PushError", "PushReport", "count_triples", "push"]


@dataclass(frozen=True)
class PushReport:
    """What a push sent and what the server holds afterwards."""

    endpoint: str
    graphs: int  # graphs sent; the default graph counts as one
    sent: int  # triples sent
    stored: int  # triples the server holds in those graphs after the push
    total: int  # triples in every graph of the server

    def describe(self) -> str:
        # Counted as ``kg build`` counts: a triple once per graph holding it is a quad.
        if self.graphs == 1:
            return (f"pushed {self.sent} triples in 1 graph to {self.endpoint}; the server holds {self.stored} "
                    f"triples in it ({self.total} quads in all its graphs)")
        return (f"pushed {self.sent} quads in {self.graphs} graphs to {self.endpoint}; the server holds "
                f"{self.stored} quads in them ({self.total} quads in all its graphs)")


class _Deadline:
    """One time limit for the whole push."""

    def __init__(self, seconds: float):
        self.seconds, self.end = seconds, time.monotonic() + seconds

    def left(self, url: str, what: str) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise PushError(f"{url}: the push of {what} did not finish within --timeout {self.seconds:g} s; "
                            "raise --timeout or check the server")
        return remaining


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{what} {url!r} is not an http(s) URL; e.g. http://localhost:7878/store")
    return url


def _request(http: httpx.Client, deadline: _Deadline, method: str, url: str, what: str, **kwargs: Any) -> bytes:
    """Send one request within the deadline; the answer's body, read up to MAX_ANSWER_BYTES."""
    import httpx

    try:
        with http.stream(method, url, timeout=httpx.Timeout(deadline.left(url, what)), **kwargs) as response:
            body = bytearray()
            for chunk in response.iter_raw():
                body += chunk
                deadline.left(url, what)
                if len(body) > MAX_ANSWER_BYTES:
                    raise PushError(f"{url} answered {method} of {what} with more than {MAX_ANSWER_BYTES:,} bytes; "
                                    "is this a SPARQL server?")
    except httpx.ConnectError as exc:
        raise PushError(f"cannot connect to {url} ({exc}); is the SPARQL server running, and is the URL "
                        "right?") from None
    except httpx.TimeoutException:
        raise PushError(f"{url} did not answer {method} of {what} in time; raise --timeout or check the "
                        "server") from None
    except httpx.HTTPError as exc:
        raise PushError(f"{method} of {what} to {url} failed ({exc.__class__.__name__}: {exc})") from None
    if response.status_code >= 400:
        text = bytes(body[:2000]).decode("utf-8", "replace").strip()
        detail = text.splitlines()[0][:200] if text else ""
        raise PushError(f"{url} refused {method} of {what}: HTTP {response.status_code} "
                        f"{response.reason_phrase}{': ' + detail if detail else ''}")
    return bytes(body)


def _graph_url(endpoint: str, name: str | None) -> str:
    import httpx

    url = httpx.URL(endpoint)
    if name is None:  # the protocol's bare ?default parameter
        return str(url.copy_with(query=(url.query + b"&" if url.query else b"") + b"default"))
    return str(url.copy_merge_params({"graph": name}))


def _ordered(graphs: dict[str | None, list]) -> Iterator[str | None]:
    if None in graphs:
        yield None
    yield from sorted(name for name in graphs if name is not None)


def _body(triples: list, deadline: _Deadline, url: str, what: str) -> Iterator[bytes]:
    """N-Triples in chunks, so a large graph is never one buffer."""
    import pyoxigraph as ox

    for start in range(0, len(triples), CHUNK_TRIPLES):
        deadline.left(url, what)
        yield ox_bytes(triples[start:start + CHUNK_TRIPLES], ox.RdfFormat.N_TRIPLES)


def _count(http: httpx.Client, deadline: _Deadline, query_endpoint: str) -> dict[str | None, int]:
    import json

    body = _request(http, deadline, "POST", query_endpoint, "the count query",
                    content=COUNT_QUERY.read_text(encoding="utf-8").encode("utf-8"),
                    headers={"Content-Type": "application/sparql-query",
                             "Accept": "application/sparql-results+json"})
    try:
        rows = json.loads(body)["results"]["bindings"]
        return {row["g"]["value"] if "g" in row else None: int(row["n"]["value"]) for row in rows}
    except (ValueError, KeyError, TypeError):
        raise PushError(f"{query_endpoint} did not answer the count query with SPARQL JSON results; "
                        "give the query endpoint with --query-endpoint") from None


def count_triples(http: httpx.Client, query_endpoint: str, timeout: float = 60.0) -> dict[str | None, int]:
    """Triples per graph on the server (``None``: the default graph)."""
    return _count(http, _Deadline(timeout), query_endpoint)


def _check_sample(http: httpx.Client, deadline: _Deadline, endpoint: str, name: str | None, triples: list) -> None:
    """Fetch one pushed graph back and check that a sample of its triples is there."""
    import pyoxigraph as ox

    url = _graph_url(endpoint, name)
    what = f"graph {name or '(default)'}"
    body = _request(http, deadline, "GET", url, what, headers={"Accept": NTRIPLES})
    try:
        held = {q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
    except SyntaxError:
        raise PushError(f"{url} did not send {what} back as N-Triples; cannot check the push") from None
    step = max(1, len(triples) // SAMPLED_TRIPLES)
    missing = [t for t in triples[::step] if t not in held]
    if missing:
        raise PushError(f"the server does not hold the pushed {what}: {len(missing)} sampled triples missing, "
                        f"e.g. {missing[0]}")


def push(path: str | Path, endpoint: str, *, target: str | None = None, replace: bool = False,
         query_endpoint: str | None = None, timeout: float = 60.0) -> PushReport:
    """Send every graph of ``path`` to the Graph Store ``endpoint``; see the module doc.

    Raises InputError for a bad file or URL, PushError when the server cannot be
    reached, answers with an HTTP error, runs past ``timeout`` or does not hold what was sent.
    """
    import httpx

    _check_url(endpoint, "--endpoint")
    query_endpoint = _check_url(query_endpoint or urljoin(endpoint, "query"), "--query-endpoint")
    if target is not None and not urlsplit(target).scheme:
        raise InputError(f"--graph {target!r} is not an absolute IRI; e.g. https://example.org/graph/news")
    graphs = by_graph(path, target)
    if not graphs:
        raise InputError(f"{path}: holds no triple; nothing to push")
    method = "PUT" if replace else "POST"
    deadline = _Deadline(timeout)
    names = list(_ordered(graphs))
    with httpx.Client() as http:
        for name in names:
            url, what = _graph_url(endpoint, name), f"graph {name or '(default)'}"
            _request(http, deadline, method, url, what, content=_body(graphs[name], deadline, url, what),
                     headers={"Content-Type": NTRIPLES})
        counts = _count(http, deadline, query_endpoint)
        short = [(n, counts.get(n, 0), len(graphs[n])) for n in names
                 if counts.get(n, 0) < len(graphs[n]) or (replace and counts.get(n, 0) != len(graphs[n]))]
        if short:
            name, held, sent = short[0]
            raise PushError(f"the server holds {held} triples in graph {name or '(default)'}, not the {sent} sent "
                            f"(query endpoint {query_endpoint}); {len(short)} graph(s) differ")
        for name in names[:: max(1, len(names) // SAMPLED_GRAPHS)][:SAMPLED_GRAPHS]:
            _check_sample(http, deadline, endpoint, name, graphs[name])
    sent = sum(len(triples) for triples in graphs.values())
    stored = sum(counts.get(name, 0) for name in graphs)
    return PushReport(endpoint, len(graphs), sent, stored, sum(counts.values()))
