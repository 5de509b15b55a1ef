"""The namespace IRIs kg writes and reads, as plain strings.

:mod:`kg.namespace` makes the typed rdflib namespaces of them; modules on the
query path, which must not load rdflib (:mod:`kg.rdf.prefixes`,
:mod:`kg.rdf.lexical`), read them here.
"""

from __future__ import annotations

#: Namespace of the ontology (classes and properties). Stable: documented in README.
ONTOLOGY_IRI = "https://w3id.org/kgnews/ontology#"
#: Base of every resource (entity, event, document...) a build mints.
RESOURCE_IRI = "https://w3id.org/kgnews/resource/"
WIKIDATA_IRI = "http://www.wikidata.org/entity/"
NIF_IRI = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

# The W3C and DCMI vocabularies (the same IRIs as rdflib.namespace's; tests/test_iris.py checks).
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
OWL_IRI = "http://www.w3.org/2002/07/owl#"
SKOS_IRI = "http://www.w3.org/2004/02/skos/core#"
PROV_IRI = "http://www.w3.org/ns/prov#"
DCTERMS_IRI = "http://purl.org/dc/terms/"
