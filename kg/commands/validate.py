"""``kg validate``: check graphs against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def validate(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to check against ontology/shapes.ttl.")],
) -> None:
    """Check graphs against the SHACL shapes; exit 5 with the violations if any.

    Example: kg validate seed.ttl
    """
    from kg.errors import ValidationError
    from kg.rdf.read import load_graphs
    from kg.validate import validate as run

    result = run(load_graphs(graphs))
    if result.conforms:
        typer.echo("valid: the graph satisfies ontology/shapes.ttl")
        return
    for line in result.violations:
        typer.echo(line)
    raise ValidationError(f"{len(result.violations)} violation(s)")
