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
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Where to write the graph; the extension "
                                                   "picks the format: .ttl .trig .jsonld .nt .nq .rdf; .trig and .nq "
                                                   "keep one named graph per document.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD: resolves « mardi » "
                                                "and dates without a year.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts.")] = "fr",
    update: Annotated[Optional[Path], typer.Option("--update", help="A .trig/.nq dataset to add the inputs to: "
                                                   "unchanged documents are skipped, a changed one replaces its own "
                                                   "named graph, new ones are added. Written in place unless -o is "
                                                   "given; created if missing.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes; more than 1 starts "
                                         "a local Dask cluster.")] = 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a running Dask scheduler "
                                                     "(tcp://host:8786) whose workers do the extraction.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Build a knowledge graph from news texts.

    Entities (people, organisations, countries, places), events (communications,
    meetings, agreements, deployments, attacks, transactions, decisions) with
    their roles, dates, quantities and modality, and the sentence each came
    from. The same entity is one node across all documents.

    Example: kg build wires/ --update corpus.trig --workers 2
    """
    from contextlib import ExitStack

    from kg import corpus
    from kg.errors import FormatError, InputError
    from kg.io import format_for, parse_date, read_sources, write_graph
    from kg.pipeline import build_graph, update_corpus

    target = output or update
    if target is None:
        raise InputError("no output given; name it with -o OUT (.ttl .trig .nq ...) or add to a dataset with "
                         "--update DATASET.trig")
    format_for(target)  # refuse an unknown format before the slow part
    if update is not None and not (corpus.is_dataset_path(update) and corpus.is_dataset_path(target)):
        raise FormatError("--update needs datasets with one named graph per document: use .trig or .nq files")
    publication = parse_date(date) if date else None
    sources = read_sources(inputs)
    options = dict(lang=lang, publication_date=publication, workers=workers, scheduler=scheduler)
    built = plan = graph = None
    with ExitStack() as stack:
        hooks = {}
        if not quiet and len(sources) > 1:
            from rich.progress import Progress

            progress = stack.enter_context(Progress(transient=True))
            task = progress.add_task("extracting", total=len(sources))
            hooks["on_done"] = lambda _s: progress.advance(task)
            if corpus.is_dataset_path(target):
                hooks["on_plan"] = lambda p: progress.update(task, total=len(p.todo))
        if corpus.is_dataset_path(target):
            exists = update is not None and update.exists()
            built = corpus.load(update) if exists else corpus.Corpus()
            plan = update_corpus(built, sources, **options, **hooks)
        else:
            graph = build_graph(sources, **options, **hooks)
    if graph is not None:
        write_graph(graph, target)
    elif plan.todo or target != update:
        corpus.write(built, target)
    if not quiet:
        from kg.stats import summary

        if graph is not None:
            typer.echo(f"{target}: {summary(graph)}", err=True)
        else:
            typer.echo(f"{target}: {corpus.summary(built)} ({plan.describe()})", err=True)


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
COMMAND_MODULES = ("kg.commands.query", "kg.commands.export", "kg.commands.view", "kg.commands.serve",
                   "kg.commands.push")


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name)


#: Signals that stop a run the way Ctrl-C does (recorded by ``_on_signal``, newest last).
_SIGNALLED: list[int] = []


def _on_signal(signum: int, _frame: object) -> None:
    """SIGINT and SIGTERM both raise KeyboardInterrupt, so ``finally`` blocks run
    (a half-written temporary output is removed) and the previous output stays."""
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def _trap_signals() -> dict[int, object]:
    """Install :func:`_on_signal` for SIGINT and SIGTERM unless they are ignored
    (a job started with ``nohup``); return the previous handlers."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, object] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        current = signal.getsignal(sig)
        if current in (signal.default_int_handler, signal.SIG_DFL):
            previous[sig] = current
            signal.signal(sig, _on_signal)
    return previous


def _fail(message: str, code: int) -> None:
    """One line on stderr (a message's line breaks become spaces), then exit ``code``."""
    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    typer.echo(f"kg: error: {line}", err=True)
    sys.exit(code)


def _interrupted() -> None:
    import signal

    signum = _SIGNALLED[-1] if _SIGNALLED else signal.SIGINT
    name = signal.Signals(signum).name
    _fail(f"interrupted by {name}{' (Ctrl-C)' if name == 'SIGINT' else ''}; no partial output was written, "
          "a previous output file is left as it was", 128 + signum)


def main() -> None:
    """Run the CLI. A KgError, a usage error or an interruption (Ctrl-C, SIGTERM)
    ends as one line ``kg: error: ...`` on stderr and a non-zero exit code."""
    import signal

    _register()
    previous = _trap_signals()
    try:
        try:
            code = app(standalone_mode=False)
        except KeyboardInterrupt:  # raised outside the command (typer turns it into exit code 130 inside)
            code = 130
        if code == 130:
            _interrupted()
        if isinstance(code, int) and code:
            sys.exit(code)
    except KgError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _fail("aborted", 1)
    except typer.TyperException as exc:  # usage errors: unknown option or command, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # ``kg`` alone: typer has shown the help
            sys.exit(exc.exit_code)
        ctx = getattr(exc, "ctx", None)
        hint = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
        _fail(f"{exc.format_message().strip().rstrip('.')}{hint}", exc.exit_code)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
