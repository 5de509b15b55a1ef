"""The query page at ``/``: YASGUI, vendored in ``static/yasgui/`` and served by kg itself, on this endpoint.

The page (``templates/yasgui.html``) loads YASGUI and kg's glue script
(``static/kg-page.js``) from this server only; its Content-Security-Policy
allows scripts, styles and requests to this origin and nothing else (no
inline script at all). Everything from outside the code (the named queries
of ``queries/`` with their parameters, the prefixes) reaches the page as
script-safe JSON in a data element, read through ``textContent``; the few
values written into the markup are escaped. The editor opens with the
prefixes kg, res, rdfs, skos, xsd and prov declared; each named query opens
in a tab of its own, its parameters explained beside the list.
"""

from __future__ import annotations

import html
import string
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from importlib.resources import files
from typing import Any

from kg.errors import EndpointError
from kg.web import script_json

#: Prefixes the editor declares (all of kg's QUERY_PREFIXES are predeclared on the server anyway).
PAGE_PREFIXES = ("kg", "res", "rdfs", "skos", "xsd", "prov")
FIRST_QUERY = "SELECT ?class (COUNT(?s) AS ?n)\nWHERE { ?s a ?class }\nGROUP BY ?class\nORDER BY DESC(?n)\n"
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
          "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".txt": "text/plain; charset=utf-8", "": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class Example:
    """A named query shown on the query page."""

    name: str
    title: str
    description: str
    text: str


def example_queries() -> list[Example]:
    """The named queries of ``queries/*.rq`` (see :mod:`kg.queries`), with a note on their parameters."""
    from kg.queries import list_queries

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


@cache
def static_files() -> dict[str, tuple[bytes, str]]:
    """``/static/…`` path → (content, media type), for every file shipped in ``kg/server/static``."""
    served: dict[str, tuple[bytes, str]] = {}
    stack = [("/static", files("kg.server").joinpath("static"))]
    while stack:
        prefix, folder = stack.pop()
        for entry in folder.iterdir():
            path = f"{prefix}/{entry.name}"
            if entry.is_dir():
                stack.append((path, entry))
            elif (kind := STATIC_TYPES.get("." + entry.name.rpartition(".")[2] if "." in entry.name else "")):
                served[path] = (entry.read_bytes(), kind)
    return served


def render_page(server: Any) -> bytes:
    """The query page; every value from outside the code is escaped or travels as script-safe JSON."""
    examples = server.examples
    options = "".join(f'<option value="{i}">{html.escape(e.title)}</option>' for i, e in enumerate(examples))
    prefixes = ", ".join(f"<code>{html.escape(p)}:</code>" for p in sorted(server.prefixes))
    config = {"prefixes": {p: server.prefixes[p] for p in PAGE_PREFIXES if p in server.prefixes},
              "query": FIRST_QUERY,
              "examples": [{"title": e.title, "description": e.description, "text": e.text} for e in examples]}
    summary = (f"{server.quads:,} quads in {server.graphs:,} named graphs and the default graph; "
               f"{server.triples:,} triples in their union, which is the default graph of queries.")
    page = _template("yasgui.html").substitute(
        summary=html.escape(summary), options=options, prefixes=prefixes or "none", config=script_json(config),
        timeout=f"{server.query_timeout:g}", max_rows=f"{server.max_rows:,}")
    return page.encode("utf-8")


class QueryPage:
    """What the server answers outside ``/sparql``: the page and its static files."""

    def __init__(self, server: Any):
        self.server = server
        self.examples = example_queries()

    def respond(self, handler: Any, url: Any) -> None:
        if url.path == "/":
            handler.send(HTTPStatus.OK, render_page(self.server), "text/html; charset=utf-8",
                         {"Content-Security-Policy": POLICY})
            return
        found = static_files().get(url.path)
        if found is None:
            raise EndpointError(f"no page at {url.path[:200]}; the endpoint is /sparql and the query page /",
                                HTTPStatus.NOT_FOUND)
        handler.send(HTTPStatus.OK, found[0], found[1], {"Content-Security-Policy": POLICY})
