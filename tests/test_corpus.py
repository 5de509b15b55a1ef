"""Corpus datasets: named graphs, provenance, cross-document merge, incremental updates.

Most tests drive :mod:`kg.corpus` with hand-made records (no model); the
``model`` tests run the real pipeline and the CLI once per module.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import corpus
from kg.errors import FormatError, InputError
from kg.namespace import KG
from kg.rdf.iri import document_iri, entity_iri
from kg.records import DocumentRecord, EntityRecord, EventRecord, QuantityValue, SentenceRecord, Span
from kg.sources import Source, read_sources

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews_fr100" / "articles.jsonl"

# --- hand-made extraction: every pair of capitalised words is a Person; aliases come from a table

ALIASES = {("a", "Vladimir Poutine"): "Poutine", ("b", "Vladimir Poutine"): "le président russe"}


def fake_record(source: Source) -> DocumentRecord:
    text = source.text
    record = DocumentRecord(source.doc_id, text, "fr", source.title, source.url or source.origin,
                            source.date.isoformat() if source.date else None)
    record.sentences.append(SentenceRecord(0, Span(0, len(text), text)))
    words = text.replace(".", " ").split()
    for a, b in zip(words, words[1:], strict=False):
        if a[:1].isupper() and b[:1].isupper():
            label = f"{a} {b}"
            start = text.index(label)
            key = f"Person:{label}"
            ent = record.entities.setdefault(key, EntityRecord(key, "Person", label, {label}))
            if (source.doc_id, label) in ALIASES:
                ent.aliases.add(ALIASES[source.doc_id, label])
            ent.mentions.append(Span(start, start + len(label), label))
    if source.date is None and text.startswith("22 mai 2012."):  # a dateline, as the real extractor reads it
        record.publication_date = "2012-05-22"
    if "15 000" in text:  # a deployment with an approximate quantity (decimal literal "15000.0")
        at = text.index("15 000")
        number = Span(at, at + 6, "15 000")
        record.events.append(EventRecord("e1", "Deployment", "envoyer", number, 0,
                                         quantity=QuantityValue(15000.0, "soldat", True, number)))
    return record


class FakeExtractor:
    """Records which sources it was asked to extract."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, todo: list[Source]):
        self.calls.append([s.doc_id for s in todo])
        return [fake_record(s) for s in todo]


A = Source("a", "Vladimir Poutine parle. Moscou approuve.", "a.txt", dt.date(2024, 12, 27), "Titre A")
B = Source("b", "hier Vladimir Poutine a reçu Kim Jong.", "b.txt")
C = Source("c", "Emmanuel Macron envoie 15 000 soldats.", "c.txt")


def build(sources, extractor=None) -> corpus.Corpus:
    built = corpus.Corpus()
    corpus.update(built, sources, extractor or FakeExtractor())
    return built


def named_graphs(built: corpus.Corpus) -> set[URIRef]:
    return set(built.graphs)


def graph_bytes(built: corpus.Corpus, doc_id: str) -> bytes:
    return built.graphs[corpus.graph_iri(doc_id)]


def union(built: corpus.Corpus) -> Graph:
    """Every graph at once, as a SPARQL union default graph would see them."""
    g = Graph()
    g += built.default
    for name in built.graphs:
        g += built.graph(name)
    return g


