"""The one reader of RDF files: pyoxigraph's parsers, then rdflib terms if asked.

Every command that reads graph files comes here: :func:`quads` streams a
file's quads (format by extension, see :mod:`kg.rdf.formats`),
:func:`load_dataset` gives an rdflib ``Dataset`` with the named graphs kept,
:func:`load_graphs` the union of every graph of every file, and
:func:`by_graph` the triples grouped by graph (for pushes). Only regular files
are read; a malformed file is an :class:`~kg.errors.InputError` naming it.
Blank nodes stay distinct between files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import InputError
from kg.rdf.formats import detect, oxigraph_format
from kg.rdf.prefixes import bind_all
from kg.rdf.terms import from_ox

if TYPE_CHECKING:
    import pyoxigraph

#: Called with (bytes read so far, file size) while a file is parsed.
Progress = Callable[[int, int], None]


def checked_file(path: str | Path) -> Path:
    """``path`` if it has a graph extension and is a regular file (a symlink to one is
    followed); FormatError or InputError otherwise."""
    p = Path(path)
    detect(p)
    try:
        mode = os.stat(p).st_mode
    except FileNotFoundError:
        raise InputError(f"{p}: no such graph file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{p}: is a folder; name graph files (.ttl .trig .nt .nq .jsonld .rdf)")
    if not stat.S_ISREG(mode):
        raise InputError(f"{p}: is not a regular file (a device, FIFO or socket); kg reads graph files only")
    return p


class CountingReader:
    """A binary file that reports how far it has been read."""

    def __init__(self, handle: IO[bytes], size: int, progress: Progress):
        self.handle, self.size, self.progress, self.done = handle, size, progress, 0

    def read(self, n: int = -1) -> bytes:
        data = self.handle.read(n)
        self.done += len(data)
        self.progress(self.done, self.size)
        return data

    def readinto(self, buffer: Any) -> int:
        n = self.handle.readinto(buffer)  # type: ignore[attr-defined]
        self.done += n or 0
        self.progress(self.done, self.size)
        return int(n or 0)


def _error(path: Path, exc: Exception) -> InputError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    if isinstance(exc, OSError) and not isinstance(exc, SyntaxError):
        return InputError(f"{path}: cannot be read ({exc.strerror or first})")
    return InputError(f"{path}: not valid {detect(path).name} ({first[:300]})")


def quads(path: str | Path, progress: Progress | None = None) -> Iterator[pyoxigraph.Quad]:
    """The quads of one file, streamed (default-graph triples have ``DefaultGraph``)."""
    import pyoxigraph as ox

    p = checked_file(path)
    fmt = oxigraph_format(p)
    try:
        with open(p, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            source: Any = handle if progress is None else CountingReader(handle, size, progress)
            yield from ox.parse(source, format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise _error(p, exc) from None


def open_for_load(path: str | Path) -> tuple[Path, pyoxigraph.RdfFormat]:
    """A checked path and its pyoxigraph format, for a store's bulk loader."""
    p = checked_file(path)
    return p, oxigraph_format(p)


def load_error(path: str | Path, exc: Exception) -> InputError:
    """The InputError for a parse or read failure of ``path`` in a store's loader."""
    return _error(Path(path), exc)


def load_dataset(paths: Sequence[str | Path], into: Dataset | None = None) -> Dataset:
    """Every file into one rdflib Dataset, named graphs kept (default-graph triples in its default graph)."""
    import pyoxigraph as ox

    if not paths:
        raise InputError("no graph file given")
    dataset = into if into is not None else Dataset(default_union=True)
    bind_all(dataset)
    for p in paths:
        blanks: dict[str, Any] = {}
        contexts: dict[str, Graph] = {}
        default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        for q in quads(p):
            s, pr, o = (_term(t, blanks) for t in (q.subject, q.predicate, q.object))
            if isinstance(q.graph_name, ox.DefaultGraph):
                default.add((s, pr, o))
            else:
                name = q.graph_name.value
                graph = contexts.get(name)
                if graph is None:
                    graph = contexts[name] = dataset.graph(URIRef(name) if isinstance(q.graph_name, ox.NamedNode)
                                                           else _term(q.graph_name, blanks))
                graph.add((s, pr, o))
    return dataset


def load_graphs(paths: Sequence[str | Path]) -> Graph:
    """Every triple of every graph of every file, in one rdflib Graph (the union)."""
    if not paths:
        raise InputError("no graph file given")
    graph = Graph()
    bind_all(graph)
    for p in paths:
        blanks: dict[str, Any] = {}
        for q in quads(p):
            graph.add((_term(q.subject, blanks), _term(q.predicate, blanks), _term(q.object, blanks)))
    return graph


def by_graph(path: str | Path, target: str | None = None) -> dict[str | None, list[pyoxigraph.Triple]]:
    """The file's distinct triples by graph: ``None`` for the default graph (or
    ``target`` if given), an IRI for each named graph, in file order."""
    import pyoxigraph as ox

    graphs: dict[str | None, dict[ox.Triple, None]] = {}  # dict: ordered, without duplicates
    for q in quads(path):
        name = target if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        graphs.setdefault(name, {})[q.triple] = None
    return {name: list(triples) for name, triples in graphs.items()}


def _term(term: Any, blanks: dict[str, Any]) -> Any:
    """:func:`kg.rdf.terms.from_ox`, with a file's blank nodes made fresh (two files never share one)."""
    import pyoxigraph as ox

    if isinstance(term, ox.BlankNode):
        node = blanks.get(term.value)
        if node is None:
            from rdflib import BNode

            node = blanks[term.value] = BNode()
        return node
    return from_ox(term)
