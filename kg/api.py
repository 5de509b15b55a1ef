"""kg from Python: build, extract, query and view knowledge graphs.

Four functions, each taking and returning plain Python or rdflib objects; the
``kg`` command line is a thin layer over them. The spaCy model is loaded on
the first call that needs it and then kept for the rest of the process.

>>> import kg
>>> g = kg.build("Le 3 mars 2025, Emmanuel Macron a rencontré Olaf Scholz à Berlin.")
>>> len(g) > 0
True
>>> rows = kg.query(g, "events-by-type", type="Meeting")
>>> [str(r["type"]).rsplit("#")[-1] for r in rows]
['Meeting']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.term import Node

    from kg.records import DocumentRecord
    from kg.views import ViewPage

__all__ = ["build", "extract", "query", "view"]

#: Document id of a text given alone.
DEFAULT_ID = "text"


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from kg.sources import parse_date

    return parse_date(str(value), "date")


def _sources(texts: Iterable[str], ids: Iterable[str] | None) -> list[Any]:
    from kg.sources import Source, checked_text

    texts = list(texts)
    names = [str(i) for i in ids] if ids is not None else [f"doc{n}" for n in range(1, len(texts) + 1)]
    if len(names) != len(texts):
        raise InputError(f"ids: {len(names)} given for {len(texts)} texts; give one id per text, or none")
    if len(set(names)) != len(names):
        raise InputError("ids: every document needs its own id; some are given twice")
    for name, text in zip(names, texts, strict=True):
        if not isinstance(text, str):
            raise InputError(f"{name}: expected a str, got {type(text).__name__}")
        checked_text(text, name)
    return [Source(name, text, name) for name, text in zip(names, texts, strict=True)]


def build(texts: str | Iterable[str], *, date: str | dt.date | None = None, lang: str = "fr",
          ids: Iterable[str] | None = None) -> Graph | Dataset:
    """The knowledge graph of news text.

    ``texts`` is one text (a ``str``) or several. One text gives an rdflib
    ``Graph``; several give a ``Dataset`` with one named graph per document
    (``res:graph/<id>``, ids from ``ids`` or ``doc1``, ``doc2``…) and the
    documents' metadata in the default graph. ``date`` (``YYYY-MM-DD`` or a
    ``datetime.date``) is the publication date: it anchors « mardi »,
    « hier » and dates without a year.

    >>> from kg.namespace import KG, RES
    >>> g = build("Mardi, Ottawa a signé un accord avec le Japon.", date="2025-03-06")
    >>> sorted({str(o) for o in g.objects(None, KG.date)})
    ['2025-03-04']
    >>> ds = build(["Le Japon a signé un accord avec le Canada.", "Le Brésil a envoyé 300 soldats en Haïti."])
    >>> sorted(str(c.identifier).rsplit("/", 1)[-1] for c in ds.graphs() if str(c.identifier).startswith(RES))
    ['doc1', 'doc2']
    """
    from kg import pipeline

    publication = _date(date)
    if isinstance(texts, str):
        names = list(ids) if ids is not None else [DEFAULT_ID]
        return pipeline.build_graph(_sources([texts], names), lang=lang, publication_date=publication)
    return pipeline.build_dataset(_sources(texts, ids), lang=lang, publication_date=publication)


def extract(text: str, *, date: str | dt.date | None = None, lang: str = "fr",
            doc_id: str = DEFAULT_ID) -> DocumentRecord:
    """The extraction records of one text: entities, events with their roles,
    dates, quantities and modality, relations, each with the span it came from.
    Plain dataclasses (:mod:`kg.records`), before any RDF.

    >>> doc = extract("Selon l'AFP, l'Inde aurait envoyé environ 2 000 soldats au Népal.")
    >>> [(e.type, e.modality, e.quantity.value, e.quantity.approximate) for e in doc.events]
    [('Deployment', 'Reported', 2000.0, True)]
    """
    from kg.parsing import extract_records

    [source] = _sources([text], [doc_id])
    return next(iter(extract_records([source], lang=lang, publication_date=_date(date))))


def query(graph: Graph, name_or_sparql: str, /, **params: object) -> list[dict[str, Node | None]] | bool:
    """Run a named query (see ``kg queries``), a ``.rq`` file or SPARQL text on
    ``graph``, with ``params`` bound as the query's parameters (never pasted
    into its text). SELECT gives one dict per row (variable → rdflib term, or
    ``None`` where unbound); ASK gives a bool; CONSTRUCT and DESCRIBE give
    ``subject``/``predicate``/``object`` rows.

    >>> g = build("Le Japon a signé un accord avec le Canada.")
    >>> query(g, "ASK { ?e a kg:Agreement }")
    True
    """
    from kg.queries import bind, load_query
    from kg.store import RdflibStore

    parsed = load_query(name_or_sparql)
    result = RdflibStore(graph).query(parsed.text, bind(parsed, _strings(params)))
    if result.boolean is not None:
        return result.boolean
    return [dict(zip(result.vars, row, strict=True)) for row in result.rows]


def _strings(params: Mapping[str, object]) -> dict[str, str]:
    return {name: value.isoformat() if isinstance(value, dt.date) else str(value) for name, value in params.items()}


def view(graph: Graph, path: str | Path | None = None, **options: Any) -> ViewPage:
    """The interactive HTML view of ``graph``: a :class:`kg.views.ViewPage` that
    Jupyter shows inline (``_repr_html_``: the page in a sandboxed iframe),
    whose ``html`` is the whole page; with ``path`` the page is also written
    there. ``options`` are those of ``kg view``: ``focus``, ``depth``,
    ``types``, ``max_nodes``, ``engine`` (``"vis"`` or ``"sigma"``; chosen by
    size when left out) and ``title``.

    >>> page = view(build("Le Japon a signé un accord avec le Canada."))
    >>> page.html.startswith("<!DOCTYPE html>"), page.engine
    (True, 'vis')
    """
    from kg.views import render

    page = render(graph, **options)
    if path is not None:
        page.save(path)
    return page
