"""Draw a random sample of extracted events for a manual precision audit.

Protocol (GitHub issue 3: "50 randomly drawn extracted events judged by reading
their source sentences, with the share that is right, aim ≥ 0.80"):

1. Build the graph of the unseen corpus ``../shared/data/wikinews_fr100/articles.jsonl``
   (100 real French Wikinews articles, relative to the project root) with the
   library (``read_sources`` + ``build_graph``), or read an already built graph
   with ``--graph PATH``.
2. Keep every node typed with one of the seven contract event classes
   (kg:Communication, Meeting, Agreement, Deployment, Attack, Transaction,
   Decision; a node typed only kg:Event is not eligible), sort them by IRI and
   draw ``-n`` (default 50) with ``random.Random(--seed)`` (default 20261124):
   the same graph and seed always give the same sample.
3. Print, per event, everything an annotator needs to judge it against its
   source sentence: class, lemma, roles (entity labels), date, quantity,
   modality, negation, confidence, trigger text, full sentence, document title.
4. The annotator marks each event RIGHT (the sentence states, reports or
   hypothesises an event of that class, and no stated role, date or quantity is
   wrong; a missing one is fine), PARTLY (class right, exactly one stated
   role/date/quantity wrong) or WRONG (not an event of that class, or two or
   more wrong). The share RIGHT is the precision (see docs/audit-wikinews.md).

    python bench/audit_sample.py --format md > /tmp/audit.md
    python bench/audit_sample.py --graph wikinews.ttl --format jsonl -n 100
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".." / "shared" / "data" / "wikinews_fr100" / "articles.jsonl"
CLASSES = ("Communication", "Meeting", "Agreement", "Deployment", "Attack", "Transaction", "Decision")
ROLES = ("agent", "recipient", "participant", "place", "source")


def load(graph_path: str | None) -> Graph:
    """The graph to audit: read from ``graph_path`` or built from the corpus."""
    if graph_path:
        from kg.rdf.read import load_graphs

        return load_graphs([graph_path])
    corpus = CORPUS.resolve()
    if not corpus.is_file():
        sys.exit(f"audit_sample: corpus not found: {corpus} (expected ../shared/data/wikinews_fr100/"
                 "articles.jsonl beside the project; or pass --graph PATH)")
    from kg.pipeline import build_graph
    from kg.sources import read_sources

    return build_graph(read_sources([str(corpus)]))


def sample(g: Graph, n: int, seed: int) -> list[tuple[URIRef, str]]:
    """``n`` (event, class name) pairs drawn reproducibly among the typed events."""
    from kg.namespace import KG

    events: dict[URIRef, str] = {}
    for name in CLASSES:
        for node in g.subjects(RDF.type, KG[name]):
            events.setdefault(node, name)
    pool = sorted(events.items())
    return sorted(random.Random(seed).sample(pool, min(n, len(pool))), key=pool.index)


def describe(g: Graph, event: URIRef, cls: str) -> dict:
    """Everything the annotator reads about one event, as plain strings."""
    from kg.namespace import KG, NIF

    def text(node):
        return None if node is None else str(node)

    row: dict = {"iri": str(event), "class": cls, "lemma": text(g.value(event, KG.lemma))}
    for role in ROLES:
        labels = sorted(str(g.value(e, RDFS.label) or e) for e in g.objects(event, KG[role]))
        if labels:
            row[role] = labels
    date = g.value(event, KG.date)
    if date is not None:
        row["date"] = f"{date} ({g.value(event, KG.dateText)})"
    q = g.value(event, KG.quantity)
    if q is not None:
        row["quantity"] = {"value": text(g.value(q, KG.value)), "unit": text(g.value(q, KG.unit)),
                           "approximate": text(g.value(q, KG.approximate)), "text": text(g.value(q, RDFS.label))}
    modality = g.value(event, KG.modality)
    row["modality"] = modality.split("#")[-1] if modality else None
    row["negated"] = text(g.value(event, KG.negated))
    row["confidence"] = text(g.value(event, KG.confidence))
    mention = g.value(event, KG.mention)
    row["trigger"] = text(g.value(mention, NIF.anchorOf))
    row["sentence"] = text(g.value(g.value(mention, KG.sentence), NIF.anchorOf))
    row["document"] = text(g.value(g.value(event, KG.document), RDFS.label))
    return row


def markdown(k: int, row: dict) -> str:
    lines = [f"## {k}. {row['class']} « {row['trigger']} » (lemma {row['lemma']})", "",
             f"- IRI: `{row['iri']}`", f"- document: {row['document']}"]
    lines += [f"- {role}: {'; '.join(row[role])}" for role in ROLES if role in row]
    if "date" in row:
        lines.append(f"- date: {row['date']}")
    if "quantity" in row:
        q = row["quantity"]
        lines.append(f"- quantity: {q['value']} {q['unit'] or ''} (approximate {q['approximate']}; « {q['text']} »)")
    lines.append(f"- modality: {row['modality']}; negated: {row['negated']}; confidence: {row['confidence']}")
    sentence = " ".join((row["sentence"] or "").split())
    lines += ["", f"> {sentence}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graph", help="audit this graph file instead of building the corpus")
    ap.add_argument("-n", type=int, default=50, help="events to draw (default 50)")
    ap.add_argument("--seed", type=int, default=20261124, help="random seed (default 20261124)")
    ap.add_argument("--format", choices=("md", "jsonl"), default="md")
    args = ap.parse_args(argv)
    from kg.errors import KgError

    try:
        g = load(args.graph)
    except KgError as exc:
        sys.exit(f"audit_sample: {exc}")
    drawn = sample(g, args.n, args.seed)
    rows = [describe(g, event, cls) for event, cls in drawn]
    if args.format == "jsonl":
        for k, row in enumerate(rows, 1):
            print(json.dumps({"n": k, **row}, ensure_ascii=False))
        return
    print(f"# Event audit sample: {len(rows)} events, seed {args.seed}\n")
    for k, row in enumerate(rows, 1):
        print(markdown(k, row))


if __name__ == "__main__":
    main()
