"""Records → triples, on hand-built records (no spaCy)."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import SKOS

from kg.namespace import KG, NIF, WD
from kg.rdf.iri import entity_iri, event_iri, span_iri
from kg.rdf.mapping import to_graph
from kg.records import (
    DateValue,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    QuantityValue,
    RelationRecord,
    SentenceRecord,
    Span,
)

GOLDEN = Path(__file__).parent / "golden" / "mini.ttl"
TEXT = "Le 26 décembre, Kim a écrit à la Russie. Environ 500 soldats auraient été envoyés."


def sp(text: str, needle: str) -> Span:
    i = TEXT.index(needle)
    return Span(i, i + len(needle), needle)


def mini_record() -> DocumentRecord:
    r = DocumentRecord(doc_id="mini", text=TEXT, publication_date="2024-12-27", source="mini.txt")
    r.sentences = [SentenceRecord(0, sp(TEXT, "Le 26 décembre, Kim a écrit à la Russie.")),
                   SentenceRecord(1, sp(TEXT, "Environ 500 soldats auraient été envoyés."))]
    kim = EntityRecord("Person:kim", "Person", "Kim Jong-un", {"Kim"}, [sp(TEXT, "Kim")], title="dirigeant")
    ru = EntityRecord("Place:russie", "Country", "Russie", {"russe"}, [sp(TEXT, "Russie")], wikidata="Q159")
    r.entities = {kim.key: kim, ru.key: ru}
    e1 = EventRecord("e1", "Communication", "écrire", sp(TEXT, "écrit"), 0, confidence=0.8,
                     date=DateValue("--12-26", "gMonthDay", sp(TEXT, "26 décembre")))
    e1.add_role("agent", kim.key, sp(TEXT, "Kim"))
    e1.add_role("recipient", ru.key, sp(TEXT, "Russie"))
    e2 = EventRecord("e2", "Deployment", "envoyer", sp(TEXT, "envoyés"), 1, modality="Reported", confidence=0.6,
                     quantity=QuantityValue(500.0, "soldat", True, sp(TEXT, "Environ 500")))
    r.events = [e1, e2]
    r.relations = [RelationRecord("affiliation", kim.key, ru.key, sp(TEXT, "Kim"))]
    return r


def test_golden_graph_is_isomorphic():
    g = to_graph([mini_record()])
    if os.environ.get("KG_UPDATE_GOLDEN"):
        g.serialize(GOLDEN, format="turtle")
    golden = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(g, golden):
        _, only_new, only_golden = graph_diff(to_isomorphic(g), to_isomorphic(golden))
        raise AssertionError(f"graph differs from {GOLDEN.name}:\n+ {sorted(only_new)[:5]}\n"
                             f"- {sorted(only_golden)[:5]}")


def test_entities_are_typed_named_and_linked():
    g = to_graph([mini_record()])
    kim, ru = entity_iri("Person", "Kim Jong-un"), entity_iri("Country", "Russie")
    assert (kim, RDF.type, KG.Person) in g
    assert (kim, RDFS.label, Literal("Kim Jong-un", lang="fr")) in g  # labels carry the document language
    assert (kim, SKOS.altLabel, Literal("Kim", lang="fr")) in g
    assert (ru, SKOS.exactMatch, WD.Q159) in g
    assert (kim, KG.affiliation, ru) in g
    assert (kim, KG.title, Literal("dirigeant")) in g


def test_event_roles_date_quantity_modality():
    g = to_graph([mini_record()])
    e1, e2 = event_iri("mini", "e1", "Communication"), event_iri("mini", "e2", "Deployment")
    assert (e1, KG.date, Literal("--12-26", datatype=XSD.gMonthDay)) in g
    assert (e1, KG.modality, KG.Asserted) in g and (e2, KG.modality, KG.Reported) in g
    q = g.value(e2, KG.quantity)
    assert g.value(q, KG.value) == Literal("500.0", datatype=XSD.decimal)
    assert g.value(q, KG.approximate) == Literal(True)
    assert g.value(e1, KG.confidence).toPython() == Decimal("0.8")


def test_provenance_points_at_the_words():
    g = to_graph([mini_record()])
    e1 = event_iri("mini", "e1", "Communication")
    mention = g.value(e1, KG.mention)
    assert mention == span_iri("mini", TEXT.index("écrit"), TEXT.index("écrit") + 5)
    assert str(g.value(mention, NIF.anchorOf)) == "écrit"
    sentence = g.value(mention, KG.sentence)
    assert str(g.value(sentence, NIF.anchorOf)).startswith("Le 26 décembre")
    doc = g.value(mention, NIF.referenceContext)
    assert str(g.value(doc, NIF.isString)) == TEXT


def test_built_graph_satisfies_the_shapes():
    from kg.validate import validate

    result = validate(to_graph([mini_record()]))
    assert result.conforms, result.violations


def test_mapping_never_imports_spacy():
    code = "import kg.rdf.mapping, kg.records, kg.sources, kg.rdf.write, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_kg_is_light():
    code = ("import kg, kg.cli, sys; "
            "print(sorted(m for m in ('spacy', 'pyvis', 'pyshacl', 'pyoxigraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_each_role_has_its_evidence_span():
    g = to_graph([mini_record()])
    e1 = event_iri("mini", "e1", "Communication")
    statements = {(g.value(st, RDF.predicate), g.value(st, RDF.object)): g.value(st, KG.mention)
                  for st in g.subjects(RDF.subject, e1)}
    assert set(statements) == {(KG.agent, entity_iri("Person", "Kim Jong-un")),
                               (KG.recipient, entity_iri("Country", "Russie"))}
    assert str(g.value(statements[(KG.recipient, entity_iri("Country", "Russie"))], NIF.anchorOf)) == "Russie"
