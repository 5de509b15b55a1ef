"""The prefixes kg binds in every output and accepts in every query, and the one
prefix shortener.

:func:`short` writes an IRI as ``prefix:local`` only when ``local`` is a valid
SPARQL / Turtle local name (``kg:Person``, ``wd:Q7747``), otherwise in full
(``<https://w3id.org/kgnews/resource/person/kim-jong-un>``): what it prints can
always be pasted back into a query or a Turtle file, and is never cut.

This module loads no rdflib (``kg query --db`` runs without it).
"""

from __future__ import annotations

from kg import iris
from kg.textscan import is_local_name as _is_local_name

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module

if TYPE_CHECKING:
    from rdflib import Graph

#: Prefixes written in every output and known to every query.
PREFIXES: dict[str, str] = {"kg": iris.ONTOLOGY_IRI, "nif": iris.NIF_IRI, "skos": iris.SKOS_IRI,
                            "wd": iris.WIKIDATA_IRI, "prov": iris.PROV_IRI, "dcterms": iris.DCTERMS_IRI,
                            "owl": iris.OWL_IRI, "xsd": iris.XSD_IRI, "rdf": iris.RDF_IRI, "rdfs": iris.RDFS_IRI,
                            "res": iris.RESOURCE_IRI}


def bind_all(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` in ``graph`` (replacing other bindings of those names)."""
    from rdflib import URIRef

    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, URIRef(namespace), override=True, replace=True)
    return graph


def is_local_name(text: str) -> bool:
    """True when ``text`` can follow ``prefix:`` unescaped in SPARQL and Turtle (PN_LOCAL without
    ``\\`` escapes or ``%`` codes)."""
    return _is_local_name(text)


def short(iri: str) -> str:
    """``prefix:local`` with the longest matching prefix when valid, else ``<iri>``."""
    best = max((item for item in PREFIXES.items() if iri.startswith(item[1])), key=lambda item: len(item[1]),
               default=None)
    if best is not None and is_local_name(iri[len(best[1]):]):
        return f"{best[0]}:{iri[len(best[1]):]}"
    return f"<{iri}>"


def used(iris: set[str]) -> dict[str, str]:
    """The :data:`PREFIXES` some IRI of ``iris`` starts with (an output binds those)."""
    return {p: ns for p, ns in sorted(PREFIXES.items()) if any(iri.startswith(ns) for iri in iris)}
