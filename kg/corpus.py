"""A corpus as an RDF dataset: one named graph per document, provenance beside.

Layout of a dataset (TriG or N-Quads):

* named graph ``res:graph/<doc_id>``: the document's facts — its entities
  (type, label, aliases: the same IRI in every graph, so a union query sees one
  node with all its names; a person or organisation two documents name
  differently is one node too, see :mod:`kg.rdf.relink`), events, mentions and sentences;
* default graph: each ``kg:Document`` (text, title, date, source and
  ``dcterms:identifier "sha256:…"``, the digest of what its extraction read:
  text, language, given date, title, source), and PROV-O: every named graph
  ``prov:wasDerivedFrom`` its document and ``prov:wasGeneratedBy`` the build
  (a ``prov:Activity`` that ``prov:used`` the documents and ``prov:generated``
  the graphs, ``prov:wasAssociatedWith`` kg itself).

:func:`update` makes adding documents incremental and idempotent: a document
whose digest is already in the default graph is skipped; a changed one has its
own named graph replaced; new ones are added.
Same input, same bytes: IRIs are content-derived, there is no timestamp unless
one is passed, and :func:`serialize` writes graphs and triples in sorted order.

While it is built, a :class:`Corpus` keeps each named graph as its sorted
N-Triples lines: graphs are independent, so this is all an update needs, and it
is several times cheaper than an rdflib store. :func:`to_dataset` gives the
rdflib ``Dataset``. Files are parsed and written with pyoxigraph's parser and
serializer (its store is not used: it rewrites ``xsd:nonNegativeInteger`` as
``xsd:integer``). This module never imports spaCy; extraction is passed in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.plugins.stores.memory import SimpleMemory

from kg import __version__
from kg.errors import FormatError, InputError
from kg.files import exclusive_lock, write_atomic
from kg.namespace import KG, RES
from kg.rdf.iri import document_iri
from kg.rdf.mapping import add_document, new_graph
from kg.rdf.prefixes import PREFIXES
from kg.rdf.read import quads
from kg.rdf.relink import relink
from kg.rdf.terms import from_ox, to_ox
from kg.rdf.write import ox_bytes, sorted_lines
from kg.records import DocumentRecord
from kg.sources import Source
from kg.stats import ENTITY_CLASSES, EVENT_CLASSES

if TYPE_CHECKING:
    import pyoxigraph

#: Dataset file formats (extension → rdflib format name); other extensions hold one merged graph.
DATASET_FORMATS = {".trig": "trig", ".nq": "nquads"}
#: The software agent every build activity is associated with.
SOFTWARE = RES[f"software/kg-{__version__}"]

#: Extraction as the update sees it: sources in, one record per source out, in order.
Extractor = Callable[[list[Source]], Iterable[DocumentRecord]]


def graph_iri(doc_id: str) -> URIRef:
    """The named graph holding one document's facts: ``res:graph/<doc_id>``."""
    return RES[f"graph/{doc_id}"]


def is_dataset_path(path: str | Path) -> bool:
    """True when the extension names a format with named graphs (.trig, .nq)."""
    return Path(path).suffix.lower() in DATASET_FORMATS


@dataclass
class Corpus:
    """A dataset being built or updated.

    ``default`` is the default graph (documents and provenance, small);
    ``graphs`` maps each named graph to its triples as sorted, distinct
    N-Triples lines (``b"<s> <p> <o> ."``).
    """

    default: Graph = field(default_factory=new_graph)
    graphs: dict[URIRef, bytes] = field(default_factory=dict)

    def graph(self, name: URIRef) -> Graph:
        """One named graph as an rdflib Graph (empty if there is none)."""
        g = new_graph()
        if name in self.graphs:
            g.parse(data=self.graphs[name], format="nt")
        return g


_lines = sorted_lines


def _nt(graph: Graph) -> bytes:
    """A graph's triples as pyoxigraph writes N-Triples, one line each, sorted: the
    same bytes whether the graph was just mapped or read back from a file."""
    import pyoxigraph as ox

    iris: dict[str, ox.NamedNode] = {}  # subjects and predicates repeat: convert each IRI once
    triples = [ox.Triple(to_ox(s, iris), to_ox(p, iris), to_ox(o, iris)) for s, p, o in graph]
    return _lines(ox_bytes(triples, ox.RdfFormat.N_TRIPLES))


