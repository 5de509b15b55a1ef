"""Extraction on Dask: batches of sources go to workers, records come back.

Records are plain picklable dataclasses, so a worker parses and extracts a
batch with its own copy of the spaCy model (loaded once per worker process) and
sends back only records; the client maps them to RDF. ``scheduler=None`` starts
a ``LocalCluster`` of ``workers`` processes on this machine; an address
(``tcp://host:8786``) uses an existing cluster, whose workers need kg installed.

At most a few batches per worker are in flight at a time, so memory stays
bounded on large corpora, and records are yielded in input order, so the output
does not depend on which worker finished first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kg.errors import DistributedError
from kg.parsing import extract_records
from kg.records import DocumentRecord
from kg.sources import Source

if TYPE_CHECKING:
    from dask.distributed import Client

#: Sources per task: large enough for nlp.pipe batching, small enough to spread.
TASK_BATCH = 16
#: Tasks in flight per worker thread.
IN_FLIGHT = 2
#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 10.0


def extract_batch(batch: list[Source], lang: str, publication_date: dt.date | None) -> list[DocumentRecord]:
    """Runs on a worker: the records of one batch of sources."""
    return list(extract_records(batch, lang=lang, publication_date=publication_date))


@contextmanager
def _client(scheduler: str | None, workers: int, timeout: float) -> Iterator[Client]:
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, ValueError) as exc:
            raise DistributedError(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
                                   "'dask scheduler' and workers with 'dask worker ADDRESS', or leave out "
                                   "--scheduler") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=timeout)
            except TimeoutError:
                raise DistributedError(f"the Dask scheduler at {scheduler!r} has no worker; start some with "
                                       f"'dask worker {scheduler}'") from None
            yield client
        return
    with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client


def _batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for source in sources:
        batch.append(source)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_records_dask(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                       scheduler: str | None = None, workers: int = 2,
                       on_done: Callable[[Source], None] | None = None, batch: int = TASK_BATCH,
                       timeout: float = CONNECT_TIMEOUT) -> Iterator[DocumentRecord]:
    """Records of every source, extracted on Dask workers, yielded in input order."""
    from distributed import KilledWorker

    with _client(scheduler, workers, timeout) as client:
        slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT
        window: deque = deque()

        def collect() -> Iterator[DocumentRecord]:
            future, items = window.popleft()
            try:
                done = future.result()
            except KilledWorker as exc:
                raise DistributedError(f"a Dask worker died while extracting {items[0].origin}… ({exc}); "
                                       "it may have run out of memory") from None
            for source, record in zip(items, done, strict=True):
                if on_done is not None:
                    on_done(source)
                yield record

        for items in _batches(sources, batch):
            window.append((client.submit(extract_batch, items, lang, publication_date, pure=False), items))
            if len(window) >= slots:
                yield from collect()
        while window:
            yield from collect()
