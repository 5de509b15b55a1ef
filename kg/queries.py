"""SPARQL queries: the named library in ``queries/``, parameters, results as text.

A named query is a ``.rq`` file whose first comment lines describe it::

    # title: Who communicated with whom
    # description: Communications with their sender, recipient, date and modality.
    # param: who — name or alias of the sender or the recipient (string, optional)

then the SPARQL. A parameter is a plain SPARQL variable (``?who``) that
:func:`run` binds through the store (rdflib ``initBindings``, oxigraph
``substitutions``); its value is never pasted into the text. A parameter is
required unless marked ``optional`` (left unbound: the query matches every
value) or given a ``default: VALUE``. Types: ``string``, ``iri``,
``integer``, ``decimal``, ``date``, ``boolean``. An ``iri`` is written
``<https://…>``, ``prefix:local`` with a known prefix, or a bare kg term
(``Communication``).

Two rules keep a query portable between the stores: every parameter is in the
SELECT list (oxigraph binds only the variables a query returns), and an
optional one is tested with ``COALESCE(STR(?x), "") = ""`` rather than
``BOUND(?x)`` (after oxigraph's substitution ``BOUND`` no longer sees it).

Files and inline SPARQL without ``# param:`` lines take any parameter that
names one of their variables; the value is an IRI when written ``<…>``,
otherwise a plain string.
"""

from __future__ import annotations

import os

from kg import textscan
from kg.errors import QueryError
from kg.frozen import Frozen
from kg.iris import ONTOLOGY_IRI
from kg.rdf.lexical import XSD_BOOLEAN, XSD_DATE, XSD_DECIMAL, XSD_INTEGER, canonical_lexical
from kg.resources import folder_text, ontology_file, queries_dir
from kg.results import FORMATS, format_result, short, to_json
from kg.store import QUERY_PREFIXES, QueryResult, Store

TYPE_CHECKING = False  # not typing's, and no dataclasses: kg.fastpath imports this module
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path
    from typing import Any

    from rdflib.term import Identifier

    #: Makes a term: (value, datatype IRI or None for a plain string, iri=...) → the term of one engine.
    TermMaker = Callable[..., Any]

#: Parameter types a ``# param:`` line may declare.
PARAM_TYPES = ("string", "iri", "integer", "decimal", "date", "boolean")
#: Longest number a parameter may be written with (characters) and largest decimal exponent.
MAX_NUMBER_CHARS, MAX_EXPONENT = 100, 100

_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


class Param(Frozen):
    """One declared parameter of a query."""

    __slots__ = ("name", "meaning", "type", "required", "default")
    name: str
    meaning: str
    type: str
    required: bool
    default: str | None

    def __init__(self, name: str, meaning: str, type: str = "string", required: bool = True,
                 default: str | None = None):
        super().__init__(name, meaning, type, required, default)

    def describe(self) -> str:
        need = "required" if self.required else (f"default {self.default}" if self.default else "optional")
        return f"{self.name} — {self.meaning} ({self.type}, {need})"


class Query(Frozen):
    """A SPARQL query with what its header says about it."""

    __slots__ = ("name", "text", "title", "description", "params", "source")
    name: str
    text: str
    title: str
    description: str
    params: tuple[Param, ...]
    source: str | None  # the file's path as text: pathlib is not imported on kg.fastpath's path

    def __init__(self, name: str, text: str, title: str = "", description: str = "",
                 params: tuple[Param, ...] = (), path: str | Path | None = None):
        super().__init__(name, text, title, description, params, None if path is None else str(path))

    @property
    def path(self) -> Path | None:
        """The ``.rq`` file the query was read from, if any."""
        from pathlib import Path

        return None if self.source is None else Path(self.source)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


# --------------------------------------------------------------------------- loading


def parse_query(text: str, name: str = "inline", path: str | Path | None = None) -> Query:
    """Read the ``# title/description/param`` header of ``text``."""
    fields: dict[str, str] = {"title": "", "description": ""}
    params: list[Param] = []
    last: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        field = textscan.header_field(line)
        if field is None:
            if last in fields and line.lstrip("#").strip():  # a continued title or description
                fields[last] = f"{fields[last]} {line.lstrip('#').strip()}".strip()
            continue
        key, value = field[0], field[1].strip()
        last = key
        if key == "param":
            params.append(_parse_param(value, name))
        else:
            fields[key] = value
    query = Query(name, text, fields["title"], fields["description"], tuple(params), path)
    variables = query_variables(text)
    for p in query.params:
        if p.name not in variables:
            raise QueryError(f"query {name}: parameter {p.name!r} is declared but ?{p.name} is not in the query")
    return query


