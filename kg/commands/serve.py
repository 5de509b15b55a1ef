"""``kg serve``: a read-only SPARQL endpoint over graph files (see :mod:`kg.server`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.server.config import DEFAULT_HOST, DEFAULT_MAX_ROWS, DEFAULT_PORT, DEFAULT_TIMEOUT, DEFAULT_WORKERS


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def serve(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to serve (.ttl .trig .jsonld .nt .nq .rdf).",
                                                 show_default=False)],
    host: Annotated[str, typer.Option("--host", help="Address to listen on. The default answers this machine "
                                      "only; 0.0.0.0 exposes the graph to the network.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port; 0 picks a free one.")
                    ] = DEFAULT_PORT,
    timeout: Annotated[float, typer.Option("--timeout", min=0.01, help="Seconds a query may run before it is "
                                           "stopped (HTTP 503).")] = DEFAULT_TIMEOUT,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Rows or triples returned at most; longer "
                                          "results are cut (header X-KG-Truncated: true).")] = DEFAULT_MAX_ROWS,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Queries run at the same time, each "
                                         "in its own process holding a copy of the graph.")] = DEFAULT_WORKERS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not log each request.")] = False,
) -> None:
    """Serve graph files as a read-only SPARQL 1.1 endpoint, with a query page.

    A dataset file (.trig, .nq) keeps its named graphs: GRAPH ?g sees each of
    them and the default graph is their union (plus the triples of plain graph
    files), unless the request's default-graph-uri / named-graph-uri say
    otherwise. GET or POST /sparql: SELECT and ASK results as JSON, XML, CSV or
    TSV, CONSTRUCT and DESCRIBE as Turtle, N-Triples or JSON-LD, by Accept.
    Updates and SERVICE are refused; bodies over 256 KiB get 413. Open the
    printed address in a browser for YASGUI (served by kg itself, works
    offline) with the named queries of queries/ as tabs. Ctrl+C stops it.

    Example: kg serve corpus.trig --port 7878

    then: curl --data-urlencode "query=ASK { ?s ?p ?o }" http://127.0.0.1:7878/sparql
    """
    import signal

    from kg.server import make_server

    server = make_server(graphs, host=host, port=port, timeout=timeout, max_rows=max_rows,
                         workers=workers, quiet=quiet)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        if not server.loopback:
            typer.echo(f"warning: listening on {host}: anyone who can reach this machine can read the graph",
                       err=True)
        typer.echo(f"SPARQL endpoint {server.url}sparql ({server.quads:,} quads in {server.graphs:,} named graphs "
                   f"and the default graph; {server.triples:,} triples in their union); query page {server.url}"
                   " ; Ctrl+C stops it", err=True)
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
