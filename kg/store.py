"""Where a graph is held while it is queried: rdflib in memory, or pyoxigraph.

Both stores have the same small surface (:class:`Store`): ``load(files)``,
``add_graph(graph)``, ``query(text, bindings)`` and ``len()``. Query results
always come back as rdflib terms in a :class:`QueryResult`, whichever engine
answered, so formatting and tests do not care about the store.

* ``rdflib`` (default): the graph lives in memory; SPARQL runs on rdflib's own
  engine, parameters are bound with ``initBindings``.
* ``oxigraph``: pyoxigraph's Rust store and SPARQL engine, much faster on large
  graphs; parameters are bound with ``substitutions`` (SPARQL SEP-0007). With a
  ``path`` the store persists in that folder, so a large graph is loaded once
  and later queries open it read-only in a fraction of a second. The files
  loaded into a folder are recorded in ``kg-loaded.json`` beside the data:
  loading the same unchanged file again is skipped. Oxigraph keeps values,
  not datatypes, for derived integer types: an ``xsd:nonNegativeInteger``
  offset comes back as ``xsd:integer`` with the same value.

Parameters are never pasted into the query text. Syntax errors become a
:class:`kg.errors.QueryError` that gives the line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Identifier

from kg.errors import FormatError, InputError, QueryError
from kg.graphs import READ_FORMATS, load_graphs
from kg.namespace import RES
from kg.rdf.mapping import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

#: Names accepted by :func:`open_store` (and ``kg query --store``).
STORE_KINDS = ("rdflib", "oxigraph")
#: Prefixes every query may use without declaring them.
QUERY_PREFIXES: dict[str, str] = {**{k: str(v) for k, v in PREFIXES.items()},
                                  "rdf": str(RDF), "rdfs": str(RDFS), "res": str(RES)}
#: Name of the file, inside a persistent oxigraph folder, listing what was loaded.
MANIFEST = "kg-loaded.json"
#: Column names of the rows a CONSTRUCT or DESCRIBE query gives.
TRIPLE_VARS = ("subject", "predicate", "object")

Row = tuple[Identifier | None, ...]


@dataclass(frozen=True)
class QueryResult:
    """What a query returned, in rdflib terms.

    ``vars`` names the columns; ``rows`` holds one tuple per solution (``None``
    where a variable is unbound). An ASK query has no columns and its answer in
    ``boolean``; CONSTRUCT and DESCRIBE give ``subject, predicate, object`` rows.
    """

    vars: tuple[str, ...]
    rows: tuple[Row, ...]
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)


class Store(Protocol):
    """The interface both stores offer."""

    kind: str

    def load(self, files: Sequence[str | Path]) -> int:
        """Add the triples of graph files (format from the extension); return how many files were read."""

    def add_graph(self, graph: Graph) -> None:
        """Add the triples of an rdflib graph."""

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        """Run SPARQL with ``bindings`` (variable name without ``?`` → term)."""

    def __len__(self) -> int:
        """Number of triples (quads for oxigraph) held."""


def open_store(kind: str = "rdflib", path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """A new store of ``kind``; ``path`` (oxigraph only) is the folder it persists in.

    ``read_only`` opens an existing oxigraph folder without locking it, so
    several queries can read it at once.
    """
    if kind == "rdflib":
        if path is not None:
            raise QueryError("the rdflib store lives in memory and cannot use a database folder; "
                             "use --store oxigraph with --db")
        return RdflibStore()
    if kind == "oxigraph":
        return OxigraphStore(path, read_only=read_only)
    raise QueryError(f"unknown store {kind!r}; use one of {', '.join(STORE_KINDS)}")


# --------------------------------------------------------------------------- rdflib


class RdflibStore:
    """An in-memory rdflib graph queried with rdflib's SPARQL engine.

    ``RdflibStore(graph)`` queries ``graph`` itself, not a copy: loading files adds to it.
    """

    kind = "rdflib"

    def __init__(self, graph: Graph | None = None):
        self.graph = graph if graph is not None else Graph()

    def load(self, files: Sequence[str | Path]) -> int:
        if not files:
            return 0
        loaded = load_graphs(list(files))
        if len(self.graph):
            self.graph += loaded
        else:
            self.graph = loaded
        return len(files)

    def add_graph(self, graph: Graph) -> None:
        self.graph += graph

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        prepared = _rdflib_prepare(text)
        result = self.graph.query(prepared, initBindings=dict(bindings or {}))
        if result.type == "ASK":
            return QueryResult((), (), bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            assert result.graph is not None
            return QueryResult(TRIPLE_VARS, _sorted_triples(tuple(t) for t in result.graph))
        names = tuple(str(v) for v in result.vars or ())
        return QueryResult(names, tuple(tuple(row) for row in result))

    def __len__(self) -> int:
        return len(self.graph)


def _sorted_triples(triples: Iterable[Row]) -> tuple[Row, ...]:
    """Triples in a stable order (by their N-Triples text), whichever engine made them."""
    return tuple(sorted(triples, key=lambda t: tuple(x.n3() if x is not None else "" for x in t)))


def _rdflib_prepare(text: str) -> Any:
    """Parse ``text`` with rdflib; syntax errors → QueryError with line and column."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=QUERY_PREFIXES)
    except ParseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: "
                         f"{_first_line(exc.msg)} near {exc.line.strip()[:60]!r}") from None
    except Exception as exc:  # rdflib raises a bare Exception for an undeclared prefix
        match = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(exc))
        if match is None:
            raise
        line, col = _locate_prefix(text, match.group(1))
        raise QueryError(f"SPARQL syntax error at line {line}, column {col}: prefix {match.group(1)}: "
                         "is not declared; add a PREFIX line or use one of "
                         f"{', '.join(sorted(QUERY_PREFIXES))}") from None


