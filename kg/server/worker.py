"""A query worker process: it holds its own copy of the dataset and answers one job at a time.

Started by :class:`kg.server.pool.QueryPool` as ``python -c WORKER_CODE JOBS_FD
ANSWERS_FD SERVER_PID`` (a fresh interpreter, not multiprocessing, so the caller's main
module is never imported again). It confines itself first (no network, killed
with its parent: :mod:`kg.server.sandbox`), then reads the dataset as N-Quads
bytes and the prefix map, loads them, reports ``("ready", counts)`` and
answers :class:`~kg.server.results.Job` objects with ``("ok", Answer)`` or
``("error", status, message)`` until its job pipe closes. After an
unexpected error it sends a 500 and exits, so the pool replaces it with a
fresh one. Jobs run in a thread with a large stack, so long chains of
patterns do not overflow the engine's stack.
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from typing import Any

from kg.errors import EndpointError

WORKER_CODE = ("import sys; from kg.server.worker import main; "
               "main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))")
#: Stack of the thread that runs the queries (bytes).
STACK_SIZE = 512 * 1024 * 1024
UNION_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def _counts(store: Any) -> tuple[int, int, int]:
    """Quads, named graphs, and distinct triples in the union of all graphs."""
    union = next(iter(store.query(UNION_TRIPLES, use_default_graph_as_union=True)))["n"]
    return len(store), sum(1 for _ in store.named_graphs()), int(union.value)


def _serve(jobs: Any, answers: Any) -> None:
    import pyoxigraph as ox

    from kg.server.results import answer

    store = ox.Store()
    try:
        data = jobs.recv_bytes()
        prefixes = jobs.recv()
        store.load(data, ox.RdfFormat.N_QUADS)
    except EOFError:
        return
    except (SyntaxError, OSError, ValueError) as exc:
        answers.send(("failed", str(exc)))
        return
    del data
    answers.send(("ready", _counts(store)))
    while True:
        try:
            job = jobs.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            reply: tuple = ("ok", answer(store, job, prefixes))
        except EndpointError as exc:
            reply = ("error", exc.status, str(exc))
        except Exception as exc:  # noqa: BLE001 (any failure of the engine: reported, then a fresh worker)
            answers.send(("error", HTTPStatus.INTERNAL_SERVER_ERROR,
                          f"the query failed inside the engine ({exc.__class__.__name__}: {exc}); "
                          "its worker was replaced"))
            return
        try:
            answers.send(reply)
        except BrokenPipeError:  # the server stopped while the query ran
            return


def main(jobs_fd: int, answers_fd: int, parent: int) -> None:
    """The worker's entry point (see the module docstring); ``parent`` is the server's process id."""
    import os
    from multiprocessing.connection import Connection

    from kg.server.sandbox import deny_network, die_with_parent

    if die_with_parent() and os.getppid() != parent:  # the server ended before the line above
        return
    deny_network()
    jobs, answers = Connection(jobs_fd, writable=False), Connection(answers_fd, readable=False)
    threading.stack_size(STACK_SIZE)
    thread = threading.Thread(target=_serve, args=(jobs, answers), name="kg-query")
    thread.start()
    thread.join()
