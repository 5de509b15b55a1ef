"""One node per person and organisation across the documents of a corpus.

Inside a document, :mod:`kg.extraction.entities` merges the names of one entity
(« Barack Obama », « B. Obama », « Obama »; « la FFF » and « la Fédération
française de football »). Across documents, an entity's IRI comes from its
class and label, so the same person named « Barack Obama » in one article and
« Obama » in another would be two nodes. :func:`canonical_labels` groups the
entities of all documents by the same rules (:mod:`kg.namematch`) and gives each
group one label, the longest full name; the RDF side mints the IRI from it and
keeps every other name as ``skos:altLabel``.

A shorter name joins a longer one only when that longer name is the only one
it fits in the corpus (two « Martin » with different first names leave a bare
« Martin » alone), a known entity (with a Wikidata id) never joins another, and
a group holding two entities of one document, or two Wikidata ids, is undone:
the document itself kept them apart. So a single document is never changed.

Pure functions over plain values: the result depends only on the set of
entities, never on the order of documents or who extracted them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache

from kg.lang import fold
from kg.lang.hooks import norm
from kg.namematch import abbreviates, content_words, has_initials, name_parts, within
from kg.rdf.iri import slug
from kg.records import DocumentRecord

#: Classes whose entities are grouped across documents (places have gazetteer ids).
MERGED_TYPES = ("Person", "Organization", "NewsAgency", "PoliticalParty")


def clean(text: str) -> str:
    """A name with its white space runs made one space, as the graph writes it."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Named:
    """One document's entity as the corpus pass sees it: ``key`` identifies it in
    its document (the record key, or its node's IRI in a graph read back); ``label``
    is the document's own preferred name and ``aliases`` its other names."""

    doc_id: str
    key: str
    type: str
    label: str
    aliases: frozenset[str] = frozenset()
    wikidata: str | None = None


def named_entities(record: DocumentRecord) -> list[Named]:
    """The entities of one document's records that the corpus pass may group."""
    out = []
    for ent in record.entities.values():
        if ent.type in MERGED_TYPES:
            label = clean(ent.label)
            out.append(Named(record.doc_id, ent.key, ent.type, label,
                             frozenset(clean(a) for a in ent.aliases) - {label}, ent.wikidata))
    return out


@cache
def function_words(lang: str) -> frozenset[str]:
    """Articles, « de » and conjunctions of a language: not spelt by an acronym."""
    from kg.lang import load

    syntax = load(lang).syntax
    return frozenset(syntax.of_preps | syntax.definite_articles | syntax.conjunctions)


@dataclass
class _Form:
    """The entities of one class whose labels give one slug (one IRI today)."""

    members: list[Named]
    label: str = ""
    parts: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    last: set[str] = field(default_factory=set)
    qids: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    #: the words its initials spell (set by :func:`_parents`, which knows the function words)
    content: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        counts: dict[str, int] = defaultdict(int)
        for m in self.members:
            counts[m.label] += 1
        # The spelling most documents use; then the fewest capitals (« Frères musulmans »).
        self.label = min(counts, key=lambda label: (-counts[label], sum(c.isupper() for c in label), label))
        self.parts = name_parts(self.label)
        self.words = self.label.split()
        self.folded = [norm(w) for w in fold(self.label).replace("'", "' ").replace("’", "' ").split()]
        self.last = name_parts(self.words[-1]) if self.words else set()
        self.qids = {m.wikidata for m in self.members if m.wikidata}
        self.aliases = {fold(a) for m in self.members for a in m.aliases}
        self.acronyms = {fold(a) for m in self.members for a in m.aliases if has_initials(a.split())}

    @property
    def size(self) -> tuple[int, int]:
        return len(self.parts), len(self.label)


def _ends(short: list[str], long: list[str], function: Collection[str]) -> bool:
    """Does ``long`` end with ``short``, after a word that does not make it a complement
    (« Union européenne » in « Commission de l'Union européenne » is another organisation)?"""
    n = len(short)
    return len(long) > n and long[-n:] == short and long[-n - 1] not in function


