"""kg.iris: the plain-string namespaces are the ones rdflib and kg.namespace name."""

from __future__ import annotations

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg import iris
from kg.namespace import KG, NIF, RES, WD


def test_the_strings_are_rdflibs_namespaces() -> None:
    assert iris.ONTOLOGY_IRI == str(KG._NS) and iris.RESOURCE_IRI == str(RES) and iris.WIKIDATA_IRI == str(WD)
    assert iris.NIF_IRI == str(NIF._NS)
    for name, namespace in {"RDF": RDF, "RDFS": RDFS, "XSD": XSD, "OWL": OWL, "SKOS": SKOS, "PROV": PROV,
                            "DCTERMS": DCTERMS}.items():
        assert getattr(iris, f"{name}_IRI") == str(namespace._NS), name
