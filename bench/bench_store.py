"""Benchmark: the rdflib store against the oxigraph store on a large synthetic graph.

Writes a synthetic graph in the kg vocabulary (people affiliated with
countries, events with roles, dates, modality, quantities and NIF mentions) as
N-Triples, then for each store measures the load time and three queries run
through :mod:`kg.store` with bound parameters:

* lookup — the events of the person with a given name;
* two-hop join — events whose agent is affiliated with a given country;
* GROUP BY — number of events per class and modality.

Every figure is measured in this run; ratios are rdflib time / oxigraph time.
Query times are the median of ``--repeat`` runs. Usage::

    python bench/bench_store.py [--triples 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rdflib import Literal

from kg.namespace import KG, NIF, RES
from kg.store import QueryResult, Store, open_store

T = TypeVar("T")

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_CLASSES = ("Communication", "Meeting", "Agreement", "Deployment", "Attack", "Transaction", "Decision")
MODALITIES = ("Asserted", "Reported", "Hypothetical")
COUNTRIES = 200
PERSONS_PER_EVENT = 20  # one person for this many events
TRIPLES_PER_EVENT = 17.45  # 16 per event, 5 more for one in four (quantity), 4 per person

QUERIES = {
    "lookup": ("""SELECT ?event ?date ?name WHERE {
  ?agent rdfs:label ?name .
  ?event kg:agent ?agent ; kg:date ?date .
}""", lambda persons: {"name": Literal(f"Person {persons // 2}")}),
    "two-hop join": ("""SELECT ?event ?agent ?country WHERE {
  ?c rdfs:label ?country .
  ?agent kg:affiliation ?c .
  ?event kg:agent ?agent ; kg:modality kg:Reported .
}""", lambda persons: {"country": Literal("Country 7")}),
    "GROUP BY": ("""SELECT ?type ?modality (COUNT(?event) AS ?events) WHERE {
  ?event a ?type ; kg:modality ?modality .
} GROUP BY ?type ?modality""", lambda persons: {}),
}


def write_graph(path: Path, triples: int) -> tuple[int, int]:
    """Write about ``triples`` N-Triples lines to ``path``; return (lines written, persons)."""
    events = max(1, int(triples / TRIPLES_PER_EVENT))
    persons = max(1, events // PERSONS_PER_EVENT)
    doc = f"<{RES['doc/bench']}>"
    iri = {name: f"<{KG[name]}>" for name in (*EVENT_CLASSES, *MODALITIES, "Person", "Country", "Mention",
                                              "Quantity", "agent", "recipient", "date", "modality", "lemma",
                                              "confidence", "negated", "document", "mention", "affiliation",
                                              "quantity", "value", "unit", "approximate", "sentence")}
    nif = {name: f"<{NIF[name]}>" for name in ("beginIndex", "endIndex", "anchorOf", "referenceContext")}
    a, label = f"<{RDF_TYPE}>", f"<{LABEL}>"
    count = 0
    with path.open("w", encoding="utf-8") as out:
        def emit(s: str, p: str, o: str) -> None:
            nonlocal count
            out.write(f"{s} {p} {o} .\n")
            count += 1

        for c in range(COUNTRIES):
            node = f"<{RES[f'country/c{c}']}>"
            emit(node, a, iri["Country"])
            emit(node, label, f'"Country {c}"')
        for n in range(persons):
            node = f"<{RES[f'person/p{n}']}>"
            emit(node, a, iri["Person"])
            emit(node, label, f'"Person {n}"')
            emit(node, iri["affiliation"], f"<{RES[f'country/c{n % COUNTRIES}']}>")
            emit(node, iri["document"], doc)
        for e in range(events):
            cls = EVENT_CLASSES[e % len(EVENT_CLASSES)]
            node = f"<{RES[f'event/bench/e{e}-{cls.lower()}']}>"
            emit(node, a, iri[cls])
            emit(node, label, f'"{cls} {e}"')
            emit(node, iri["lemma"], '"adresser"')
            emit(node, iri["agent"], f"<{RES[f'person/p{(e * 7) % persons}']}>")
            emit(node, iri["recipient"], f"<{RES[f'person/p{(e * 13 + 1) % persons}']}>")
            emit(node, iri["date"], f'"{2000 + e % 25}-{1 + e % 12:02d}-{1 + e % 28:02d}"^^<{XSD}date>')
            emit(node, iri["modality"], iri[MODALITIES[e % 3]])
            emit(node, iri["confidence"], f'"0.{5 + e % 5}"^^<{XSD}decimal>')
            emit(node, iri["negated"], f'"false"^^<{XSD}boolean>')
            emit(node, iri["document"], doc)
            mention = f"<{RES['doc/bench']}#char={e * 10},{e * 10 + 7}>"
            emit(node, iri["mention"], mention)
            emit(mention, a, iri["Mention"])
            emit(mention, nif["beginIndex"], f'"{e * 10}"^^<{XSD}nonNegativeInteger>')
            emit(mention, nif["endIndex"], f'"{e * 10 + 7}"^^<{XSD}nonNegativeInteger>')
            emit(mention, nif["anchorOf"], '"adressé"')
            emit(mention, nif["referenceContext"], doc)
            if e % 4 == 0:
                q = f"<{RES[f'event/bench/e{e}-quantity']}>"
                emit(node, iri["quantity"], q)
                emit(q, a, iri["Quantity"])
                emit(q, iri["value"], f'"{100 * (1 + e % 50)}.0"^^<{XSD}decimal>')
                emit(q, iri["unit"], '"soldat"')
                emit(q, iri["approximate"], f'"{"true" if e % 8 == 0 else "false"}"^^<{XSD}boolean>')
    return count, persons


def timed(action: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def measure(kind: str, path: Path, persons: int, repeat: int, db: Path | None = None) -> dict[str, tuple[float, int]]:
    """Seconds (and result size) for loading ``path`` into a ``kind`` store and for each query."""
    store: Store = open_store(kind, db)
    load_time, _ = timed(lambda: store.load([path]))
    figures = {"load": (load_time, len(store))}
    for name, (text, params) in QUERIES.items():
        bindings = params(persons)
        times, result = [], QueryResult((), ())
        for _ in range(repeat):
            seconds, result = timed(lambda: store.query(text, bindings))
            times.append(seconds)
        figures[name] = (statistics.median(times), len(result))
        print(f"  {kind:8} {name:13} {figures[name][0]:9.4f} s  ({figures[name][1]} rows)", file=sys.stderr)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples to generate")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the median is reported")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        path = Path(tmp) / "synthetic.nt"
        written, persons = write_graph(path, args.triples)
        size = path.stat().st_size / 1e6
        print(f"synthetic graph: {written:,} triples, {persons:,} people, {size:.0f} MB of N-Triples")
        results = {kind: measure(kind, path, persons, args.repeat) for kind in ("rdflib", "oxigraph")}
        for name in QUERIES:
            if results["rdflib"][name][1] != results["oxigraph"][name][1]:
                raise SystemExit(f"{name}: the stores disagree ({results['rdflib'][name][1]} vs "
                                 f"{results['oxigraph'][name][1]} rows)")

        db = Path(tmp) / "db"
        persist_load, _ = timed(lambda: open_store("oxigraph", db).load([path]))
        reopen, reopened = timed(lambda: open_store("oxigraph", db, read_only=True))
        reopened_size = len(reopened)

    print(f"\n{'':24}{'rdflib':>12}{'oxigraph':>12}{'ratio':>10}")
    for name in ("load", *QUERIES):
        r, o = results["rdflib"][name][0], results["oxigraph"][name][0]
        label = f"{name} ({results['rdflib'][name][1]:,} {'triples' if name == 'load' else 'rows'})"
        print(f"{label:24}{r:11.4f}s{o:11.4f}s{r / o:9.1f}x")
    print(f"\noxigraph persistent folder: load {persist_load:.2f} s once, "
          f"then reopen read-only in {reopen:.3f} s ({reopened_size:,} triples), "
          f"{persist_load / reopen:.0f}x faster than loading again; rdflib must parse the file "
          f"every time ({results['rdflib']['load'][0]:.2f} s)")


if __name__ == "__main__":
    main()