# --- files


def _ox_format(path: str | Path) -> pyoxigraph.RdfFormat:
    import pyoxigraph as ox

    suffix = Path(path).suffix.lower()
    if suffix not in DATASET_FORMATS:
        raise FormatError(f"{path}: a corpus dataset must be .trig or .nq (one named graph per document), "
                          f"not {suffix or '(no extension)'!r}")
    return ox.RdfFormat.TRIG if suffix == ".trig" else ox.RdfFormat.N_QUADS


def load(path: str | Path) -> Corpus:
    """Read a TriG or N-Quads dataset; raises InputError if it is missing or malformed."""
    import pyoxigraph as ox

    _ox_format(path)
    if not Path(path).exists():
        raise InputError(f"{path}: no such dataset file")
    corpus = Corpus()
    named: dict[str, list[pyoxigraph.Triple]] = {}
    for q in quads(path):
        if isinstance(q.graph_name, ox.DefaultGraph):
            corpus.default.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        else:
            named.setdefault(q.graph_name.value, []).append(q.triple)
    for name, triples in named.items():
        corpus.graphs[URIRef(name)] = _lines(ox_bytes(triples, ox.RdfFormat.N_TRIPLES))
    return corpus


def _prefixes() -> dict[str, str]:
    return dict(PREFIXES)


def _nquads(corpus: Corpus) -> Iterator[bytes]:
    """N-Quads lines: the default graph, then each named graph by IRI."""
    for line in _nt(corpus.default).split(b"\n"):
        if line:
            yield line + b"\n"
    for name in sorted(corpus.graphs):
        end = b" <" + name.encode("utf-8") + b"> .\n"
        for line in corpus.graphs[name].split(b"\n"):
            if line:
                yield line[:-2] + end  # "<s> <p> <o> ." → "<s> <p> <o> <g> ."


def serialize(corpus: Corpus, fmt: str) -> bytes:
    """``trig`` or ``nquads`` bytes, the same for the same content."""
    import pyoxigraph as ox

    if fmt not in ("trig", "nquads"):
        raise FormatError(f"a dataset is written as trig or nquads, not {fmt!r}")
    quads = ox.parse(b"".join(_nquads(corpus)), format=ox.RdfFormat.N_QUADS)
    if fmt == "nquads":
        return ox_bytes(quads, ox.RdfFormat.N_QUADS)
    return ox_bytes(quads, ox.RdfFormat.TRIG, prefixes=_prefixes())


def write(corpus: Corpus, path: str | Path, fmt: str | None = None) -> None:
    """Write atomically as TriG or N-Quads, chosen by the extension (``-``: standard
    output, TriG unless ``fmt`` says ``nquads``)."""
    if str(path) == "-":
        write_atomic(path, serialize(corpus, fmt or "trig"))
        return
    _ox_format(path)
    write_atomic(path, serialize(corpus, fmt or DATASET_FORMATS[Path(path).suffix.lower()]))


@contextmanager
def editing(path: str | Path, output: str | Path | None = None, *, wait: bool = True) -> Iterator[Corpus]:
    """The dataset at ``path`` (empty if the file does not exist), held under an
    exclusive lock for the block (a second process waits, or gets a LockError
    with ``wait=False``), then written to ``output`` (default: ``path``) unless
    nothing changed. For ``kg build --update`` and ``--remove``::

        with corpus.editing("corpus.trig") as built:
            corpus.remove(built, "a")
    """
    with exclusive_lock(path, wait=wait):
        built = load(path) if Path(path).exists() else Corpus()
        yield built
        target = output if output is not None else path
        data = serialize(built, DATASET_FORMATS.get(Path(target).suffix.lower(), "trig"))
        if str(target) == str(path) and Path(path).is_file() and Path(path).read_bytes() == data:
            return  # unchanged: the file keeps its bytes and its time stamp
        if str(target) != "-":
            _ox_format(target)
        write_atomic(target, data)