def _contains(big: _Form, small: _Form, type_: str, function: Collection[str]) -> bool:
    """May ``small`` be a shorter name of the entity ``big`` names, by the rules one
    document uses? A known entity is never a shorter name of another."""
    if small.qids or big.size <= small.size:
        return False
    if type_ == "Person":
        # « Obama », « B. Obama » in « Barack Obama »: the surname must be there
        # (a first name alone, « Barack », is too weak across documents).
        return within(small.parts, big.parts, type_) and not within(big.parts, small.parts, type_) \
            and bool(small.parts & big.last)
    if has_initials(small.words):
        if fold(small.label) in big.aliases:
            return True  # « MSF » in one document, « Médecins sans frontières (MSF) » in another
        # By its initials (« FFF »), unless the long name has another acronym (« ALN » is no
        # « Armée de libération nationale (ELN) ») or two letters say too little (« BP »).
        if not big.acronyms and (len(small.words) > 1 or len(small.words[0]) >= 3) \
                and len(big.content) > len(small.words) and abbreviates(small.words, big.content):
            return True
    # « Verra Lumo », « Institut Verra Lumo »; not « Assemblée nationale » and « Assemblée nationale
    # du Québec » (the bare name may be another assembly) nor « Union européenne » in a complement.
    return len(small.words) >= 2 and small.parts < big.parts and _ends(small.folded, big.folded, function)


def _parents(forms: dict[str, _Form], type_: str, function: Collection[str]) -> dict[str, str]:
    """Each form that is a shorter name of exactly one longest form, with that form."""
    # Only forms that could contain a name are tried: a person's by its surname, an
    # organisation's by its last word, its acronym alias or its initial.
    index: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        if type_ == "Person":
            for p in form.last:
                index[p].add(key)
            continue
        if form.folded:
            index["w:" + form.folded[-1]].add(key)
        for a in form.aliases:
            index["a:" + a].add(key)
        form.content = content = content_words(form.label, function)
        if content:  # an acronym spells its first words, or starts with the first one
            index["i:" + "".join(fold(w)[:1] for w in content[:2])].add(key)
            index["0:" + fold(content[0])].add(key)
    parents: dict[str, str] = {}
    for key in sorted(forms):
        small = forms[key]
        if type_ == "Person":
            wanted = list(small.parts)
        else:
            wanted = ["w:" + small.folded[-1]] if small.folded else []
            if has_initials(small.words):
                head = fold(small.words[0])
                wanted += ["a:" + fold(small.label), "i:" + head[:2], "0:" + head]
        candidates = set().union(*(index.get(w, set()) for w in wanted)) - {key}
        found = [c for c in sorted(candidates) if _contains(forms[c], small, type_, function)]
        longest = [c for c in found if not any(d != c and _contains(forms[d], forms[c], type_, function)
                                                for d in found)]
        if len(longest) == 1:
            parents[key] = longest[0]
    return parents


def _root(key: str, parents: dict[str, str]) -> str:
    seen = {key}
    while key in parents and parents[key] not in seen:  # sizes grow along the chain: no cycle
        key = parents[key]
        seen.add(key)
    return key


def _canonical_of_type(type_: str, entities: list[Named], function: Collection[str]) -> dict[tuple[str, str], str]:
    grouped: dict[str, list[Named]] = defaultdict(list)
    for e in entities:
        grouped[slug(e.label)].append(e)
    forms = {key: _Form(members) for key, members in grouped.items()}
    parents = _parents(forms, type_, function)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        clusters[_root(key, parents)].append(key)
    out: dict[tuple[str, str], str] = {}
    for root, keys in clusters.items():
        members = [m for k in keys for m in forms[k].members]
        docs = [m.doc_id for m in members]
        qids = set().union(*(forms[k].qids for k in keys))
        if len(keys) > 1 and (len(set(docs)) < len(docs) or len(qids) > 1):
            # One document (or Wikidata) says these are different entities: each name keeps its own.
            roots = {k: k for k in keys}
        else:
            roots = {k: root for k in keys}
        for k in keys:
            label = forms[roots[k]].label
            for m in forms[k].members:
                if m.label != label:
                    out[m.doc_id, m.key] = label
    return out


def canonical_labels(entities: Iterable[Named], function: Collection[str] = frozenset()) -> dict[tuple[str, str], str]:
    """``(doc_id, key) → label`` for every entity whose corpus-wide label is not its
    document's own (the others keep theirs). ``function`` holds the language's
    function words (:func:`function_words`), which acronyms do not spell."""
    by_type: dict[str, list[Named]] = defaultdict(list)
    for e in entities:
        if e.type in MERGED_TYPES:
            by_type[e.type].append(e)
    out: dict[tuple[str, str], str] = {}
    for type_ in sorted(by_type):
        out.update(_canonical_of_type(type_, by_type[type_], function))
    return out


def corpus_labels(records: Iterable[DocumentRecord], lang: str = "fr") -> dict[str, dict[str, str]]:
    """For each document id, the entity keys whose label the corpus changes, with
    their corpus-wide label (what :func:`kg.rdf.mapping.add_document` takes)."""
    named = [n for r in records for n in named_entities(r)]
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for (doc_id, key), label in canonical_labels(named, function_words(lang)).items():
        out[doc_id][key] = label
    return dict(out)
