"""The whole build: sources → spaCy Docs → records → RDF.

:func:`build_graph` merges every document into one graph; :func:`build_corpus`,
:func:`update_corpus` and :func:`build_dataset` keep one named graph per
document (see :mod:`kg.corpus`). Extraction runs in this process, or on Dask
workers when ``workers > 1`` or a ``scheduler`` address is given (see
:mod:`kg.distributed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from rdflib import Dataset, Graph

from kg import corpus
from kg.identity import corpus_labels
from kg.parsing import extract_records
from kg.rdf.mapping import add_document, new_graph
from kg.records import DocumentRecord
from kg.sources import Source


def records(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
            on_done: Callable[[Source], None] | None = None, workers: int = 1,
            scheduler: str | None = None) -> Iterator[DocumentRecord]:
    """Records of every source, in order: here, or on Dask when ``workers > 1``
    (a local cluster of that many processes) or ``scheduler`` names a cluster."""
    if scheduler is None and workers <= 1:
        return extract_records(sources, lang=lang, publication_date=publication_date, on_done=on_done)
    from kg.distributed import build_records_dask

    return build_records_dask(sources, lang=lang, publication_date=publication_date, on_done=on_done,
                              scheduler=scheduler, workers=workers)


def build_graph(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                on_done: Callable[[Source], None] | None = None, workers: int = 1,
                scheduler: str | None = None) -> Graph:
    """One graph holding every source's entities, events and provenance."""
    graph = new_graph()
    done = list(records(sources, lang=lang, publication_date=publication_date, on_done=on_done,
                        workers=workers, scheduler=scheduler))
    labels = corpus_labels(done, lang)  # one node per person and organisation across the documents
    for record in done:
        add_document(graph, record, labels.get(record.doc_id))
    return graph


def update_corpus(target: corpus.Corpus, sources: Iterable[Source], *, lang: str = "fr",
                  publication_date: dt.date | None = None, on_done: Callable[[Source], None] | None = None,
                  workers: int = 1, scheduler: str | None = None, started: dt.datetime | None = None,
                  on_plan: Callable[[corpus.Plan], None] | None = None) -> corpus.Plan:
    """Add ``sources`` to ``target`` incrementally (see :func:`kg.corpus.update`):
    only new and changed documents are parsed; ``on_done`` sees those only."""

    def extract(todo: list[Source]) -> Iterator[DocumentRecord]:
        return records(todo, lang=lang, publication_date=publication_date, on_done=on_done,
                       workers=workers, scheduler=scheduler)

    return corpus.update(target, sources, extract, lang=lang, publication_date=publication_date, started=started,
                         on_plan=on_plan)


def build_corpus(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                 on_done: Callable[[Source], None] | None = None, workers: int = 1,
                 scheduler: str | None = None, started: dt.datetime | None = None) -> corpus.Corpus:
    """One named graph per source, documents and provenance in the default graph
    (see :mod:`kg.corpus`); write it with :func:`kg.corpus.write`."""
    built = corpus.Corpus()
    update_corpus(built, sources, lang=lang, publication_date=publication_date, on_done=on_done,
                  workers=workers, scheduler=scheduler, started=started)
    return built


def build_dataset(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                  on_done: Callable[[Source], None] | None = None, workers: int = 1,
                  scheduler: str | None = None, started: dt.datetime | None = None) -> Dataset:
    """:func:`build_corpus` as an rdflib Dataset: named graph ``res:graph/<doc_id>``
    per source, documents' metadata and PROV-O provenance in the default graph."""
    return corpus.to_dataset(build_corpus(sources, lang=lang, publication_date=publication_date, on_done=on_done,
                                          workers=workers, scheduler=scheduler, started=started))


def build_text(text: str, *, doc_id: str = "text", publication_date: dt.date | None = None,
               lang: str = "fr") -> Graph:
    """Convenience: the graph of one text."""
    return build_graph([Source(doc_id, text, doc_id)], lang=lang, publication_date=publication_date)
