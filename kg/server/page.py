"""The query page at ``/``: the named queries of ``queries/`` as examples, in a template of this package.

Everything from outside the code reaches the page escaped (titles) or as
script-safe JSON read through ``textContent`` (query texts, descriptions).
The page carries a Content-Security-Policy: scripts and styles only with the
page's nonce, requests only to this server.
"""

from __future__ import annotations

import html
import secrets
import string
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from importlib.resources import files
from typing import Any

from kg.errors import EndpointError
from kg.web import script_json


@dataclass(frozen=True)
class Example:
    """A named query shown on the query page."""

    name: str
    title: str
    description: str
    text: str


def example_queries() -> list[Example]:
    """The named queries of ``queries/*.rq`` (see :mod:`kg.query`), with a note on their parameters."""
    from kg.query import list_queries

    examples = []
    for query in list_queries():
        description = query.description
        if query.params:
            params = "; ".join(p.describe() for p in query.params)
            description += (f" Parameters: {params}. Here they are unbound; give a value with e.g. "
                            f'VALUES ?{query.params[0].name} {{ "…" }} inside WHERE.')
        examples.append(Example(query.name, query.title or query.name, description.strip(), query.text))
    return examples


@cache
def _template(name: str) -> string.Template:
    return string.Template(files("kg.server").joinpath("templates", name).read_text(encoding="utf-8"))


def render_page(server: Any, nonce: str) -> bytes:
    """The query page; every value from outside the code is escaped."""
    examples = server.examples
    options = "".join(f'<option value="{i}">{html.escape(e.title)}</option>' for i, e in enumerate(examples))
    prefixes = ", ".join(f"<code>{html.escape(p)}:</code>" for p in sorted(server.prefixes))
    page = _template("query.html").substitute(
        nonce=nonce, options=options, prefixes=prefixes or "none",
        examples=script_json([{"text": e.text, "description": e.description} for e in examples]),
        triples=f"{server.triples:,}", endpoint=html.escape(server.url + "sparql"),
        timeout=f"{server.query_timeout:g}", max_rows=f"{server.max_rows:,}")
    return page.encode("utf-8")


class QueryPage:
    """What the server answers outside ``/sparql``."""

    def __init__(self, server: Any):
        self.server = server
        self.examples = example_queries()

    def respond(self, handler: Any, url: Any) -> None:
        if url.path != "/":
            raise EndpointError(f"no page at {url.path}; the endpoint is /sparql and the query page /",
                                HTTPStatus.NOT_FOUND)
        nonce = secrets.token_urlsafe(16)
        policy = (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        handler.send(HTTPStatus.OK, render_page(self.server, nonce), "text/html; charset=utf-8",
                     {"Content-Security-Policy": policy})
