"""A read-only SPARQL 1.1 Protocol endpoint over a graph (``kg serve``).

``make_server(graph)`` returns a :class:`SparqlServer` (stdlib
``ThreadingHTTPServer``, no web framework) that answers

* ``GET /sparql?query=…``, ``POST /sparql`` with a form body ``query=…`` or a
  raw ``application/sparql-query`` body;
* SELECT and ASK results as ``application/sparql-results+json``,
  ``application/sparql-results+xml``, ``text/csv`` or
  ``text/tab-separated-values``, CONSTRUCT and DESCRIBE as ``text/turtle`` or
  ``application/n-triples``, chosen by the ``Accept`` header;
* ``GET /``: a small query page with the named queries of ``queries/`` as
  examples.

Safety (issue 7):

* it binds 127.0.0.1 unless told otherwise, and while bound to a loopback
  address it refuses requests whose ``Host`` is not a loopback name (a web page
  cannot reach it through DNS rebinding);
* it is read-only: an ``update`` parameter, an ``application/sparql-update``
  body or a query text that parses as an update gets 403;
* ``SERVICE`` is refused with 400 (pyoxigraph would otherwise call the remote
  endpoint named in the query);
* every query runs in a worker process holding its own copy of the graph; a
  query still running at the time limit is stopped by killing its worker
  (which is replaced) and gets 503; results are cut after ``max_rows`` rows or
  triples, and the answer then carries ``X-KG-Truncated: true``.

Queries may use the prefixes of :data:`kg.store.QUERY_PREFIXES` (``kg:``,
``res:``, ``rdfs:``, ``skos:``...) without declaring them. They are checked
with rdflib's SPARQL parser in the server and run by pyoxigraph in the workers.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import itertools
import json
import queue
import secrets
import string
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError

if TYPE_CHECKING:
    from rdflib import Graph

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds a query may run before it is stopped (503).
DEFAULT_TIMEOUT = 10.0
#: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) returned at most.
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 2
#: Largest request body accepted (bytes): checking a query is pure Python, about 0.6 s for this size.
MAX_BODY = 256 * 1024
#: Seconds a worker may take to load the graph.
LOAD_TIMEOUT = 600.0

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
#: Media types by query form, the first being the default for ``*/*``.
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES)
#: Other names clients use for the same media types.
ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML,
           "application/x-turtle": TURTLE, "text/plain": NTRIPLES}
QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
               "DescribeQuery": "DESCRIBE"}

UPDATE_REFUSED = "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR...) are refused"
SERVICE_REFUSED = ("SERVICE is refused: this endpoint does not call other endpoints; "
                   "query them directly or load their data with kg")


class EndpointError(KgError):
    """A request the endpoint refuses, or an endpoint that cannot start.

    ``status`` is the HTTP status the endpoint answers with.
    """

    exit_code = 2

    def __init__(self, message: str, status: int = HTTPStatus.BAD_REQUEST):
        super().__init__(message)
        self.status = int(status)


# --- content negotiation -------------------------------------------------------------------------------------


def _ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` header → (media range, quality) pairs, aliases resolved."""
    ranges = []
    for item in accept.split(","):
        kind, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        kind = kind.lower()
        if kind:
            ranges.append((ALIASES.get(kind, kind), quality))
    return ranges


def _specificity(media_range: str, media: str) -> int:
    if media_range == media:
        return 3
    if media_range.endswith("/*") and media.startswith(media_range[:-1]):
        return 2
    return 1 if media_range == "*/*" else 0


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type ``accept`` prefers, or None when it accepts none.

    Each offered type takes the quality of the most specific range matching
    it; ties go to the earlier offered type. No header accepts anything.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("text/html", RESULT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)

    def quality(media: str) -> float:
        matches = [(spec, q) for kind, q in ranges if (spec := _specificity(kind, media))]
        return max(matches)[1] if matches else 0.0

    best_quality, _, best = max((quality(m), -i, m) for i, m in enumerate(offered))
    return best if best_quality > 0 else None


# --- checking a request's query ------------------------------------------------------------------------------


