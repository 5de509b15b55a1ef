"""Running one checked query in a worker and writing its result with pyoxigraph's serializers.

SELECT results are written by pyoxigraph's JSON, XML, CSV or TSV serializer:
straight from the engine when the query's own LIMIT keeps them within
``max_rows``; otherwise the first ``max_rows`` rows are kept and go through
pyoxigraph's TSV results parser (each term in its own N-Triples form, which
the TSV format uses) on their way to the serializer. CONSTRUCT and
DESCRIBE triples are written by pyoxigraph as Turtle, N-Triples or JSON-LD.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from kg.errors import EndpointError
from kg.server.guard import TOO_DEEP, check
from kg.server.negotiation import GRAPH_TYPES, RESULT_TYPES, negotiate


@dataclass(frozen=True)
class Answer:
    """A query's serialized result."""

    media_type: str
    body: bytes
    truncated: bool


@dataclass(frozen=True)
class Job:
    """One request's query as the HTTP side hands it to a worker.

    ``default_graphs`` and ``named_graphs`` are the protocol's
    ``default-graph-uri`` and ``named-graph-uri`` values; when both are empty
    (and the query has no FROM) the default graph is the union of all graphs.
    """

    query: str
    accept: str | None
    max_rows: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _solutions(result: Any, media: str, max_rows: int) -> tuple[bytes, bool]:
    import pyoxigraph as ox

    names = [v.value for v in result.variables]
    rows = list(itertools.islice(result, max_rows + 1))
    lines = ["\t".join("?" + name for name in names)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows[:max_rows]]
    kept = ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), ox.QueryResultsFormat.TSV)
    return kept.serialize(format=ox.QueryResultsFormat.from_media_type(media)) or b"", len(rows) > max_rows


def _triples(result: Any, media: str, max_rows: int, prefixes: dict[str, str]) -> tuple[bytes, bool]:
    """At most ``max_rows`` triples, serialized with the prefixes they use."""
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
    return data or b"", len(triples) > max_rows


def _dataset(job: Job, has_dataset: bool) -> dict[str, Any]:
    """The pyoxigraph options giving the query its RDF dataset (SPARQL 1.1 Protocol, section 2.1.4)."""
    import pyoxigraph as ox

    if not job.default_graphs and not job.named_graphs:
        return {} if has_dataset else {"use_default_graph_as_union": True}
    try:
        return {"default_graph": [ox.NamedNode(iri) for iri in job.default_graphs],
                "named_graphs": [ox.NamedNode(iri) for iri in job.named_graphs]}
    except ValueError as exc:
        raise EndpointError(f"default-graph-uri and named-graph-uri must be IRIs ({exc})") from None


def answer(store: Any, job: Job, prefixes: dict[str, str]) -> Answer:
    """Check and run ``job``; raises :class:`EndpointError` for a refused or failing query."""
    import pyoxigraph as ox

    checked = check(job.query)
    offered = GRAPH_TYPES if checked.form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    media = negotiate(job.accept, offered)
    if media is None:
        raise EndpointError(f"cannot answer in {job.accept!r}; this query's results come as {', '.join(offered)}",
                            HTTPStatus.NOT_ACCEPTABLE)
    try:
        result = store.query(checked.text, prefixes=prefixes, **_dataset(job, checked.has_dataset))
        if isinstance(result, ox.QueryBoolean):
            body, truncated = result.serialize(format=ox.QueryResultsFormat.from_media_type(media)) or b"", False
        elif isinstance(result, ox.QuerySolutions) and checked.limit is not None and checked.limit <= job.max_rows:
            body, truncated = result.serialize(format=ox.QueryResultsFormat.from_media_type(media)) or b"", False
        elif isinstance(result, ox.QuerySolutions):
            body, truncated = _solutions(result, media, job.max_rows)
        else:
            body, truncated = _triples(result, media, job.max_rows, prefixes)
    except SyntaxError as exc:
        raise EndpointError(f"SPARQL error: {exc}") from None
    except RecursionError:
        raise EndpointError(TOO_DEEP) from None
    except (OSError, ValueError) as exc:
        raise EndpointError(f"the query failed: {exc}", HTTPStatus.INTERNAL_SERVER_ERROR) from None
    return Answer(media, body, truncated)