def test_one_named_graph_per_document_with_metadata_and_provenance_in_default():
    ds = build([A, B])
    assert named_graphs(ds) == {corpus.graph_iri("a"), corpus.graph_iri("b")}
    default = ds.default
    doc, graph = document_iri("a"), corpus.graph_iri("a")
    assert {KG.Document, PROV.Entity} <= set(default.objects(doc, RDF.type))
    assert str(default.value(doc, DCTERMS.identifier)) == corpus.source_digest(A, "fr", None)
    assert str(default.value(doc, DCTERMS.identifier)).startswith("sha256:")
    assert str(default.value(doc, KG.publicationDate)) == "2024-12-27"
    assert default.value(graph, PROV.wasDerivedFrom) == doc
    activity = default.value(graph, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in default
    assert set(default.objects(activity, PROV.used)) == {document_iri("a"), document_iri("b")}
    assert set(default.objects(activity, PROV.generated)) == {graph, corpus.graph_iri("b")}
    assert not list(ds.graph(graph).triples((doc, None, None)))  # document metadata is not a fact of the graph
    assert list(ds.graph(graph).triples((None, KG.mention, None)))


def test_same_entity_is_one_node_across_documents_with_every_alias():
    ds = build([A, B])
    everything = union(ds)
    persons = set(everything.subjects(RDF.type, KG.Person))
    poutine = entity_iri("Person", "Vladimir Poutine")
    assert poutine in persons and len(persons) == 2  # Poutine and Kim Jong
    for doc_id in ("a", "b"):
        assert (poutine, RDF.type, KG.Person) in ds.graph(corpus.graph_iri(doc_id))
    assert set(map(str, everything.objects(poutine, SKOS.altLabel))) == {"Poutine", "le président russe"}
    assert set(map(str, everything.objects(poutine, RDFS.label))) == {"Vladimir Poutine"}


def test_adding_the_same_documents_again_changes_nothing(tmp_path):
    ds = build([A, B])
    before = corpus.serialize(ds, "trig")
    extractor = FakeExtractor()
    plan = corpus.update(ds, [B, A], extractor)
    assert extractor.calls == []
    assert [s.doc_id for s in plan.unchanged] == ["b", "a"] and not plan.todo
    assert corpus.serialize(ds, "trig") == before


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_written_dataset_reads_back_identical_and_stays_unchanged(tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    ds = build([A, B, C])
    corpus.write(ds, path)
    first = path.read_bytes()
    loaded = corpus.load(path)
    assert loaded.graphs == ds.graphs and set(loaded.default) == set(ds.default)
    assert corpus.serialize(loaded, corpus.DATASET_FORMATS[suffix]) == first
    extractor = FakeExtractor()
    plan = corpus.update(loaded, [A, B, C], extractor)
    assert extractor.calls == [] and len(plan.unchanged) == 3
    corpus.write(loaded, path)
    assert path.read_bytes() == first


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_files_keep_every_quad_and_literal_exactly(tmp_path, suffix):
    """Read back by rdflib's own parser, the file holds exactly the dataset's quads
    (typed literals such as "0"^^xsd:nonNegativeInteger and "15000.0"^^xsd:decimal intact)."""
    ds = build([A, B, C])
    path = tmp_path / f"corpus{suffix}"
    corpus.write(ds, path)
    parsed = Dataset()
    parsed.parse(path, format=corpus.DATASET_FORMATS[suffix])

    def quads(d: Dataset) -> set:
        default = d.default_graph.identifier
        return {(s, p, o, None if g == default else g) for s, p, o, g in d.quads((None, None, None, None))}

    expected = {(s, p, o, None) for s, p, o in ds.default}
    expected |= {(s, p, o, name) for name in ds.graphs for s, p, o in ds.graph(name)}
    assert quads(parsed) == expected
    assert quads(corpus.to_dataset(ds)) == expected
    text = path.read_text(encoding="utf-8")
    assert "15000.0" in text and "nonNegativeInteger" in text


def test_changed_document_replaces_its_own_named_graph_only():
    ds = build([A, B])
    b_before = graph_bytes(ds, "b")
    changed = Source("a", "Joe Biden parle.", "a.txt", dt.date(2024, 12, 27), "Titre A")
    extractor = FakeExtractor()
    plan = corpus.update(ds, [changed, B], extractor)
    assert extractor.calls == [["a"]]
    assert [s.doc_id for s in plan.changed] == ["a"] and [s.doc_id for s in plan.unchanged] == ["b"]
    assert graph_bytes(ds, "b") == b_before
    a_graph = ds.graph(corpus.graph_iri("a"))
    assert (entity_iri("Person", "Joe Biden"), RDF.type, KG.Person) in a_graph
    assert (entity_iri("Person", "Vladimir Poutine"), None, None) not in a_graph
    default = ds.default
    assert [str(o) for o in default.objects(document_iri("a"), DCTERMS.identifier)] == [
        corpus.source_digest(changed, "fr", None)]
    assert [str(o) for o in default.objects(document_iri("a"), KG.publicationDate)] == ["2024-12-27"]
    # each graph is generated by exactly one activity; the first one still generated b
    for doc_id in ("a", "b"):
        assert len(list(default.objects(corpus.graph_iri(doc_id), PROV.wasGeneratedBy))) == 1
    first = default.value(corpus.graph_iri("b"), PROV.wasGeneratedBy)
    assert set(default.objects(first, PROV.used)) == {document_iri("b")}


def test_a_date_found_by_extraction_does_not_make_the_document_look_changed():
    dated = Source("d", "22 mai 2012. - Emmanuel Macron parle.", "d.txt")
    ds = build([dated])
    assert str(ds.default.value(document_iri("d"), KG.publicationDate)) == "2012-05-22"
    extractor = FakeExtractor()
    assert len(corpus.update(ds, [dated], extractor).unchanged) == 1 and extractor.calls == []
    plan = corpus.update(ds, [dated], extractor, publication_date=dt.date(2012, 5, 23))  # a new --date: re-read
    assert extractor.calls == [["d"]] and len(plan.changed) == 1


def test_changed_metadata_alone_counts_as_a_change():
    ds = build([A])
    extractor = FakeExtractor()
    retitled = Source(A.doc_id, A.text, A.origin, A.date, "Autre titre")
    plan = corpus.update(ds, [retitled], extractor)
    assert extractor.calls == [["a"]] and len(plan.changed) == 1
    assert str(ds.default.value(document_iri("a"), DCTERMS.title)) == "Autre titre"


def test_new_document_is_added_and_others_untouched():
    ds = build([A, B])
    a_before, b_before = graph_bytes(ds, "a"), graph_bytes(ds, "b")
    extractor = FakeExtractor()
    plan = corpus.update(ds, [A, B, C], extractor)
    assert extractor.calls == [["c"]] and plan.describe() == "1 added, 0 replaced, 2 unchanged"
    assert (graph_bytes(ds, "a"), graph_bytes(ds, "b")) == (a_before, b_before)
    assert named_graphs(ds) == {corpus.graph_iri(d) for d in "abc"}


def test_removing_the_only_document_of_an_activity_drops_the_activity():
    ds = build([A])
    activity = ds.default.value(corpus.graph_iri("a"), PROV.wasGeneratedBy)
    corpus.remove_document(ds, "a")
    assert not named_graphs(ds)
    assert (activity, None, None) not in ds.default
    assert (document_iri("a"), None, None) not in ds.default


def test_output_does_not_depend_on_input_order():
    assert corpus.serialize(build([A, B, C]), "trig") == corpus.serialize(build([C, A, B]), "trig")


def test_timestamp_only_when_given():
    ds = corpus.Corpus()
    assert (None, PROV.startedAtTime, None) not in build([A]).default
    when = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    activity = corpus.add_records(ds, [fake_record(A)], started=when)
    assert str(ds.default.value(activity, PROV.startedAtTime)) == "2025-01-02T03:04:05+00:00"


def test_duplicate_ids_are_refused():
    with pytest.raises(InputError, match="unique"):
        build([A, Source("a", "Autre texte.", "x.txt")])


def test_load_dataset_errors(tmp_path):
    with pytest.raises(InputError, match="no such dataset"):
        corpus.load(tmp_path / "missing.trig")
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> { <b> <c> ", encoding="utf-8")
    with pytest.raises(InputError, match="not valid"):
        corpus.load(bad)
    with pytest.raises(FormatError, match=".trig or .nq"):
        corpus.load(tmp_path / "graph.ttl")


# --- the real pipeline and the CLI (spaCy model)

TEXT_A = ("Le président russe Vladimir Poutine a reçu lundi à Moscou le dirigeant nord-coréen Kim Jong-un. "
          "Poutine a salué une alliance solide.")
TEXT_B = ("Selon l'agence KCNA, Kim Jong-un a adressé un message à Vladimir Poutine mardi. "
          "Pyongyang a confirmé l'envoi de soldats en Russie.")


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(texts) -> bytes:
    """The CLI's TriG of the two-text corpus, built once."""
    from typer.testing import CliRunner

    from kg.cli import app

    out = texts / "corpus.trig"
    result = CliRunner().invoke(app, ["build", str(texts / "a.txt"), str(texts / "b.txt"), "-o", str(out),
                                      "--date", "2024-12-27", "-q"])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.model
def test_cli_builds_a_dataset_with_one_person_across_documents(texts, built):
    ds = corpus.load(texts / "corpus.trig")
    assert named_graphs(ds) == {corpus.graph_iri("a"), corpus.graph_iri("b")}
    poutine, korea = entity_iri("Person", "Vladimir Poutine"), entity_iri("Country", "Corée du Nord")
    for doc_id in ("a", "b"):
        assert (poutine, RDF.type, KG.Person) in ds.graph(corpus.graph_iri(doc_id))
        assert (korea, RDF.type, KG.Country) in ds.graph(corpus.graph_iri(doc_id))
    everything = union(ds)
    assert len(set(everything.subjects(RDF.type, KG.Person))) == 2  # Poutine and Kim Jong-un, once each
    # « nord-coréen » in a, « Pyongyang » in b: one node keeps both names
    assert {"nord-coréen", "Pyongyang"} <= set(map(str, everything.objects(korea, SKOS.altLabel)))


@pytest.mark.model
def test_cli_update_is_idempotent_and_replaces_only_the_changed_graph(texts, built, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    target = tmp_path / "corpus.trig"
    target.write_bytes(built)
    runner = CliRunner()
    same = runner.invoke(app, ["build", str(texts / "b.txt"), str(texts / "a.txt"), "--update", str(target),
                               "--date", "2024-12-27"])
    assert same.exit_code == 0, same.output
    assert "0 added, 0 replaced, 2 unchanged" in same.output
    assert target.read_bytes() == built

    before = corpus.load(target)
    changed = tmp_path / "b.txt"
    changed.write_text(TEXT_B.replace("mardi", "mercredi"), encoding="utf-8")
    result = runner.invoke(app, ["build", str(texts / "a.txt"), str(changed), "--update", str(target),
                                 "--date", "2024-12-27", "-q"])
    assert result.exit_code == 0, result.output
    after = corpus.load(target)
    assert graph_bytes(after, "a") == graph_bytes(before, "a")
    assert graph_bytes(after, "b") != graph_bytes(before, "b")
    assert "mercredi" in graph_bytes(after, "b").decode("utf-8")


@pytest.mark.model
def test_update_refuses_a_single_graph_format(texts, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["build", str(texts / "a.txt"), "--update", str(tmp_path / "g.ttl")])
    assert result.exit_code != 0 and isinstance(result.exception, FormatError)


@pytest.mark.model
@pytest.mark.slow
def test_same_input_gives_the_same_bytes_in_another_process(texts, built, tmp_path):
    out = tmp_path / "again.trig"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "kg", "build", str(texts / "a.txt"), str(texts / "b.txt"), "-o", str(out),
                    "--date", "2024-12-27", "-q"], check=True, env=env, timeout=300)
    assert out.read_bytes() == built


@pytest.mark.model
def test_build_dataset_gives_an_rdflib_dataset_with_named_graphs():
    from kg.pipeline import build_dataset

    ds = build_dataset([Source("a", TEXT_A, "a.txt"), Source("b", TEXT_B, "b.txt")])
    names = {g.identifier for g in ds.graphs()} - {ds.default_graph.identifier}
    assert names == {corpus.graph_iri("a"), corpus.graph_iri("b")}
    assert (entity_iri("Person", "Vladimir Poutine"), RDF.type, KG.Person) in ds.graph(corpus.graph_iri("b"))
    assert (document_iri("a"), RDF.type, KG.Document) in ds.default_graph


@pytest.mark.model
@pytest.mark.skipif(not WIKINEWS.is_file(), reason="needs ../shared/data/wikinews_fr100")
def test_real_articles_get_one_graph_each_and_a_rerun_changes_nothing(tmp_path):
    from kg.pipeline import build_corpus, update_corpus

    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:3]
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = read_sources([str(sample)])
    built = build_corpus(sources)
    ids = [json.loads(line)["id"] for line in lines]
    assert named_graphs(built) == {corpus.graph_iri(i) for i in ids}
    for i in ids:
        assert len(built.graph(corpus.graph_iri(i))) > 10
        assert built.default.value(document_iri(i), DCTERMS.title) is not None
    before = corpus.serialize(built, "trig")
    # datelines (« 22 mai 2012. - ») give publication dates the input did not: still unchanged
    assert update_corpus(built, sources).describe() == "0 added, 0 replaced, 3 unchanged"
    assert corpus.serialize(built, "trig") == before


def test_build_needs_an_output_or_a_dataset_to_update(texts):
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["build", str(texts / "a.txt")])
    assert isinstance(result.exception, InputError) and "-o OUT" in str(result.exception)


