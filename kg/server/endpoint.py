"""Putting an endpoint together: data → worker pool → listening server (:func:`make_server`)."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.errors import EndpointError
from kg.server.config import (
    DEFAULT_HOST,
    DEFAULT_MAX_ROWS,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    REQUEST_TIMEOUT,
)
from kg.server.http import SparqlServer
from kg.server.pool import QueryPool


def make_server(data: Any, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                workers: int = DEFAULT_WORKERS, quiet: bool = False,
                request_timeout: float = REQUEST_TIMEOUT) -> SparqlServer:
    """A ready endpoint, bound but not yet serving (call ``serve_forever``).

    ``data`` is an rdflib ``Graph`` or ``Dataset``, or a list of graph file
    paths (read with pyoxigraph, named graphs kept). ``port=0`` picks a free
    port. Raises :class:`EndpointError` when the address cannot be bound or an
    option is out of range, InputError or FormatError for a file that cannot
    be read.
    """
    if timeout <= 0 or max_rows < 1 or workers < 1 or request_timeout <= 0:
        raise EndpointError("--timeout must be above 0, --max-rows and --workers at least 1")
    from kg.server.dataset import from_graph, read_files
    from kg.store import QUERY_PREFIXES

    prefixes = dict(QUERY_PREFIXES)
    is_paths = isinstance(data, Sequence) and not isinstance(data, str | bytes)
    nquads = read_files([Path(p) for p in data]) if is_paths else from_graph(data)
    pool = QueryPool(nquads, prefixes, workers)
    del nquads
    try:
        counts = pool.wait_ready()
        server = SparqlServer((host, port), pool, timeout=timeout, max_rows=max_rows, prefixes=prefixes,
                              counts=counts, quiet=quiet, request_timeout=request_timeout)
    except OSError as exc:
        pool.close()
        if exc.errno == errno.EADDRINUSE:
            raise EndpointError(f"{host}:{port} is already in use; choose another --port") from None
        raise EndpointError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    except BaseException:
        pool.close()
        raise
    return server
