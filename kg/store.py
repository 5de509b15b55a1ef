"""Where a dataset is held while it is queried: pyoxigraph (default) or rdflib.

Both stores have the same small surface (:class:`Store`): ``load(files)``, ``add_graph(graph)``,
``query(text, bindings, timeout=)`` and ``len()``. They hold an RDF *dataset*: the named graphs of
TriG / N-Quads files stay apart, so ``GRAPH ?g`` works, and the default graph a query sees is the union
of every graph. Query results come back as rdflib terms in a :class:`QueryResult`, literals in their
canonical lexical form (:func:`kg.rdf.terms.canonical`), so both stores print the same values;
``native=True`` leaves the oxigraph store's answers as pyoxigraph terms (canonical too), which is how
``kg query`` reads a ``--db`` folder without loading rdflib at all (:mod:`kg.results` prints both).
No typing, dataclasses or pathlib at module level: :mod:`kg.fastpath` imports this module.

* ``oxigraph`` (default): pyoxigraph's Rust store and SPARQL engine. With a ``path`` the store persists
  in that folder, so a large graph is loaded once and later queries open it read-only. The files loaded
  into a folder are recorded in ``kg-loaded.json`` beside the data. A ``progress`` callback sees the
  bytes read while a file loads.
* ``rdflib``: an rdflib ``Dataset`` in memory, queried with rdflib's engine.

Parameters are bound by the engine (``substitutions`` / ``initBindings``), never pasted into the text.
Updates are refused, queries that are too big or deep are refused before parsing, and ``timeout``
stops a query that runs too long.
"""

from __future__ import annotations

import os

from kg.errors import InputError, QueryError
from kg.frozen import Frozen
from kg.rdf.prefixes import PREFIXES
from kg.rdf.sparql import check_size, first_line, oxigraph_syntax_error
from kg.resources import ontology_path
from kg.timeout import with_timeout

TYPE_CHECKING = False  # not typing's (see the module doc)
if TYPE_CHECKING:  # rdflib loads only where an rdflib term or graph is made
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path
    from typing import Any, Protocol

    from rdflib import Graph
    from rdflib.term import Identifier, Node

    from kg.rdf.read import Progress
else:
    Protocol = object  # Store is a protocol for mypy only

#: Names accepted by :func:`open_store` (and ``kg query --store``); the first is the default.
STORE_KINDS = ("oxigraph", "rdflib")
#: Prefixes every query may use without declaring them.
QUERY_PREFIXES: dict[str, str] = dict(PREFIXES)
#: Name of the file, inside a persistent oxigraph folder, listing what was loaded.
MANIFEST = "kg-loaded.json"
#: Column names of the rows a CONSTRUCT or DESCRIBE query gives.
TRIPLE_VARS = ("subject", "predicate", "object")

Row = tuple["Node | None", ...]

__all__ = ["MANIFEST", "QUERY_PREFIXES", "STORE_KINDS", "TRIPLE_VARS", "OxigraphStore", "QueryResult",
           "RdflibStore", "Store", "open_store", "store_for"]


def __getattr__(name: str) -> Any:
    """``from_ox`` and ``to_ox`` (kg.rdf.terms) stay importable from here without loading rdflib on import."""
    if name in ("from_ox", "to_ox"):
        from kg.rdf import terms

        return getattr(terms, name)
    raise AttributeError(f"module 'kg.store' has no attribute {name!r}")


class QueryResult(Frozen):
    """What a query returned, in rdflib terms. ``vars`` names the columns; ``rows`` holds one tuple per
    solution (``None`` where a variable is unbound). An ASK query has no columns and its answer in
    ``boolean``; CONSTRUCT and DESCRIBE give ``subject, predicate, object`` rows and ``graph`` is True."""

    __slots__ = ("vars", "rows", "boolean", "graph")
    vars: tuple[str, ...]
    rows: tuple[Row, ...]
    boolean: bool | None
    graph: bool

    def __init__(self, vars: tuple[str, ...], rows: tuple[Row, ...], boolean: bool | None = None, graph: bool = False):
        super().__init__(vars, rows, boolean, graph)

    def __len__(self) -> int:
        return len(self.rows)

    def to_graph(self) -> Graph:
        """The triples of a CONSTRUCT or DESCRIBE answer as an rdflib Graph."""
        from rdflib import Graph

        g = Graph()
        for s, p, o in self.rows:
            g.add((s, p, o))  # type: ignore[arg-type]
        return g


class Store(Protocol):
    """The interface both stores offer."""

    kind: str

    def load(self, files: Sequence[str | Path]) -> int:
        """Add the quads of graph files (format from the extension); return how many files were read."""

    def add_graph(self, graph: Graph) -> None:
        """Add the triples (a dataset's quads) of an rdflib graph."""

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None,
              timeout: float | None = None, native: bool = False) -> QueryResult:
        """Run SPARQL with ``bindings`` (variable name without ``?`` → term, rdflib's or the
        engine's own); ``native`` answers in the engine's own terms (see the module doc)."""

    def __len__(self) -> int:
        """Number of quads held."""


