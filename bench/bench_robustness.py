"""What robustness costs, and where hostile input hurts (issue 7).

Prints, in one run, CPU-time ratios (robust on a busy machine):

* refusing a 50 MB text (its size is checked before it is read) against
  reading a normal article;
* kg.sources.decode's cleaning (control characters, surrogates) against a bare
  UTF-8 decode of the same 2 MB text;
* deterministic serialisation (sorted N-Triples / JSON-LD, RDF/XML via
  pyoxigraph) against rdflib's own writer, on the seed graph repeated;
* the atomic write (temporary file, fsync, rename) against a plain write, wall time;
* with ``--long``: extraction time of one 10,000-word and one 20,000-word
  sentence dense in events — a ratio near 2 is linear, near 4 quadratic.

    python bench/bench_robustness.py           # a few seconds, no model
    python bench/bench_robustness.py --long    # + the long-sentence scaling (loads the model, ~1-2 min)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b0697d4f31a32cd1.txt"


def cpu(fn: Callable[[], object], rounds: int = 3, clock: Callable[[], float] = time.process_time) -> float:
    """Best time of ``rounds`` calls: CPU time, or any other ``clock``."""
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return max(best, 1e-6)


def refusal(folder: Path) -> tuple[float, float]:
    from kg.errors import InputError
    from kg.sources import read_sources

    big, small = folder / "big.txt", folder / "small.txt"
    chunk = SEED.read_bytes()
    big.write_bytes(chunk * (50_000_000 // len(chunk) + 1))
    small.write_bytes(chunk)

    def refuse() -> None:
        try:
            read_sources([str(big)])
        except InputError:
            return
        raise AssertionError("the 50 MB text was not refused")

    return cpu(refuse), cpu(lambda: read_sources([str(small)]))


def cleaning() -> tuple[float, float]:
    from kg.sources import MAX_CHARS, decode

    data = SEED.read_bytes() * (MAX_CHARS // 2 // len(SEED.read_bytes()))
    return cpu(lambda: decode(data, "bench")), cpu(lambda: data.decode("utf-8"))


def serialisation() -> list[tuple[str, float, float]]:
    from kg.rdf.write import serialize

    graph = _seed_graph()
    rows = []
    for fmt in ("nt", "json-ld", "xml", "turtle"):
        rows.append((fmt, cpu(lambda f=fmt: serialize(graph, f)), cpu(lambda f=fmt: graph.serialize(format=f))))
    return rows


def _seed_graph() -> Graph:
    """A graph of some 200 small documents without the model: the golden graph copied under new IRIs."""
    from rdflib import Graph, URIRef

    golden = Graph().parse(ROOT / "tests" / "rdf" / "golden" / "mini.ttl")
    graph = Graph()
    for n in range(200):
        for s, p, o in golden:
            s2 = URIRef(f"{s}-{n}") if isinstance(s, URIRef) else s
            o2 = URIRef(f"{o}-{n}") if isinstance(o, URIRef) and "/resource/" in str(o) else o
            graph.add((s2, p, o2))
    return graph


def atomic(folder: Path) -> tuple[float, float]:
    from kg.files import write_atomic

    data = b"x" * 5_000_000
    target = folder / "out.ttl"
    # wall-clock time: fsync waits for the disk, it does not compute
    return (cpu(lambda: write_atomic(target, data), clock=time.perf_counter),
            cpu(lambda: target.write_bytes(data), clock=time.perf_counter))


def long_sentence() -> tuple[float, float]:
    from kg.extraction import extract
    from kg.lang import load
    from kg.nlp import get_model

    nlp, data = get_model("fr"), load("fr")
    words = ("le président a rencontré le ministre à Paris et " * 2500).split()

    def run(n: int) -> float:
        doc = nlp(" ".join(words[:n]) + ".")
        return cpu(lambda: extract(doc, data, doc_id="bench"), rounds=1)

    run(500)  # warm up
    return run(10_000), run(20_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", action="store_true", help="also time the long-sentence scaling (loads the model)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        refuse, small = refusal(folder)
        print(f"refuse a 50 MB text: {refuse * 1e6:.0f} µs CPU; read a 2 KB article: {small * 1e6:.0f} µs "
              f"(ratio {refuse / small:.2f}×: refused from its size alone, never read)")
        clean, bare = cleaning()
        print(f"decode + clean 1 MB of text: {clean * 1000:.1f} ms; bare UTF-8 decode: {bare * 1000:.1f} ms "
              f"(ratio {clean / bare:.1f}×)")
        for fmt, ours, theirs in serialisation():
            print(f"deterministic {fmt:8} {ours * 1000:7.1f} ms vs rdflib {theirs * 1000:7.1f} ms "
                  f"(ratio {ours / theirs:.2f}×)")
        slow, fast = atomic(folder)
        print(f"atomic write of 5 MB (temporary file, fsync, rename): {slow * 1000:.1f} ms wall vs plain write "
              f"{fast * 1000:.1f} ms "
              f"(ratio {slow / fast:.2f}×)")
    if args.long:
        ten, twenty = long_sentence()
        print(f"extract one sentence: 10,000 words {ten:.1f} s, 20,000 words {twenty:.1f} s "
              f"(ratio {twenty / ten:.1f}×; 2 = linear, 4 = quadratic)")


if __name__ == "__main__":
    main()
