"""The query guard: what a request's query text is, read by a SPARQL parser, never by looking at the text.

It runs in the worker processes (one thread each: rdflib's pyparsing grammar is
not thread-safe) inside the query's time limit. The text is first given the
line ends the engine sees: the SPARQL grammar ends a ``#`` comment at CR as at
LF, while rdflib's parser ends it at LF only, so a ``SERVICE`` written after
``# note\\r`` would be a comment to the guard and code to the engine. Every
CR (and CRLF) becomes LF in the text that is both checked and run; only a CR
inside a long ``\"\"\"...\"\"\"`` literal reads differently (as LF). Then the
parse tree, with ``\\u`` escapes expanded by the parser, must hold no
``SERVICE`` and be a query (an update, ``LOAD`` included, is refused), and it
must not be larger than :data:`~kg.server.config.MAX_PARTS` parts (nor hold more
than :data:`~kg.server.config.MAX_GROUPS` braces, counted before parsing).

The worker process is also unable to open a network socket (see
:mod:`kg.server.sandbox`), so a future hole in this check still sends nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from kg.errors import EndpointError
from kg.server.config import MAX_GROUPS, MAX_PARTS

UPDATE_REFUSED = "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR...) are refused"
SERVICE_REFUSED = ("SERVICE is refused: this endpoint does not call other endpoints; "
                   "query them directly or load their data with kg")
TOO_DEEP = "the query is nested too deeply to be read; flatten its groups and parentheses"
QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
               "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class Checked:
    """A query that passed the guard: the text to run, its form, whether it names its own dataset, and the
    LIMIT of its outermost query (None without one)."""

    text: str
    form: str
    has_dataset: bool
    limit: int | None = None


def engine_text(text: str) -> str:
    """``text`` with the line ends both parsers agree on (CRLF and CR → LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _nodes(tree: Any) -> Iterator[Any]:
    """Every parse-tree node (rdflib ``CompValue``) under ``tree``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        value = stack.pop()
        if isinstance(value, CompValue):
            yield value
            stack.extend(dict.values(value))
        elif isinstance(value, (ParseResults, list, tuple)):
            stack.extend(value)


def _is_update(text: str) -> bool:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except (ParseException, RecursionError, ValueError):
        return False
    return True


@functools.lru_cache(maxsize=512)
def check(query: str) -> Checked:
    """The checked form of ``query``; raises :class:`EndpointError` (403 for an update, 400 otherwise).

    >>> check("SELECT * WHERE { ?s ?p ?o }").form
    'SELECT'
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    text = engine_text(query)
    if text.count("{") > MAX_GROUPS:
        raise EndpointError(f"the query is too large: more than {MAX_GROUPS:,} groups {{…}}; split it or use VALUES")
    try:
        tree = parseQuery(text)
    except ParseException as exc:
        if _is_update(text):
            raise EndpointError(UPDATE_REFUSED, HTTPStatus.FORBIDDEN) from None
        raise EndpointError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None
    except RecursionError:
        raise EndpointError(TOO_DEEP) from None
    except ValueError as exc:  # e.g. a \u escape naming no character
        raise EndpointError(f"SPARQL syntax error: {exc}") from None
    names = []
    for node in _nodes(tree):
        names.append(node.name)
        if len(names) > MAX_PARTS:
            raise EndpointError(f"the query is too large: more than {MAX_PARTS:,} parts; split it or use VALUES")
    if "ServiceGraphPattern" in names:
        raise EndpointError(SERVICE_REFUSED)
    forms = [QUERY_FORMS[name] for name in names if name in QUERY_FORMS]
    if len(forms) != 1:  # a subquery is a SubSelect, so a query has exactly one form
        raise EndpointError("not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return Checked(text, forms[0], "DatasetClause" in names, _limit(tree))


def _limit(tree: Any) -> int | None:
    """The outermost query's LIMIT."""
    from rdflib.plugins.sparql.parserutils import CompValue

    clauses = dict.get(tree[-1], "limitoffset")
    limit = dict.get(clauses, "limit") if isinstance(clauses, CompValue) else None
    return None if limit is None else int(limit)


def check_query(text: str) -> str:
    """The form of a read-only query: SELECT, ASK, CONSTRUCT or DESCRIBE (see :func:`check`)."""
    return check(text).form
