"""Same input, same bytes: two builds in separate processes (different hash
seeds, different output folders) write byte-identical Turtle, N-Triples,
JSON-LD and TriG; each output is also a valid graph that round-trips."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, SEED, TIMEOUT, Run, assert_built, kg_command, kg_env

EXTENSIONS = (".ttl", ".nt", ".jsonld", ".trig")
HOSTILE = ('Le 4 mai, « Jean "le Fort" O\'Brien » a rencontré <Marie> Dupont#2 à Paris. '
           "Selon l'AFP, Zoë Ñúñez 🚀 a envoyé environ 300 soldats à São Paulo.")


@dataclass(frozen=True)
class Pair:
    """Two builds of the same input into the same format."""

    first: Run
    first_output: Path
    second: Run
    second_output: Path


def _start(inputs: list[Path], output: Path, hash_seed: str) -> subprocess.Popen[bytes]:
    output.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(kg_command("build", *inputs, "-o", output, "--date", "2024-12-27"),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=kg_env(PYTHONHASHSEED=hash_seed))


def _finish(proc: subprocess.Popen[bytes], output: Path) -> Run:
    stdout, stderr = proc.communicate(timeout=TIMEOUT)
    return Run(("build", "-o", str(output)), proc.returncode, stdout.decode("utf-8", "replace"),
               stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pair]:
    """Per extension, two builds run side by side (one per core)."""
    root = tmp_path_factory.mktemp("determinism")
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    inputs = [SEED, hostile]
    out: dict[str, Pair] = {}
    for ext in EXTENSIONS:
        a, b = root / "a" / f"graph{ext}", root / "b" / f"graph{ext}"
        procs = (_start(inputs, a, "1"), _start(inputs, b, "2"))
        out[ext] = Pair(_finish(procs[0], a), a, _finish(procs[1], b), b)
    return out


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("ext", EXTENSIONS)
def test_two_builds_are_byte_identical(pairs: dict[str, Pair], ext: str) -> None:
    pair = pairs[ext]
    assert pair.first.code == 0, pair.first.describe()
    assert pair.second.code == 0, pair.second.describe()
    assert pair.first_output.read_bytes() == pair.second_output.read_bytes()


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("ext", EXTENSIONS)
def test_each_format_is_valid_and_round_trips(pairs: dict[str, Pair], ext: str) -> None:
    pair = pairs[ext]
    assert_built(pair.first, pair.first_output)


#: Serialise a graph file in every output format kg knows, to stdout (run in a fresh process).
_SERIALIZE = """
import sys
from rdflib import Graph
from kg.rdf.formats import WRITE_EXTENSIONS, rdflib_name
from kg.rdf.write import serialize
graph = Graph().parse(sys.argv[1])
for fmt in sorted({rdflib_name("x" + ext, writing=True) for ext in WRITE_EXTENSIONS}):
    sys.stdout.buffer.write(fmt.encode() + b"\\n" + serialize(graph, fmt))
"""


def test_serialize_is_byte_identical_across_hash_seeds() -> None:
    """Every format kg writes (RDF/XML and JSON-LD too) from the same graph, in two processes
    whose set and dict orders differ; no model needed."""
    golden = ROOT / "tests" / "rdf" / "golden" / "mini.ttl"
    outputs = [subprocess.run([sys.executable, "-c", _SERIALIZE, str(golden)], capture_output=True, check=True,
                              env=kg_env(PYTHONHASHSEED=seed), timeout=TIMEOUT).stdout for seed in ("1", "2", "3")]
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"rdf:RDF" in outputs[0] and b"@id" in outputs[0]
