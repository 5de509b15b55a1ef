"""Every output format survives every Unicode line break and control character (issue 14 item 7),
prefixes are bound, and N-Triples are never re-split on Unicode line breaks."""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.export import export
from kg.namespace import KG, RES
from kg.rdf.formats import FORMATS, WRITE_EXTENSIONS, detect
from kg.rdf.prefixes import is_local_name, short
from kg.rdf.write import serialize, write_graph

#: Line breaks Python's str.splitlines() knows, and every C0/C1 control character.
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xa0)))
HOSTILE = st.text(alphabet=st.sampled_from(BREAKS + CONTROLS + "aé « » \"'<>&\\"), min_size=1, max_size=30)
RDF_OUTPUTS = [ext for ext in WRITE_EXTENSIONS if ext not in (".owl", ".xml", ".n3")]


def graph_with(text: str) -> Graph:
    g = Graph()
    node = RES["person/x"]
    g.add((node, RDF.type, KG.Person))
    g.add((node, RDFS.label, Literal(text, lang="fr")))
    g.add((node, KG.title, Literal(text)))
    return g


def _parsed(path: Path) -> Graph:
    fmt = detect(path)
    if fmt.dataset:
        ds = Dataset()
        ds.parse(path, format=fmt.name)
        union = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return Graph().parse(path, format=fmt.name)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_rdf_outputs_round_trip_any_line_break_or_control(tmp_path: Path, text: str) -> None:
    g = graph_with(text)
    for ext in RDF_OUTPUTS:
        path = tmp_path / f"g{ext}"
        write_graph(g, path)
        if ext == ".rdf" and any(c in CONTROLS.replace("\t", "").replace("\n", "").replace("\r", "")
                                 for c in text):
            continue  # XML 1.0 cannot hold most control characters; kg's texts are cleaned of them before
        assert isomorphic(_parsed(path), g), (ext, text)
    lines = (tmp_path / "g.nt").read_bytes().split(b"\n")
    assert len([line for line in lines if line]) == 3  # one line per triple, whatever the text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_network_exports_are_well_formed_xml(tmp_path: Path, text: str) -> None:
    g = graph_with(text)
    for ext in (".graphml", ".gexf"):
        path = tmp_path / f"g{ext}"
        export(g, path)
        xml.dom.minidom.parse(str(path))  # raises on a character XML forbids


def test_outputs_bind_res_and_write_labels_as_given() -> None:
    g = graph_with("Kim")
    turtle = serialize(g, "turtle").decode()
    assert "@prefix res: <https://w3id.org/kgnews/resource/> ." in turtle and '"Kim"@fr' in turtle
    parsed = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(parsed, g)
    jsonld = serialize(g, "json-ld").decode()
    assert '"@context"' in jsonld and '"kg": "https://w3id.org/kgnews/ontology#"' in jsonld


def test_one_format_table() -> None:
    assert {detect(f"x{ext}", writing=True).name for ext in WRITE_EXTENSIONS} == set(FORMATS)
    assert detect("x.json").name == "json-ld"


@pytest.mark.parametrize(("iri", "expected"), [
    (str(KG.Person), "kg:Person"),
    (str(RES["person/kim-jong-un"]), f"<{RES}person/kim-jong-un>"),
    (str(RES["x.y"]), "res:x.y"),
    ("http://example.org/a", "<http://example.org/a>"),
])
def test_short_gives_valid_prefixed_names_or_full_iris(iri: str, expected: str) -> None:
    assert short(iri) == expected
    if not expected.startswith("<"):
        assert is_local_name(expected.split(":", 1)[1])
        Graph().parse(data=f"@prefix kg: <{KG._NS}> . @prefix res: <{RES}> . {expected} a kg:X .", format="turtle")


def test_a_dataset_written_as_nquads_keeps_its_graphs() -> None:
    ds = Dataset()
    ds.graph(URIRef(f"{RES}graph/a")).add((RES["a"], RDF.type, KG.Person))
    ds.add((RES["doc/a"], RDF.type, KG.Document))
    data = serialize(ds, "nquads").decode()
    assert f"<{RES}graph/a> .\n" in data and data.count("\n") == 2


def test_large_graphs_are_written_as_turtle_by_pyoxigraph_the_same_graph(monkeypatch):
    """Above LARGE triples Turtle comes from pyoxigraph (rdflib's writer is quadratic there):
    the same graph, deterministic bytes, prefixes declared."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.compare import isomorphic

    from kg.namespace import KG, RES
    from kg.rdf import write

    g = Graph()
    for i in range(300):
        g.add((URIRef(f"{RES}doc/t#char={i},{i + 5}"), KG.mention, Literal(f"phrase {i}", lang="fr")))
    monkeypatch.setattr(write, "LARGE", 100)
    data = write.serialize(g, "turtle")
    assert data == write.serialize(g, "turtle")
    assert b"@prefix kg: <https://w3id.org/kgnews/ontology#>" in data
    assert isomorphic(Graph().parse(data=data, format="turtle"), g)
