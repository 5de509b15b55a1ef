"""A read-only SPARQL 1.1 Protocol endpoint over an RDF dataset (``kg serve``).

``make_server(data)`` returns a :class:`SparqlServer` (stdlib
``ThreadingHTTPServer``, no web framework) that answers

* ``GET /sparql?query=…``, ``POST /sparql`` with a form body ``query=…`` or a
  raw ``application/sparql-query`` body; ``default-graph-uri`` and
  ``named-graph-uri`` choose the dataset, otherwise the default graph is the
  union of all graphs and ``GRAPH ?g`` sees each named graph;
* SELECT and ASK results as ``application/sparql-results+json``,
  ``application/sparql-results+xml``, ``text/csv`` or
  ``text/tab-separated-values``, CONSTRUCT and DESCRIBE as ``text/turtle``,
  ``application/n-triples`` or ``application/ld+json``, chosen by ``Accept``;
* ``GET /``: the query page, with the named queries of ``queries/``.

Safety: it binds 127.0.0.1 unless told otherwise and then answers only
requests addressed to a loopback name (:mod:`.hosts`); requests are bounded
in size and time (:mod:`.http`, :mod:`.config`); it is read-only and refuses
``SERVICE``, judged on the parsed query (:mod:`.guard`); every query runs in a
worker process that cannot open a network socket (:mod:`.sandbox`), holding
its own copy of the data, stopped and replaced at the time limit
(:mod:`.pool`, :mod:`.worker`); results are cut after ``max_rows`` rows or
triples, and the answer then carries ``X-KG-Truncated: true``.

Queries may use the prefixes of :data:`kg.store.QUERY_PREFIXES` (``kg:``,
``res:``, ``rdfs:``, ``skos:``...) without declaring them.

Modules: :mod:`.config` (defaults and limits), :mod:`.negotiation`,
:mod:`.guard`, :mod:`.results`, :mod:`.worker`, :mod:`.sandbox`,
:mod:`.pool`, :mod:`.hosts`, :mod:`.http`, :mod:`.page`, :mod:`.dataset`,
:mod:`.endpoint`.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public names → the module of the package that defines them; loaded on first use, so that
#: ``kg serve --help`` (and every other command) starts without the endpoint's imports.
_EXPORTS = {
    "EndpointError": "kg.errors",
    **dict.fromkeys(("DEFAULT_HOST", "DEFAULT_MAX_ROWS", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS",
                     "MAX_BODY"), "kg.server.config"),
    "make_server": "kg.server.endpoint",
    **dict.fromkeys(("SERVICE_REFUSED", "UPDATE_REFUSED", "check_query"), "kg.server.guard"),
    "SparqlServer": "kg.server.http",
    **dict.fromkeys(("GRAPH_TYPES", "RESULT_TYPES", "negotiate"), "kg.server.negotiation"),
    **dict.fromkeys(("Example", "example_queries", "render_page"), "kg.server.page"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg.server' has no attribute {name!r}")
