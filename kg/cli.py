"""The ``kg`` command line. Commands parse options, call one library function
and format the result; every :class:`kg.errors.KgError` becomes one readable
line on stderr and a non-zero exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg import __version__
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build an RDF knowledge graph from French news text, then query, export and view it.\n\n"
         "Example: kg build article.txt --date 2024-12-27 -o graph.ttl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                     help="Print the version and exit.")] = None,
) -> None:
    """kg: news text in, knowledge graph out."""


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(help="Text files, folders of .txt/.md files, .jsonl corpora, "
                                                     "or - for standard input.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the graph; the extension picks "
                                         "the format: .ttl .trig .jsonld .nt .nq .rdf")],
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD: resolves « mardi » "
                                                "and dates without a year.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts.")] = "fr",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Build a knowledge graph from news texts.

    Entities (people, organisations, countries, places), events (communications,
    meetings, agreements, deployments, attacks, transactions, decisions) with
    their roles, dates, quantities and modality, and the sentence each came
    from.
    """
    from kg.io import format_for, parse_date, read_sources, write_graph
    from kg.pipeline import build_graph

    format_for(output)  # refuse an unknown format before the slow part
    publication = parse_date(date) if date else None
    sources = read_sources(inputs)
    if quiet or len(sources) < 2:
        graph = build_graph(sources, lang=lang, publication_date=publication)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("extracting", total=len(sources))
            graph = build_graph(sources, lang=lang, publication_date=publication,
                                on_done=lambda _s: progress.advance(task))
    write_graph(graph, output)
    if not quiet:
        from kg.stats import summary

        typer.echo(f"{output}: {summary(graph)}", err=True)


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to check against ontology/shapes.ttl.")],
) -> None:
    """Check graphs against the SHACL shapes; exit 5 with the violations if any."""
    from kg.graphs import load_graphs
    from kg.validate import validate as run

    result = run(load_graphs(graphs))
    if result.conforms:
        typer.echo("valid: the graph satisfies ontology/shapes.ttl")
        return
    for line in result.violations:
        typer.echo(line)
    raise KgErrorExit(5, f"{len(result.violations)} violation(s)")


class KgErrorExit(KgError):
    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.exit_code = code


#: Modules that add commands to ``app`` (kept separate so each stays small).
COMMAND_MODULES = ("kg.commands.query", "kg.commands.export", "kg.commands.view", "kg.commands.serve")


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    _register()
    try:
        app(standalone_mode=False)
    except KgError as exc:
        typer.echo(f"kg: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted; no output was changed", err=True)
        sys.exit(130)
    except (typer.Exit,) as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(1)
    except __import__("click").exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
