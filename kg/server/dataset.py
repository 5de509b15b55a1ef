"""What the endpoint serves: an RDF dataset as N-Quads bytes, read from graph files or an rdflib graph.

Files are read with pyoxigraph, the format from the extension (``.trig``,
``.nq``, ``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``...), so the named graphs of a
dataset file stay named graphs (``kg.rdf.read.load_graphs`` would merge them);
triples of plain graph files go to the default graph. Queries then see the
union of all graphs as their default graph (see :mod:`kg.server.results`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.errors import FormatError, InputError

#: Extensions pyoxigraph does not know that name a format it reads.
_EXTRA = {".json": "jsonld", ".n3": "n3"}


def _format(path: Path) -> Any:
    import pyoxigraph as ox

    ext = _EXTRA.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
    fmt = ox.RdfFormat.from_extension(ext) if ext else None
    if fmt is None:
        raise FormatError(f"{path}: unknown graph format {path.suffix!r}; use .ttl .trig .nt .nq .jsonld or .rdf")
    return fmt


def read_files(paths: Sequence[Path | str]) -> bytes:
    """The quads of every file, as N-Quads; InputError or FormatError naming the file that fails."""
    import pyoxigraph as ox

    if not paths:
        raise InputError("no graph file given")
    store = ox.Store()
    for path in map(Path, paths):
        fmt = _format(path)
        if not path.is_file():
            raise InputError(f"{path}: no such graph file")
        try:
            store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        except (SyntaxError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise InputError(f"{path}: not valid {fmt.name} ({first})") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return store.dump(format=ox.RdfFormat.N_QUADS) or b""


def from_graph(graph: Any) -> bytes:
    """An rdflib ``Graph`` (its triples in the default graph) or ``Dataset`` (its graphs kept), as N-Quads."""
    from rdflib import Dataset

    fmt = "nquads" if isinstance(graph, Dataset) else "nt"
    return graph.serialize(format=fmt, encoding="utf-8")
