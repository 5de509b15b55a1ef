"""Benchmark: ``kg query --db`` against bare pyoxigraph, both as whole processes.

Writes the synthetic kg graph of ``bench_store.py`` (``--triples``, default
1,000,000) as N-Triples, loads it once into an Oxigraph folder with
``kg query ... --db DIR``, then runs each query ``--repeat`` times as:

* ``kg``: ``python -m kg query QUERY.rq --db DIR --format csv`` (parameters bound);
* ``bare``: ``python -c`` opening the same folder read-only with pyoxigraph,
  running the same query with the same substitution and writing CSV to stdout.

Both write their CSV to /dev/null and run with a bytecode cache (in the work
folder, filled by one untimed run of each), as an installed kg runs: without one,
every kg module is compiled from source at each start (PYTHONDONTWRITEBYTECODE).
Figures are medians of wall-clock times measured in this run; the ratio is kg /
bare (target: at most 1.3). The "best" ratio compares the fastest of the runs of
each (as ``timeit`` reports: slower runs are other processes' interference, not
the program's), the CPU ratio the medians of user + system time. The load average
is printed before and after.

``--breakdown`` then times, the same way, the processes that show where kg's
start-up time goes on the lookup query (which ``kg.fastpath`` runs without
click): the interpreter alone, importing pyoxigraph, kg's fast-path modules
(which scan text without ``re``: see kg.textscan), ``python -m`` of a kg module
that does nothing (runpy and the kg package), click for comparison, and the
``kg`` console script pip writes (its wrapper imports ``re`` itself, but not runpy). Each step is also given
in CPU time (user + system of the process), which the other processes on a
busy machine disturb less than wall-clock time. Usage::

    python bench/bench_query_db.py [--triples 1000000] [--repeat 5] [--workdir DIR] [--breakdown]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import QUERIES, write_graph  # noqa: E402

BARE = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
query = open(sys.argv[2], encoding="utf-8").read()
subs = {ox.Variable(sys.argv[3]): ox.Literal(sys.argv[4])} if len(sys.argv) > 4 else {}
prefixes = {"kg": "https://w3id.org/kgnews/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
answer = store.query(query, prefixes=prefixes, use_default_graph_as_union=True, substitutions=subs)
sys.stdout.buffer.write(answer.serialize(format=ox.QueryResultsFormat.CSV))
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one run of ``command``."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def both_medians(commands: dict[str, list[str]], repeat: int,
                 env: dict[str, str]) -> dict[str, tuple[float, float, float]]:
    """Median (wall-clock, CPU) and fastest wall-clock time of each command, run interleaved (load on the machine hits
    all alike) after one untimed run of each (it fills the bytecode cache)."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        timed(command, env)
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(timed(command, env))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values),
                   min(w for w, _ in values)) for name, values in times.items()}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def breakdown(kg: list[str], bare: list[str], repeat: int, env: dict[str, str]) -> None:
    """Where kg's start-up goes on one query: each step adds imports to the one before."""
    py = sys.executable
    steps = {
        "python -c pass": [py, "-c", "pass"],
        "import pyoxigraph": [py, "-c", "import pyoxigraph"],
        "bare query": bare,
        "+ kg fast-path modules": [py, "-c", "import pyoxigraph, kg.commands.query_spec, kg.fastpath"],
        "python -m kg.iris": [py, "-m", "kg.iris"],
        "import click": [py, "-c", "import click"],
        "kg query": kg,
    }
    script = Path(sys.executable).with_name("kg")
    if script.is_file():  # the console script pip writes imports re itself (pip's template), but not runpy
        steps["kg query (console script)"] = [str(script), *kg[3:]]
    times = both_medians(steps, repeat, env)
    print(f"\nbreakdown (lookup, medians of {repeat}; load {load()})    wall      CPU")
    for name, (wall, cpu, _) in times.items():
        print(f"  {name:<32} {wall * 1000:7.1f} {cpu * 1000:7.1f} ms")
    shares = {"store open + query + CSV (bare)": ("bare query", "import pyoxigraph"),
              "kg modules (no re: kg.textscan)": ("+ kg fast-path modules", "import pyoxigraph"),
              "python -m (runpy, kg package)": ("python -m kg.iris", "python -c pass"),
              "click (no longer on the path)": ("import click", "python -c pass"),
              "kg - bare": ("kg query", "bare query")}
    if "kg query (console script)" in times:
        shares["console script - bare"] = ("kg query (console script)", "bare query")
    for name, (whole, part) in shares.items():
        wall, cpu = (1000 * (times[whole][i] - times[part][i]) for i in (0, 1))
        print(f"  {name:<32} {wall:7.1f} {cpu:7.1f} ms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep big.nt and big.db here and reuse them in later runs")
    parser.add_argument("--breakdown", action="store_true", help="then time the start-up steps of kg query")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.workdir or Path(tmp)
        graph, db = folder / "big.nt", folder / "big.db"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        if not db.is_dir():
            triples, _ = write_graph(graph, args.triples)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg", "query", "ASK { ?s ?p ?o }", str(graph), "--db", str(db)],
                           check=True, stdout=subprocess.DEVNULL)
            print(f"{triples:,} triples loaded into {db.name} in {time.perf_counter() - start:.1f} s")
        persons = sum(1 for line in graph.open(encoding="utf-8") if "/person/" in line.split(" ", 1)[0]
                      and "rdf-syntax-ns#type" in line)
        print(f"load average {load()}")
        print(f"{'query':<14} {'kg (s)':>8} {'bare (s)':>9} {'ratio':>6} {'best':>6} {'CPU ratio':>10}")
        ratios, bests = [], []
        first: tuple[list[str], list[str]] | None = None
        for name, (text, params) in QUERIES.items():
            bound = {k: str(v) for k, v in params(persons).items()}
            header = "".join(f"# param: {k} — bench value (string)\n" for k in bound)
            head = text.split("WHERE", 1)[0]
            missing = " ".join(f"?{k}" for k in bound if f"?{k}" not in head)  # oxigraph binds selected ones
            select = text.replace("SELECT ", f"SELECT {missing} ", 1) if missing else text
            rq = folder / f"{name.replace(' ', '-')}.rq"
            rq.write_text(header + select, encoding="utf-8")
            kg = [sys.executable, "-m", "kg", "query", str(rq), "--db", str(db), "--format", "csv",
                  *(f"--param={k}={v}" for k, v in bound.items())]
            bare = [sys.executable, "-c", BARE, str(db), str(rq), *(x for kv in bound.items() for x in kv)]
            first = first or (kg, bare)
            times = both_medians({"kg": kg, "bare": bare}, args.repeat, env)
            (k, k_cpu, k_best), (b, b_cpu, b_best) = times["kg"], times["bare"]
            ratios.append(k / b)
            bests.append(k_best / b_best)
            print(f"{name:<14} {k:>8.3f} {b:>9.3f} {k / b:>6.2f} {k_best / b_best:>6.2f} {k_cpu / b_cpu:>10.2f}")
        print(f"worst ratio {max(ratios):.2f}, of the fastest runs {max(bests):.2f} (target 1.30); "
              f"load average {load()}")
        if args.breakdown and first is not None:
            breakdown(*first, args.repeat, env)


if __name__ == "__main__":
    main()