def open_store(kind: str = "oxigraph", path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """A new store of ``kind``; ``path`` (oxigraph only) is the folder it persists in. ``read_only``
    opens an existing oxigraph folder without locking it, so several queries can read it at once."""
    if kind == "rdflib":
        if path is not None:
            raise QueryError("the rdflib store lives in memory and cannot use a database folder; "
                             "use --store oxigraph with --db")
        return RdflibStore()
    if kind == "oxigraph":
        return OxigraphStore(path, read_only=read_only)
    raise QueryError(f"unknown store {kind!r}; use one of {', '.join(STORE_KINDS)}")


def _sorted_triples(triples: Iterable[Row]) -> tuple[Row, ...]:  # rdflib terms
    """Triples in a stable order (by their N-Triples text), whichever engine made them."""
    return tuple(sorted(triples, key=lambda t: tuple(x.n3() if x is not None else "" for x in t)))


# --------------------------------------------------------------------------- rdflib


class RdflibStore:
    """An in-memory rdflib dataset queried with rdflib's SPARQL engine. ``RdflibStore(graph)``
    queries ``graph`` itself, not a copy: loading files adds to it."""

    kind = "rdflib"

    def __init__(self, graph: Graph | None = None):
        from rdflib import Dataset

        self.graph = graph if graph is not None else Dataset(default_union=True)

    def load(self, files: Sequence[str | Path]) -> int:
        if not files:
            return 0
        from rdflib import Dataset

        from kg.rdf.read import load_dataset, load_graphs

        if isinstance(self.graph, Dataset):
            load_dataset(list(files), into=self.graph)
        else:
            self.graph += load_graphs(list(files))
        return len(files)

    def add_graph(self, graph: Graph) -> None:
        from rdflib import Dataset

        if isinstance(self.graph, Dataset) and isinstance(graph, Dataset):
            for s, p, o, g in graph.quads((None, None, None, None)):
                self.graph.graph(getattr(g, "identifier", g)).add((s, p, o))
        else:
            self.graph += graph

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None,
              timeout: float | None = None, native: bool = False) -> QueryResult:
        from kg.rdf.sparql import rdflib_prepare
        from kg.rdf.terms import canonical

        prepared = rdflib_prepare(text)

        def work() -> QueryResult:
            try:
                result = self.graph.query(prepared, initBindings=dict(bindings or {}))
                if result.type == "ASK":
                    return QueryResult((), (), bool(result.askAnswer))
                if result.type in ("CONSTRUCT", "DESCRIBE"):
                    assert result.graph is not None
                    return QueryResult(TRIPLE_VARS, _sorted_triples(tuple(map(canonical, t)) for t in result.graph),
                                       graph=True)
                names = tuple(str(v) for v in result.vars or ())
                return QueryResult(names, tuple(tuple(canonical(t) for t in row) for row in result))  # type: ignore[union-attr]
            except RecursionError:
                raise QueryError("the query is nested too deeply for the rdflib engine; use --store oxigraph") from None

        return with_timeout(work, timeout)

    def __len__(self) -> int:
        return len(self.graph)


# --------------------------------------------------------------------------- oxigraph


