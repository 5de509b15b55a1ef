"""Extraction records: what the NLP stage hands to the RDF mapping.

Plain frozen dataclasses holding strings, numbers and character offsets only,
never spaCy objects, so :mod:`kg.rdf` never imports spaCy. Offsets are
character offsets into :attr:`DocumentRecord.text` (end exclusive).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

#: Entity classes the extractor emits (local names of the ontology classes).
ENTITY_TYPES = ("Person", "Organization", "NewsAgency", "PoliticalParty", "Country", "City", "Region", "Place")
#: Event classes (local names); ``Event`` is the untyped fallback.
EVENT_TYPES = ("Communication", "Meeting", "Agreement", "Deployment", "Attack", "Transaction", "Decision", "Event")
#: Role names an event may carry towards entities.
ENTITY_ROLES = ("agent", "recipient", "participant", "place", "source")
MODALITIES = ("Asserted", "Reported", "Hypothetical")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the document text: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceRecord:
    index: int
    span: Span


@dataclass
class EntityRecord:
    """One real-world entity of the document, with every way the text names it."""

    key: str  # stable within the document: "Person:kim-jong-un"
    type: str  # one of ENTITY_TYPES
    label: str  # preferred name
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    wikidata: str | None = None  # QID, e.g. "Q159"
    title: str | None = None  # « président », for persons described by a title


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ``iso`` and its XSD datatype local name."""

    iso: str  # "2024-06-26", "2024-06", "2024", "--12-26"
    datatype: str  # "date", "gYearMonth", "gYear", "gMonthDay"
    span: Span


@dataclass(frozen=True)
class QuantityValue:
    value: float
    unit: str | None
    approximate: bool
    span: Span


@dataclass(frozen=True)
class RoleFiller:
    """An entity filling a role of an event, with the span that shows it."""

    role: str  # one of ENTITY_ROLES
    entity: str  # EntityRecord.key
    evidence: Span


@dataclass
class EventRecord:
    key: str  # stable within the document: "e3"
    type: str  # one of EVENT_TYPES
    lemma: str
    trigger: Span
    sentence: int
    roles: list[RoleFiller] = field(default_factory=list)
    date: DateValue | None = None
    quantity: QuantityValue | None = None
    modality: str = "Asserted"
    negated: bool = False
    confidence: float = 0.5
    #: a definite event noun (« l'entretien », « la rencontre ») that may refer back
    definite: bool = False

    def fillers(self, role: str) -> list[str]:
        return [r.entity for r in self.roles if r.role == role]

    def add_role(self, role: str, entity: str, evidence: Span) -> None:
        """Add a filler unless this entity already fills that role."""
        if entity not in self.fillers(role):
            self.roles.append(RoleFiller(role, entity, evidence))


@dataclass(frozen=True)
class RelationRecord:
    """A binary relation between two entities (``affiliation``, ``ally``)."""

    predicate: str
    subject: str  # EntityRecord.key
    object: str  # EntityRecord.key
    evidence: Span


@dataclass
class DocumentRecord:
    """Everything extracted from one input text."""

    doc_id: str  # readable, IRI-safe identifier
    text: str
    lang: str = "fr"
    title: str | None = None
    source: str | None = None  # file name or URL the text came from
    publication_date: str | None = None  # ISO date
    sentences: list[SentenceRecord] = field(default_factory=list)
    entities: dict[str, EntityRecord] = field(default_factory=dict)
    events: list[EventRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)

    def sentence_of(self, offset: int) -> SentenceRecord | None:
        """The sentence holding character ``offset`` (sentences are in text order)."""
        k = bisect_right([s.span.start for s in self.sentences], offset) - 1
        if k >= 0 and offset < self.sentences[k].span.end:
            return self.sentences[k]
        return None
