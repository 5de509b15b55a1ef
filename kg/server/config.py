"""The endpoint's defaults and limits, in one place (documented in ``kg serve --help`` and the README)."""

from __future__ import annotations

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds a query may take, parsing and checking included, before it is stopped (503).
DEFAULT_TIMEOUT = 10.0
#: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) returned at most.
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 2
#: Largest request body accepted (bytes); a larger one gets 413 before it is read.
MAX_BODY = 256 * 1024
#: Longest request line or header line (bytes; the standard library's bound, answered with 414 or 431) and
#: most header lines; a longer GET query goes in a POST body.
MAX_LINE = 65_536
MAX_HEADERS = 100
#: Seconds a client may take to send one whole request (request line, headers, body); an idle keep-alive
#: connection is closed after as long.
REQUEST_TIMEOUT = 20.0
#: Seconds a client may take to read an answer.
WRITE_TIMEOUT = 60.0
#: Connections waiting to be accepted (the kernel caps it at ``net.core.somaxconn``).
BACKLOG = 1024
#: Parse-tree parts a query may have (the largest named query has about 200); more gets 400, so no query can
#: exhaust the engine's stack.
MAX_PARTS = 10_000
#: Opening braces a query may hold, counted before parsing (which takes seconds for thousands of groups).
MAX_GROUPS = 4_000
#: Seconds a worker may take to load the graph.
LOAD_TIMEOUT = 600.0