def to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as an rdflib Dataset (named graphs kept)."""
    ds = Dataset()
    for prefix, iri in _prefixes().items():
        ds.bind(prefix, URIRef(iri), override=True)
    ds.parse(data=b"".join(_nquads(corpus)), format="nquads")
    return ds


def summary(corpus: Corpus) -> str:
    """``Q quads (T triples in the union), D documents, E entities, V events, G named graphs``:
    quads count a triple once per graph holding it (what a dataset file and a push hold),
    the union once (what a query over the default graph and ``kg stats`` see)."""
    type_ = str(RDF.type).encode()
    classes = {f"<{c}>".encode(): kind for kind, group in (("entity", ENTITY_CLASSES), ("event", EVENT_CLASSES))
               for c in group}
    found: dict[str, set[bytes]] = {"entity": set(), "event": set()}
    triples = len(corpus.default)
    distinct: set[bytes] = set(_nt(corpus.default).split(b"\n")) - {b""}
    for data in corpus.graphs.values():
        for line in data.split(b"\n"):
            if not line:
                continue
            triples += 1
            distinct.add(line)
            s, p, rest = line.split(b" ", 2)
            if p[1:-1] == type_ and rest[:-2] in classes:
                found[classes[rest[:-2]]].add(s)
    docs = len(set(corpus.default.subjects(RDF.type, KG.Document)))
    return (f"{triples} quads ({len(distinct)} triples in the union), {docs} document{'s' if docs != 1 else ''}, "
            f"{len(found['entity'])} entities, "
            f"{len(found['event'])} events, {len(corpus.graphs)} named graphs")


# --- document metadata and updates


def input_digest(text: str, lang: str, date: str | None, title: str | None, url: str | None = None) -> str:
    """``sha256:<hex>`` of a document's content: everything its extraction depends on
    (text, language, given publication date, title, URL), not where it was read
    from. Stored as the document's ``dcterms:identifier``; an update skips a
    document whose digest is recorded."""
    payload = json.dumps([text, lang, date, title, url], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def source_digest(source: Source, lang: str, publication_date: dt.date | None) -> str:
    """:func:`input_digest` of a source as kg.pipeline.extract_records will see it."""
    date = source.date or publication_date
    return input_digest(source.text, lang, date.isoformat() if date else None, source.title, source.url)


@dataclass
class Plan:
    """What an update does with each source."""

    new: list[Source] = field(default_factory=list)
    changed: list[Source] = field(default_factory=list)
    unchanged: list[Source] = field(default_factory=list)
    todo: list[Source] = field(default_factory=list)  # new and changed, in input order

    def describe(self) -> str:
        return f"{len(self.new)} added, {len(self.changed)} replaced, {len(self.unchanged)} unchanged"


def plan_update(corpus: Corpus, sources: Iterable[Source], *, lang: str = "fr",
                publication_date: dt.date | None = None) -> Plan:
    """Sort sources into new, changed and unchanged. A source is unchanged when its
    content digest is recorded (under its id, or under another id: the same
    article read from a renamed file); changed when its id is known with
    another digest; new otherwise."""
    plan = Plan()
    seen: set[str] = set()
    recorded = {str(d) for d in corpus.default.objects(None, DCTERMS.identifier)}
    for source in sources:
        if source.doc_id in seen:
            raise InputError(f"two inputs have the document id {source.doc_id!r} ({source.origin}); "
                             "ids must be unique within a corpus")
        seen.add(source.doc_id)
        have = corpus.default.value(document_iri(source.doc_id), DCTERMS.identifier)
        digest = source_digest(source, lang, publication_date)
        if digest in recorded:
            plan.unchanged.append(source)
            continue
        if have is None:
            plan.new.append(source)
        else:
            plan.changed.append(source)
        plan.todo.append(source)
    return plan


def remove_document(corpus: Corpus, doc_id: str) -> None:
    """Drop a document: its named graph, its metadata and its provenance links
    (and a build activity left with nothing to show for it)."""
    doc, graph = document_iri(doc_id), graph_iri(doc_id)
    corpus.graphs.pop(graph, None)
    default = corpus.default
    activities = set(default.subjects(PROV.generated, graph))
    for pattern in ((doc, None, None), (graph, None, None), (None, PROV.used, doc), (None, PROV.generated, graph)):
        default.remove(pattern)
    for activity in activities:
        if next(default.objects(activity, PROV.generated), None) is None:
            default.remove((activity, None, None))


def document_ids(corpus: Corpus) -> list[str]:
    """The ids of the corpus's documents, sorted."""
    prefix = str(document_iri(""))
    return sorted(str(d)[len(prefix):] for d in corpus.default.subjects(RDF.type, KG.Document)
                  if str(d).startswith(prefix))


