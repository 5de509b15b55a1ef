"""Checks on SPARQL text before an engine sees it, and readable syntax errors.

* :func:`check_size` refuses queries too long, too deeply nested or with too
  many UNION / OPTIONAL / MINUS operators: both engines recurse on those and a
  big enough query overflows the stack (a segfault in Oxigraph).
* :func:`refuse_update` turns a SPARQL Update given where a query is expected
  into the one message :data:`READ_ONLY`.
* :func:`syntax_error` and :func:`oxigraph_syntax_error` turn parser errors into
  a :class:`~kg.errors.QueryError` with line and column.
"""

from __future__ import annotations

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.textscan import blank_skipped, count_keywords

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module
if TYPE_CHECKING:
    from typing import Any

#: Longest query text accepted (characters), deepest nesting of ``{}``/``()``/``[]``,
#: most UNION / OPTIONAL / MINUS operators.
MAX_QUERY_CHARS, MAX_DEPTH, MAX_OPERATORS = 1_000_000, 200, 2_000
READ_ONLY = "updates are not supported: kg query and kg serve are read-only"
_OPERATORS = frozenset({"UNION", "OPTIONAL", "MINUS"})


def code_of(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (a comment ends at LF or CR, as Oxigraph ends it)."""
    return blank_skipped(text)


def check_size(text: str) -> None:
    """QueryError when the query is too long, too deep or has too many operators."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text):,} characters long; kg runs queries of at most "
                         f"{MAX_QUERY_CHARS:,}")
    code = code_of(text)
    depth = deepest = 0
    for char in code:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise QueryError(f"the query nests groups or expressions {deepest} deep; kg runs queries nested at most "
                         f"{MAX_DEPTH} deep")
    operators = count_keywords(code, _OPERATORS)
    if operators > MAX_OPERATORS:
        raise QueryError(f"the query has {operators:,} UNION / OPTIONAL / MINUS operators; kg runs queries with at "
                         f"most {MAX_OPERATORS:,}")


def is_update(text: str) -> bool:
    """True when ``text`` parses as a SPARQL Update (it is never run)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 — anything that does not parse is not an update
        return False
    return True


def refuse_update(text: str) -> None:
    """QueryError :data:`READ_ONLY` when ``text`` is an update."""
    if is_update(text):
        raise QueryError(READ_ONLY)


def first_line(message: str, limit: int = 160) -> str:
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _locate_prefix(text: str, prefix: str) -> tuple[int, int]:
    """Line and column (1-based) of the first use of ``prefix:`` outside comments."""
    import re  # error path only: see kg.textscan

    pattern = re.compile(rf"(?<![\w<?$]){re.escape(prefix)}:")
    for n, line in enumerate(text.split("\n"), 1):
        code = line.split("#", 1)[0] if not line.lstrip().upper().startswith("PREFIX") else ""
        found = pattern.search(code)
        if found:
            return n, found.start() + 1
    return 1, 1


def rdflib_prepare(text: str) -> Any:
    """Parse ``text`` with rdflib; syntax errors → QueryError with line and column."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    check_size(text)
    try:
        return prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        refuse_update(text)
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: "
                         f"{first_line(exc.msg)} near {exc.line.strip()[:60]!r}") from None
    except RecursionError:
        raise QueryError(f"the query is nested too deeply for the rdflib engine; use --store oxigraph "
                         f"or a simpler query (at most {MAX_DEPTH} levels)") from None
    except Exception as exc:  # rdflib raises a bare Exception for an undeclared prefix
        import re

        match = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(exc))
        if match is None:
            raise
        line, col = _locate_prefix(text, match.group(1))
        raise QueryError(f"SPARQL syntax error at line {line}, column {col}: prefix {match.group(1)}: "
                         "is not declared; add a PREFIX line or use one of "
                         f"{', '.join(sorted(PREFIXES))}") from None


def oxigraph_syntax_error(text: str, message: str) -> QueryError:
    """The QueryError for an Oxigraph parse failure of ``text``."""
    import re  # error path only: see kg.textscan

    refuse_update(text)
    match = re.match(r"error at (\d+):(\d+):\s*(.*)", message.strip(), re.S)
    if match is None:
        return QueryError(f"SPARQL syntax error: {first_line(message)}")
    line, col, what = match.groups()
    if "Prefix not found" in what:
        what = f"a prefix is not declared; add a PREFIX line or use one of {', '.join(sorted(PREFIXES))}"
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {first_line(what)}")
