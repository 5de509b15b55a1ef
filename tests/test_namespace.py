"""kg/namespace.py and ontology/kg.ttl declare exactly the same vocabulary."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg import resources
from kg.namespace import KG, ONTOLOGY_IRI

ONTOLOGY = URIRef("https://w3id.org/kgnews/ontology")
DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
TERM_NAMES = sorted(KG.__annotations__)
CONTRACT_EVENTS = ("Communication", "Meeting", "Agreement", "Deployment", "Attack", "Transaction", "Decision")


@pytest.fixture(scope="module")
def onto() -> Graph:
    """The ontology, parsed once for the module."""
    return Graph().parse(resources.ontology_path(), format="turtle")


def _in_namespace(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_IRI)


def _local(node: URIRef) -> str:
    text = str(node)
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :]


def test_namespace_lists_terms() -> None:
    assert len(TERM_NAMES) > 40
    assert "Person" in TERM_NAMES and "agent" in TERM_NAMES


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert str(KG.Person).startswith(str(ONTOLOGY))


@pytest.mark.parametrize("name", TERM_NAMES)
def test_every_namespace_term_is_declared(onto: Graph, name: str) -> None:
    term = KG._NS[name]
    types = set(onto.objects(term, RDF.type))
    assert types & DECLARING_TYPES, f"kg:{name} is not declared in kg.ttl (types: {types})"


def test_no_extra_term_in_ontology(onto: Graph) -> None:
    known = {KG._NS[name] for name in TERM_NAMES}
    subjects = {s for s in onto.subjects() if _in_namespace(s)}
    assert subjects - known == set()


def test_no_undeclared_term_used_as_object(onto: Graph) -> None:
    known = {KG._NS[name] for name in TERM_NAMES}
    objects = {o for o in onto.objects() if _in_namespace(o)}
    assert objects - known == set()


@pytest.mark.parametrize("name", TERM_NAMES)
def test_every_term_is_documented(onto: Graph, name: str) -> None:
    term = KG._NS[name]
    labels = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
    comments = {lit.language for lit in onto.objects(term, RDFS.comment) if isinstance(lit, Literal)}
    assert {"fr", "en"} <= labels, f"kg:{name} labels: {labels}"
    assert {"fr", "en"} <= comments, f"kg:{name} comments: {comments}"
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in onto


def test_unknown_term_raises() -> None:
    with pytest.raises(AttributeError):
        KG.Nonexistent  # noqa: B018 - the attribute access is the test


def _ancestors(onto: Graph, term: URIRef) -> set[URIRef]:
    return {a for a in onto.transitive_objects(term, RDFS.subClassOf) if isinstance(a, URIRef)} - {term}


@pytest.mark.parametrize("name", CONTRACT_EVENTS)
def test_contract_events_are_events(onto: Graph, name: str) -> None:
    term = KG._NS[name]
    assert (term, RDF.type, OWL.Class) in onto
    assert KG.Event in _ancestors(onto, term)


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("Person", "Entity"),
        ("Organization", "Entity"),
        ("Place", "Entity"),
        ("NewsAgency", "Organization"),
        ("PoliticalParty", "Organization"),
        ("Country", "Place"),
        ("City", "Place"),
        ("Region", "Place"),
    ],
)
def test_entity_hierarchy(onto: Graph, name: str, parent: str) -> None:
    assert KG._NS[parent] in _ancestors(onto, KG._NS[name])


def _scorer_types(onto: Graph) -> dict[str, set[str]]:
    """Local name -> local names of itself and its ancestors, the way score.py reads them."""
    parents: dict[str, set[str]] = defaultdict(set)
    for s, o in onto.subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            parents[_local(s)].add(_local(o))

    def up(name: str, seen: frozenset[str]) -> set[str]:
        out = {name}
        for parent in parents.get(name, set()) - seen:
            out |= up(parent, seen | {name})
        return out

    return {name: up(name, frozenset()) for name in TERM_NAMES}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Person", "Person"),
        ("Organization", "Organization"),
        ("NewsAgency", "Organization"),
        ("PoliticalParty", "Organization"),
        ("Country", "Country"),
        ("Place", "Place"),
        ("City", "Place"),
        ("Region", "Place"),
    ],
)
def test_alignments_keep_scorer_entity_types(onto: Graph, name: str, expected: str) -> None:
    # The scorer matches classes by local name, so an external superclass must not
    # smuggle in another contract type (e.g. a place that looks like an Organization).
    contract = {"Person", "Organization", "Country", "Place"}
    found = _scorer_types(onto)[name] & contract
    first = next(t for t in ("Person", "Organization", "Country", "Place") if t in found)
    assert first == expected
    assert found <= {expected, "Place"}


@pytest.mark.parametrize("name", CONTRACT_EVENTS)
def test_alignments_keep_scorer_event_types(onto: Graph, name: str) -> None:
    types = _scorer_types(onto)[name]
    assert "Event" in types
    assert types & set(CONTRACT_EVENTS) == {name}
    assert not types & {"Person", "Organization", "Country", "Place"}


def test_entity_and_event_disjoint(onto: Graph) -> None:
    assert (KG.Entity, OWL.disjointWith, KG.Event) in onto or (KG.Event, OWL.disjointWith, KG.Entity) in onto


def test_modality_is_an_enumeration(onto: Graph) -> None:
    individuals = {KG.Asserted, KG.Reported, KG.Hypothetical}
    for individual in individuals:
        assert (individual, RDF.type, KG.Modality) in onto
        assert (individual, RDF.type, OWL.NamedIndividual) in onto
    enumerations = [
        set(Collection(onto, members))
        for cls in onto.objects(KG.Modality, OWL.equivalentClass)
        for members in onto.objects(cls, OWL.oneOf)
    ]
    assert individuals in enumerations


def test_property_characteristics(onto: Graph) -> None:
    assert (KG.ally, RDF.type, OWL.SymmetricProperty) in onto
    for name in ("value", "approximate", "unit", "confidence", "negated", "modality", "publicationDate"):
        assert (KG._NS[name], RDF.type, OWL.FunctionalProperty) in onto, name


@pytest.mark.parametrize(
    ("name", "domain", "range_"),
    [
        ("agent", KG.Event, KG.Entity),
        ("recipient", KG.Event, KG.Entity),
        ("participant", KG.Event, KG.Entity),
        ("source", KG.Event, KG.Entity),
        ("place", KG.Event, KG.Place),
        ("quantity", KG.Event, KG.Quantity),
        ("modality", KG.Event, KG.Modality),
        ("value", KG.Quantity, None),
        ("title", KG.Person, None),
        ("publicationDate", KG.Document, None),
    ],
)
def test_domains_and_ranges(onto: Graph, name: str, domain: URIRef, range_: URIRef | None) -> None:
    term = KG._NS[name]
    assert onto.value(term, RDFS.domain) == domain
    if range_ is not None:
        assert onto.value(term, RDFS.range) == range_
