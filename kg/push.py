"""Loading a graph file into a SPARQL 1.1 Graph Store HTTP Protocol server.

Every graph of the file goes in its own request: named graphs to
``ENDPOINT?graph=IRI``, the default graph to ``ENDPOINT?default`` (or to the
named graph given as ``target``), as N-Triples. ``replace=False`` POSTs (adds
to what the server holds), ``replace=True`` PUTs (each graph of the file
replaces the server's graph of that name). Then a SPARQL query
(``push_count.rq``) to the query endpoint counts what the server holds in those
graphs, so a push that lost triples is an error, not a surprise.

Works with Oxigraph (``ENDPOINT=http://host:7878/store``), Fuseki
(``http://host:3030/ds/data``) and any server of the protocol; the query
endpoint defaults to ``query`` beside the store endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from kg.errors import FormatError, InputError, KgError
from kg.graphs import READ_FORMATS

if TYPE_CHECKING:
    import httpx
    import pyoxigraph

#: The SPARQL query that counts triples per graph on the server.
COUNT_QUERY = Path(__file__).with_name("push_count.rq")
#: rdflib format names (kg.graphs.READ_FORMATS) → pyoxigraph format names.
_OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nt": "N_TRIPLES", "nquads": "N_QUADS", "xml": "RDF_XML",
               "json-ld": "JSON_LD", "n3": "N3"}
NTRIPLES = "application/n-triples"


class PushError(KgError):
    """The SPARQL server cannot be reached, refused the data or lost some of it."""

    exit_code = 7


@dataclass(frozen=True)
class PushReport:
    """What a push sent and what the server holds afterwards."""

    endpoint: str
    graphs: int  # graphs sent; the default graph counts as one
    sent: int  # triples sent
    stored: int  # triples the server holds in those graphs after the push
    total: int  # triples in every graph of the server

    def describe(self) -> str:
        return (f"pushed {self.sent} triples in {self.graphs} graph{'s' if self.graphs != 1 else ''} to "
                f"{self.endpoint}; the server holds {self.stored} triples in "
                f"{'them' if self.graphs != 1 else 'it'} ({self.total} in all its graphs)")


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{what} {url!r} is not an http(s) URL; e.g. http://localhost:7878/store")
    return url


def read_graphs(path: str | Path, target: str | None = None) -> dict[str | None, list[pyoxigraph.Triple]]:
    """The file's triples by graph: ``None`` for the default graph (or ``target``
    if given), an IRI for each named graph."""
    import pyoxigraph as ox

    p = Path(path)
    fmt = READ_FORMATS.get(p.suffix.lower())
    if fmt is None or fmt not in _OX_FORMATS:
        raise FormatError(f"{p}: unknown graph format {p.suffix!r}; use one of {', '.join(sorted(READ_FORMATS))}")
    if not p.is_file():
        raise InputError(f"{p}: no such graph file")
    graphs: dict[str | None, dict[ox.Triple, None]] = {}  # dict: ordered, without duplicates
    try:
        for q in ox.parse(path=str(p), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt])):
            name = target if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            graphs.setdefault(name, {})[q.triple] = None
    except SyntaxError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        raise InputError(f"{p}: not valid {fmt} ({first})") from None
    if not graphs:
        raise InputError(f"{p}: holds no triple; nothing to push")
    return {name: list(triples) for name, triples in graphs.items()}


def _request(http: httpx.Client, method: str, url: str, what: str, **kwargs) -> httpx.Response:
    import httpx

    try:
        response = http.request(method, url, **kwargs)
    except httpx.ConnectError as exc:
        raise PushError(f"cannot connect to {url} ({exc}); is the SPARQL server running, and is the URL "
                        "right?") from None
    except httpx.TimeoutException:
        raise PushError(f"{url} did not answer {method} of {what} in time; raise --timeout or check the "
                        "server") from None
    except httpx.HTTPError as exc:
        raise PushError(f"{method} of {what} to {url} failed ({exc.__class__.__name__}: {exc})") from None
    if response.status_code >= 400:
        detail = response.text.strip().splitlines()[0][:200] if response.text.strip() else ""
        raise PushError(f"{url} refused {method} of {what}: HTTP {response.status_code} "
                        f"{response.reason_phrase}{': ' + detail if detail else ''}")
    return response


def _graph_url(endpoint: str, name: str | None) -> httpx.URL:
    import httpx

    url = httpx.URL(endpoint)
    if name is None:  # the protocol's bare ?default parameter
        return url.copy_with(query=(url.query + b"&" if url.query else b"") + b"default")
    return url.copy_merge_params({"graph": name})


def _ordered(graphs: dict[str | None, list]) -> Iterator[str | None]:
    if None in graphs:
        yield None
    yield from sorted(name for name in graphs if name is not None)


def count_triples(http: httpx.Client, query_endpoint: str) -> dict[str | None, int]:
    """Triples per graph on the server (``None``: the default graph)."""
    response = _request(http, "POST", query_endpoint, "the count query",
                        content=COUNT_QUERY.read_text(encoding="utf-8").encode("utf-8"),
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"})
    try:
        rows = response.json()["results"]["bindings"]
        return {row["g"]["value"] if "g" in row else None: int(row["n"]["value"]) for row in rows}
    except (ValueError, KeyError, TypeError):
        raise PushError(f"{query_endpoint} did not answer the count query with SPARQL JSON results; "
                        "give the query endpoint with --query-endpoint") from None


def push(path: str | Path, endpoint: str, *, target: str | None = None, replace: bool = False,
         query_endpoint: str | None = None, timeout: float = 60.0) -> PushReport:
    """Send every graph of ``path`` to the Graph Store ``endpoint``; see the module doc.

    Raises InputError for a bad file or URL, PushError when the server cannot be
    reached, answers with an HTTP error, or holds fewer triples than were sent.
    """
    import httpx
    import pyoxigraph as ox

    _check_url(endpoint, "--endpoint")
    query_endpoint = _check_url(query_endpoint or urljoin(endpoint, "query"), "--query-endpoint")
    if target is not None and not urlsplit(target).scheme:
        raise InputError(f"--graph {target!r} is not an absolute IRI; e.g. https://example.org/graph/news")
    graphs = read_graphs(path, target)
    method = "PUT" if replace else "POST"
    with httpx.Client(timeout=timeout) as http:
        for name in _ordered(graphs):
            body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES)
            _request(http, method, str(_graph_url(endpoint, name)), f"graph {name or '(default)'}", content=body,
                     headers={"Content-Type": NTRIPLES})
        counts = count_triples(http, query_endpoint)
    sent = sum(len(triples) for triples in graphs.values())
    stored = sum(counts.get(name, 0) for name in graphs)
    if stored < sent:
        raise PushError(f"the server holds {stored} triples in the pushed graphs, fewer than the {sent} sent "
                        f"(query endpoint {query_endpoint})")
    return PushReport(endpoint, len(graphs), sent, stored, sum(counts.values()))
