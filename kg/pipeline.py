"""The whole build: sources → spaCy Docs → records → one RDF graph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from rdflib import Graph

from kg.io import Source
from kg.lang import load
from kg.rdf.mapping import add_document, new_graph
from kg.records import DocumentRecord

#: Texts per nlp.pipe batch.
BATCH = 16


def extract_records(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                    on_done: Callable[[Source], None] | None = None) -> Iterator[DocumentRecord]:
    """Parse and extract every source, in order. ``publication_date`` applies to
    sources that carry no date of their own."""
    from kg.extract import extract  # imports spaCy
    from kg.nlp import get_model

    data = load(lang)
    nlp = get_model(lang)
    items = list(sources)
    docs = nlp.pipe((s.text for s in items), batch_size=BATCH)
    for source, doc in zip(items, docs):
        record = extract(doc, data, doc_id=source.doc_id, publication_date=source.date or publication_date,
                         title=source.title, source=source.url or source.origin)
        if on_done is not None:
            on_done(source)
        yield record


def build_graph(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                on_done: Callable[[Source], None] | None = None) -> Graph:
    """One graph holding every source's entities, events and provenance."""
    graph = new_graph()
    for record in extract_records(sources, lang=lang, publication_date=publication_date, on_done=on_done):
        add_document(graph, record)
    return graph


def build_text(text: str, *, doc_id: str = "text", publication_date: dt.date | None = None,
               lang: str = "fr") -> Graph:
    """Convenience: the graph of one text."""
    return build_graph([Source(doc_id, text, doc_id)], lang=lang, publication_date=publication_date)
