"""The whole pipeline on the real French model, on the seed article."""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Literal
from rdflib.namespace import RDFS

from kg.namespace import KG

pytestmark = pytest.mark.model


def one(graph, cls, **roles):
    """The events of class ``cls`` whose roles hold entities with these labels."""
    found = []
    for ev in graph.subjects(RDF.type, cls):
        ok = True
        for role, label in roles.items():
            labels = {str(graph.value(o, RDFS.label)) for o in graph.objects(ev, KG[role])}
            ok &= label in labels
        if ok:
            found.append(ev)
    assert found, f"no {cls} with {roles}"
    return found[0]


def test_kim_sent_a_message_to_putin_on_26_december_via_kcna(seed_graph):
    ev = one(seed_graph, KG.Communication, agent="Kim Jong-un", recipient="Vladimir Poutine", source="KCNA")
    assert seed_graph.value(ev, KG.date) == Literal("--12-26", datatype=XSD.gMonthDay)


def test_north_korea_and_russia_signed_an_agreement_in_june_2024(seed_graph):
    ev = one(seed_graph, KG.Agreement, participant="Corée du Nord")
    assert one(seed_graph, KG.Agreement, participant="Russie") == ev
    assert seed_graph.value(ev, KG.date) == Literal("2024-06", datatype=XSD.gYearMonth)


def test_about_15000_soldiers_reportedly_sent_hedged_and_approximate(seed_graph):
    ev = one(seed_graph, KG.Deployment, agent="Corée du Nord", recipient="Russie")
    q = seed_graph.value(ev, KG.quantity)
    assert float(seed_graph.value(q, KG.value)) == 15000
    assert seed_graph.value(q, KG.approximate) == Literal(True)
    assert seed_graph.value(ev, KG.modality) == KG.Reported


def test_aliases_are_merged_into_one_node(seed_graph):
    from rdflib.namespace import SKOS

    korea = [s for s in seed_graph.subjects(RDFS.label, Literal("Corée du Nord", lang="fr"))]
    assert len(korea) == 1
    aliases = {str(a) for a in seed_graph.objects(korea[0], SKOS.altLabel)}
    assert {"Pyongyang", "nord-coréens"} <= aliases
    kim = next(seed_graph.subjects(RDFS.label, Literal("Kim Jong-un", lang="fr")))
    assert Literal("Kim", lang="fr") in set(seed_graph.objects(kim, SKOS.altLabel))


def test_putin_is_affiliated_to_russia(seed_graph):
    putin = next(seed_graph.subjects(RDFS.label, Literal("Vladimir Poutine", lang="fr")))
    russia = next(seed_graph.subjects(RDFS.label, Literal("Russie", lang="fr")))
    assert (putin, KG.affiliation, russia) in seed_graph


def test_seed_graph_satisfies_the_shapes(seed_graph):
    from kg.validate import validate

    result = validate(seed_graph)
    assert result.conforms, result.violations[:5]


def test_same_input_gives_byte_identical_output(tmp_path):
    from conftest import SEED

    from kg.pipeline import build_graph
    from kg.rdf.write import serialize
    from kg.sources import read_sources

    outs = [serialize(build_graph(read_sources([str(SEED)])), fmt) for fmt in ("turtle", "nt") for _ in range(2)]
    assert outs[0] == outs[1] and outs[2] == outs[3]


def test_publication_date_resolves_weekdays():
    import datetime as dt

    from kg.pipeline import build_text

    g = build_text("Mardi, le ministre français Jean Dupont a rencontré le président ukrainien à Kiev.",
                   publication_date=dt.date(2025, 3, 7))
    ev = next(g.subjects(RDF.type, KG.Meeting))
    assert g.value(ev, KG.date) == Literal("2025-03-04", datatype=XSD.date)


def test_outputs_get_the_usual_file_mode(tmp_path):
    """Atomic writes go through mkstemp (0600); the result must be readable like any file."""
    import os

    from kg.files import write_atomic

    out = tmp_path / "g.ttl"
    write_atomic(out, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_hypothetical_exchange_reported_by_le_monde(seed_graph):
    ev = one(seed_graph, KG.Transaction, agent="Corée du Nord", source="Le Monde")
    assert seed_graph.value(ev, KG.modality) == KG.Hypothetical
