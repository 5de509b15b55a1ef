"""``kg build``: news texts in, a graph file or a dataset out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def build(
    inputs: Annotated[list[str] | None, typer.Argument(
        metavar="PATH...", show_default=False,
        help="Text files, folders of .txt/.md/.html files, .jsonl corpora, or - for standard input.")] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="OUT",
        help="Where to write the graph; the extension picks the format: .ttl .trig .jsonld .nt .nq .rdf; "
             ".trig and .nq keep one named graph per document.")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD",
        help="Publication date: resolves « mardi », « hier » and dates without a year.")] = None,
    lang: Annotated[str, typer.Option("--lang", metavar="LANG", help="Language of the texts.")] = "fr",
    update: Annotated[Path | None, typer.Option(
        "--update", metavar="DATASET",
        help="A .trig/.nq dataset to add the inputs to: unchanged documents are skipped, a changed one replaces "
             "its own named graph, new ones are added. Written in place unless -o is given; created if missing."
    )] = None,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, metavar="N",
        help="Extraction processes; more than 1 starts a local Dask cluster.")] = 1,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Address of a running Dask scheduler (tcp://host:8786) whose workers do the extraction.")] = None,
    remove: Annotated[list[str] | None, typer.Option(
        "--remove", metavar="ID",
        help="With --update: drop this document (its named graph, metadata and the entities only it named); "
             "repeat for several. Ids are JSONL ids or paths relative to the folder given.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Build a knowledge graph from news texts.

    Entities (people, organisations, countries, places), events (communications,
    meetings, agreements, deployments, attacks, transactions, decisions) with
    their roles, dates, quantities and modality, and the sentence each came
    from. The same entity is one node across all documents.

    Examples:

      kg build article.txt --date 2024-12-27 -o graph.ttl

      kg build wires/ --update corpus.trig --workers 2

      kg build --update corpus.trig --remove wires/old.txt

      kg build article.txt -o - | head     (Turtle on standard output)
    """
    from contextlib import ExitStack

    from kg import corpus
    from kg.errors import FormatError, InputError
    from kg.files import refuse_overwriting_inputs
    from kg.pipeline import build_graph, update_corpus
    from kg.rdf.write import format_for, write_graph
    from kg.sources import parse_date, read_sources

    inputs = inputs or []
    target = output or update
    if target is None:
        raise InputError("no output given; name it with -o OUT (.ttl .trig .nq ..., - for standard output) or add "
                         "to a dataset with --update DATASET.trig")
    refuse_overwriting_inputs(inputs, output, update)
    format_for(target)  # refuse an unknown format before the slow part
    dataset = corpus.is_dataset_path(target)
    if update is not None and not (corpus.is_dataset_path(update) and dataset):
        raise FormatError("--update needs datasets with one named graph per document: use .trig or .nq files")
    if remove and update is None:
        raise InputError("--remove takes documents out of a dataset: give the dataset with --update DATASET.trig")
    if not inputs and not remove:
        raise InputError("no input given; name text files, folders or .jsonl corpora, or - for standard input")
    publication = parse_date(date) if date else None
    options: dict[str, Any] = dict(lang=lang, publication_date=publication, workers=workers, scheduler=scheduler)
    with ExitStack() as stack:
        sources = read_sources(inputs) if inputs else []
        hooks: dict[str, Any] = {}
        if not quiet and len(sources) > 1:
            from rich.progress import Progress

            progress = stack.enter_context(Progress(transient=True))
            task = progress.add_task("extracting", total=len(sources))
            hooks["on_done"] = lambda _s: progress.advance(task)
            if dataset:
                hooks["on_plan"] = lambda p: progress.update(task, total=len(p.todo))
        if not dataset:
            graph = build_graph(sources, **options, **hooks)
            write_graph(graph, target)
            if not quiet:
                from kg.stats import summary

                typer.echo(f"{target}: {summary(graph)}", err=True)
            return
        if update is None:
            built = corpus.Corpus()
            plan = update_corpus(built, sources, **options, **hooks)
            corpus.write(built, target)
        else:  # under the dataset's lock (a second run waits), written back only if it changed
            with corpus.editing(update, output) as built:
                for doc_id in remove or []:
                    corpus.remove(built, doc_id)
                plan = update_corpus(built, sources, **options, **hooks)
    if not quiet:
        removed = f"; {len(remove)} removed" if remove else ""
        typer.echo(f"{target}: {corpus.summary(built)} ({plan.describe()}{removed})", err=True)
