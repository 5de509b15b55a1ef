"""An interrupted build (Ctrl-C or SIGTERM while extracting) exits non-zero with
one clean line and leaves the previous output byte for byte as it was."""

from __future__ import annotations

import importlib.util
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.lang import MODELS

from .conftest import SEED, TIMEOUT, Run, assert_refused, kg_command, kg_env

pytestmark = [pytest.mark.model, pytest.mark.slow]

PREVIOUS = b"# the previous graph, which an interrupted build must not touch\n"
#: Copies of the seed article: far more work than the few seconds before the signal.
COPIES = 300


def _model_bytes() -> int:
    """Size of the spaCy model's files: a process has read at least this much once it has loaded it."""
    spec = importlib.util.find_spec(MODELS["fr"])
    assert spec is not None and spec.submodule_search_locations, f"{MODELS['fr']} is not installed"
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _bytes_read(pid: int) -> int:
    """``rchar`` of /proc/PID/io: bytes the process has read so far."""
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError(f"/proc/{pid}/io has no rchar line")


def _wait_until_model_loaded(proc: subprocess.Popen[bytes], threshold: int) -> None:
    """Return once ``proc`` has read the model's files and had time to start extracting."""
    start = time.monotonic()
    while _bytes_read(proc.pid) < threshold:
        assert proc.poll() is None, "kg ended before loading the model: " + proc.stderr.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() - start < TIMEOUT, "kg did not load the model in time"
        time.sleep(0.05)
    # The last files are read, the pipeline is built, extraction starts: about a second here;
    # a slower machine gets proportionally longer.
    time.sleep(max(1.5, 0.5 * (time.monotonic() - start)))


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many") / "wires"
    folder.mkdir()
    text = SEED.read_bytes()
    for n in range(COPIES):
        (folder / f"article-{n:03d}.txt").write_bytes(text)
    return folder


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/PID/io to see the model load")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_keeps_previous_output(tmp_path: Path, articles: Path, sig: signal.Signals) -> None:
    output = tmp_path / "graph.ttl"
    output.write_bytes(PREVIOUS)
    proc = subprocess.Popen(kg_command("build", articles, "-o", output), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=kg_env())
    try:
        _wait_until_model_loaded(proc, _model_bytes())
        assert proc.poll() is None, "the build finished before it could be interrupted; raise COPIES"
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    run = Run(("build", str(articles), "-o", str(output)), proc.returncode,
              stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))
    assert_refused(run, f"interrupted by {sig.name}", "previous output")
    assert run.code == 128 + sig
    assert output.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"], "a temporary file was left behind"
