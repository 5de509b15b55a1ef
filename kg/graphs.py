"""Loading graph files the user names (for query, export, view, validate).

Dataset files (TriG, N-Quads, JSON-LD) may hold named graphs, one a document
(see :mod:`kg.corpus`): they are read as datasets and merged with the default
graph, so every triple counts, not only the default graph's.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError

from kg.errors import FormatError, InputError
from kg.io import FORMATS

READ_FORMATS = {**FORMATS, ".json": "json-ld"}
#: Formats that can hold named graphs.
DATASET_FORMATS = frozenset({"trig", "nquads", "json-ld"})


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
            _parse_into(g, p, fmt)
        except (ParserError, SyntaxError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise InputError(f"{p}: not valid {fmt} ({first})") from None
    return g


def _parse_into(graph: Graph, path: Path, fmt: str) -> None:
    """Add the triples of ``path`` to ``graph``: those of every named graph too."""
    if fmt not in DATASET_FORMATS:
        graph.parse(path, format=fmt)
        return
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=False)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