# --- corpora by content (issue 12 item 6)


def test_a_renamed_corpus_file_replaces_nothing(tmp_path) -> None:
    lines = [{"text": f"Vladimir Poutine parle {n} fois.", "date": "2024-12-27"} for n in range(5)]
    first = tmp_path / "wn.jsonl"
    first.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    built = build(read_sources([str(first)]))
    renamed = tmp_path / "copie.jsonl"
    renamed.write_bytes(first.read_bytes())
    extractor = FakeExtractor()
    plan = corpus.update(built, read_sources([str(renamed)]), extractor)
    assert plan.describe() == "0 added, 0 replaced, 5 unchanged" and extractor.calls == []


def test_one_edited_article_replaces_one_document() -> None:
    built = build([A, B, C])
    edited = Source("b", "hier Vladimir Poutine a reçu Kim Jong deux fois.", "autre/b.txt")
    moved = Source("a", A.text, "ailleurs/a.txt", A.date, A.title)  # same content, another path
    extractor = FakeExtractor()
    plan = corpus.update(built, [moved, edited, C], extractor)
    assert (len(plan.new), len(plan.changed), len(plan.unchanged)) == (0, 1, 2) and extractor.calls == [["b"]]


def test_remove_drops_a_document_and_the_entities_only_it_held() -> None:
    built = build([A, B, C])
    macron = entity_iri("Person", "Emmanuel Macron")
    corpus.remove(built, "c")
    assert corpus.document_ids(built) == ["a", "b"]
    assert corpus.graph_iri("c") not in built.graphs
    everything = union(built)
    assert (macron, None, None) not in everything and (document_iri("c"), None, None) not in everything
    assert (entity_iri("Person", "Vladimir Poutine"), None, None) in everything  # still named by a and b
    with pytest.raises(InputError, match="no document 'zzz' in the dataset; it holds a, b"):
        corpus.remove(built, "zzz")


def test_datasets_bind_res_and_parse_back(tmp_path) -> None:
    built = build([A, C])
    path = tmp_path / "c.trig"
    corpus.write(built, path)
    text = path.read_text(encoding="utf-8")
    assert "@prefix res: <https://w3id.org/kgnews/resource/> ." in text
    assert corpus.serialize(corpus.load(path), "trig") == path.read_bytes()


def test_editing_holds_the_lock_and_writes_only_a_change(tmp_path) -> None:
    from kg.errors import LockError
    from kg.files import exclusive_lock

    path = tmp_path / "c.trig"
    with corpus.editing(path) as built:
        corpus.update(built, [A, B], FakeExtractor())
        with pytest.raises(LockError):  # another process (or run) cannot take the dataset meanwhile
            with exclusive_lock(path, wait=False):
                pass
    first = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    with corpus.editing(path) as built:
        corpus.update(built, [A, B], FakeExtractor())  # nothing new
    assert path.stat().st_mtime_ns == stamp
    with corpus.editing(path) as built:
        corpus.remove(built, "b")
    assert path.read_bytes() != first and corpus.document_ids(corpus.load(path)) == ["a"]
