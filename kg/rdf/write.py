"""Writing rdflib graphs and datasets to files, deterministically.

The same graph gives the same bytes in every run, whatever the order triples
were added in or Python's hash seed: Turtle and TriG are sorted by rdflib;
N-Triples / N-Quads are written by pyoxigraph's serializer and their lines
sorted (split on ``\\n`` only: a literal holding U+2028 or U+0085 stays on its
line); JSON-LD is compacted with a ``@context`` of the prefixes used and its
nodes sorted; RDF/XML is written by pyoxigraph from sorted triples. Every
output binds ``res:`` and the other kg prefixes it uses. ``-`` writes to
standard output (Turtle unless a format is given).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.files import output_folder, write_atomic
from kg.rdf.formats import by_name, detect
from kg.rdf.prefixes import PREFIXES, bind_all, used
from kg.rdf.terms import to_ox


def format_for(path: str | Path) -> str:
    """The rdflib format to write ``path`` in, by its extension (``-``: Turtle). Also
    refuses, before any slow work, an output that cannot be a file: a missing folder, a folder."""
    if str(path) == "-":
        return "turtle"
    fmt = detect(path, writing=True).name
    output_folder(Path(path))
    return fmt


def ox_quads(graph: Graph) -> Iterator[Any]:
    """The graph's triples (a dataset's quads) as pyoxigraph terms."""
    import pyoxigraph as ox

    iris: dict[str, Any] = {}
    if isinstance(graph, Dataset) or graph.context_aware:
        for s, p, o, g in graph.quads((None, None, None, None)):  # type: ignore[attr-defined]
            name = getattr(g, "identifier", g)
            graph_name = ox.DefaultGraph() if name is None or name == DATASET_DEFAULT_GRAPH_ID else to_ox(name, iris)
            yield ox.Quad(to_ox(s, iris), to_ox(p, iris), to_ox(o, iris), graph_name)
        return
    for s, p, o in graph:
        yield ox.Triple(to_ox(s, iris), to_ox(p, iris), to_ox(o, iris))


def ox_bytes(items: Any, fmt: Any, **options: Any) -> bytes:
    """pyoxigraph's serializer into bytes."""
    import pyoxigraph as ox

    data = ox.serialize(items, format=fmt, **options)
    assert data is not None  # no output file given: bytes come back
    return data


def sorted_lines(data: bytes) -> bytes:
    """Distinct N-Triples / N-Quads lines in sorted order, split on ``\\n`` only."""
    return b"".join(line + b"\n" for line in sorted(set(data.split(b"\n"))) if line.strip())


def _line_based(graph: Graph, fmt: str) -> bytes:
    import pyoxigraph as ox

    items = list(ox_quads(graph))
    if fmt == "nt" and items and isinstance(items[0], ox.Quad):
        items = [q.triple for q in items]  # a dataset asked for as N-Triples: its union
    if fmt == "nquads" and items and isinstance(items[0], ox.Triple):
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in items]
    target = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.N_QUADS
    return sorted_lines(ox_bytes(items, target))


def _iris(graph: Graph) -> set[str]:
    from rdflib import Literal, URIRef

    found: set[str] = set()
    for triple in graph.triples((None, None, None)):
        for term in triple:
            if isinstance(term, URIRef):
                found.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                found.add(str(term.datatype))
    return found


def serialize(graph: Graph, fmt: str) -> bytes:
    """``graph`` as bytes in rdflib format ``fmt`` (see the module doc). A plain graph
    asked for as TriG or N-Quads becomes the default graph of a dataset."""
    fmt = by_name(fmt).name
    if fmt in ("nt", "nquads"):
        return _line_based(graph, fmt)
    if fmt == "xml":
        return _rdf_xml(graph)
    if fmt == "trig" and not graph.context_aware:
        graph = _as_dataset(graph)
    if fmt == "turtle" and len(graph) > LARGE:
        return _large_turtle(graph)
    bind_all(graph)
    if fmt == "json-ld":
        context = used(_iris(graph))
        data = graph.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
        return (json.dumps(_sorted_json(json.loads(data)), indent=2, ensure_ascii=False, sort_keys=True)
                + "\n").encode("utf-8")
    return _declare_used(graph.serialize(format=fmt, encoding="utf-8"), graph)


#: Triples above which Turtle is written by pyoxigraph: rdflib's Turtle writer computes a prefixed name for
#: every IRI through a namespace trie that grows with each distinct namespace, quadratic on a long text
#: (20,000 sentences: 350 s of a 400 s build). Below, rdflib's writer keeps its grouped, indented layout.
LARGE = 50_000


def _large_turtle(graph: Graph) -> bytes:
    """Turtle by pyoxigraph from the sorted N-Triples (so the same graph gives the same bytes), with the
    used prefixes declared."""
    import pyoxigraph as ox

    triples = ox.parse(_line_based(graph, "nt"), format=ox.RdfFormat.N_TRIPLES)
    return ox_bytes(triples, ox.RdfFormat.TURTLE, prefixes=used(_iris(graph)))


def _declare_used(data: bytes, graph: Graph) -> bytes:
    """Turtle / TriG with every kg prefix its IRIs use declared: rdflib declares only
    those it writes names with, and ``res:person/x`` is written in full, so ``res:``
    would be missing for a reader who wants to write ``res:`` names."""
    missing = [f"@prefix {p}: <{ns}> .\n".encode() for p, ns in used(_iris(graph)).items()
               if f"@prefix {p}: ".encode() not in data]
    return b"".join(missing) + data if missing else data


def _as_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True)
    for triple in graph:
        dataset.add(triple)
    return dataset


def _rdf_xml(graph: Graph) -> bytes:
    """RDF/XML in sorted order (rdflib's writer follows its store's set order), carriage returns kept."""
    import pyoxigraph as ox

    triples = ox.parse(_line_based(graph, "nt"), format=ox.RdfFormat.N_TRIPLES)
    from rdflib import RDF

    names = {str(p) for p in graph.predicates(unique=True)} | {str(o) for o in graph.objects(predicate=RDF.type)}
    data = ox_bytes(triples, ox.RdfFormat.RDF_XML, prefixes=used(names))
    # XML readers turn a raw CR into LF; written as a character reference it stays a CR.
    return data.replace(b"\r", b"&#13;")


def _sorted_json(value: object) -> object:
    """JSON-LD in a canonical order: keys, node arrays and value arrays sorted
    (``@list`` arrays keep their order: it is meaningful)."""
    if isinstance(value, dict):
        return {k: ([_sorted_json(v) for v in item] if k == "@list" and isinstance(item, list) else _sorted_json(item))
                for k, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def write_graph(graph: Graph, path: str | Path, fmt: str | None = None) -> None:
    """Write ``graph`` to ``path`` atomically (``-``: standard output), format by extension unless ``fmt``."""
    write_atomic(path, serialize(graph, fmt or format_for(path)))


__all__ = ["PREFIXES", "format_for", "serialize", "sorted_lines", "write_graph"]
