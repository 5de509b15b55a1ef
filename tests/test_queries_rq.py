"""Every named query in ``queries/`` on two graphs and both stores.

* A small graph built by hand (no model), shaped like a real build: the rows
  each query returns are known exactly.
* The seed article built by the real pipeline (``@pytest.mark.model``): the
  rows the README promises are among the answers.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespace import KG, NIF, RES, WD
from kg.queries import Query, list_queries, run, short
from kg.store import OxigraphStore, RdflibStore, Store

#: A plain Namespace: rdflib's XSD object warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DOC_ID = "hand"
DOC = RES[f"doc/{DOC_ID}"]
SENTENCES = (
    "Le 26 décembre, Kim Jong-un a adressé un message à Vladimir Poutine, selon KCNA.",
    "La Russie et la Corée du Nord ont signé un accord en juin 2024.",
    "Environ 15 000 soldats auraient été envoyés en Russie.",
    "Selon Le Monde, Pyongyang pourrait échanger des armes avec Moscou.",
    "Kim Jong-un et Vladimir Poutine se sont parlé.",
    "La Russie a annoncé l'envoi de secouristes.",
)
TEXT = " ".join(SENTENCES)
NUMERIC = {XSD.integer, XSD.decimal, XSD.nonNegativeInteger, XSD.double}


def ev(n: int, kind: str) -> URIRef:
    return RES[f"event/{DOC_ID}/e{n}-{kind.lower()}"]


KIM, POUTINE = RES["person/kim-jong-un"], RES["person/vladimir-poutine"]
RUSSIE, COREE = RES["country/russie"], RES["country/coree-du-nord"]
KCNA, LEMONDE = RES["newsagency/kcna"], RES["newsagency/le-monde"]
E1, E2, E3 = ev(1, "Communication"), ev(2, "Agreement"), ev(3, "Deployment")
E4, E5, E6 = ev(4, "Transaction"), ev(5, "Deployment"), ev(6, "Communication")
LABELS = {
    E1: "Communication: adresser (Kim Jong-un → Vladimir Poutine) --12-26",
    E2: "Agreement: signer (Russie, Corée du Nord) 2024-06",
    E3: "Deployment: envoyer (Corée du Nord → Russie)",
    E4: "Transaction: échanger (Corée du Nord → Russie)",
    E5: "Deployment: envoi (Russie)",
    E6: "Communication: annoncer (Russie)",
}


class _Builder:
    """Writes the triples kg's mapping writes: documents, sentences, mentions, entities, events."""

    def __init__(self) -> None:
        self.g = Graph()
        self.g.add((DOC, RDF.type, KG.Document))
        self.g.add((DOC, NIF.isString, Literal(TEXT)))
        self.sentence_starts = [TEXT.index(s) for s in SENTENCES]
        for start, s in zip(self.sentence_starts, SENTENCES):
            self._span(start, s, NIF.Sentence)

    def _span(self, start: int, text: str, cls: URIRef) -> URIRef:
        node = URIRef(f"{DOC}#char={start},{start + len(text)}")
        self.g.add((node, RDF.type, cls))
        self.g.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
        self.g.add((node, NIF.endIndex, Literal(start + len(text), datatype=XSD.nonNegativeInteger)))
        self.g.add((node, NIF.anchorOf, Literal(text)))
        self.g.add((node, NIF.referenceContext, DOC))
        return node

    def mention(self, node: URIRef, sentence: int, words: str) -> None:
        start = TEXT.index(words, self.sentence_starts[sentence])
        span = self._span(start, words, KG.Mention)
        s_start = self.sentence_starts[sentence]
        self.g.add((span, KG.sentence, URIRef(f"{DOC}#char={s_start},{s_start + len(SENTENCES[sentence])}")))
        self.g.add((node, KG.mention, span))

    def entity(self, node: URIRef, cls: URIRef, label: str, aliases: tuple[str, ...] = (),
               wikidata: str | None = None, mentions: tuple[tuple[int, str], ...] = ()) -> None:
        self.g.add((node, RDF.type, cls))
        self.g.add((node, RDFS.label, Literal(label)))
        for alias in aliases:
            self.g.add((node, SKOS.altLabel, Literal(alias)))
        if wikidata:
            self.g.add((node, SKOS.exactMatch, WD[wikidata]))
        self.g.add((node, KG.document, DOC))
        for sentence, words in mentions:
            self.mention(node, sentence, words)

    def event(self, node: URIRef, cls: URIRef, sentence: int, trigger: str, modality: URIRef,
              **roles: URIRef | list[URIRef]) -> None:
        g = self.g
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(LABELS[node])))
        g.add((node, KG.lemma, Literal(LABELS[node].split(": ")[1].split(" ")[0])))
        g.add((node, KG.modality, modality))
        g.add((node, KG.negated, Literal(False)))
        g.add((node, KG.confidence, Literal("0.75", datatype=XSD.decimal)))
        g.add((node, KG.document, DOC))
        self.mention(node, sentence, trigger)
        for role, targets in roles.items():
            for target in targets if isinstance(targets, list) else [targets]:
                g.add((node, KG[role], target))