def _parse_param(spec: str, query: str) -> Param:
    match = textscan.param_spec(spec)
    if match is None:
        raise QueryError(f"query {query}: cannot read '# param: {spec}'; "
                         "write '# param: name — meaning (type)', e.g. '# param: name — entity name (string)'")
    name, meaning, options = match
    kind, *rest = [o.strip() for o in options.split(",")]
    if kind not in PARAM_TYPES:
        raise QueryError(f"query {query}: parameter {name!r} has unknown type {kind!r}; "
                         f"use one of {', '.join(PARAM_TYPES)}")
    required, default = True, None
    for option in rest:
        if option == "optional":
            required = False
        elif option.startswith("default"):
            required, default = False, option.split(":", 1)[-1].strip() if ":" in option else option[7:].strip()
        else:
            raise QueryError(f"query {query}: parameter {name!r} has unknown option {option!r}; "
                             "use 'optional' or 'default: VALUE'")
    return Param(name, meaning, kind, required, default)


def query_variables(text: str) -> set[str]:
    """Names of the ``?x`` / ``$x`` variables of a query (comments and strings ignored)."""
    return textscan.variables(textscan.blank_skipped(text))


def list_queries(folder: Path | None = None) -> list[Query]:
    """The named queries, sorted by name."""
    folder = folder or queries_dir()
    return [_read(p) for p in sorted(folder.glob("*.rq"))]


def _read(path: str | Path) -> Query:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        from pathlib import Path

        raise QueryError(f"{Path(path)}: cannot be read ({exc.strerror or exc})") from None
    return parse_query(text, os.path.splitext(os.path.basename(path))[0], path)


def load_query(ref: str, folder: Path | None = None) -> Query:
    """``ref`` is a query name, a ``.rq`` file or SPARQL text (read with os.path, not pathlib: see Query)."""
    named = os.path.join(folder if folder is not None else folder_text("_queries", "queries"), f"{ref}.rq")
    if textscan.is_query_name(ref) and os.path.isfile(named):
        return _read(named)
    if ref.lower().endswith(".rq"):
        if not os.path.isfile(ref):
            raise QueryError(f"{ref}: no such query file")
        return _read(ref)
    if textscan.has_space_or_brace(ref.strip()):
        return parse_query(ref)
    names = ", ".join(q.name for q in list_queries(folder)) or "(none)"  # pathlib from here on
    raise QueryError(f"unknown query {ref!r}; use a name among {names}, a .rq file, or SPARQL text")


# --------------------------------------------------------------------------- parameters


def parse_assignments(items: list[str]) -> dict[str, str]:
    """``["name=value", ...]`` (from ``--param``) → ``{name: value}``."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not textscan.is_identifier(name):
            raise QueryError(f"--param {item!r}: write name=value, e.g. --param name=Poutine")
        if name in values:
            raise QueryError(f"--param {name} is given twice")
        values[name] = value
    return values


def _maker(engine: str) -> TermMaker:
    """The term maker of ``engine``: ``rdflib`` terms, or pyoxigraph's (``oxigraph``) without loading rdflib."""
    if engine == "oxigraph":
        from kg.rdf import oxterms

        return oxterms.make_term
    from kg.rdf import terms

    return terms.make_term


def bind(query: Query, values: Mapping[str, str], engine: str = "rdflib") -> dict[str, Identifier]:
    """Check ``values`` against the query's parameters and turn them into RDF terms
    (rdflib's, or pyoxigraph's when ``engine`` is ``oxigraph``)."""
    make = _maker(engine)
    if not query.params:
        variables = query_variables(query.text)
        for name in values:
            if name not in variables:
                raise QueryError(f"unknown parameter {name!r}: query {query.name} has no variable ?{name}"
                                 + (f"; its variables are {', '.join(sorted(variables))}" if variables else ""))
        return {name: _free_term(value, make) for name, value in values.items()}
    for name in values:
        if query.param(name) is None:
            raise QueryError(f"unknown parameter {name!r} for query {query.name}; it takes "
                             + "; ".join(p.describe() for p in query.params))
    bindings: dict[str, Identifier] = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None:
            if p.required:
                raise QueryError(f"query {query.name} needs --param {p.name}=VALUE ({p.meaning}, {p.type})")
            continue
        bindings[p.name] = to_term(value, p.type, p.name, make)
    return bindings