def remove(corpus: Corpus, doc_id: str) -> None:
    """Remove a document from the corpus: its named graph (and so the entities only
    it named: an entity other documents name stays in theirs), its metadata and
    provenance. InputError when the corpus has no such document."""
    if graph_iri(doc_id) not in corpus.graphs and (document_iri(doc_id), None, None) not in corpus.default:
        known = document_ids(corpus)
        hint = f"; it holds {', '.join(known[:10])}{' ...' if len(known) > 10 else ''}" if known else ""
        raise InputError(f"no document {doc_id!r} in the dataset{hint}")
    remove_document(corpus, doc_id)
    relink(corpus.graphs)  # no graph keeps the name only the removed one gave an entity


def add_records(corpus: Corpus, records: Iterable[DocumentRecord], *, digests: Mapping[str, str] | None = None,
                started: dt.datetime | None = None) -> URIRef | None:
    """Add each record as a named graph, its document node to the default graph,
    then one build activity for all of them; returns the activity (None if no
    record). ``digests`` gives each document's input digest by id (default: from
    the record itself, see :func:`input_digest`).

    The activity IRI is a digest of the documents it used, so the same build
    gives the same IRI. ``started`` adds prov:startedAtTime.
    """
    default = corpus.default
    done: list[tuple[URIRef, URIRef, str]] = []
    for record in records:
        doc, graph = document_iri(record.doc_id), graph_iri(record.doc_id)
        named = add_document(Graph(store=SimpleMemory()), record)
        for t in list(named.triples((doc, None, None))):  # the document node goes to the default graph
            named.remove(t)
            default.add(t)
        corpus.graphs[graph] = _nt(named)
        digest = (digests or {}).get(record.doc_id) or input_digest(
            record.text, record.lang, record.publication_date, record.title, record.source)
        default.add((doc, RDF.type, PROV.Entity))
        default.add((doc, DCTERMS.identifier, Literal(digest)))
        default.add((graph, RDF.type, PROV.Entity))
        default.add((graph, PROV.wasDerivedFrom, doc))
        done.append((doc, graph, f"{record.doc_id} {digest}"))
    if not done:
        return None
    digest = hashlib.sha256("\n".join(sorted(key for _, _, key in done)).encode("utf-8")).hexdigest()[:16]
    activity = RES[f"build/{digest}"]
    default.add((activity, RDF.type, PROV.Activity))
    default.add((activity, RDFS.label, Literal(f"kg build of {len(done)} document{'s' if len(done) > 1 else ''}")))
    default.add((activity, PROV.wasAssociatedWith, SOFTWARE))
    default.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
    default.add((SOFTWARE, RDFS.label, Literal(f"kg {__version__}")))
    if started is not None:
        default.add((activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    for doc, graph, _ in done:
        default.add((activity, PROV.used, doc))
        default.add((activity, PROV.generated, graph))
        default.add((graph, PROV.wasGeneratedBy, activity))
    return activity


def update(corpus: Corpus, sources: Iterable[Source], extract: Extractor, *, lang: str = "fr",
           publication_date: dt.date | None = None, started: dt.datetime | None = None,
           on_plan: Callable[[Plan], None] | None = None) -> Plan:
    """Bring the corpus up to date with ``sources``: skip unchanged documents,
    replace the named graph of changed ones, add new ones. ``extract`` runs
    only on the new and changed sources; ``on_plan`` sees the plan before it
    does. Documents that are not among ``sources`` stay as they are."""
    plan = plan_update(corpus, sources, lang=lang, publication_date=publication_date)
    if on_plan is not None:
        on_plan(plan)
    for source in plan.changed:
        remove_document(corpus, source.doc_id)
    if plan.todo:
        digests = {s.doc_id: source_digest(s, lang, publication_date) for s in plan.todo}
        add_records(corpus, extract(plan.todo), digests=digests, started=started)
        relink(corpus.graphs, lang)  # one node per person and organisation across the documents
    return plan
