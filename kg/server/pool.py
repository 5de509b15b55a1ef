"""The worker pool: processes that each hold a copy of the dataset and run one query at a time.

A query past its time limit (parsing and checking included, as they run in
the worker) is stopped by killing its worker, which a fresh one replaces, so a
runaway query never keeps a core busy. So does any worker that dies or
reports an engine failure. Workers are started from one long-lived thread of
the pool, so the kernel's "kill with the parent" setting of each worker
(which follows the thread that started it) lasts as long as the pool.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import EndpointError
from kg.server.config import DEFAULT_WORKERS, LOAD_TIMEOUT
from kg.server.results import Answer, Job
from kg.server.worker import WORKER_CODE

Counts = tuple[int, int, int]


def _worker_env() -> dict[str, str]:
    """The environment of a worker: this one, with the folder holding ``kg`` first on the import path."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class _Worker:
    """One worker process and the two pipes to it."""

    def __init__(self, data: bytes, prefixes: dict[str, str]):
        jobs_in, jobs_out = os.pipe()
        answers_in, answers_out = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", WORKER_CODE, str(jobs_in), str(answers_out), str(os.getpid())],
                pass_fds=(jobs_in, answers_out), stdin=subprocess.DEVNULL, env=_worker_env())
        finally:
            os.close(jobs_in)
            os.close(answers_out)
        self.jobs = Connection(jobs_out, readable=False)
        self.answers = Connection(answers_in, writable=False)
        self.counts: Counts | None = None
        try:
            self.jobs.send_bytes(data)
            self.jobs.send(prefixes)
        except OSError as exc:
            self.stop()
            raise EndpointError(f"the query worker did not start ({exc.strerror or exc})",
                                HTTPStatus.INTERNAL_SERVER_ERROR) from None

    def wait_ready(self, timeout: float) -> Counts:
        """Wait until the dataset is loaded; its (quads, named graphs, triples in the union)."""
        if self.counts is None:
            try:
                if not self.answers.poll(timeout):
                    raise EndpointError(f"the query worker did not load the data within {timeout:g} s",
                                        HTTPStatus.SERVICE_UNAVAILABLE)
                status, value = self.answers.recv()
            except EOFError:
                status, value = "failed", f"it exited with code {self.process.wait()}"
            if status != "ready":
                raise EndpointError(f"the query worker cannot load the data: {value}",
                                    HTTPStatus.INTERNAL_SERVER_ERROR)
            self.counts = tuple(value)
        return self.counts

    def ask(self, job: Job, timeout: float) -> tuple:
        """Send a job and wait for its reply; TimeoutError past ``timeout``, EOFError if the worker died."""
        self.jobs.send(job)
        if not self.answers.poll(timeout):
            raise TimeoutError
        return self.answers.recv()

    def stop(self) -> None:
        """Kill the process (a query cannot be interrupted otherwise), reap it and close the pipes."""
        self.process.kill()
        self.process.wait()
        self.jobs.close()
        self.answers.close()


class QueryPool:
    """``size`` workers over the same N-Quads ``data``; :meth:`run` hands a job to a free one."""

    def __init__(self, data: bytes, prefixes: dict[str, str], size: int = DEFAULT_WORKERS):
        self._data, self._prefixes, self.size = data, prefixes, size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="kg-worker-spawner")
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = self._spawner.submit(_Worker, self._data, self._prefixes).result()
        with self._lock:
            closed = self._closed
            if not closed:
                self._workers.add(worker)
        if closed:  # close() ran while this one started
            worker.stop()
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        if not closed:
            self._idle.put(self._start())

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers."""
        with self._lock:
            return sorted(w.process.pid for w in self._workers)

    def wait_ready(self, timeout: float = LOAD_TIMEOUT) -> Counts:
        """Wait until every worker has loaded the data; its counts."""
        with self._lock:
            workers = list(self._workers)
        return min(w.wait_ready(timeout) for w in workers)

    def run(self, job: Job, timeout: float) -> Answer:
        """Run ``job`` in a free worker; raises EndpointError (503 past ``timeout``, 400 for a bad query...)."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EndpointError(f"all {self.size} query workers stayed busy for {timeout:g} s; try again later",
                                HTTPStatus.SERVICE_UNAVAILABLE) from None
        try:
            worker.wait_ready(LOAD_TIMEOUT)
            reply = worker.ask(job, timeout)
        except TimeoutError:
            self._replace(worker)
            raise EndpointError(f"the query was stopped at the time limit of {timeout:g} s; "
                                "narrow it (LIMIT, more specific patterns)", HTTPStatus.SERVICE_UNAVAILABLE) from None
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise EndpointError(f"the query worker stopped unexpectedly ({exc.__class__.__name__}); it was "
                                "replaced, try again", HTTPStatus.INTERNAL_SERVER_ERROR) from None
        except BaseException:
            self._replace(worker)
            raise
        if reply[0] == "error" and reply[1] >= HTTPStatus.INTERNAL_SERVER_ERROR:
            self._replace(worker)  # it exits after an engine failure
        else:
            self._idle.put(worker)
        if reply[0] == "error":
            raise EndpointError(reply[2], reply[1])
        return reply[1]

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()
        self._spawner.shutdown(wait=False)
