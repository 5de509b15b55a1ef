"""One node per person and organisation across the documents of a corpus (kg.identity).

The pure pass on hand-made records, the dataset kept so by updates and removals
(kg.rdf.relink through kg.corpus), and the CLI on a small invented corpus.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg import corpus
from kg.identity import Named, canonical_labels, corpus_labels, function_words, named_entities
from kg.namespace import KG
from kg.pipeline import build_graph
from kg.rdf.iri import entity_iri
from kg.rdf.mapping import add_document, new_graph
from kg.records import DocumentRecord, EntityRecord, SentenceRecord, Span
from kg.sources import Source

FR = function_words("fr")


def record(doc_id: str, *names: tuple[str, str] | tuple[str, str, set[str]], qid: str | None = None) -> DocumentRecord:
    """A document naming entities ``(type, label[, aliases])``, each mentioned once."""
    text = ". ".join(n[1] for n in names) + "."
    rec = DocumentRecord(doc_id, text)
    rec.sentences.append(SentenceRecord(0, Span(0, len(text), text)))
    for type_, label, *rest in names:
        start = text.index(label)
        key = f"{type_}:{label}"
        aliases = set(rest[0]) if rest else set()
        rec.entities[key] = EntityRecord(key, type_, label, aliases, [Span(start, start + len(label), label)],
                                         wikidata=qid)
    return rec


def labels_of(records: list[DocumentRecord]) -> dict[tuple[str, str], str]:
    return canonical_labels([n for r in records for n in named_entities(r)], FR)


def person(label: str) -> URIRef:
    return entity_iri("Person", label)


# --- the pass on records


def test_a_surname_in_another_document_joins_the_full_name():
    docs = [record("a", ("Person", "Barack Obama")), record("b", ("Person", "Obama")),
            record("c", ("Person", "B. Obama"))]
    assert labels_of(docs) == {("b", "Person:Obama"): "Barack Obama", ("c", "Person:B. Obama"): "Barack Obama"}


def test_two_people_with_one_surname_never_merge():
    docs = [record("a", ("Person", "Jean Martin")), record("b", ("Person", "Paul Martin")),
            record("c", ("Person", "Martin")), record("d", ("Person", "J. Martin"))]
    # « Martin » fits both: it stays alone; « J. Martin » fits only Jean Martin.
    assert labels_of(docs) == {("d", "Person:J. Martin"): "Jean Martin"}


def test_a_first_name_alone_joins_nobody():
    assert labels_of([record("a", ("Person", "Barack Obama")), record("b", ("Person", "Barack"))]) == {}


def test_the_result_does_not_depend_on_the_order_of_documents():
    docs = [record("a", ("Person", "Barack Obama")), record("b", ("Person", "Obama")),
            record("c", ("Organization", "FFF")), record("d", ("Organization", "Fédération française de football")),
            record("e", ("Person", "EMMANUEL MACRON")), record("f", ("Person", "Emmanuel Macron"))]
    results = [labels_of(list(order)) for order in itertools.permutations(docs)]
    assert all(r == results[0] for r in results)
    assert results[0][("e", "Person:EMMANUEL MACRON")] == "Emmanuel Macron"  # one spelling, the usual case


def test_an_acronym_joins_the_full_name_it_spells_or_the_one_that_gives_it():
    docs = [record("a", ("Organization", "Fédération française de football")), record("b", ("Organization", "FFF")),
            record("c", ("Organization", "Médecins sans frontières", {"MSF"})), record("d", ("Organization", "MSF"))]
    assert labels_of(docs) == {("b", "Organization:FFF"): "Fédération française de football",
                               ("d", "Organization:MSF"): "Médecins sans frontières"}


def test_an_acronym_joins_no_name_that_has_another_acronym_nor_by_two_letters():
    docs = [record("a", ("Organization", "Armée de libération nationale", {"ELN"})),
            record("b", ("Organization", "ALN")),
            record("c", ("Organization", "Bureau Parisien")), record("d", ("Organization", "BP"))]
    assert labels_of(docs) == {}


def test_an_acronym_two_names_spell_stays_apart():
    docs = [record("a", ("Organization", "Fédération française de football")),
            record("b", ("Organization", "Fédération française de foot-fauteuil")),
            record("c", ("Organization", "FFF"))]
    assert labels_of(docs) == {}


def test_an_organisation_in_the_complement_or_the_start_of_another_is_another():
    docs = [record("a", ("Organization", "Commission de l'Union européenne")),
            record("b", ("Organization", "Union européenne")),
            record("c", ("Organization", "Assemblée nationale du Valmont")),
            record("d", ("Organization", "Assemblée nationale")),
            record("e", ("Organization", "Conseil des droits de l'homme", {"Conseil"})),
            record("f", ("Organization", "Conseil"))]
    assert labels_of(docs) == {}


def test_an_organisation_name_after_a_descriptor_is_that_organisation():
    docs = [record("a", ("Organization", "Institut Verra Lumo")), record("b", ("Organization", "Verra Lumo"))]
    assert labels_of(docs) == {("b", "Organization:Verra Lumo"): "Institut Verra Lumo"}


def test_what_one_document_keeps_apart_stays_apart():
    # Document a names « Obama » apart from « Barack Obama » (another person): nothing merges.
    docs = [record("a", ("Person", "Barack Obama"), ("Person", "Obama")), record("b", ("Person", "Obama"))]
    assert labels_of(docs) == {}


def test_two_wikidata_ids_are_two_entities():
    docs = [record("a", ("Organization", "Banque centrale"), qid="Q1"), record("b", ("Organization", "Banque"))]
    named = [n for r in docs for n in named_entities(r)]
    named.append(Named("c", "x", "Organization", "Banque centrale européenne", wikidata="Q2"))
    # A known entity never becomes a shorter name of another one.
    assert canonical_labels(named, FR) == {}


def test_one_document_is_never_changed():
    doc = record("a", ("Person", "Barack Obama"), ("Person", "Obama"), ("Organization", "FFF"),
                 ("Organization", "Fédération française de football"))
    assert labels_of([doc]) == {}


def test_merged_graph_has_one_node_with_the_other_names_as_alternative_labels():
    docs = [record("a", ("Person", "Barack Obama", {"Obama"})), record("b", ("Person", "Obama")),
            record("c", ("Person", "B. Obama"))]
    labels = corpus_labels(docs)
    g = new_graph()
    for r in docs:
        add_document(g, r, labels.get(r.doc_id))
    assert set(g.subjects(RDF.type, KG.Person)) == {person("Barack Obama")}
    assert set(map(str, g.objects(person("Barack Obama"), RDFS.label))) == {"Barack Obama"}
    assert set(map(str, g.objects(person("Barack Obama"), SKOS.altLabel))) == {"Obama", "B. Obama"}


# --- datasets: build, update, remove


class Extract:
    """Records of the hand-made documents, by id."""

    def __init__(self, *records: DocumentRecord):
        self.records = {r.doc_id: r for r in records}

    def __call__(self, todo: list[Source]) -> list[DocumentRecord]:
        return [self.records[s.doc_id] for s in todo]


def source(rec: DocumentRecord) -> Source:
    return Source(rec.doc_id, rec.text, f"{rec.doc_id}.txt")


FULL = record("a", ("Person", "Barack Obama"), ("Person", "Jean Martin"))
SHORT = record("b", ("Person", "Obama", {"M. Obama"}), ("Person", "Martin"))
OTHER = record("c", ("Person", "Paul Martin"))


def dataset(*batches: list[DocumentRecord]) -> corpus.Corpus:
    """A corpus built by one update per batch."""
    built = corpus.Corpus()
    extract = Extract(FULL, SHORT, OTHER)
    for batch in batches:
        corpus.update(built, [source(r) for r in batch], extract)
    return built


def nodes(built: corpus.Corpus, doc_id: str) -> set[Node]:
    return set(built.graph(corpus.graph_iri(doc_id)).subjects(RDF.type, KG.Person))


def test_a_dataset_has_one_node_and_each_graph_keeps_its_own_names():
    built = dataset([FULL, SHORT])
    assert nodes(built, "b") == {person("Barack Obama"), person("Jean Martin")}
    b = built.graph(corpus.graph_iri("b"))
    obama = person("Barack Obama")
    assert set(map(str, b.objects(obama, RDFS.label))) == {"Barack Obama"}
    assert set(map(str, b.objects(obama, SKOS.altLabel))) == {"Obama", "M. Obama"}
    assert str(b.value(obama, KG.localLabel)) == "Obama"
    union = Graph()
    for name in built.graphs:
        union += built.graph(name)
    assert len(set(union.subjects(RDF.type, KG.Person))) == 2
    assert len(set(union.objects(obama, RDFS.label))) == 1


def test_an_update_gives_the_graph_a_build_from_scratch_gives_in_any_order():
    whole = corpus.serialize(dataset([FULL, SHORT, OTHER]), "nquads")
    for batches in ([[FULL], [SHORT], [OTHER]], [[SHORT], [FULL], [OTHER]], [[OTHER, SHORT], [FULL]]):
        built = dataset(*batches)
        for graph in built.graphs:  # provenance differs (one build activity per update); the facts do not
            assert built.graphs[graph] == dataset([FULL, SHORT, OTHER]).graphs[graph]
    assert corpus.serialize(dataset([OTHER, SHORT, FULL]), "nquads") == whole


def test_a_new_document_links_to_the_entity_the_dataset_already_holds(tmp_path):
    path = tmp_path / "corpus.trig"
    built = dataset([FULL])
    corpus.write(built, path)
    with corpus.editing(path) as loaded:
        corpus.update(loaded, [source(SHORT)], Extract(SHORT))
    again = corpus.load(path)
    assert nodes(again, "b") == {person("Barack Obama"), person("Jean Martin")}
    # A third document names another Martin: « Martin » is no longer Jean Martin's.
    with corpus.editing(path) as loaded:
        corpus.update(loaded, [source(OTHER)], Extract(OTHER))
    assert nodes(corpus.load(path), "b") == {person("Barack Obama"), person("Martin")}
    data = path.read_bytes()
    with corpus.editing(path) as loaded:  # nothing new: nothing written
        corpus.update(loaded, [source(SHORT), source(FULL)], Extract())
    assert path.read_bytes() == data


def test_removing_a_document_leaves_no_graph_on_a_name_only_it_gave():
    built = dataset([FULL, SHORT])
    corpus.remove(built, "a")
    assert nodes(built, "b") == {person("Obama"), person("Martin")}
    b = built.graph(corpus.graph_iri("b"))
    assert not list(b.triples((None, KG.localLabel, None)))
    assert built.graphs[corpus.graph_iri("b")] == dataset([SHORT]).graphs[corpus.graph_iri("b")]


def test_a_document_alone_is_mapped_as_it_always_was():
    built = dataset([SHORT])
    g = new_graph()
    add_document(g, SHORT)
    assert nodes(built, "b") == set(g.subjects(RDF.type, KG.Person))


# --- the CLI on an invented corpus (spaCy model)

ARTICLES = [
    {"id": "d1", "date": "2025-03-04", "text": "La ministre Léonie Vasseur a rencontré mardi à Lyon les dirigeants "
     "de la Fédération nationale des apiculteurs. Léonie Vasseur a promis une aide de 3 millions d'euros."},
    {"id": "d2", "date": "2025-03-06", "text": "Le député Hugo Martin a critiqué le plan. Selon L. Vasseur, "
     "le texte sera voté en avril."},
    {"id": "d3", "date": "2025-03-08", "text": "Le sénateur Paul Martin a défendu le texte. Martin a voté pour."},
]
LATER = {"id": "d4", "date": "2025-03-09", "text": "Mme Vasseur a annoncé jeudi un plan pour les ruchers. "
         "La FNA a salué cette décision."}


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def kg_build(*args: str) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["build", *args, "-q"])
    assert result.exit_code == 0, result.output


def union_of(path: Path) -> Graph:
    built, g = corpus.load(path), Graph()
    for name in built.graphs:
        g += built.graph(name)
    return g


@pytest.mark.model
def test_cli_gives_one_node_per_person_across_articles_and_update_links_a_new_one(tmp_path):
    trig = tmp_path / "c.trig"
    kg_build(str(write_jsonl(tmp_path / "c.jsonl", ARTICLES)), "-o", str(trig))
    g = union_of(trig)
    vasseur = person("Léonie Vasseur")
    persons = set(g.subjects(RDF.type, KG.Person))
    assert persons == {vasseur, person("Hugo Martin"), person("Paul Martin")}
    assert "L. Vasseur" in set(map(str, g.objects(vasseur, SKOS.altLabel)))

    kg_build(str(write_jsonl(tmp_path / "later.jsonl", [LATER])), "--update", str(trig))
    g = union_of(trig)
    assert set(g.subjects(RDF.type, KG.Person)) == persons  # « Mme Vasseur » is Léonie Vasseur
    d4 = corpus.load(trig).graph(corpus.graph_iri("d4"))
    assert (vasseur, RDF.type, KG.Person) in d4
    fna = entity_iri("Organization", "Fédération nationale des apiculteurs")
    assert (fna, RDF.type, KG.Organization) in d4  # « la FNA » spells the federation of d1

    # The same corpus in one build, in another order, gives the same facts.
    whole = tmp_path / "whole.trig"
    kg_build(str(write_jsonl(tmp_path / "whole.jsonl", [LATER, *ARTICLES[::-1]])), "-o", str(whole))
    updated, fresh = corpus.load(trig), corpus.load(whole)
    assert updated.graphs == fresh.graphs

    # Only d1 named her in full: without it, her longest name is « L. Vasseur », as a build
    # of the other articles from scratch says.
    kg_build("--update", str(trig), "--remove", "d1")
    g = union_of(trig)
    assert vasseur not in set(g.subjects(RDF.type, KG.Person))
    assert person("L. Vasseur") in set(g.subjects(RDF.type, KG.Person))
    rest = tmp_path / "rest.trig"
    kg_build(str(write_jsonl(tmp_path / "rest.jsonl", [*ARTICLES[1:], LATER])), "-o", str(rest))
    assert corpus.load(trig).graphs == corpus.load(rest).graphs


@pytest.mark.model
def test_merged_output_of_several_articles_has_one_node_per_person(tmp_path):
    out = tmp_path / "c.ttl"
    kg_build(str(write_jsonl(tmp_path / "c.jsonl", [*ARTICLES, LATER])), "-o", str(out))
    g = Graph().parse(out)
    assert set(g.subjects(RDF.type, KG.Person)) == {person("Léonie Vasseur"), person("Hugo Martin"),
                                                    person("Paul Martin")}
    sources = [Source(a["id"], a["text"], a["id"]) for a in ARTICLES]
    assert set(build_graph(sources).subjects(RDF.type, KG.Person)) == set(g.subjects(RDF.type, KG.Person))
