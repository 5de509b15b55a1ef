"""The kg vocabulary as typed rdflib namespaces.

Every ontology term the code uses comes from here; ``tests/test_namespace.py``
keeps :class:`KG` and ``ontology/kg.ttl`` in agreement. ``_fail = True`` makes a
misspelt term raise ``AttributeError`` instead of minting a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.iris import NIF_IRI, ONTOLOGY_IRI, RESOURCE_IRI, WIKIDATA_IRI

RES = Namespace(RESOURCE_IRI)
WD = Namespace(WIKIDATA_IRI)
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


class KG(DefinedNamespace):
    """kg ontology: news entities, events with roles, modality and provenance."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # --- entity classes
    Entity: URIRef  # anything named in the news: person, organisation, place
    Person: URIRef  # a human being
    Organization: URIRef  # a company, party, ministry, armed group, agency...
    NewsAgency: URIRef  # an organisation that reports news (agency, newspaper, broadcaster)
    PoliticalParty: URIRef  # a political party
    Place: URIRef  # a geographic place
    Country: URIRef  # a sovereign state (also a Place)
    City: URIRef  # a city or town
    Region: URIRef  # a region, province, continent or other area

    # --- event classes
    Event: URIRef  # something that happened (or is said or expected to happen)
    Communication: URIRef  # a statement, message, announcement, thanks, criticism
    Meeting: URIRef  # a meeting, summit, talks
    Agreement: URIRef  # the signing or conclusion of an agreement
    Deployment: URIRef  # sending troops, rescuers, aid, a satellite
    Attack: URIRef  # an attack, strike, raid
    Transaction: URIRef  # a purchase, sale, payment, handover, exchange
    Decision: URIRef  # a decision, order, measure, appointment

    # --- values
    Quantity: URIRef  # a number with a unit, possibly approximate
    Modality: URIRef  # how the text commits to an event
    Asserted: URIRef  # stated as fact
    Reported: URIRef  # attributed or hedged (conditional, « selon »)
    Hypothetical: URIRef  # possible or expected (« pourrait »)

    # --- provenance
    Document: URIRef  # one input text
    Mention: URIRef  # a span of a document that names an entity or an event

    # --- event roles
    agent: URIRef  # who does it
    recipient: URIRef  # to whom or against whom
    participant: URIRef  # who takes part (meetings, signatories)
    date: URIRef  # when: xsd:date, xsd:gYearMonth, xsd:gYear or xsd:gMonthDay
    place: URIRef  # where
    quantity: URIRef  # how many / how much
    source: URIRef  # who reports it

    # --- event attributes
    modality: URIRef  # Asserted, Reported or Hypothetical
    negated: URIRef  # the text says it did not happen
    confidence: URIRef  # extractor confidence in [0, 1]
    lemma: URIRef  # lemma of the word that evokes the event
    dateText: URIRef  # the date as written

    # --- quantity attributes
    value: URIRef  # numeric value
    unit: URIRef  # unit as a word (soldat, euro, %...)
    approximate: URIRef  # the text hedges the number (« environ »)

    # --- binary relations
    affiliation: URIRef  # a person belongs to or serves an organisation or country
    ally: URIRef  # two parties are allies (symmetric)
    title: URIRef  # a person's title or function as written (« président »)
    localLabel: URIRef  # in a document's graph, its own name for an entity the corpus labels otherwise

    # --- provenance properties
    mention: URIRef  # from an entity or event to a Mention of it
    sentence: URIRef  # from a Mention to the sentence holding it
    document: URIRef  # from an entity, event or mention to its Document
    publicationDate: URIRef  # a Document's publication date


class NIF(DefinedNamespace):
    """The NLP Interchange Format terms kg uses for offsets and sentences."""

    _fail = True
    _NS = Namespace(NIF_IRI)

    Context: URIRef
    Sentence: URIRef
    String: URIRef
    OffsetBasedString: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
