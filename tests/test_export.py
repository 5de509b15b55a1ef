"""kg export and kg stats on a small graph built by hand: networkx, GraphML, GEXF, RDF, counts, CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.compare import isomorphic
from typer.testing import CliRunner

import kg.commands.export  # noqa: F401  (registers export and stats on the app)
from kg.cli import app
from kg.errors import FormatError
from kg.export import NETWORK_FORMATS, export, network_bytes, stats, to_networkx
from kg.namespace import KG, NIF, RES

MACRON, ELYSEE, FRANCE, UKRAINE, KYIV = (RES["person/emmanuel-macron"], RES["organization/elysee"],
                                         RES["country/france"], RES["country/ukraine"], RES["city/kyiv"])
AFP = RES["newsagency/afp"]
THANKS, SENDING, MEETING = (RES["event/d/e1-communication"], RES["event/d/e2-deployment"],
                            RES["event/d/e3-meeting"])
DOC = RES["doc/d"]
#: role and relation edges the graph holds: 7 roles, 1 affiliation, 2 ally (both directions)
ROLE_EDGES = {(THANKS, "agent", MACRON), (THANKS, "recipient", UKRAINE), (THANKS, "source", AFP),
              (SENDING, "agent", FRANCE), (SENDING, "recipient", UKRAINE),
              (MEETING, "participant", MACRON), (MEETING, "place", KYIV)}
RELATION_EDGES = {(MACRON, "affiliation", ELYSEE), (FRANCE, "ally", UKRAINE), (UKRAINE, "ally", FRANCE)}


def _graph() -> Graph:
    g = Graph()
    g.bind("kg", KG._NS)
    g.bind("nif", NIF._NS)
    for node, classes, label in ((MACRON, [KG.Person], "Emmanuel Macron"), (ELYSEE, [KG.Organization], "Élysée"),
                                 (FRANCE, [KG.Country, KG.Place], "France"), (UKRAINE, [KG.Country], "Ukraine"),
                                 (KYIV, [KG.City], "Kyiv"), (AFP, [KG.Organization, KG.NewsAgency], "AFP"),
                                 (THANKS, [KG.Communication], "Communication: remercier"),
                                 (SENDING, [KG.Deployment, KG.Event], "Deployment: envoyer"),
                                 (MEETING, [KG.Meeting], "Meeting: rencontrer")):
        for cls in classes:
            g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    for s, role, o in ROLE_EDGES | RELATION_EDGES:
        g.add((s, KG[role], o))
    g.add((THANKS, KG.date, Literal("2024-03-14", datatype=XSD.date)))
    g.add((THANKS, KG.modality, KG.Asserted))
    g.add((THANKS, KG.lemma, Literal("remercier")))
    g.add((SENDING, KG.modality, KG.Reported))
    g.add((SENDING, KG.negated, Literal(False)))
    g.add((SENDING, KG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
    q = RES["quantity/d/e2"]
    g.add((SENDING, KG.quantity, q))
    g.add((q, RDF.type, KG.Quantity))
    g.add((q, KG.value, Literal(Decimal("200.0"), datatype=XSD.decimal)))
    g.add((q, KG.unit, Literal("soldat")))
    g.add((q, KG.approximate, Literal(True)))
    g.add((DOC, RDF.type, KG.Document))
    g.add((DOC, NIF.isString, Literal("Emmanuel Macron a remercié l'Ukraine…")))
    g.add((MACRON, KG.mention, RES["doc/d#char=0,15"]))  # provenance: not an edge of the network
    g.add((RES["doc/d#char=0,15"], RDF.type, KG.Mention))
    g.add((THANKS, KG.agent, RES["doc/d#char=0,15"]))  # a role pointing at a non-entity: dropped
    return g


@pytest.fixture(scope="module")
def graph() -> Graph:
    return _graph()


EXPECTED_EDGES = {(str(s), r, str(o)) for s, r, o in ROLE_EDGES | RELATION_EDGES}


def _edges(network: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, data["role"], v) for u, v, data in network.edges(data=True)}


def test_to_networkx(graph: Graph) -> None:
    network = to_networkx(graph)
    assert network.number_of_nodes() == 9  # 6 entities, 3 events; no document, mention or quantity
    assert network.number_of_edges() == 10
    assert _edges(network) == EXPECTED_EDGES
    assert network.nodes[str(AFP)] == {"label": "AFP", "class": "NewsAgency", "kind": "entity"}
    assert network.nodes[str(FRANCE)]["class"] == "Country"
    sending = network.nodes[str(SENDING)]
    assert sending == {"label": "Deployment: envoyer", "class": "Deployment", "kind": "event",
                       "modality": "Reported", "negated": False, "confidence": 0.8, "quantity": 200.0,
                       "unit": "soldat", "approximate": True}
    assert network.nodes[str(THANKS)]["date"] == "2024-03-14"


@pytest.mark.parametrize("suffix", sorted(NETWORK_FORMATS))
def test_network_files_read_back(graph: Graph, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    export(graph, path)
    if suffix == ".graphml":
        back = nx.read_graphml(path, force_multigraph=True)
        ids = [data["id"] for _, _, data in back.edges(data=True)]
    else:
        back = nx.read_gexf(path)
        ids = [data["id"] for _, _, data in back.edges(data=True)]
    assert back.number_of_nodes() == 9
    assert back.number_of_edges() == 10
    assert len(set(ids)) == 10  # Gephi merges edges that share an id
    assert _edges(back) == EXPECTED_EDGES
    assert back.nodes[str(MACRON)]["label"] == "Emmanuel Macron"
    assert back.nodes[str(SENDING)]["quantity"] == 200.0


def test_network_output_is_deterministic(graph: Graph) -> None:
    assert network_bytes(to_networkx(graph), "graphml") == network_bytes(to_networkx(_graph()), "graphml")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf", ".trig", ".nq"])
def test_rdf_formats(graph: Graph, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    export(graph, path)
    from kg.rdf.read import load_graphs

    assert isomorphic(load_graphs([path]), graph)


def test_unknown_format(graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.graphml.*\.ttl"):
        export(graph, tmp_path / "g.csv")
    assert not (tmp_path / "g.csv").exists()


def test_stats(graph: Graph) -> None:
    result = stats(graph, top=3)
    assert result.triples == len(graph)
    assert result.classes["kg:Country"] == 2
    assert result.classes["kg:Place"] == 1
    assert result.classes["kg:Organization"] == 2
    assert result.classes["kg:NewsAgency"] == 1
    assert result.classes["kg:Mention"] == 1
    counts = list(result.classes.values())
    assert counts == sorted(counts, reverse=True)
    # Ukraine: thanks, sending, France (ally) → 3 of 8 other nodes; Macron: thanks, meeting, Élysée → 3
    assert [(e.label, e.degree) for e in result.top] == [("Ukraine", 4), ("Emmanuel Macron", 3), ("France", 3)]
    assert result.top[0].centrality == pytest.approx(3 / 8)
    assert stats(graph, top=0).top == []


def test_stats_of_an_empty_graph() -> None:
    result = stats(Graph())
    assert (result.triples, result.classes, result.top) == (0, {}, [])


# --- the commands ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "g.ttl"
    _graph().serialize(path, format="turtle")
    return path


def test_cli_export(graph_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("out.graphml", "out.gexf", "out.nt"):
        result = runner.invoke(app, ["export", str(graph_file), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    assert nx.read_gexf(tmp_path / "out.gexf").number_of_edges() == 10
    result = runner.invoke(app, ["export", str(graph_file), "-o", str(tmp_path / "out.png")])
    assert isinstance(result.exception, FormatError)
    assert not (tmp_path / "out.png").exists()


def test_cli_stats(graph_file: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["stats", str(graph_file), "--format", "json", "--top", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["classes"]["kg:Person"] == 1
    assert [e["label"] for e in data["top"]] == ["Ukraine", "Emmanuel Macron"]
    table = runner.invoke(app, ["stats", str(graph_file), "--top", "1"])
    assert table.exit_code == 0
    assert "kg:Country" in table.stdout and "Ukraine" in table.stdout and "Emmanuel Macron" not in table.stdout
    assert runner.invoke(app, ["stats", str(graph_file), "--format", "xml"]).exit_code == 2


def test_gexf_bytes_do_not_depend_on_the_day(monkeypatch):
    """networkx writes today's date into GEXF; kg strips it so output is reproducible."""
    import datetime as real_dt

    from rdflib import RDF, RDFS, Graph, Literal

    from kg.export import network_bytes, to_networkx
    from kg.namespace import KG, RES

    g = Graph()
    g.add((RES["person/a"], RDF.type, KG.Person))
    g.add((RES["person/a"], RDFS.label, Literal("A")))
    first = network_bytes(to_networkx(g), "gexf")
    assert b"lastmodifieddate" not in first

    class Later(real_dt.date):
        @classmethod
        def today(cls):
            return real_dt.date(2031, 1, 1)

    monkeypatch.setattr(real_dt, "date", Later)
    assert network_bytes(to_networkx(g), "gexf") == first