def hand_graph() -> Graph:
    """Six sentences, six entities, six events; every query has rows to find."""
    b = _Builder()
    b.entity(KIM, KG.Person, "Kim Jong-un", ("Kim",), "Q56226", ((0, "Kim Jong-un"), (4, "Kim Jong-un")))
    b.entity(POUTINE, KG.Person, "Vladimir Poutine", ("Poutine",), "Q7747",
             ((0, "Vladimir Poutine"), (4, "Vladimir Poutine")))
    b.entity(RUSSIE, KG.Country, "Russie", ("Moscou", "russe"), "Q159",
             ((1, "Russie"), (2, "Russie"), (3, "Moscou"), (5, "Russie")))
    b.entity(COREE, KG.Country, "Corée du Nord", ("Pyongyang",), "Q423", ((1, "Corée du Nord"), (3, "Pyongyang")))
    b.entity(KCNA, KG.NewsAgency, "KCNA", mentions=((0, "KCNA"),))
    b.entity(LEMONDE, KG.NewsAgency, "Le Monde", (), "Q12461", ((3, "Le Monde"),))
    g = b.g
    g.add((POUTINE, KG.title, Literal("président")))
    g.add((POUTINE, KG.affiliation, RUSSIE))
    g.add((COREE, KG.ally, RUSSIE))
    g.add((RUSSIE, KG.ally, COREE))

    b.event(E1, KG.Communication, 0, "adressé", KG.Reported, agent=KIM, recipient=POUTINE, source=KCNA)
    g.add((E1, KG.date, Literal("--12-26", datatype=XSD.gMonthDay)))
    g.add((E1, KG.dateText, Literal("26 décembre")))
    b.event(E2, KG.Agreement, 1, "signé", KG.Asserted, participant=[RUSSIE, COREE])
    g.add((E2, KG.date, Literal("2024-06", datatype=XSD.gYearMonth)))
    g.add((E2, KG.dateText, Literal("juin 2024")))
    b.event(E3, KG.Deployment, 2, "envoyés", KG.Reported, agent=COREE, recipient=RUSSIE)
    quantity = RES[f"event/{DOC_ID}/e3-quantity"]
    g.add((E3, KG.quantity, quantity))
    g.add((quantity, RDF.type, KG.Quantity))
    g.add((quantity, KG.value, Literal("15000.0", datatype=XSD.decimal)))
    g.add((quantity, KG.unit, Literal("soldat")))
    g.add((quantity, KG.approximate, Literal(True)))
    b.event(E4, KG.Transaction, 3, "échanger", KG.Hypothetical, agent=COREE, recipient=RUSSIE, source=LEMONDE)
    b.event(E5, KG.Deployment, 5, "envoi", KG.Asserted, agent=RUSSIE)
    b.event(E6, KG.Communication, 5, "annoncé", KG.Asserted, agent=RUSSIE)
    return g


