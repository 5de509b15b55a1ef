"""Query results as people and programs read them.

* ``table``: a rich table whose cells are full IRIs or valid prefixed names
  (:func:`kg.rdf.prefixes.short`), never cut: the table is as wide as its content.
* ``json``: SPARQL 1.1 Query Results JSON, written by :func:`to_json` (kg's one
  SPARQL-JSON writer); ``csv`` and ``tsv``: pyoxigraph's result serializers.
* ``turtle``, ``ntriples``, ``jsonld``: the triples of a CONSTRUCT or DESCRIBE
  query as RDF (:mod:`kg.rdf.write`), prefixes bound.

Rows may hold rdflib or pyoxigraph terms (:func:`kg.rdf.oxterms.parts` reads
both): the same term prints the same either way, and the table and SPARQL
results formats load no rdflib for pyoxigraph rows.
"""

from __future__ import annotations

import io

from kg.errors import QueryError
from kg.rdf import prefixes
from kg.rdf.oxterms import parts

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module
if TYPE_CHECKING:
    from typing import Any

    from kg.store import QueryResult

#: Output formats for any answer, and those for CONSTRUCT / DESCRIBE answers only.
TABLE_FORMATS = ("table", "csv", "tsv", "json")
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
FORMATS = (*TABLE_FORMATS, *RDF_FORMATS)


def short(term: Any) -> str:
    """A term for people: a valid prefixed name or ``<IRI>``, a literal's lexical form, '' when unbound."""
    if term is None:
        return ""
    kind, value, _, _ = parts(term)
    if kind == "uri":
        return prefixes.short(value)
    if kind == "bnode":
        return f"_:{value}"
    return value


def format_result(result: QueryResult, fmt: str = "table", width: int | None = None) -> str:
    """``result`` in ``fmt`` (see the module doc)."""
    if fmt in RDF_FORMATS:
        if not result.graph:
            raise QueryError(f"--format {fmt} writes the triples of a CONSTRUCT or DESCRIBE query; this query "
                             f"gives a table: use one of {', '.join(TABLE_FORMATS)}")
        from kg.rdf.write import serialize

        graph = prefixes.bind_all(result.to_graph())
        return serialize(graph, RDF_FORMATS[fmt]).decode("utf-8")
    if fmt == "json":
        return to_json(result)
    if fmt in ("csv", "tsv"):
        return _oxigraph_text(result, fmt)
    if fmt == "table":
        return to_table(result, width)
    raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def to_table(result: QueryResult, width: int | None = None) -> str:
    """A rich table; values are plain text, never read as rich markup, never cut."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[short(t) for t in row] for row in result.rows]
    widths = [max([len(v), *(max((len(line) for line in row[i].split("\n")), default=0) for row in cells)])
              for i, v in enumerate(result.vars)]
    needed = sum(widths) + 3 * len(widths) + 1
    table = Table(*result.vars, show_lines=False, header_style="bold")
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    console = Console(file=io.StringIO(), width=max(width or 160, needed), color_system=None, soft_wrap=False)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _oxigraph_text(result: QueryResult, fmt: str) -> str:
    """CSV or TSV by pyoxigraph's serializers (booleans, which those formats do not define, as one cell)."""
    import pyoxigraph as ox

    if result.boolean is not None:
        value = "true" if result.boolean else "false"
        return f"boolean\r\n{value}\r\n" if fmt == "csv" else f"?boolean\n{value}\n"
    parsed = ox.parse_query_results(*_results_document(result))
    target = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.TSV
    return parsed.serialize(format=target).decode("utf-8")  # type: ignore[union-attr]


def _results_document(result: QueryResult) -> tuple[str, Any]:
    """The rows as a SPARQL results document pyoxigraph reads: TSV when every term is pyoxigraph's
    (``str`` of one is its N-Triples form), which needs no :mod:`json` (its import is a good part of
    the start of ``kg query --db``, see kg.fastpath); else :func:`to_json`."""
    import pyoxigraph as ox

    kinds = (ox.NamedNode, ox.BlankNode, ox.Literal)
    if not result.vars or not all(t is None or type(t) in kinds for row in result.rows for t in row):
        return to_json(result), ox.QueryResultsFormat.JSON
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n", ox.QueryResultsFormat.TSV


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    import json

    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=1) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row, strict=True) if t is not None}
                for row in result.rows]
    doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Any) -> dict[str, str]:
    kind, value, datatype, language = parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out
