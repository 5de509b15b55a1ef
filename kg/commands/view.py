"""kg view: an interactive, self-contained HTML view of graphs (see :mod:`kg.views`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import FormatError
from kg.views.model import DEFAULT_MAX_NODES

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
    engine: Annotated[str, typer.Option("--engine", help="auto: vis-network up to 1,000 nodes, sigma.js (WebGL, "
                                        "laid out ahead) above; vis or sigma to choose.")] = "auto",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Write a self-contained interactive HTML view of the graphs.

    Entities are coloured and shaped by class, events are linked to their
    role fillers, hedged events are drawn dashed or pale; a timeline of the
    dated events filters the graph, and clicking a node shows its facts and
    the sentences they come from. Small graphs are drawn with vis-network,
    large ones with sigma.js (WebGL). The file works offline and loads
    nothing from any other host.

    Example: kg view graph.ttl -o graph.html --focus "Vladimir Poutine" --depth 2
    """
    from kg.rdf.read import load_graphs
    from kg.views.page import choose_engine, render

    if output.suffix.lower() not in HTML_SUFFIXES:
        raise FormatError(f"{output}: kg view writes HTML; give an output file ending in .html")
    choose_engine(engine, 0)  # an unknown --engine fails before the graphs are read
    page = render(load_graphs(graphs), title=f"kg view: {output.stem}", engine=engine, focus=focus, depth=depth,
                  types=types or (), max_nodes=max_nodes)
    page.save(output)
    drawn = page.view
    if not quiet:
        typer.echo(f"{output}: {len(drawn.nodes)} nodes, {len(drawn.edges)} edges ({page.engine})", err=True)
        for note in drawn.notes:
            typer.echo(f"  {note}", err=True)
