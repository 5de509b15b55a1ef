"""kg.files: atomic writes through symlinks, stale temporaries, locks, outputs equal to inputs (issue 14)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import InputError, LockError, OutputError
from kg.files import clean_stale_temporaries, exclusive_lock, refuse_overwriting_inputs, write_atomic


def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.ttl"
    real.write_bytes(b"old")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporaries_of_a_killed_writer_are_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "g.ttl"
    stale = tmp_path / f".g.ttl.{_dead_pid()}.abc123.tmp"
    stale.write_bytes(b"partial")
    mine = tmp_path / f".g.ttl.{os.getpid()}.live.tmp"  # a live writer's file stays
    mine.write_bytes(b"in progress")
    write_atomic(target, b"done")
    assert not stale.exists() and mine.exists() and target.read_bytes() == b"done"
    assert clean_stale_temporaries(target) == []


def test_writing_to_standard_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    write_atomic("-", b"<a> <b> <c> .\n")
    assert capfdbinary.readouterr().out == b"<a> <b> <c> .\n"


def test_an_output_equal_to_an_input_is_refused(tmp_path: Path) -> None:
    graph = tmp_path / "a.ttl"
    graph.write_text("x", encoding="utf-8")
    link = tmp_path / "b.ttl"
    link.symlink_to(graph)
    with pytest.raises(OutputError, match="is also an input"):
        refuse_overwriting_inputs([str(graph)], graph)
    with pytest.raises(OutputError, match="is also an input"):
        refuse_overwriting_inputs([str(graph)], link)
    with pytest.raises(InputError, match="dataset being updated"):
        refuse_overwriting_inputs([str(graph)], tmp_path / "other.trig", update=graph)
    refuse_overwriting_inputs([str(graph), "-"], tmp_path / "new.ttl")


def _hold(path: str, ready: multiprocessing.synchronize.Event, release: multiprocessing.synchronize.Event) -> None:
    with exclusive_lock(path):
        ready.set()
        release.wait(30)


def test_the_dataset_lock_is_exclusive_between_processes(tmp_path: Path) -> None:
    dataset = tmp_path / "c.trig"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(dataset), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(LockError, match="another kg process is updating"):
            with exclusive_lock(dataset, wait=False):
                pass
    finally:
        release.set()
        holder.join(30)
    deadline = time.monotonic() + 30
    while True:  # released: the lock can be taken again
        try:
            with exclusive_lock(dataset, wait=False):
                break
        except LockError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
