"""Counts that describe a graph."""

from __future__ import annotations

from rdflib import RDF, Graph

from kg.namespace import KG

ENTITY_CLASSES = (KG.Person, KG.Organization, KG.NewsAgency, KG.PoliticalParty, KG.Country, KG.City, KG.Region,
                  KG.Place)
EVENT_CLASSES = (KG.Event, KG.Communication, KG.Meeting, KG.Agreement, KG.Deployment, KG.Attack, KG.Transaction,
                 KG.Decision)


def count(graph: Graph, classes) -> int:
    return len({s for c in classes for s in graph.subjects(RDF.type, c)})


def summary(graph: Graph) -> str:
    docs = count(graph, (KG.Document,))
    return (f"{len(graph)} triples, {docs} document{'s' if docs != 1 else ''}, "
            f"{count(graph, ENTITY_CLASSES)} entities, {count(graph, EVENT_CLASSES)} events")
