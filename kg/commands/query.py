"""``kg query`` and ``kg queries``: run SPARQL on graph files, list the named queries.

Declared with click, not typer: importing typer (with pydantic) costs more than a
query. The options are declared once, as data, in :mod:`kg.commands.query_spec`,
with the work (:func:`~kg.commands.query_spec.answer`); ``kg query QUERY --db DIR``
usually runs without click at all, by :mod:`kg.fastpath` on the same declaration
and the same function (tests/test_fastpath.py), to start as fast as a bare
pyoxigraph script.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.commands.query_spec import OPTIONS, Option, answer

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


def _options(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` with the click options of :data:`kg.commands.query_spec.OPTIONS` (declared there once)."""
    types: dict[str, Callable[[Option], Any]] = {
        "text": lambda o: None, "path": lambda o: click.Path(path_type=Path),
        "choice": lambda o: click.Choice(o.choices), "float": lambda o: click.FloatRange(min=o.minimum)}
    for o in reversed(OPTIONS):
        command = click.option(*o.flags, o.dest, type=types[o.kind](o), default=o.default, multiple=o.multiple,
                               metavar=o.metavar, show_default=o.show_default, help=o.help)(command)
    return command


@click.command()
@click.argument("query_ref", metavar="QUERY")
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@_options
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
    note, text = answer(query_ref, graphs, param, fmt, store, db, timeout, loading=_progress_bar)
    if note:
        click.echo(note, err=True)
    if text:
        click.echo(text, nl=False)


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
