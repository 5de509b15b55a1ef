"""kg.validate against ontology/shapes.ttl, on small graphs built by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import ValidationError
from kg.namespace import KG, NIF, ONTOLOGY_IRI, RES
from kg.validate import ValidationResult, raise_if_invalid, validate

ROOT = Path(__file__).resolve().parent.parent
#: A plain Namespace: pytest probes module attributes, and rdflib's XSD warns on unknown names.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
TEXT = "Emmanuel Macron a remercié l'Ukraine le 14 mars pour l'envoi d'environ 200 soldats."


@dataclass
class Sample:
    """A small valid graph and the nodes the tests break."""

    graph: Graph
    document: URIRef
    person: URIRef
    country: URIRef
    event: URIRef
    quantity: BNode


def _offset(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _span(g: Graph, node: URIRef, cls: URIRef, document: URIRef, text: str) -> URIRef:
    start = TEXT.index(text)
    g.add((node, RDF.type, cls))
    g.add((node, NIF.beginIndex, _offset(start)))
    g.add((node, NIF.endIndex, _offset(start + len(text))))
    g.add((node, NIF.anchorOf, Literal(text)))
    g.add((node, NIF.referenceContext, document))
    return node


def build() -> Sample:
    """Document, sentence, mentions, a person, a country, a Communication with a quantity."""
    g = Graph()
    doc = RES["doc/test"]
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, NIF.isString, Literal(TEXT)))
    g.add((doc, KG.publicationDate, Literal("2024-03-15", datatype=XSD.date)))

    sentence = _span(g, RES["doc/test/sentence/0"], NIF.Sentence, doc, TEXT)

    def mention(i: int, text: str) -> URIRef:
        node = _span(g, RES[f"doc/test/mention/{i}"], KG.Mention, doc, text)
        g.add((node, KG.sentence, sentence))
        return node

    person = RES["person/emmanuel-macron"]
    g.add((person, RDF.type, KG.Person))
    g.add((person, RDFS.label, Literal("Emmanuel Macron", lang="fr")))
    g.add((person, SKOS.altLabel, Literal("Macron")))
    g.add((person, KG.mention, mention(0, "Emmanuel Macron")))
    g.add((person, KG.document, doc))

    country = RES["country/ukraine"]
    g.add((country, RDF.type, KG.Country))
    g.add((country, RDFS.label, Literal("Ukraine")))
    g.add((country, KG.mention, mention(1, "Ukraine")))

    quantity = BNode()
    g.add((quantity, RDF.type, KG.Quantity))
    g.add((quantity, KG.value, Literal(Decimal("200"))))
    g.add((quantity, KG.unit, Literal("soldat")))
    g.add((quantity, KG.approximate, Literal(True)))

    event = RES["event/test/0"]
    g.add((event, RDF.type, KG.Communication))
    g.add((event, KG.agent, person))
    g.add((event, KG.recipient, country))
    g.add((event, KG.date, Literal("--03-14", datatype=XSD.gMonthDay)))
    g.add((event, KG.dateText, Literal("le 14 mars")))
    g.add((event, KG.quantity, quantity))
    g.add((event, KG.modality, KG.Asserted))
    g.add((event, KG.negated, Literal(False)))
    g.add((event, KG.confidence, Literal(Decimal("0.8"))))
    g.add((event, KG.lemma, Literal("remercier")))
    g.add((event, KG.mention, mention(2, "remercié")))
    g.add((event, KG.document, doc))
    return Sample(g, doc, person, country, event, quantity)


def _violations_on(result: ValidationResult, needle: str) -> list[str]:
    return [line for line in result.violations if needle in line]


def test_valid_graph_conforms() -> None:
    result = validate(build().graph)
    assert result.violations == []
    assert result.conforms


def test_validation_does_not_modify_the_graph() -> None:
    graph = build().graph
    before = len(graph)
    validate(graph)
    assert len(graph) == before


@pytest.mark.parametrize(
    "date",
    [
        Literal("2024-03-14", datatype=XSD.date),
        Literal("2024-03", datatype=XSD.gYearMonth),
        Literal("2024", datatype=XSD.gYear),
        Literal("--03-14", datatype=XSD.gMonthDay),
    ],
)
def test_every_contract_date_type_conforms(date: Literal) -> None:
    sample = build()
    sample.graph.set((sample.event, KG.date, date))
    assert validate(sample.graph).conforms


@pytest.mark.parametrize(
    "date",
    [
        Literal("14 mars", datatype=XSD.string),
        Literal("2024-03-14"),  # plain string: must be typed
        Literal("2024-03-14T10:00:00", datatype=XSD.dateTime),
        Literal("--14-03", datatype=XSD.gMonthDay),  # month 14 does not exist
    ],
)
def test_badly_typed_date_is_a_violation(date: Literal) -> None:
    sample = build()
    sample.graph.set((sample.event, KG.date, date))
    result = validate(sample.graph)
    assert not result.conforms
    lines = _violations_on(result, "kg:date")
    assert len(lines) == 1
    assert lines[0].startswith(f"<{RES}event/test/0> — kg:date — ")  # full IRI: res:event/… is no valid name


def test_quantity_without_value_is_a_violation() -> None:
    sample = build()
    sample.graph.remove((sample.quantity, KG.value, None))
    result = validate(sample.graph)
    assert not result.conforms
    assert any("kg:value — A quantity must have exactly one kg:value" in line for line in result.violations)


def test_float_quantity_value_is_a_violation() -> None:
    sample = build()
    sample.graph.set((sample.quantity, KG.value, Literal(200.0)))  # xsd:double
    result = validate(sample.graph)
    assert _violations_on(result, "kg:value must be an xsd:decimal")


def test_integer_quantity_value_is_accepted() -> None:
    sample = build()
    sample.graph.set((sample.quantity, KG.value, Literal(200)))
    assert validate(sample.graph).conforms


def test_unknown_modality_is_a_violation() -> None:
    sample = build()
    sample.graph.set((sample.event, KG.modality, URIRef(ONTOLOGY_IRI + "Nonsense")))
    result = validate(sample.graph)
    assert not result.conforms
    lines = _violations_on(result, "kg:modality")
    assert lines and all(line.startswith(f"<{RES}event/test/0> — kg:modality — ") for line in lines)
    assert any("kg:Nonsense" in line for line in lines)


def test_missing_modality_is_a_violation() -> None:
    sample = build()
    sample.graph.remove((sample.event, KG.modality, None))
    assert _violations_on(validate(sample.graph), "kg:modality")


def test_person_with_two_labels_is_a_violation() -> None:
    sample = build()
    sample.graph.add((sample.person, RDFS.label, Literal("Macron")))
    result = validate(sample.graph)
    assert not result.conforms
    assert result.violations == [
        f"<{RES}person/emmanuel-macron> — rdfs:label — "
        "An entity must have exactly one rdfs:label (put other names in skos:altLabel)."
    ]


def test_subclass_entity_with_two_labels_is_reported_once() -> None:
    sample = build()  # kg:Country is targeted both as Country and as Place
    sample.graph.add((sample.country, RDFS.label, Literal("l'Ukraine")))
    assert len(validate(sample.graph).violations) == 1


def test_confidence_out_of_range_is_a_violation() -> None:
    sample = build()
    sample.graph.set((sample.event, KG.confidence, Literal(Decimal("1.5"))))
    assert _violations_on(validate(sample.graph), "kg:confidence")


def test_event_without_mention_or_document_is_a_violation() -> None:
    sample = build()
    sample.graph.remove((sample.event, KG.mention, None))
    sample.graph.remove((sample.event, KG.document, None))
    result = validate(sample.graph)
    assert _violations_on(result, "kg:mention")
    assert _violations_on(result, "kg:document")


def test_literal_agent_is_a_violation() -> None:
    sample = build()
    sample.graph.set((sample.event, KG.agent, Literal("Emmanuel Macron")))
    assert _violations_on(validate(sample.graph), "kg:agent must point to an entity IRI")


def test_mention_offsets_must_be_non_negative_integers() -> None:
    sample = build()
    mention = RES["doc/test/mention/0"]
    sample.graph.set((mention, NIF.beginIndex, Literal(0)))  # xsd:integer
    assert _violations_on(validate(sample.graph), "nif:beginIndex")


def test_mention_end_before_begin_is_a_violation() -> None:
    sample = build()
    mention = RES["doc/test/mention/0"]
    sample.graph.set((mention, NIF.endIndex, _offset(0)))
    assert _violations_on(validate(sample.graph), "smaller than nif:endIndex")


def test_document_without_text_is_a_violation() -> None:
    sample = build()
    sample.graph.remove((sample.document, NIF.isString, None))
    assert _violations_on(validate(sample.graph), "nif:isString")


def test_affiliation_of_a_non_person_is_a_violation() -> None:
    sample = build()
    sample.graph.add((sample.person, KG.affiliation, sample.country))
    assert validate(sample.graph).conforms
    sample.graph.add((sample.country, KG.affiliation, sample.person))
    assert _violations_on(validate(sample.graph), "subject of kg:affiliation must be a kg:Person")


def test_violations_are_sorted_and_deterministic() -> None:
    sample = build()
    sample.graph.add((sample.person, RDFS.label, Literal("Macron")))
    sample.graph.remove((sample.event, KG.modality, None))
    sample.graph.set((sample.event, KG.date, Literal("mardi")))
    first = validate(sample.graph)
    second = validate(sample.graph)
    assert len(first.violations) == 3
    assert first.violations == sorted(first.violations) == second.violations
    assert "Conforms: False" in first.text


def test_raise_if_invalid() -> None:
    sample = build()
    assert raise_if_invalid(sample.graph).conforms
    sample.graph.remove((sample.quantity, KG.value, None))
    with pytest.raises(ValidationError, match=r"does not satisfy ontology/shapes\.ttl: [1-9]\d* violation\(s\); first: .+ — kg:(value|quantity) — "):
        raise_if_invalid(sample.graph)


def test_missing_shapes_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="shapes file not found"):
        validate(build().graph, shapes=tmp_path / "missing.ttl")


def test_malformed_shapes_file_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "shapes.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid Turtle"):
        validate(build().graph, shapes=broken)


def test_importing_validate_does_not_import_pyshacl() -> None:
    code = "import sys, kg.validate; sys.exit(1 if 'pyshacl' in sys.modules else 0)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr or "pyshacl was imported by `import kg.validate`"
