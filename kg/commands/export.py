"""``kg export`` (RDF formats, GraphML, GEXF) and ``kg stats`` (see :mod:`kg.export`)."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


def export(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to convert (merged into one).",
                                                 show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write; the extension picks the format: "
                                         ".ttl .trig .jsonld .nt .nq .rdf (RDF), .graphml .gexf (Gephi, "
                                         "Cytoscape)")],
) -> None:
    """Convert graphs to another RDF format, or to GraphML / GEXF for network tools.

    GraphML and GEXF hold entities and events as nodes (label, class) and their
    roles and relations as labelled edges.

    Example: kg export graph.ttl -o graph.gexf
    """
    from kg.export import export as write
    from kg.files import refuse_overwriting_inputs
    from kg.rdf.read import load_graphs

    refuse_overwriting_inputs(graphs, output)
    write(load_graphs(graphs), output)
    typer.echo(f"wrote {output}", err=True)


def stats(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to describe (merged into one).",
                                                 show_default=False)],
    top: Annotated[int, typer.Option("--top", min=0, help="How many of the most connected entities to list.")] = 10,
    fmt: Annotated[StatsFormat, typer.Option("--format", help="table for people, json for programs.")
                   ] = StatsFormat.table,
) -> None:
    """Count the things of each class and list the most connected entities.

    Connection is degree centrality in the network of event roles and
    relations (the share of other entities and events an entity is linked to).

    Example: kg stats graph.ttl --top 5
    """
    from kg.export import stats as compute
    from kg.rdf.read import load_graphs

    result = compute(load_graphs(graphs), top)
    if fmt is StatsFormat.json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=1))
        return
    typer.echo(f"{result.triples:,} triples\n\nclass counts")
    width = max((len(name) for name in result.classes), default=0)
    for name, n in result.classes.items():
        typer.echo(f"  {name:<{width}}  {n:>7,}")
    if result.top:
        typer.echo("\nmost connected entities (degree centrality, role and relation edges)")
        label_width = max(len(e.label) for e in result.top)
        for rank, e in enumerate(result.top, 1):
            typer.echo(f"  {rank:>3}. {e.label:<{label_width}}  {e.cls:<14} {e.centrality:.3f}  {e.degree:>4}  "
                       f"<{e.iri}>")
