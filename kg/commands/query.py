"""``kg query`` and ``kg queries``: run SPARQL on graph files, list the named queries.

Declared with click, not typer: ``kg query --db`` on a large graph must start as
fast as a bare pyoxigraph script, and importing typer (with pydantic) costs more
than the query. The path loads neither rdflib nor typer (tests/test_cli_lean.py).
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.results import FORMATS
from kg.store import STORE_KINDS

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


@click.command()
@click.argument("query_ref", metavar="QUERY")
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--param", "-p", "param", multiple=True, metavar="NAME=VALUE",
              help="A parameter as name=value, e.g. --param name=Poutine; repeat for several.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people; csv, tsv or json (SPARQL 1.1 results formats) for programs; turtle, "
                   "ntriples or jsonld for the triples of a CONSTRUCT or DESCRIBE query.")
@click.option("--store", type=click.Choice(STORE_KINDS), default=None,
              help="Query engine: oxigraph (default, fast) or rdflib.")
@click.option("--db", type=click.Path(path_type=Path), default=None,
              help="Folder where the oxigraph store persists: graph files given are loaded into it once; later "
                   "queries need only --db.")
@click.option("--timeout", type=click.FloatRange(min=0.01), default=None,
              help="Stop the query after this many seconds.")
def query(query_ref: str, graphs: tuple[Path, ...], param: tuple[str, ...], fmt: str, store: str | None,
          db: Path | None, timeout: float | None) -> None:
    """Run a SPARQL query on graphs and print the answer.

    QUERY is a named query (see 'kg queries'), a .rq file, or SPARQL text in
    quotes; GRAPHS are graph files (.ttl .nt .nq .trig .jsonld .rdf), optional
    with --db.

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

    chosen = load_query(query_ref)
    values = parse_assignments(list(param))
    bind(chosen, values, store or STORE_KINDS[0])  # a bad parameter fails before a large graph is loaded
    bar, advance = _progress_bar(list(graphs))
    with bar if bar is not None else nullcontext():  # type: ignore[attr-defined]
        target = store_for(list(graphs), store, db, progress=advance)  # type: ignore[arg-type]
    result = run(target, chosen, values, timeout=timeout, native=True)
    if result.boolean is None and not result.rows:
        click.echo(f"no result: query {chosen.name} matched nothing", err=True)
        if fmt == "table":
            return
    width = None
    if fmt == "table":
        import shutil

        width = shutil.get_terminal_size((160, 24)).columns
    click.echo(format_result(result, fmt, width=width), nl=False)


@click.command()
def queries() -> None:
    """List the named queries with what they answer and their parameters."""
    from kg.queries import list_queries

    for q in list_queries():
        click.echo(f"{q.name} — {q.title}")
        if q.description:
            click.echo(f"    {q.description}")
        for p in q.params:
            click.echo(f"    --param {p.describe()}")