def _locate_prefix(text: str, prefix: str) -> tuple[int, int]:
    """Line and column (1-based) of the first use of ``prefix:`` outside comments."""
    pattern = re.compile(rf"(?<![\w<?$]){re.escape(prefix)}:")
    for n, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith("PREFIX") else ""
        found = pattern.search(code)
        if found:
            return n, found.start() + 1
    return 1, 1


def _first_line(message: str, limit: int = 160) -> str:
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    return first if len(first) <= limit else first[: limit - 1] + "…"


# --------------------------------------------------------------------------- oxigraph


#: File extension → pyoxigraph RdfFormat attribute name.
OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "json-ld": "JSON_LD", "nt": "N_TRIPLES",
              "nquads": "N_QUADS", "xml": "RDF_XML", "n3": "N3"}
_OX_SYNTAX = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_OX_UNPROJECTED = re.compile(r"does not contains? variable \?(\w+) in its SELECT projection")


class OxigraphStore:
    """A pyoxigraph store, in memory or persistent in a folder."""

    kind = "oxigraph"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        import pyoxigraph as ox

        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").is_file():
                    raise InputError(f"{self.path}: no kg database there; create it by loading graph files, "
                                     f"e.g. kg query NAME graph.ttl --store oxigraph --db {self.path}")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise InputError(f"{self.path}: cannot open the database ({_first_line(str(exc))}); "
                             "another kg process may be writing it") from None

    # ---- loading

    def load(self, files: Sequence[str | Path]) -> int:
        if not files:
            return 0
        if self.read_only:
            raise InputError(f"{self.path}: opened read-only; cannot load graph files into it")
        manifest = self._manifest()
        read = 0
        for p in map(Path, files):
            fmt = _ox_format(p)
            key, stamp = str(p.resolve()), _stamp(p)
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
            self.store.flush()
            (self.path / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        return read

    def _load_file(self, path: Path, fmt: Any) -> None:
        try:
            self.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise InputError(f"{path}: not valid RDF ({_first_line(str(exc))})") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be loaded ({_first_line(str(exc))})") from None

    def _manifest(self) -> dict[str, list[int]]:
        if self.path is None or not (self.path / MANIFEST).is_file():
            return {}
        data = json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): list(v) for k, v in data.items()}

    def loaded_files(self) -> list[str]:
        """The files recorded as loaded into a persistent store."""
        return sorted(self._manifest())

    def add_graph(self, graph: Graph) -> None:
        import pyoxigraph as ox

        self.store.extend(ox.Quad(*map(to_ox, triple)) for triple in graph)

    # ---- querying

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        import pyoxigraph as ox

        substitutions = {ox.Variable(name): to_ox(term) for name, term in (bindings or {}).items()}
        try:
            answer = self.store.query(text, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True,
                                      substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(_ox_syntax_message(str(exc))) from None
        except RuntimeError as exc:  # pyoxigraph binds only variables the SELECT list names
            match = _OX_UNPROJECTED.search(str(exc))
            if match is None:
                raise
            raise QueryError(f"parameter ?{match.group(1)} must be in the SELECT list of the query: the oxigraph "
                             "store binds only variables the query returns") from None
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult((), (), bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples = (tuple(from_ox(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in answer)
            return QueryResult(TRIPLE_VARS, _sorted_triples(triples))
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(from_ox(sol[i]) if sol[i] is not None else None for i in range(len(names)))
                     for sol in answer)
        return QueryResult(names, rows)

    def __len__(self) -> int:
        return len(self.store)


def _ox_format(path: Path) -> Any:
    import pyoxigraph as ox

    fmt = READ_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FormatError(f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(sorted(READ_FORMATS))}")
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    return getattr(ox.RdfFormat, OX_FORMATS[fmt])


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _ox_syntax_message(message: str) -> str:
    match = _OX_SYNTAX.match(message.strip())
    if match is None:
        return f"SPARQL syntax error: {_first_line(message)}"
    line, col, what = match.groups()
    if "Prefix not found" in what:
        what = f"a prefix is not declared; add a PREFIX line or use one of {', '.join(sorted(QUERY_PREFIXES))}"
    return f"SPARQL syntax error at line {line}, column {col}: {_first_line(what)}"


# --------------------------------------------------------------------------- terms


def to_ox(term: Identifier) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise QueryError(f"cannot bind {term!r}: only IRIs, blank nodes and literals are supported")


def from_ox(term: Any) -> Identifier:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain ones)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"the query returned an RDF-star triple term ({term}); kg cannot show those")



def store_for(files: Sequence[str | Path], kind: str | None = None, db: str | Path | None = None) -> Store:
    """The store a command queries: ``files`` loaded into ``kind``, or into / from the folder ``db``.

    ``db`` implies oxigraph. With ``db`` and no files, the folder is opened
    read-only; with files, those not loaded yet are added to it.
    """
    kind = kind or ("oxigraph" if db is not None else "rdflib")
    if db is not None and kind != "oxigraph":
        raise QueryError("--db needs the oxigraph store (--store oxigraph); the rdflib store lives in memory")
    if not files and db is None:
        raise InputError("no graph file given; name graph files, or --db DIR for a database an earlier "
                         "'kg query --store oxigraph --db DIR NAME graph.ttl' filled")
    store = open_store(kind, db, read_only=db is not None and not files)
    store.load(list(files))
    return store
