"""How fast ``kg build`` runs against the floor set by spaCy, and how its cost grows.

Prints, in one run, on a real corpus (``../shared/data/wikinews_fr100`` by
default) repeated to about ``--words`` words:

* words per second of bare ``nlp.pipe`` (same model, same batch size) and of
  the whole ``kg build`` work (read the .jsonl corpus, parse, extract, map to a
  dataset with one named graph per document, write it), their ratio, and the
  peak memory of each;
* the time of ``kg build`` at 1×, 4× and 16× the corpus and the cost per word
  relative to 1× (1.00 means linear growth).

Each measurement runs in a fresh process (so peak memory is its own) after the
model is loaded and warmed up: model loading, a fixed few seconds, is left out
of both sides. Both CPU time (robust on a busy machine) and wall time are
shown; with ``--rounds N`` each side runs N times, interleaved, and the best
time counts.

    python bench/bench_build.py                      # ~200k words, scales 1,4,16
    python bench/bench_build.py --words 50000 --scales 1,2 --rounds 1   # quick
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "wikinews_fr100" / "articles.jsonl"


def _repeat(corpus: Path, times: int, out: Path) -> int:
    """Write ``corpus`` ``times`` times over into ``out`` (fresh ids); returns its word count."""
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for k in range(times):
            for obj in lines:
                f.write(json.dumps({**obj, "id": f"{obj.get('id', 'doc')}-r{k}"}, ensure_ascii=False) + "\n")
                words += len(obj["text"].split())
    return words


def _child(mode: str, corpus: str, output: str) -> None:
    """One measurement, in its own process; prints a JSON line."""
    from kg.nlp import get_model
    from kg.pipeline import BATCH
    from kg.sources import read_sources

    nlp = get_model("fr")
    list(nlp.pipe(["Le président a reçu son homologue à Paris lundi."] * 4))  # warm up
    if mode in ("build", "stages"):
        from kg.pipeline import build_corpus

        build_corpus(read_sources([corpus])[:2])  # warm up the extraction rules too
    if mode == "stages":
        _stages(nlp, corpus, output)
        return
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "bare":
        texts = [s.text for s in read_sources([corpus])]
        for _ in nlp.pipe(texts, batch_size=BATCH):
            pass
    else:
        from kg import corpus as kgcorpus
        from kg.pipeline import build_corpus, build_graph
        from kg.rdf.write import write_graph

        sources = read_sources([corpus])
        if kgcorpus.is_dataset_path(output):  # what kg build -o out.trig does
            kgcorpus.write(build_corpus(sources), output)
        else:
            write_graph(build_graph(sources), output)
    print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                      "rss0_mb": rss0 / 1024, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _stages(nlp, corpus: str, output: str) -> None:
    """CPU seconds of each stage of the build, in one streaming pass like kg build's."""
    from kg import corpus as kgcorpus
    from kg.extraction import extract
    from kg.lang import load
    from kg.pipeline import BATCH
    from kg.sources import read_sources

    data = load("fr")
    clock = time.process_time
    t0 = clock()
    sources = read_sources([corpus])
    t1 = clock()
    records, in_extract = [], 0.0
    for source, doc in zip(sources, nlp.pipe((s.text for s in sources), batch_size=BATCH)):
        start = clock()
        records.append(extract(doc, data, doc_id=source.doc_id, publication_date=source.date, title=source.title,
                               source=source.url or source.origin))
        in_extract += clock() - start
    t2 = clock()
    built = kgcorpus.Corpus()
    kgcorpus.add_records(built, records)
    t3 = clock()
    kgcorpus.write(built, output)
    t4 = clock()
    print(json.dumps({"read": t1 - t0, "nlp.pipe": t2 - t1 - in_extract, "extract (kg/extraction)": in_extract,
                      "map to RDF (kg/rdf + kg/corpus)": t3 - t2, "write": t4 - t3}))


def _measure(mode: str, corpus: Path, output: Path) -> dict:
    run = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), str(output)],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"bench: {mode} run failed:\n{run.stderr}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a .jsonl corpus (default: wikinews_fr100)")
    parser.add_argument("--words", type=int, default=200_000, help="words for the speed ratio (default 200000)")
    parser.add_argument("--scales", default="1,4,16", help="corpus multiples for the growth table")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs per side for the ratio; best counts")
    parser.add_argument("--format", default="trig", choices=["trig", "nq", "ttl"], help="output of kg build")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    if not args.corpus.is_file():
        sys.exit(f"bench: {args.corpus} not found; give a .jsonl corpus with --corpus")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        base_words = _repeat(args.corpus, 1, folder / "x1.jsonl")
        times = max(1, round(args.words / base_words))
        big = folder / f"x{times}.jsonl"
        words = _repeat(args.corpus, times, big)
        out = folder / f"out.{args.format}"
        print(f"corpus: {args.corpus.name}, {base_words} words; ×{times} = {words} words; output .{args.format}; "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
        bare, build = [], []
        for _ in range(args.rounds):
            bare.append(_measure("bare", big, out))
            build.append(_measure("build", big, out))
        b_cpu, k_cpu = min(r["cpu"] for r in bare), min(r["cpu"] for r in build)
        b_wall, k_wall = min(r["wall"] for r in bare), min(r["wall"] for r in build)
        print(f"{'':22}{'words/s (cpu)':>14}{'words/s (wall)':>16}{'peak MB':>9}{'after load MB':>15}")
        for name, runs, cpu, wall in (("bare nlp.pipe", bare, b_cpu, b_wall), ("kg build", build, k_cpu, k_wall)):
            print(f"{name:22}{words / cpu:14.0f}{words / wall:16.0f}{max(r['peak_mb'] for r in runs):9.0f}"
                  f"{min(r['rss0_mb'] for r in runs):15.0f}")
        print(f"ratio kg build / bare nlp.pipe: {b_cpu / k_cpu:.2f} (cpu), {b_wall / k_wall:.2f} (wall)  "
              f"[target ≥ 0.80]")
        stages = _measure("stages", big, out)
        total = sum(stages.values())
        print("where kg build's CPU time goes: " + ", ".join(f"{name} {sec:.1f} s ({sec / total:.0%})"
                                                             for name, sec in stages.items()))
        print("\ngrowth of kg build with corpus size:")
        print(f"{'scale':>6}{'words':>9}{'cpu s':>8}{'wall s':>8}{'words/s':>9}{'peak MB':>9}{'cost/word vs 1×':>17}")
        first = None
        for k in (int(x) for x in args.scales.split(",")):
            path = folder / f"x{k}.jsonl"
            n = _repeat(args.corpus, k, path) if not path.exists() else k * base_words
            r = _measure("build", path, folder / f"s{k}.{args.format}")
            per_word = r["cpu"] / n
            first = first or per_word
            print(f"{k:5}×{n:9}{r['cpu']:8.1f}{r['wall']:8.1f}{n / r['cpu']:9.0f}{r['peak_mb']:9.0f}"
                  f"{per_word / first:17.2f}")


if __name__ == "__main__":
    main()