def _nodes(tree: Any) -> Iterator[Any]:
    """Every parse-tree node (rdflib ``CompValue``) under ``tree``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        value = stack.pop()
        if isinstance(value, CompValue):
            yield value
            stack.extend(dict.values(value))
        elif isinstance(value, (ParseResults, list, tuple)):
            stack.extend(value)


def check_query(text: str) -> str:
    """The form of a read-only query: SELECT, ASK, CONSTRUCT or DESCRIBE.

    Raises :class:`EndpointError` with status 403 when ``text`` is an update,
    400 when it is not SPARQL or uses ``SERVICE``.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except (ParseException, RecursionError):
            raise EndpointError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None
        raise EndpointError(UPDATE_REFUSED, HTTPStatus.FORBIDDEN) from None
    except RecursionError:
        raise EndpointError("the query is nested too deeply (or is too long) to be read") from None
    nodes = list(_nodes(tree))
    if any(node.name == "ServiceGraphPattern" for node in nodes):
        raise EndpointError(SERVICE_REFUSED)
    return next(QUERY_FORMS[node.name] for node in nodes if node.name in QUERY_FORMS)


# --- worker processes ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A query's serialized result."""

    media_type: str
    body: bytes
    truncated: bool


def _json_term(term: Any) -> dict[str, Any]:
    """A pyoxigraph term in the SPARQL 1.1 JSON results format."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype != ox.Literal("").datatype:  # xsd:string is left implicit
        out["datatype"] = term.datatype.value
    return out


def _solutions(result: Any, media: str, max_rows: int) -> tuple[bytes, bool]:
    """At most ``max_rows`` SELECT rows, serialized; pyoxigraph writes every format from our JSON."""
    import pyoxigraph as ox

    rows = list(itertools.islice(result, max_rows + 1))
    names = [v.value for v in result.variables]
    document = {"head": {"vars": names},
                "results": {"bindings": [{n: _json_term(row[n]) for n in names if row[n] is not None}
                                         for row in rows[:max_rows]]}}
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    if media != JSON:
        parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        data = parsed.serialize(format=ox.QueryResultsFormat.from_media_type(media))
    return data, len(rows) > max_rows


def _triples(result: Any, media: str, max_rows: int, prefixes: dict[str, str]) -> tuple[bytes, bool]:
    """At most ``max_rows`` CONSTRUCT/DESCRIBE triples, serialized with the prefixes they use."""
    import pyoxigraph as ox

    triples = list(itertools.islice(result, max_rows + 1))
    kept = triples[:max_rows]
    iris = {t.value for triple in kept for t in (triple.subject, triple.predicate, triple.object)
            if isinstance(t, ox.NamedNode)}
    used = {}
    for prefix, ns in prefixes.items():  # only where every local name reads plainly (no res:person\/x)
        rests = [iri[len(ns):] for iri in iris if iri.startswith(ns)]
        if rests and not any("/" in rest or "#" in rest for rest in rests):
            used[prefix] = ns
    data = ox.serialize(kept, format=ox.RdfFormat.from_media_type(media), prefixes=used)
    return data, len(triples) > max_rows


def _answer(store: Any, query: str, media: str, max_rows: int, prefixes: dict[str, str]) -> tuple:
    """Run one query; a ("ok", Answer) or ("error", status, message) reply."""
    import pyoxigraph as ox

    try:
        result = store.query(query, prefixes=prefixes)
        if isinstance(result, ox.QueryBoolean):
            body, truncated = result.serialize(format=ox.QueryResultsFormat.from_media_type(media)), False
        elif isinstance(result, ox.QuerySolutions):
            body, truncated = _solutions(result, media, max_rows)
        else:
            body, truncated = _triples(result, media, max_rows, prefixes)
    except SyntaxError as exc:
        return ("error", HTTPStatus.BAD_REQUEST, f"SPARQL error: {exc}")
    except (OSError, ValueError) as exc:
        return ("error", HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {exc}")
    return ("ok", Answer(media, body, truncated))


#: What a worker process runs: ``python -c WORKER_CODE JOBS_FD ANSWERS_FD``. A fresh interpreter (not
#: multiprocessing) so the caller's main module is never imported again in the worker.
WORKER_CODE = "import sys; from kg.server import worker_main; worker_main(int(sys.argv[1]), int(sys.argv[2]))"


def worker_main(jobs_fd: int, answers_fd: int) -> None:
    """A worker process: read the graph (N-Triples bytes, then the prefix map) from ``jobs_fd``, load it, then
    answer (query, media type, max rows) jobs on ``answers_fd`` until the job pipe closes or sends None."""
    from multiprocessing.connection import Connection

    import pyoxigraph as ox

    jobs, answers = Connection(jobs_fd, writable=False), Connection(answers_fd, readable=False)
    store = ox.Store()
    try:
        data = jobs.recv_bytes()
        prefixes = jobs.recv()
        store.load(data, ox.RdfFormat.N_TRIPLES)
    except EOFError:
        return
    except (SyntaxError, OSError) as exc:
        answers.send(("failed", str(exc)))
        return
    del data
    answers.send(("ready", len(store)))
    while True:
        try:
            job = jobs.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            answers.send(_answer(store, *job, prefixes))
        except BrokenPipeError:  # the server stopped while the query ran
            return


def _worker_env() -> dict[str, str]:
    """The environment of a worker: this one, with the folder holding ``kg`` first on the import path."""
    import os
    from pathlib import Path

    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class _Worker:
    """One worker process and the two pipes to it."""

    def __init__(self, data: bytes, prefixes: dict[str, str]):
        import os
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        jobs_in, jobs_out = os.pipe()
        answers_in, answers_out = os.pipe()
        try:
            self.process = subprocess.Popen([sys.executable, "-c", WORKER_CODE, str(jobs_in), str(answers_out)],
                                            pass_fds=(jobs_in, answers_out), stdin=subprocess.DEVNULL,
                                            env=_worker_env())
        finally:
            os.close(jobs_in)
            os.close(answers_out)
        self.jobs = Connection(jobs_out, readable=False)
        self.answers = Connection(answers_in, writable=False)
        self.triples: int | None = None
        try:
            self.jobs.send_bytes(data)
            self.jobs.send(prefixes)
        except OSError as exc:
            self.stop()
            raise EndpointError(f"the query worker did not start ({exc.strerror or exc})",
                                HTTPStatus.INTERNAL_SERVER_ERROR) from None

    def wait_ready(self, timeout: float) -> int:
        """Wait until the graph is loaded; its number of triples."""
        if self.triples is None:
            try:
                if not self.answers.poll(timeout):
                    raise EndpointError(f"the query worker did not load the graph within {timeout:g} s",
                                        HTTPStatus.SERVICE_UNAVAILABLE)
                status, value = self.answers.recv()
            except EOFError:
                status, value = "failed", f"it exited with code {self.process.wait()}"
            if status != "ready":
                raise EndpointError(f"the query worker cannot load the graph: {value}",
                                    HTTPStatus.INTERNAL_SERVER_ERROR)
            self.triples = value
        return self.triples

    def ask(self, job: tuple, timeout: float) -> tuple:
        """Send a job and wait for its reply; TimeoutError past ``timeout``, EOFError if the worker died."""
        self.jobs.send(job)
        if not self.answers.poll(timeout):
            raise TimeoutError
        return self.answers.recv()

    def stop(self) -> None:
        """Kill the process (a query cannot be interrupted otherwise) and close the pipes."""
        self.process.kill()
        self.process.wait()
        self.jobs.close()
        self.answers.close()


class QueryPool:
    """Worker processes that each hold a copy of the graph and run one query at a time.

    A query that passes its time limit is stopped by killing its worker, which
    a fresh one replaces, so a runaway query never keeps a core busy.
    """

    def __init__(self, data: bytes, prefixes: dict[str, str], size: int = DEFAULT_WORKERS):
        self._data, self._prefixes, self.size = data, prefixes, size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._data, self._prefixes)
        with self._lock:
            closed = self._closed
            if not closed:
                self._workers.add(worker)
        if closed:  # close() ran while this one started
            worker.stop()
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        if not closed:
            self._idle.put(self._start())

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers."""
        with self._lock:
            return sorted(w.process.pid for w in self._workers)

    def wait_ready(self, timeout: float = LOAD_TIMEOUT) -> int:
        """Wait until every worker has loaded the graph; its number of triples."""
        with self._lock:
            workers = list(self._workers)
        return min(w.wait_ready(timeout) for w in workers)

    def run(self, query: str, media: str, max_rows: int, timeout: float) -> Answer:
        """Run ``query`` in a free worker; raises EndpointError (503 past ``timeout``, 400 for a bad query)."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EndpointError(f"all {self.size} query workers stayed busy for {timeout:g} s; try again later",
                                HTTPStatus.SERVICE_UNAVAILABLE) from None
        try:
            worker.wait_ready(LOAD_TIMEOUT)
            reply = worker.ask((query, media, max_rows), timeout)
        except TimeoutError:
            self._replace(worker)
            raise EndpointError(f"the query was stopped at the time limit of {timeout:g} s; "
                                "narrow it (LIMIT, more specific patterns)", HTTPStatus.SERVICE_UNAVAILABLE) from None
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise EndpointError(f"the query worker stopped unexpectedly ({exc.__class__.__name__}); try again",
                                HTTPStatus.INTERNAL_SERVER_ERROR) from None
        except EndpointError:
            self._replace(worker)
            raise
        self._idle.put(worker)
        if reply[0] == "error":
            raise EndpointError(reply[2], reply[1])
        return reply[1]

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()


# --- the query page ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """A named query shown on the query page."""

    name: str
    title: str
    description: str
    text: str


def example_queries() -> list[Example]:
    """The named queries of ``queries/*.rq`` (see :mod:`kg.query`), with a note on their parameters."""
    from kg.query import list_queries

    examples = []
    for query in list_queries():
        description = query.description
        if query.params:
            params = "; ".join(p.describe() for p in query.params)
            description += (f" Parameters: {params}. Here they are unbound; give a value with e.g. "
                            f'VALUES ?{query.params[0].name} {{ "…" }} inside WHERE.')
        examples.append(Example(query.name, query.title or query.name, description.strip(), query.text))
    return examples


def _script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    return (json.dumps(value, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


_PAGE = string.Template("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="$nonce">
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{font-size:1.3rem}code,textarea,pre{font:13px/1.4 ui-monospace,monospace}
textarea{width:100%;height:16rem;box-sizing:border-box}
.bar{display:flex;gap:.6rem;align-items:center;margin:.5rem 0;flex-wrap:wrap}
#desc,#status,.small{color:#555;font-size:.9rem}table{border-collapse:collapse;margin-top:.5rem}
td,th{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
pre{background:#f7f7f7;padding:.6rem;overflow:auto}.err{color:#a00}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p class="small">$triples triples, read-only. Endpoint: <code>$endpoint</code> (SPARQL 1.1 Protocol, GET or POST).
Queries stop after $timeout s; at most $max_rows rows are returned. Predeclared prefixes: $prefixes.</p>
<div class="bar"><label>Example <select id="example"><option value="">(choose a named query)</option>
$options</select></label></div>
<div id="desc"></div>
<textarea id="query" spellcheck="false">SELECT ?class (COUNT(?s) AS ?n)
WHERE { ?s a ?class }
GROUP BY ?class
ORDER BY DESC(?n)</textarea>
<div class="bar"><button id="run">Run (Ctrl+Enter)</button>
<label>Results <select id="format">
<option value="application/sparql-results+json">table (JSON)</option>
<option value="application/sparql-results+xml">XML</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="text/turtle">Turtle (CONSTRUCT, DESCRIBE)</option>
<option value="application/n-triples">N-Triples (CONSTRUCT, DESCRIBE)</option></select></label>
<span id="status"></span></div>
<div id="out"></div>
<script type="application/json" id="examples">$examples</script>
<script nonce="$nonce">
"use strict";
const examples = JSON.parse(document.getElementById("examples").textContent);
const $$ = (id) => document.getElementById(id);
$$("example").addEventListener("change", function () {
  const ex = examples[this.value];
  if (ex) { $$("query").value = ex.text; $$("desc").textContent = ex.description; }
});
function cell(tag, text) { const el = document.createElement(tag); el.textContent = text; return el; }
function table(data) {
  const t = document.createElement("table");
  if (data.boolean !== undefined) {
    t.appendChild(cell("tr", "")).appendChild(cell("td", String(data.boolean)));
    return t;
  }
  const head = t.appendChild(document.createElement("tr"));
  data.head.vars.forEach(function (v) { head.appendChild(cell("th", "?" + v)); });
  data.results.bindings.forEach(function (row) {
    const tr = t.appendChild(document.createElement("tr"));
    data.head.vars.forEach(function (v) {
      const b = row[v];
      tr.appendChild(cell("td", !b ? "" : b.type === "uri" ? "<" + b.value + ">" : b.type === "bnode" ? "_:" + b.value
        : b.value + (b["xml:lang"] ? "@" + b["xml:lang"] : "")));
    });
  });
  return t;
}
async function run() {
  const out = $$("out"), status = $$("status"), started = performance.now();
  out.replaceChildren(); status.textContent = "running…"; status.className = "";
  let response;
  try {
    response = await fetch("sparql", {method: "POST", body: new URLSearchParams({query: $$("query").value}),
      headers: {"Accept": $$("format").value + ", */*;q=0.1"}});
  } catch (e) { status.textContent = String(e); status.className = "err"; return; }
  const text = await response.text(), type = response.headers.get("Content-Type") || "";
  const ms = Math.round(performance.now() - started);
  if (!response.ok) { status.textContent = response.status + ": " + text; status.className = "err"; return; }
  let note = ms + " ms";
  if (response.headers.get("X-KG-Truncated") === "true") { note += ", cut at the row limit"; }
  if (type.startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if (data.results) { note = data.results.bindings.length + " rows, " + note; }
    out.appendChild(table(data));
  } else { out.appendChild(cell("pre", text)); }
  status.textContent = note;
}
$$("run").addEventListener("click", run);
$$("query").addEventListener("keydown", function (e) { if (e.key === "Enter" && e.ctrlKey) { run(); } });
</script></body></html>
""")


def render_page(server: SparqlServer, nonce: str) -> bytes:
    """The query page; every value from outside the code is escaped."""
    examples = server.examples
    options = "".join(f'<option value="{i}">{html.escape(e.title)}</option>' for i, e in enumerate(examples))
    prefixes = ", ".join(f"<code>{html.escape(p)}:</code>" for p in sorted(server.prefixes))
    page = _PAGE.substitute(
        nonce=nonce, options=options, prefixes=prefixes or "none",
        examples=_script_json([{"text": e.text, "description": e.description} for e in examples]),
        triples=f"{server.triples:,}", endpoint=html.escape(server.url + "sparql"),
        timeout=f"{server.query_timeout:g}", max_rows=f"{server.max_rows:,}")
    return page.encode("utf-8")


# --- HTTP ----------------------------------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    """A loopback address, ``localhost`` or a ``*.localhost`` name (which never leaves the machine)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        name = host.lower().rstrip(".")
        return name == "localhost" or name.endswith(".localhost")