def _free_term(value: str, make: TermMaker) -> Any:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return make(_iri(value[1:-1], value), iri=True)
    return make(value)


def to_term(value: str, kind: str, name: str = "value", make: TermMaker | None = None) -> Identifier:
    """A parameter value written on the command line → an RDF term of type ``kind``
    (made by ``make``, :func:`kg.rdf.terms.make_term` by default: an rdflib term)."""
    make = make or _maker("rdflib")
    text = value.strip()
    try:
        if kind == "string":
            return make(text)
        if kind == "iri":
            return make(_expand_iri(text, name), iri=True)
        if kind in ("integer", "decimal") and len(text) > MAX_NUMBER_CHARS:
            raise QueryError(f"--param {name}: a number of {len(text):,} characters; kg takes numbers of at most "
                             f"{MAX_NUMBER_CHARS} characters")
        if kind == "integer":
            return make(str(int(text)), XSD_INTEGER)
        if kind == "decimal":
            return make(_decimal(text, name), XSD_DECIMAL)
        if kind == "date":
            import datetime as dt

            return make(dt.date.fromisoformat(text).isoformat(), XSD_DATE)
        if kind == "boolean" and text.lower() in _TRUE + _FALSE:
            return make("true" if text.lower() in _TRUE else "false", XSD_BOOLEAN)
    except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
        pass
    examples = {"integer": "3", "decimal": "15000 or 2.5", "date": "2024-06-19", "boolean": "true or false"}
    raise QueryError(f"--param {name}={value!r} is not a valid {kind}; expected e.g. {examples.get(kind, '')}")


def _decimal(text: str, name: str) -> str:
    """A decimal parameter's canonical text, its exponent bounded (``1e9999999999`` would
    be written out in full: gigabytes); never ``Infinity`` or ``NaN``."""
    from decimal import Decimal

    value = Decimal(text)
    if not value.is_finite():
        raise ValueError(text)
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise QueryError(f"--param {name}={text!r}: the number is out of range; kg takes decimals between "
                         f"1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT}")
    return canonical_lexical(format(value, "f"), XSD_DECIMAL)


def _expand_iri(text: str, name: str) -> str:
    """The IRI a parameter of type ``iri`` names."""
    if text.startswith("<") and text.endswith(">"):
        return _iri(text[1:-1], name)
    prefix, sep, local = text.partition(":")
    if not sep or prefix == "kg":  # a bare word is a kg term; kg terms are checked against the vocabulary
        term = local if sep else text
        if term not in _kg_terms():
            raise QueryError(f"--param {name}={text!r}: {term} is not a kg term; write a kg class or property "
                             "(e.g. Communication), prefix:name (e.g. kg:Reported) or <https://…>")
        return ONTOLOGY_IRI + term
    if prefix in QUERY_PREFIXES and not local.startswith("//"):
        return _iri(QUERY_PREFIXES[prefix] + local, name)
    return _iri(text, name)


def _kg_terms() -> set[str]:
    """The local names of the terms ``ontology/kg.ttl`` declares, read by pyoxigraph: the
    vocabulary of :class:`kg.namespace.KG` (tests/test_namespace.py keeps them equal), without rdflib."""
    import pyoxigraph as ox

    subjects = (quad.subject for quad in ox.parse(path=ontology_file(), format=ox.RdfFormat.TURTLE))
    return {s.value[len(ONTOLOGY_IRI):] for s in subjects
            if isinstance(s, ox.NamedNode) and s.value.startswith(ONTOLOGY_IRI)}


def _iri(text: str, name: str) -> str:
    if not text or textscan.is_bad_iri(text):
        raise QueryError(f"--param {name}: {text!r} is not a valid IRI")
    return text


def run(store: Store, query: Query, values: Mapping[str, str] | None = None, *,
        timeout: float | None = None, native: bool = False) -> QueryResult:
    """Run ``query`` on ``store`` with parameter ``values`` (strings, as typed by a user),
    stopped after ``timeout`` seconds if given; ``native`` answers in the store's own
    terms (see :mod:`kg.store`)."""
    engine = store.kind if native else "rdflib"
    return store.query(query.text, bind(query, values or {}, engine), timeout=timeout, native=native)


__all__ = ["FORMATS", "PARAM_TYPES", "Param", "Query", "bind", "format_result", "list_queries", "load_query",
           "parse_assignments", "parse_query", "query_variables", "run", "short", "to_json", "to_term"]
