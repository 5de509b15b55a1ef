"""``kg query`` and ``kg queries``: run SPARQL on graph files, list the named queries."""

from __future__ import annotations

import shutil
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class StoreKind(str, Enum):
    rdflib = "rdflib"
    oxigraph = "oxigraph"


def query(
    query: Annotated[str, typer.Argument(help="A named query (see 'kg queries'), a .rq file, or SPARQL text in quotes.",
                                         show_default=False)],
    graphs: Annotated[list[Path] | None, typer.Argument(help="Graph files (.ttl .nt .nq .trig .jsonld .rdf); "
                                                           "optional with --db.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as name=value, e.g. "
                                                       "--param name=Poutine; repeat for several.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table for people; csv, tsv or json "
                                              "(SPARQL 1.1 results formats) for programs.")] = OutputFormat.table,
    store: Annotated[StoreKind | None, typer.Option("--store", help="Query engine: rdflib (default) or oxigraph "
                                                       "(much faster on large graphs).", show_default=False)] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Folder where the oxigraph store persists: graph files "
                                               "given are loaded into it once; later queries need only --db.")] = None,
) -> None:
    """Run a SPARQL query on graphs and print the answer.

    Examples:

      kg query communications seed.ttl

      kg query entity-facts seed.ttl --param name=Poutine --format csv

      kg query "SELECT ?e WHERE { ?e a kg:Agreement }" seed.ttl

      kg query timeline big.nt --db big.db   (then: kg query timeline --db big.db)

    Parameters are bound by the engine, never pasted into the query text.
    """
    from kg.query import bind, format_result, load_query, parse_assignments, run
    from kg.store import store_for

    chosen = load_query(query)
    values = parse_assignments(param or [])
    bind(chosen, values)  # a bad parameter fails before a large graph is loaded
    result = run(store_for(graphs or [], store.value if store else None, db), chosen, values)
    if result.boolean is None and not result.rows:
        typer.echo(f"no result: query {chosen.name} matched nothing", err=True)
        if fmt is OutputFormat.table:
            return
    width = shutil.get_terminal_size((160, 24)).columns
    typer.echo(format_result(result, fmt.value, width=width), nl=False)


def queries() -> None:
    """List the named queries with what they answer and their parameters."""
    from kg.query import list_queries

    for q in list_queries():
        typer.echo(f"{q.name} — {q.title}")
        if q.description:
            typer.echo(f"    {q.description}")
        for p in q.params:
            typer.echo(f"    --param {p.describe()}")