class OxigraphStore:
    """A pyoxigraph store, in memory or persistent in a folder."""

    kind = "oxigraph"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        import pyoxigraph as ox

        self.folder = None if path is None else os.fspath(path)  # not pathlib: kg.fastpath opens a store
        self.read_only = read_only
        self.progress: Progress | None = None
        try:
            if self.folder is None:
                self.store = ox.Store()
            elif read_only:
                if not os.path.isfile(os.path.join(self.folder, "CURRENT")):
                    raise InputError(f"{self.path}: no kg database there; create it by loading graph files, "
                                     f"e.g. kg query NAME graph.ttl --db {self.path}")
                self.store = ox.Store.read_only(self.folder)
            else:
                self.store = ox.Store(self.folder)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot open the database ({first_line(str(exc))}); "
                             "another kg process may be writing it") from None

    @property
    def path(self) -> Path | None:
        """The folder the store persists in; None in memory."""
        from pathlib import Path

        return None if self.folder is None else Path(self.folder)

    # ---- loading

    def load(self, files: Sequence[str | Path]) -> int:
        if not files:
            return 0
        if self.read_only:
            raise InputError(f"{self.path}: opened read-only; cannot load graph files into it")
        from pathlib import Path

        from kg.rdf.read import open_for_load

        manifest = self._manifest()
        read = 0
        for p in map(Path, files):
            p, fmt = open_for_load(p)
            key, stamp = str(p.resolve()), [(st := p.stat()).st_size, st.st_mtime_ns]
            if key in manifest:
                if manifest[key] == stamp:
                    continue
                raise InputError(f"{p}: changed since it was loaded into {self.path}; delete that folder "
                                 "and load the graph files again")
            self._load_file(p, fmt)
            read += 1
            if self.path is not None:
                manifest[key] = stamp
        if self.path is not None and read:
            import json

            self.store.flush()
            (self.path / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        return read

    def _load_file(self, path: Path, fmt: Any) -> None:
        from kg.rdf.read import CountingReader, load_error

        try:
            if self.progress is None:
                self.store.bulk_load(path=str(path), format=fmt)
                return
            with open(path, "rb") as handle:
                reader: Any = CountingReader(handle, path.stat().st_size, self.progress)
                self.store.bulk_load(reader, format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise load_error(path, exc) from None

    def _manifest(self) -> dict[str, list[int]]:
        if self.path is None or not (self.path / MANIFEST).is_file():
            return {}
        import json

        data = json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): list(v) for k, v in data.items()}

    def loaded_files(self) -> list[str]:
        """The files recorded as loaded into a persistent store."""
        return sorted(self._manifest())

    def add_graph(self, graph: Graph) -> None:
        import pyoxigraph as ox

        from kg.rdf.write import ox_quads

        quads = (q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in ox_quads(graph))
        self.store.extend(quads)

    # ---- querying

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None,
              timeout: float | None = None, native: bool = False) -> QueryResult:
        import pyoxigraph as ox

        from kg.rdf.oxterms import is_ox

        check_size(text)
        substitutions: dict[Any, Any] = {ox.Variable(name): term if is_ox(term) else _to_ox(term)
                         for name, term in (bindings or {}).items()}

        def work() -> QueryResult:
            try:
                answer = self.store.query(text, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True,
                                          substitutions=substitutions)
            except SyntaxError as exc:
                raise oxigraph_syntax_error(text, str(exc)) from None
            except RuntimeError as exc:  # pyoxigraph binds only variables the SELECT list names
                import re  # error path only: see kg.textscan

                match = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(exc))
                if match is None:
                    raise QueryError(f"the query failed: {first_line(str(exc))}") from None
                raise QueryError(f"parameter ?{match.group(1)} must be in the SELECT list of the query: the "
                                 "oxigraph store binds only variables the query returns") from None
            return _collect(answer, native)

        return with_timeout(work, timeout)

    def __len__(self) -> int:
        return len(self.store)


def _to_ox(term: Any) -> Any:
    from kg.rdf.terms import to_ox

    return to_ox(term)


def _to_rdflib(term: Any) -> Any:
    from kg.rdf.terms import canonical, from_ox

    return canonical(from_ox(term))


def _collect(answer: Any, native: bool = False) -> QueryResult:
    """A pyoxigraph answer as a QueryResult: rdflib terms, or with ``native`` the
    pyoxigraph terms themselves (CONSTRUCT and DESCRIBE triples are rdflib terms
    either way: they are written as RDF by rdflib, in the same order)."""
    import pyoxigraph as ox

    from kg.rdf import oxterms

    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult((), (), bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples = (tuple(map(_to_rdflib, (tr.subject, tr.predicate, tr.object))) for tr in answer)
            return QueryResult(TRIPLE_VARS, _sorted_triples(triples), graph=True)
        names = tuple(v.value for v in answer.variables)
        convert = oxterms.canonical if native else _to_rdflib
        rows = tuple(tuple(convert(sol[i]) if sol[i] is not None else None for i in range(len(names)))
                     for sol in answer)
        return QueryResult(names, rows)
    except (RuntimeError, OSError) as exc:
        raise QueryError(f"the query failed: {first_line(str(exc))}") from None


def _ontology(store: Store) -> None:
    """Add the ontology (``ontology/kg.ttl``) to the store's default graph, so class
    parameters match subclasses (``rdfs:subClassOf*``)."""
    if isinstance(store, OxigraphStore) and store.read_only:
        return
    if isinstance(store, OxigraphStore):
        from pyoxigraph import RdfFormat

        store.store.load(path=str(ontology_path()), format=RdfFormat.TURTLE)
    else:
        store.load([ontology_path()])


def store_for(files: Sequence[str | Path], kind: str | None = None, db: str | Path | None = None, *,
              ontology: bool = True, progress: Progress | None = None) -> Store:
    """The store a command queries: ``files`` loaded into ``kind`` (default oxigraph), or into / from
    the folder ``db``, with the ontology beside them unless ``ontology=False``. With ``db`` and no
    files, the folder is opened read-only; with files, those not loaded yet are added to it."""
    kind = kind or STORE_KINDS[0]
    if db is not None and kind != "oxigraph":
        raise QueryError("--db needs the oxigraph store; the rdflib store lives in memory")
    if not files and db is None:
        raise InputError("no graph file given; name graph files, or --db DIR for a database an earlier "
                         "'kg query NAME graph.ttl --db DIR' filled")
    store = open_store(kind, db, read_only=db is not None and not files)
    if isinstance(store, OxigraphStore):
        store.progress = progress
    store.load(list(files))
    if ontology:
        _ontology(store)
    return store
