"""kg view: an interactive, self-contained HTML view of graphs (see :mod:`kg.view`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import FormatError
from kg.view import DEFAULT_MAX_NODES

HTML_SUFFIXES = (".html", ".htm")


def view(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files (.ttl .trig .jsonld .nt .nq .rdf), merged.",
                                                 show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    focus: Annotated[str | None, typer.Option("--focus", help="Show only the neighbourhood of the entity with "
                                                 "this name, alias or IRI (case and accents ignored).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="With --focus: how many links away to go; an event "
                                       "is one link, so 2 reaches those sharing an event.")] = 2,
    types: Annotated[list[str] | None, typer.Option("--types", help="Only these classes and their subclasses, "
                                                       "comma-separated or repeated: Person,Country,Event.")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=0, help="Above this many nodes, start from the most "
                                           "connected entities (0: draw everything).")] = DEFAULT_MAX_NODES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Write a self-contained interactive HTML view of the graphs.

    Entities are coloured and shaped by class, events are diamonds linked to
    their role fillers, hedged events are dashed; tooltips give dates,
    quantities, modality, source and the sentence. The file works offline and
    loads nothing from any other host.

    Example: kg view graph.ttl -o graph.html --focus "Vladimir Poutine" --depth 2
    """
    from kg.rdf.read import load_graphs
    from kg.view import write_view

    if output.suffix.lower() not in HTML_SUFFIXES:
        raise FormatError(f"{output}: kg view writes HTML; give an output file ending in .html")
    drawn = write_view(load_graphs(graphs), output, focus=focus, depth=depth, types=types or (),
                       max_nodes=max_nodes)
    if not quiet:
        typer.echo(f"{output}: {len(drawn.nodes)} nodes, {len(drawn.edges)} edges", err=True)
        for note in drawn.notes:
            typer.echo(f"  {note}", err=True)
