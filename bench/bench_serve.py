"""Benchmark: ``kg serve`` against ``oxigraph serve-read-only``, same data, same query, in one run.

Writes a synthetic corpus as TriG (``--documents`` named graphs in the kg
vocabulary) unless ``--data`` names a dataset file, loads it into both
servers (oxigraph with ``--union-default-graph``, as kg serves it), then for
each client count runs that many keep-alive HTTP clients for ``--seconds``
against each server in turn, all on 127.0.0.1, and prints requests per
second, p50 and p95 latency, errors (resets, refusals, non-200 answers) and
the ratio kg / oxigraph, then kg's resident memory before and after the run.
The clients are threads, five per process (the same client code for both
servers). Every figure is measured in this run. Usage::

    python bench/bench_serve.py [--clients 5 20 50] [--seconds 5] [--documents 100] [--data corpus.trig]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
KG = "https://w3id.org/kgnews/ontology#"
RES = "https://w3id.org/kgnews/resource/"
#: A 50-row SELECT, prefixes declared (oxigraph does not predeclare kg's).
QUERY = (f"PREFIX kg: <{KG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?event ?agent ?name WHERE { ?event kg:agent ?agent . ?agent rdfs:label ?name } LIMIT 50")
#: What one client process runs: ``threads`` keep-alive connections asking QUERY until the deadline.
CLIENT = r"""
import http.client, json, sys, threading, time
host, port, path, threads, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
start = float(sys.argv[6]); deadline = start + seconds
latencies, errors = [], []
def run():
    conn = None
    while time.time() < deadline:
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=30)
            t = time.perf_counter()
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            r = conn.getresponse(); body = r.read()
            if r.status != 200 or b'"bindings"' not in body:
                errors.append(f"status {r.status}")
            else:
                latencies.append(time.perf_counter() - t)
            if r.getheader("Connection", "").lower() == "close":
                conn.close(); conn = None
        except Exception as exc:
            errors.append(exc.__class__.__name__); conn = None
while time.time() < start:
    time.sleep(0.001)
ts = [threading.Thread(target=run) for _ in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
print(json.dumps({"latencies": latencies, "errors": errors}))
"""


def write_corpus(path: Path, documents: int) -> int:
    """A TriG file: one named graph per document, events with agents and labels; its number of quads."""
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(f"@prefix kg: <{KG}> .\n@prefix res: <{RES}> .\n"
                  "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
        for d in range(documents):
            out.write(f"<{RES}doc/d{d}> {{\n")
            for e in range(60):
                n = (d * 7 + e) % 400
                person = f"<{RES}person/p{n}>"
                out.write(f"  <{RES}event/d{d}/e{e}> a kg:Communication ; kg:agent {person} ; "
                          f"rdfs:label \"message {d}-{e}\" .\n  {person} a kg:Person ; rdfs:label \"Person {n}\" .\n")
                quads += 6
            out.write("}\n")
    return quads


def start(command: list[str], pattern: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """Start a server; its process and the base URL its output matches ``pattern`` with."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.time() + 300
    assert proc.stdout is not None
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            raise SystemExit(f"{command[0]} exited: {proc.returncode}")
        if match := re.search(pattern, line):
            return proc, match.group(1)
    proc.kill()
    raise SystemExit(f"{command[0]} did not start")


def wait_answering(url: str) -> None:
    import httpx

    for _ in range(600):
        try:
            if httpx.get(url + "?query=" + quote("ASK {}"), timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"{url} does not answer")


def load(url: str, clients: int, seconds: float) -> dict:
    """``clients`` connections for ``seconds``: requests/s, p50, p95 (ms) and errors."""
    host_port = url.split("//")[1].split("/")[0]
    host, port = host_port.rsplit(":", 1)
    path = "/" + url.split("//")[1].split("/", 1)[1] + "?query=" + quote(QUERY)
    processes = -(-clients // 5)  # five client threads a process: client-side GIL waits stay small
    shares = [clients // processes + (1 if n < clients % processes else 0) for n in range(processes)]
    begin = time.time() + 0.5
    procs = [subprocess.Popen([sys.executable, "-c", CLIENT, host, port, path, str(k), str(seconds), str(begin)],
                              stdout=subprocess.PIPE, text=True) for k in shares if k]
    latencies, errors = [], []
    for proc in procs:
        out, _ = proc.communicate(timeout=seconds + 120)
        data = json.loads(out)
        latencies += data["latencies"]
        errors += data["errors"]
    latencies.sort()
    pick = (lambda q: 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (
        lambda q: float("nan"))
    return {"rps": len(latencies) / seconds, "p50": pick(0.5), "p95": pick(0.95), "errors": len(errors),
            "kinds": sorted(set(errors))[:3]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[5, 20, 50])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--data", type=Path, help="a .trig/.nq/.ttl file instead of the synthetic corpus")
    args = parser.parse_args()
    if max(args.clients) > 200 or args.seconds > 60:
        raise SystemExit("bounded: at most 200 clients and 60 s per level")
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "corpus.trig"
        if args.data is None:
            print(f"corpus: {write_corpus(data, args.documents):,} quads in {args.documents} named graphs", flush=True)
        subprocess.run([OXIGRAPH, "load", "--location", f"{tmp}/ox", "--file", str(data)], check=True,
                       capture_output=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        kg, kg_url = start([sys.executable, "-m", "kg", "serve", str(data), "--port", "0", "--quiet",
                            "--workers", str(args.workers)], r"(http://127\.0\.0\.1:\d+/sparql)", env)
        port = free_port()
        ox = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", f"{tmp}/ox", "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ox_url = f"http://127.0.0.1:{port}/query"
        try:
            for url in (kg_url, ox_url):
                wait_answering(url)
            print(f"query: {QUERY}\n{'clients':>8} {'oxigraph req/s':>15} {'p50':>7} {'p95':>7} {'err':>4}   "
                  f"{'kg req/s':>9} {'p50':>7} {'p95':>7} {'err':>4}   {'kg/ox':>6}")
            rss_before = rss_kib(kg.pid)
            for clients in args.clients:
                o, k = load(ox_url, clients, args.seconds), load(kg_url, clients, args.seconds)
                print(f"{clients:>8} {o['rps']:>15,.0f} {o['p50']:>6.1f}ms {o['p95']:>6.1f}ms {o['errors']:>4}   "
                      f"{k['rps']:>9,.0f} {k['p50']:>6.1f}ms {k['p95']:>6.1f}ms {k['errors']:>4}   "
                      f"{k['rps'] / o['rps'] if o['rps'] else float('nan'):>6.2f}"
                      + (f"   kg errors: {k['kinds']}" if k["errors"] else ""), flush=True)
            print(f"kg serve memory (server and workers, resident): {rss_before / 1024:,.0f} MiB before, "
                  f"{rss_kib(kg.pid) / 1024:,.0f} MiB after the run")
        finally:
            for proc in (kg, ox):
                proc.terminate()
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (KiB), from /proc (0 where unavailable)."""
    def one(p: int) -> int:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            return 0
        return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)

    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(c) for c in task.read_text().split()]
    return one(pid) + sum(one(c) for c in children)


def free_port() -> int:
    """A loopback port free now (oxigraph cannot be asked for port 0 and tell which it got)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    main()
