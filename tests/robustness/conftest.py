"""Robustness suite (issue 7): the real ``kg`` command on hostile input.

Every case runs ``python -m kg ...`` in a subprocess and ends in exactly one of
two outcomes, checked by :func:`assert_refused` or :func:`assert_built`:

* exit code non-zero, exactly one line on stderr starting ``kg: error:``, no
  ``Traceback`` anywhere in the output;
* exit code 0 and a graph that satisfies ``ontology/shapes.ttl`` (pySHACL via
  :func:`kg.validate.validate`) and round-trips through Turtle, TriG and JSON-LD
  to an isomorphic graph (per named graph for datasets).

Runs that load the spaCy model cost seconds each, so the cases that should give
a graph share one build (the ``shared_build`` fixture in ``test_built.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_b0697d4f31a32cd1.txt"
#: Formats a built graph must survive a round trip through (rdflib names).
ROUND_TRIP_FORMATS = ("turtle", "trig", "json-ld")
#: Graph file extensions → rdflib parser names (as kg writes them).
PARSERS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads", ".rdf": "xml"}
#: Generous guard against a hang; never a performance assertion.
TIMEOUT = 600


@dataclass(frozen=True)
class Run:
    """One finished ``kg`` process."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return f"kg {' '.join(self.args)} → exit {self.code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def kg_env(**extra: str) -> dict[str, str]:
    """The environment of a ``kg`` subprocess: this one, without colours or a terminal width."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PY_COLORS")}
    env.update(NO_COLOR="1", COLUMNS="200", PYTHONIOENCODING="utf-8", **extra)
    return env


def kg_command(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "kg", *map(str, args)]


def run_kg(*args: str | os.PathLike[str], stdin: bytes | None = None, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> Run:
    """Run ``kg`` to the end and capture its output."""
    proc = subprocess.run(kg_command(*args), input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, cwd=cwd, env=env or kg_env(), timeout=TIMEOUT)
    return Run(tuple(map(str, args)), proc.returncode,
               proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def assert_refused(run: Run, *fragments: str) -> str:
    """Non-zero exit, one ``kg: error:`` line holding every fragment, no traceback; returns the line."""
    assert run.code != 0, run.describe()
    assert "Traceback" not in run.stdout + run.stderr, run.describe()
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.describe()
    assert lines[0].startswith("kg: error: "), run.describe()
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} missing from the error line\n{run.describe()}"
    return lines[0]


def load(path: Path) -> Dataset:
    """A graph file as a dataset (a plain graph lands in the default graph)."""
    dataset = Dataset()
    dataset.parse(path, format=PARSERS[path.suffix.lower()])
    return dataset


def union(dataset: Dataset) -> Graph:
    """Every triple of every graph of ``dataset``."""
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def same_graph(a: Graph, b: Graph) -> bool:
    """Graph isomorphism; plain set equality when there are no blank nodes (much faster)."""
    if any(isinstance(term, BNode) for triple in a for term in triple) or any(
            isinstance(term, BNode) for triple in b for term in triple):
        return isomorphic(a, b)
    return set(a) == set(b)


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    """Non-empty graphs of ``dataset`` by name (the default graph as ``""``)."""
    out: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = "" if g is None or g == DATASET_DEFAULT_GRAPH_ID else str(g)
        out.setdefault(name, Graph()).add((s, p, o))
    return out


def assert_round_trips(dataset: Dataset) -> None:
    """Turtle (the union), TriG and JSON-LD (graph by graph) give back the same graphs."""
    graphs = named_graphs(dataset)
    whole = union(dataset)
    for fmt in ROUND_TRIP_FORMATS:
        if fmt == "turtle":
            back = Graph().parse(data=whole.serialize(format=fmt), format=fmt)
            assert same_graph(back, whole), f"Turtle round trip changed the graph ({len(back)} vs {len(whole)})"
            continue
        again = Dataset()
        again.parse(data=dataset.serialize(format=fmt), format=fmt)
        got = named_graphs(again)
        assert sorted(got) == sorted(graphs), f"{fmt} round trip changed the graph names"
        for name, graph in graphs.items():
            assert same_graph(got[name], graph), f"{fmt} round trip changed graph {name or '(default)'}"


def assert_valid(graph: Graph) -> None:
    from kg.validate import validate

    result = validate(graph)
    assert result.conforms, "graph violates ontology/shapes.ttl:\n" + "\n".join(result.violations[:20])


def assert_built(run: Run, output: Path) -> Graph:
    """Exit 0, no traceback, a non-empty graph in ``output`` that is valid and round-trips; returns its union."""
    assert run.code == 0, run.describe()
    assert "Traceback" not in run.stdout + run.stderr, run.describe()
    assert output.is_file(), f"{output} was not written\n{run.describe()}"
    dataset = load(output)
    graph = union(dataset)
    assert len(graph) > 0, f"{output} holds an empty graph\n{run.describe()}"
    assert_valid(graph)
    assert_round_trips(dataset)
    return graph