def cell(term: object) -> object:
    """A result term as a comparable value: prefixed IRI, number, or text; None when unbound."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in NUMERIC:
        return Decimal(str(term)).normalize()
    if isinstance(term, Literal):
        return str(term)
    return short(term)  # type: ignore[arg-type]


def rows(store: Store, name: str, /, **params: str) -> list[tuple[object, ...]]:
    result = run(store, QUERIES[name], params)
    return [tuple(cell(t) for t in row) for row in result.rows]


def columns(store: Store, name: str, /, **params: str) -> tuple[str, ...]:
    return run(store, QUERIES[name], params).vars


QUERIES: dict[str, Query] = {q.name: q for q in list_queries()}


def s(term: URIRef) -> str:
    return short(term)


def sentence(i: int) -> str:
    return SENTENCES[i]


def offsets(i: int, words: str) -> tuple[Decimal, Decimal]:
    start = TEXT.index(words, TEXT.index(SENTENCES[i]))
    return Decimal(start), Decimal(start + len(words))


#: Query name → [(params, expected rows in order)]; every .rq file must have an entry.
EXPECTED: dict[str, list[tuple[dict[str, str], list[tuple[object, ...]]]]] = {
    "events-by-type": [
        ({}, [
            ("kg:Agreement", s(E2), LABELS[E2], "2024-06", "kg:Asserted"),
            ("kg:Communication", s(E1), LABELS[E1], "--12-26", "kg:Reported"),
            ("kg:Communication", s(E6), LABELS[E6], None, "kg:Asserted"),
            ("kg:Deployment", s(E3), LABELS[E3], None, "kg:Reported"),
            ("kg:Deployment", s(E5), LABELS[E5], None, "kg:Asserted"),
            ("kg:Transaction", s(E4), LABELS[E4], None, "kg:Hypothetical"),
        ]),
        ({"type": "Deployment"}, [
            ("kg:Deployment", s(E3), LABELS[E3], None, "kg:Reported"),
            ("kg:Deployment", s(E5), LABELS[E5], None, "kg:Asserted"),
        ]),
        ({"type": "kg:Meeting"}, []),
    ],
    "communications": [
        ({}, [
            (s(E1), s(KIM), "Kim Jong-un", s(POUTINE), "Vladimir Poutine", "--12-26", "kg:Reported", None),
            (s(E6), s(RUSSIE), "Russie", None, None, None, "kg:Asserted", None),
        ]),
        ({"who": "poutine"}, [
            (s(E1), s(KIM), "Kim Jong-un", s(POUTINE), "Vladimir Poutine", "--12-26", "kg:Reported", "poutine"),
        ]),
        ({"who": "Moscou"}, [(s(E6), s(RUSSIE), "Russie", None, None, None, "kg:Asserted", "Moscou")]),
    ],
    "agreements": [
        ({}, [
            (s(E2), LABELS[E2], "2024-06", "juin 2024", "kg:participant", s(COREE), "Corée du Nord", "kg:Asserted",
             None),
            (s(E2), LABELS[E2], "2024-06", "juin 2024", "kg:participant", s(RUSSIE), "Russie", "kg:Asserted", None),
        ]),
        ({"party": "russie"}, [
            (s(E2), LABELS[E2], "2024-06", "juin 2024", "kg:participant", s(COREE), "Corée du Nord", "kg:Asserted",
             "russie"),
            (s(E2), LABELS[E2], "2024-06", "juin 2024", "kg:participant", s(RUSSIE), "Russie", "kg:Asserted",
             "russie"),
        ]),
        ({"party": "France"}, []),
    ],
    "deployments": [
        ({}, [
            (s(E3), "Corée du Nord", "Russie", Decimal(15000), "soldat", "true", None, "kg:Reported", None),
            (s(E5), "Russie", None, None, None, None, None, "kg:Asserted", None),
        ]),
        ({"min": "100"}, [
            (s(E3), "Corée du Nord", "Russie", Decimal(15000), "soldat", "true", None, "kg:Reported", Decimal(100)),
        ]),
        ({"min": "20000"}, []),
    ],
    "entity-facts": [
        ({"name": "poutine"}, [
            (s(POUTINE), s(E1), "kg:recipient", s(POUTINE), LABELS[E1], "poutine"),
            (s(POUTINE), s(POUTINE), "rdf:type", "kg:Person", None, "poutine"),
            (s(POUTINE), s(POUTINE), "rdfs:label", "Vladimir Poutine", None, "poutine"),
            (s(POUTINE), s(POUTINE), "skos:altLabel", "Poutine", None, "poutine"),
            (s(POUTINE), s(POUTINE), "skos:exactMatch", "wd:Q7747", None, "poutine"),
            (s(POUTINE), s(POUTINE), "kg:affiliation", s(RUSSIE), "Russie", "poutine"),
            (s(POUTINE), s(POUTINE), "kg:title", "président", None, "poutine"),
        ]),
        ({"name": "Nobody"}, []),
    ],
    "timeline": [
        ({}, [
            ("--12-26", "26 décembre", s(E1), "kg:Communication", LABELS[E1], "kg:Reported", None),
            ("2024-06", "juin 2024", s(E2), "kg:Agreement", LABELS[E2], "kg:Asserted", None),
        ]),
        ({"year": "2024"}, [
            ("2024-06", "juin 2024", s(E2), "kg:Agreement", LABELS[E2], "kg:Asserted", Decimal(2024)),
        ]),
    ],
    "sources": [
        ({}, [
            (s(KCNA), "KCNA", s(E1), LABELS[E1], "kg:Reported", None),
            (s(LEMONDE), "Le Monde", s(E4), LABELS[E4], "kg:Hypothetical", None),
        ]),
        ({"by": "le monde"}, [(s(LEMONDE), "Le Monde", s(E4), LABELS[E4], "kg:Hypothetical", "le monde")]),
    ],
    "hedged": [
        ({}, [
            (s(E4), LABELS[E4], "kg:Hypothetical", "Le Monde", sentence(3)),
            (s(E1), LABELS[E1], "kg:Reported", "KCNA", sentence(0)),
            (s(E3), LABELS[E3], "kg:Reported", None, sentence(2)),
        ]),
        ({"modality": "kg:Hypothetical"}, [(s(E4), LABELS[E4], "kg:Hypothetical", "Le Monde", sentence(3))]),
        ({"modality": "Asserted"}, []),
    ],
    "cooccurrence": [
        ({}, [
            (s(COREE), "Corée du Nord", s(RUSSIE), "Russie", Decimal(2), None),
            (s(KIM), "Kim Jong-un", s(POUTINE), "Vladimir Poutine", Decimal(2), None),
            (s(COREE), "Corée du Nord", s(LEMONDE), "Le Monde", Decimal(1), None),
            (s(KCNA), "KCNA", s(KIM), "Kim Jong-un", Decimal(1), None),
            (s(KCNA), "KCNA", s(POUTINE), "Vladimir Poutine", Decimal(1), None),
            (s(RUSSIE), "Russie", s(LEMONDE), "Le Monde", Decimal(1), None),
        ]),
        ({"name": "Le Monde"}, [
            (s(COREE), "Corée du Nord", s(LEMONDE), "Le Monde", Decimal(1), "Le Monde"),
            (s(RUSSIE), "Russie", s(LEMONDE), "Le Monde", Decimal(1), "Le Monde"),
        ]),
    ],
    "provenance": [
        ({}, [
            (s(E1), LABELS[E1], "adressé", *offsets(0, "adressé"), s(DOC), sentence(0)),
            (s(E2), LABELS[E2], "signé", *offsets(1, "signé"), s(DOC), sentence(1)),
            (s(E3), LABELS[E3], "envoyés", *offsets(2, "envoyés"), s(DOC), sentence(2)),
            (s(E4), LABELS[E4], "échanger", *offsets(3, "échanger"), s(DOC), sentence(3)),
            (s(E6), LABELS[E6], "annoncé", *offsets(5, "annoncé"), s(DOC), sentence(5)),
            (s(E5), LABELS[E5], "envoi", *offsets(5, "envoi"), s(DOC), sentence(5)),
        ]),
        ({"event": f"<{E3}>"}, [(s(E3), LABELS[E3], "envoyés", *offsets(2, "envoyés"), s(DOC), sentence(2))]),
    ],
    "entities": [
        ({}, [
            (s(RUSSIE), "kg:Country", "Russie", "wd:Q159", Decimal(4)),
            (s(COREE), "kg:Country", "Corée du Nord", "wd:Q423", Decimal(2)),
            (s(KIM), "kg:Person", "Kim Jong-un", "wd:Q56226", Decimal(2)),
            (s(POUTINE), "kg:Person", "Vladimir Poutine", "wd:Q7747", Decimal(2)),
            (s(KCNA), "kg:NewsAgency", "KCNA", None, Decimal(1)),
            (s(LEMONDE), "kg:NewsAgency", "Le Monde", "wd:Q12461", Decimal(1)),
        ]),
        ({"type": "Person"}, [
            (s(KIM), "kg:Person", "Kim Jong-un", "wd:Q56226", Decimal(2)),
            (s(POUTINE), "kg:Person", "Vladimir Poutine", "wd:Q7747", Decimal(2)),
        ]),
    ],
    "relations": [
        ({}, [
            ("kg:affiliation", s(POUTINE), "Vladimir Poutine", s(RUSSIE), "Russie"),
            ("kg:ally", s(COREE), "Corée du Nord", s(RUSSIE), "Russie"),
        ]),
        ({"relation": "ally"}, [("kg:ally", s(COREE), "Corée du Nord", s(RUSSIE), "Russie")]),
    ],
}

CASES = [(name, params, expected) for name, cases in EXPECTED.items() for params, expected in cases]


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def hand_store(request: pytest.FixtureRequest) -> Store:
    graph = hand_graph()
    if request.param == "rdflib":
        return RdflibStore(graph)
    store = OxigraphStore()
    store.add_graph(graph)
    return store


def test_every_named_query_is_tested() -> None:
    assert len(QUERIES) >= 10
    assert set(QUERIES) == set(EXPECTED)


def test_every_named_query_is_documented() -> None:
    for q in QUERIES.values():
        assert q.title and q.description, q.name
        for p in q.params:
            assert p.meaning, (q.name, p.name)


@pytest.mark.parametrize(("name", "params", "expected"), CASES,
                         ids=[f"{n}-{'-'.join(f'{k}={v}' for k, v in p.items()) or 'all'}" for n, p, _ in CASES])
def test_named_query_on_hand_graph(hand_store: Store, name: str, params: dict[str, str],
                                   expected: list[tuple[object, ...]]) -> None:
    assert rows(hand_store, name, **params) == expected


def test_parameters_are_columns_so_oxigraph_can_bind_them() -> None:
    store = RdflibStore(hand_graph())
    for q in QUERIES.values():
        values = {p.name: "x" for p in q.params if p.type == "string"}
        names = columns(store, q.name, **values)
        assert {p.name for p in q.params} <= set(names), q.name


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def seed_store(request: pytest.FixtureRequest, seed_graph: Graph) -> Store:
    if request.param == "rdflib":
        return RdflibStore(seed_graph)
    store = OxigraphStore()
    store.add_graph(seed_graph)
    return store


def named(store: Store, name: str, /, **params: str) -> list[dict[str, object]]:
    result = run(store, QUERIES[name], params)
    return [{v: cell(t) for v, t in zip(result.vars, row)} for row in result.rows]


def has(found: list[dict[str, object]], **want: object) -> bool:
    return any(all(row.get(k) == v for k, v in want.items()) for row in found)


SEED_KIM, SEED_POUTINE = s(KIM), s(POUTINE)


@pytest.mark.model
def test_seed_events_by_type(seed_store: Store) -> None:
    found = named(seed_store, "events-by-type", type="Communication")
    assert found and all(r["type"] == "kg:Communication" for r in found)
    assert has(found, date="--12-26")
    assert has(named(seed_store, "events-by-type"), type="kg:Deployment")


@pytest.mark.model
def test_seed_communications(seed_store: Store) -> None:
    found = named(seed_store, "communications")
    assert has(found, senderName="Kim Jong-un", recipientName="Vladimir Poutine", date="--12-26")
    assert has(named(seed_store, "communications", who="Poutine"), sender=SEED_KIM, recipient=SEED_POUTINE)


@pytest.mark.model
def test_seed_agreements(seed_store: Store) -> None:
    found = named(seed_store, "agreements")
    assert has(found, date="2024-06", dateText="juin 2024")


@pytest.mark.model
def test_seed_deployments(seed_store: Store) -> None:
    found = named(seed_store, "deployments", min="1000")
    assert has(found, value=Decimal(15000), approximate="true", unit="soldat", modality="kg:Reported")
    assert has(found, senderName="Corée du Nord", recipientName="Russie")


@pytest.mark.model
def test_seed_entity_facts(seed_store: Store) -> None:
    found = named(seed_store, "entity-facts", name="Poutine")
    assert has(found, entity=SEED_POUTINE, property="rdf:type", object="kg:Person")
    assert has(found, property="kg:recipient", object=SEED_POUTINE)
    assert not has(found, property="kg:mention")


@pytest.mark.model
def test_seed_timeline(seed_store: Store) -> None:
    dates = [r["date"] for r in named(seed_store, "timeline")]
    assert "--12-26" in dates and "2024-06" in dates
    assert dates.index("--12-26") < dates.index("2024-06")
    assert [r["date"] for r in named(seed_store, "timeline", year="2024")] == ["2024-06"]


@pytest.mark.model
def test_seed_sources(seed_store: Store) -> None:
    found = named(seed_store, "sources")
    assert has(found, sourceName="KCNA", modality="kg:Reported")
    assert all(r["sourceName"] == "KCNA" for r in named(seed_store, "sources", by="kcna"))


@pytest.mark.model
def test_seed_hedged(seed_store: Store) -> None:
    found = named(seed_store, "hedged")
    assert found and {r["modality"] for r in found} <= {"kg:Reported", "kg:Hypothetical"}
    deployment = [r for r in found if "15 000 soldats" in str(r["sentence"])]
    assert deployment and deployment[0]["modality"] == "kg:Reported"


@pytest.mark.model
def test_seed_cooccurrence(seed_store: Store) -> None:
    found = named(seed_store, "cooccurrence", name="Kim Jong-un")
    assert has(found, a=SEED_KIM, b=SEED_POUTINE)
    assert all(SEED_KIM in (r["a"], r["b"]) for r in found)


@pytest.mark.model
def test_seed_provenance(seed_store: Store) -> None:
    found = named(seed_store, "provenance")
    first = [r for r in found if r["trigger"] == "adressé"]
    assert first and str(first[0]["sentence"]).startswith("Le 26 décembre, Kim Jong-un a adressé")
    assert all(r["sentence"] for r in found)


@pytest.mark.model
def test_seed_entities(seed_store: Store) -> None:
    found = named(seed_store, "entities", type="Country")
    assert has(found, label="Corée du Nord", wikidata="wd:Q423")
    assert has(found, label="Russie", wikidata="wd:Q159")
    assert all(r["type"] == "kg:Country" for r in found)


@pytest.mark.model
def test_seed_relations(seed_store: Store) -> None:
    found = named(seed_store, "relations", relation="ally")
    assert has(found, subjectName="Corée du Nord", objectName="Russie")
