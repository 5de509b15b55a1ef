"""Benchmark of ``kg view``: time until the view is stable in headless Chromium, both engines.

Builds synthetic graphs of 2,000, 20,000 and 50,000 nodes (40 % entities, 60 %
events with two or three role fillers drawn from a skewed popularity, like
news where a few countries and leaders fill most roles; 70 % of events dated,
partial dates included), renders each with :func:`kg.views.render_html` with
each engine (every node drawn: ``max_nodes=0``), opens the page from
``file://`` in headless Chromium with networking disabled and software WebGL
(SwiftShader), driven through the Chrome DevTools Protocol over a pipe (no
extra package), and reads the page's ``#kg-status``. ``ms`` there is
``performance.now()`` when the drawing is stable (vis-network: its bounded
physics done; sigma: the second frame after the first drawing): the time from
the start of navigation, parsing of the inlined libraries and the timeline
included. ``view s`` is reading the graph, ``page s`` writing the page (the
sigma layout included), ``filter ms`` hiding a class and showing it again in
the page once drawn (how usable it is).

Run: ``python bench/bench_view.py [--sizes 2000,20000,50000] [--engines vis,sigma] [--repeat 1]``.
Prints one line per size and engine, then ratios from this run (aim: 20,000 nodes < 10 s).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal

from kg.namespace import KG, RES
from kg.views import DEFAULT_MAX_NODES, build_view, render_html

ENTITY_CLASSES = ("Person", "Organization", "Country", "City", "NewsAgency")
EVENT_CLASSES = ("Communication", "Meeting", "Agreement", "Deployment", "Attack", "Decision")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
                  "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                  "--use-angle=swiftshader", "--enable-unsafe-swiftshader")  # software WebGL for sigma.js
TARGET_SECONDS = 10.0
#: Hide a class and show it again (two redraws of every node): how usable the page is once drawn.
FILTER_TWICE = ("(() => { const t = performance.now(); kgApp.state.hiddenClasses.Person = true; kgApp.apply();"
                " kgApp.state.hiddenClasses.Person = false; kgApp.apply(); return performance.now() - t; })()")
#: Dates of the synthetic events: full, month only, year only, no year.
DATES = (lambda i: Literal(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date),
         lambda i: Literal(f"2024-{1 + i % 12:02d}", datatype=XSD.gYearMonth),
         lambda i: Literal(f"{2020 + i % 5}", datatype=XSD.gYear),
         lambda i: Literal(f"--{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.gMonthDay))


def synthetic_graph(n_nodes: int, seed: int = 5) -> Graph:
    """A kg-shaped graph of about ``n_nodes`` entities and events."""
    rng = random.Random(seed)
    g = Graph()
    n_entities = max(2, int(n_nodes * 0.4))
    entities = []
    for i in range(n_entities):
        cls = ENTITY_CLASSES[i % len(ENTITY_CLASSES)]
        node = RES[f"{cls.lower()}/e{i}"]
        g.add((node, RDF.type, KG[cls]))
        g.add((node, RDFS.label, Literal(f"{cls} {i}")))
        entities.append(node)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(n_entities)]
    for i in range(n_nodes - n_entities):
        cls = EVENT_CLASSES[i % len(EVENT_CLASSES)]
        node = RES[f"event/bench/e{i}-{cls.lower()}"]
        g.add((node, RDF.type, KG[cls]))
        g.add((node, RDFS.label, Literal(f"{cls} {i}")))
        g.add((node, KG.lemma, Literal("annoncer")))
        g.add((node, KG.modality, KG.Reported if i % 4 == 0 else KG.Asserted))
        if i % 10 < 7:  # dated events, with every kind of partial date kg writes
            g.add((node, KG.date, DATES[i % 4](i)))
        fillers = set(rng.choices(entities, weights, k=rng.choice((2, 3))))
        for role, filler in zip(("agent", "recipient", "place"), sorted(fillers), strict=False):
            g.add((node, KG[role], filler))
    return g


class Chromium:
    """Headless Chromium driven through the DevTools Protocol over ``--remote-debugging-pipe``."""

    def __init__(self, exe: str, profile: str):
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def pipes() -> None:  # in the child: the protocol pipe is fds 3 (in) and 4 (out)
            high_in = fcntl.fcntl(to_child, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
            high_out = fcntl.fcntl(from_child, fcntl.F_DUPFD, 10)
            os.dup2(high_in, 3)  # dup2 onto another number clears close-on-exec
            os.dup2(high_out, 4)

        self.proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                      "--remote-debugging-pipe", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
                                     preexec_fn=pipes)
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self._events: list[dict] = []  # events read while waiting for a reply
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=self.session)

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if "method" in reply:
                if reply["method"].startswith("Page."):
                    self._events = [*self._events[-100:], reply]
            elif reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_event(self, method: str) -> dict:
        """The next event ``method``, including one read while a call waited for its reply."""
        while self._events:
            message = self._events.pop(0)
            if message.get("method") == method:
                return message.get("params", {})
        while True:
            message = self._message()
            if message.get("method") == method:
                return message.get("params", {})

    def open(self, url: str, timeout: float = 120.0) -> dict:
        """Navigate (from a blank page: the last page's teardown is not timed), wait for the page's
        #kg-status, return it parsed."""
        self.call("Page.navigate", session=self.session, url="about:blank")
        self.wait_event("Page.loadEventFired")
        self._events.clear()
        self.call("Page.navigate", session=self.session, url=url)
        self.wait_event("Page.loadEventFired")
        script = ("new Promise((done, fail) => { const t0 = Date.now(); const tick = () => {"
                  " const s = document.getElementById('kg-status');"
                  " if (s && s.textContent) { done(s.textContent); }"
                  f" else if (Date.now() - t0 > {timeout * 1000:.0f}) {{ fail('no status'); }}"
                  " else { setTimeout(tick, 20); } }; tick(); })")
        result = self.call("Runtime.evaluate", session=self.session, expression=script, awaitPromise=True,
                           returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{url}: {result['exceptionDetails']}")
        return json.loads(result["result"]["value"])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):  # the pipe may close before the reply
            self.call("Browser.close")
        self.proc.wait(timeout=30)
        os.close(self._write)
        os.close(self._read)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000,50000")
    parser.add_argument("--engines", default="vis,sigma")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        sys.exit("bench_view: chromium is not on PATH (apt-get install -y chromium)")
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    results: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-view-") as tmp:
        browser = Chromium(exe, f"{tmp}/profile")
        try:
            print(f"{'engine':>6} {'nodes':>6} {'edges':>6} {'drawn':>6} {'html MB':>8} {'view s':>7} {'page s':>7} "
                  f"{'browser s':>10} {'stable ms':>10} {'layout ms':>10} {'filter ms':>10}  phases")
            for size in sizes:
                graph = synthetic_graph(size)
                t0 = time.perf_counter()
                view = build_view(graph, max_nodes=0)
                view_s = time.perf_counter() - t0
                for engine in engines:
                    t0 = time.perf_counter()
                    html = render_html(view, engine=engine)
                    page_s = time.perf_counter() - t0
                    page = Path(tmp, f"view-{engine}-{size}.html")
                    page.write_text(html, encoding="utf-8")
                    runs, walls = [], []
                    for _ in range(args.repeat):
                        t0 = time.perf_counter()
                        runs.append(browser.open(page.as_uri(), timeout=600))
                        walls.append(time.perf_counter() - t0)
                    status = runs[-1]
                    filter_ms = browser.call("Runtime.evaluate", session=browser.session, returnByValue=True,
                                             expression=FILTER_TWICE)["result"]["value"]
                    stable = statistics.median(r["ms"] for r in runs)
                    layout_ms = statistics.median(r["layoutMs"] for r in runs)
                    results[engine, size] = stable / 1000
                    print(f"{engine:>6} {status['nodes']:>6} {status['edges']:>6} {status['drawnNodes']:>6} "
                          f"{len(html) / 1e6:>8.2f} {view_s:>7.2f} {page_s:>7.2f} {statistics.median(walls):>10.2f} "
                          f"{stable:>10.0f} {layout_ms:>10.0f} {filter_ms:>10.0f}  "
                          f"{json.dumps(status.get('phases', {}))}", flush=True)
            big = max(sizes)
            view = build_view(synthetic_graph(big))
            page = Path(tmp, "view-default.html")
            page.write_text(render_html(view), encoding="utf-8")
            default = browser.open(page.as_uri(), timeout=600)
            print(f"default --max-nodes {DEFAULT_MAX_NODES} on {big} nodes: draws {default['nodes']} nodes with "
                  f"{default['engine']}, stable in {default['ms'] / 1000:.2f} s")
        finally:
            browser.close()
    for size in sizes:
        if ("vis", size) in results and ("sigma", size) in results:
            print(f"{size} nodes: sigma {results['sigma', size]:.2f} s, vis {results['vis', size]:.2f} s: "
                  f"vis/sigma x{results['vis', size] / results['sigma', size]:.1f}")
    for (engine, size), seconds in sorted(results.items()):
        print(f"{engine} {size} nodes: {seconds:.2f} s = {seconds / TARGET_SECONDS:.2f} of the "
              f"{TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
