"""``kg query`` and ``kg queries``: run SPARQL on graph files, list the named queries."""

from __future__ import annotations

import shutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"


class StoreKind(StrEnum):
    oxigraph = "oxigraph"
    rdflib = "rdflib"


#: Files larger than this (bytes) load with a progress bar on a terminal.
PROGRESS_BYTES = 20 << 20


def _progress_bar(files: list[Path]) -> tuple[object, object]:
    """A rich progress bar on stderr for large files on a terminal, else (None, None)."""
    import sys

    sizes = [f.stat().st_size for f in files if f.is_file()]
    if not sys.stderr.isatty() or sum(sizes) < PROGRESS_BYTES:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("loading", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("loading", total=sum(sizes))
    done = {"before": 0, "file": 0}

    def advance(read: int, size: int) -> None:
        if read < done["file"]:  # a new file started
            done["before"] += done["file"]
        done["file"] = read
        bar.update(task, completed=done["before"] + read)

    return bar, advance


def query(
    query: Annotated[str, typer.Argument(help="A named query (see 'kg queries'), a .rq file, or SPARQL text in quotes.",
                                         show_default=False)],
    graphs: Annotated[list[Path] | None, typer.Argument(help="Graph files (.ttl .nt .nq .trig .jsonld .rdf); "
                                                           "optional with --db.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as name=value, e.g. "
                                                       "--param name=Poutine; repeat for several.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table for people; csv, tsv or json "
                                              "(SPARQL 1.1 results formats) for programs; turtle, ntriples or "
                                              "jsonld for the triples of a CONSTRUCT or DESCRIBE query.")
                   ] = OutputFormat.table,
    store: Annotated[StoreKind | None, typer.Option("--store", help="Query engine: oxigraph (default, fast) or "
                                                       "rdflib.", show_default=False)] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Folder where the oxigraph store persists: graph files "
                                               "given are loaded into it once; later queries need only --db.")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", min=0.01, help="Stop the query after this many "
                                                     "seconds.", show_default=False)] = None,
) -> None:
    """Run a SPARQL query on graphs and print the answer.

    Examples:

      kg query communications seed.ttl

      kg query entity-facts seed.ttl --param name=Poutine --format csv

      kg query "SELECT ?e WHERE { ?e a kg:Agreement }" seed.ttl

      kg query timeline big.nt --db big.db   (then: kg query timeline --db big.db)

    Queries see a dataset: GRAPH ?g reaches each named graph, the default graph
    is their union, and the ontology is loaded beside the data so a class
    parameter matches its subclasses. Parameters are bound by the engine, never
    pasted into the query text. Updates are refused: kg query is read-only.
    """
    from contextlib import nullcontext

    from kg.queries import bind, format_result, load_query, parse_assignments, run
    from kg.store import store_for

    chosen = load_query(query)
    values = parse_assignments(param or [])
    bind(chosen, values)  # a bad parameter fails before a large graph is loaded
    bar, advance = _progress_bar(list(graphs or []))
    with bar if bar is not None else nullcontext():  # type: ignore[attr-defined]
        target = store_for(graphs or [], store.value if store else None, db, progress=advance)  # type: ignore[arg-type]
    result = run(target, chosen, values, timeout=timeout)
    if result.boolean is None and not result.rows:
        typer.echo(f"no result: query {chosen.name} matched nothing", err=True)
        if fmt is OutputFormat.table:
            return
    width = shutil.get_terminal_size((160, 24)).columns
    typer.echo(format_result(result, fmt.value, width=width), nl=False)


def queries() -> None:
    """List the named queries with what they answer and their parameters."""
    from kg.queries import list_queries

    for q in list_queries():
        typer.echo(f"{q.name} — {q.title}")
        if q.description:
            typer.echo(f"    {q.description}")
        for p in q.params:
            typer.echo(f"    --param {p.describe()}")
