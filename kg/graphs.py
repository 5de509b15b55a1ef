"""Loading graph files the user names (for query, export, view, validate)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.exceptions import ParserError

from kg.errors import FormatError, InputError
from kg.io import FORMATS

READ_FORMATS = {**FORMATS, ".json": "json-ld"}


def load_graphs(paths: list[Path] | list[str]) -> Graph:
    """Parse every file into one graph; the format comes from the extension."""
    if not paths:
        raise InputError("no graph file given")
    g = Graph()
    for p in map(Path, paths):
        fmt = READ_FORMATS.get(p.suffix.lower())
        if fmt is None:
            raise FormatError(f"{p}: unknown graph format {p.suffix!r}; use one of {', '.join(sorted(READ_FORMATS))}")
        if not p.is_file():
            raise InputError(f"{p}: no such graph file")
        try:
            g.parse(p, format=fmt)
        except (ParserError, SyntaxError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise InputError(f"{p}: not valid {fmt} ({first})") from None
    return g
