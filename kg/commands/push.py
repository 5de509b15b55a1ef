"""kg push: load a graph file into a SPARQL 1.1 Graph Store (see kg.push)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app


@app.command()
def push(
    graph: Annotated[Path, typer.Argument(help="Graph file to send: .trig/.nq keep their named graphs; "
                                               ".ttl .nt .jsonld .rdf go to the default graph or --graph.",
                                          show_default=False)],
    endpoint: Annotated[str, typer.Option("--endpoint", help="Graph Store Protocol URL, e.g. "
                                          "http://localhost:7878/store (Oxigraph) or http://host:3030/ds/data "
                                          "(Fuseki).", show_default=False)],
    target: Annotated[str | None, typer.Option("--graph", help="Put the file's default-graph triples in this "
                                                  "named graph (an absolute IRI).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace each graph on the server (HTTP PUT) instead "
                                          "of adding to it (POST).")] = False,
    query_endpoint: Annotated[str | None, typer.Option("--query-endpoint", help="SPARQL query URL used to count "
                                                          "the triples afterwards; default: 'query' beside "
                                                          "--endpoint.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each answer.")] = 60.0,
) -> None:
    """Load a graph into a SPARQL server, then count what it holds.

    Example: kg push corpus.trig --endpoint http://localhost:7878/store --replace
    """
    from kg.push import push as run

    report = run(graph, endpoint, target=target, replace=replace, query_endpoint=query_endpoint, timeout=timeout)
    typer.echo(report.describe())