def _host_name(header: str) -> str:
    """The name in a ``Host`` header, without port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _Handler(BaseHTTPRequestHandler):
    """One request: the query page, the endpoint, or a refusal."""

    server: SparqlServer
    server_version = "kg-sparql"
    timeout = 60  # seconds a client may take to send its request

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (name fixed by the base class)
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 (name fixed by the base class)
        self._handle(lambda url: self._page() if url.path == "/" else self._endpoint(url, None))

    def do_POST(self) -> None:  # noqa: N802
        self._handle(lambda url: self._endpoint(url, self._body()))

    def _handle(self, respond: Any) -> None:
        try:
            self._check_host()
            respond(urlsplit(self.path))
        except EndpointError as exc:
            self._send(exc.status, f"{exc}\n".encode(), "text/plain; charset=utf-8")

    def _check_host(self) -> None:
        if self.server.loopback and not _is_loopback(_host_name(self.headers.get("Host", ""))):
            raise EndpointError("this endpoint only answers requests addressed to localhost or 127.0.0.1",
                                HTTPStatus.FORBIDDEN)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise EndpointError("a POST needs a Content-Length header", HTTPStatus.LENGTH_REQUIRED) from None
        if not 0 <= length <= MAX_BODY:
            raise EndpointError(f"the request body is larger than {MAX_BODY:,} bytes",
                                HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        return self.rfile.read(length)

    def _params(self, url: Any, body: bytes | None) -> dict[str, list[str]]:
        """The request's parameters; a raw query body becomes ``query``."""
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if body is not None and kind == "application/sparql-update":
            raise EndpointError(UPDATE_REFUSED, HTTPStatus.FORBIDDEN)
        if body is not None and kind not in ("application/sparql-query", "application/x-www-form-urlencoded"):
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
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise EndpointError("default-graph-uri and named-graph-uri are not supported: the endpoint serves "
                                "one graph")
        if len(params.get("query", [])) != 1:
            raise EndpointError("give exactly one query, e.g. /sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp"
                                "%20%3Fo%7D%20LIMIT%2010")
        query = params["query"][0]
        offered = GRAPH_TYPES if check_query(query) in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
        media = negotiate(self.headers.get("Accept"), offered)
        if media is None:
            raise EndpointError(f"cannot answer in {self.headers.get('Accept')!r}; this query's results come as "
                                f"{', '.join(offered)}", HTTPStatus.NOT_ACCEPTABLE)
        server = self.server
        answer = server.pool.run(query, media, server.max_rows, server.query_timeout)
        headers = {"X-KG-Truncated": "true"} if answer.truncated else {}
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self._send(HTTPStatus.OK, answer.body, media + charset, headers)

    def _page(self) -> None:
        nonce = secrets.token_urlsafe(16)
        policy = (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        self._send(HTTPStatus.OK, render_page(self.server, nonce), "text/html; charset=utf-8",
                   {"Content-Security-Policy": policy})

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``server_close()`` also stops the query workers."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: QueryPool, *, timeout: float, max_rows: int,
                 prefixes: dict[str, str], triples: int, quiet: bool = False):
        self.pool, self.query_timeout, self.max_rows = pool, timeout, max_rows
        self.prefixes, self.triples, self.quiet = prefixes, triples, quiet
        self.loopback = _is_loopback(address[0])
        self.examples = example_queries()
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)  # binds; on failure it calls server_close()

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:7878/``."""
        host, port = self.server_address[:2]
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(graph: Graph, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                workers: int = DEFAULT_WORKERS, quiet: bool = False) -> SparqlServer:
    """A ready endpoint over ``graph``, bound but not yet serving (call ``serve_forever``).

    ``port=0`` picks a free port. Raises :class:`EndpointError` when the
    address cannot be bound or an option is out of range.
    """
    if timeout <= 0 or max_rows < 1 or workers < 1:
        raise EndpointError("--timeout must be above 0, --max-rows and --workers at least 1")
    from kg.store import QUERY_PREFIXES

    prefixes = dict(QUERY_PREFIXES)
    data = graph.serialize(format="nt", encoding="utf-8")
    pool = QueryPool(data, prefixes, workers)
    try:
        server = SparqlServer((host, port), pool, timeout=timeout, max_rows=max_rows, prefixes=prefixes,
                              triples=len(graph), quiet=quiet)
    except OSError as exc:
        pool.close()
        if exc.errno == errno.EADDRINUSE:
            raise EndpointError(f"{host}:{port} is already in use; choose another --port") from None
        raise EndpointError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    try:
        pool.wait_ready()
    except EndpointError:
        server.server_close()
        raise
    return server
