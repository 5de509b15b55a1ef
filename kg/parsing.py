"""Parsing and extraction in this process: sources → spaCy Docs → records.

The one place that runs the model over texts; :mod:`kg.pipeline` calls it
directly, and :mod:`kg.distributed` calls it on each Dask worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from kg.lang import load
from kg.records import DocumentRecord
from kg.sources import Source

#: Texts per nlp.pipe batch.
BATCH = 16


def extract_records(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                    on_done: Callable[[Source], None] | None = None) -> Iterator[DocumentRecord]:
    """Parse and extract every source, in order, in this process.
    ``publication_date`` applies to sources that carry no date of their own."""
    from kg.extraction import extract  # imports spaCy
    from kg.nlp import get_model

    data = load(lang)
    nlp = get_model(lang)
    items = list(sources)
    docs = nlp.pipe((s.text for s in items), batch_size=BATCH)
    for source, doc in zip(items, docs, strict=True):
        record = extract(doc, data, doc_id=source.doc_id, publication_date=source.date or publication_date,
                         title=source.title, source=source.url or source.origin)
        if on_done is not None:
            on_done(source)
        yield record
