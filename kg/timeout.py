"""A query engine's work stopped after ``--timeout`` seconds (both stores of :mod:`kg.store`)."""

from __future__ import annotations

from kg.errors import QueryTimeoutError

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module
if TYPE_CHECKING:
    from typing import Any


def with_timeout(work: Any, timeout: float | None) -> Any:
    """``work()`` in a daemon thread, QueryTimeoutError after ``timeout`` seconds
    (the engines release the GIL, so the answer is waited for, not polled)."""
    if timeout is None:
        return work()
    import threading

    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 — handed to the waiting thread
            box["error"] = exc

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(f"the query ran past --timeout {timeout:g} s and was stopped; narrow it "
                                "(a LIMIT, more specific patterns) or raise --timeout")
    if "error" in box:
        raise box["error"]
    return box["value"]
