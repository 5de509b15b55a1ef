"""The prefixes kg binds in every output and accepts in every query, and the one
prefix shortener.

:func:`short` writes an IRI as ``prefix:local`` only when ``local`` is a valid
SPARQL / Turtle local name (``kg:Person``, ``wd:Q7747``), otherwise in full
(``<https://w3id.org/kgnews/resource/person/kim-jong-un>``): what it prints can
always be pasted back into a query or a Turtle file, and is never cut.
"""

from __future__ import annotations

import re

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.namespace import KG, NIF, RES, WD

#: Prefixes written in every output and known to every query.
PREFIXES: dict[str, str] = {"kg": str(KG._NS), "nif": str(NIF._NS), "skos": str(SKOS._NS), "wd": str(WD),
                            "prov": str(PROV._NS), "dcterms": str(DCTERMS._NS), "owl": str(OWL._NS),
                            "xsd": str(XSD._NS), "rdf": str(RDF._NS), "rdfs": str(RDFS._NS), "res": str(RES)}
#: A local name that needs no escape in SPARQL and Turtle (PN_LOCAL without ``\\`` escapes or ``%`` codes).
_LOCAL = re.compile(r"(?:[^\W][\w\-.:\u00b7]*[\w\-:\u00b7]|[^\W])?")


def bind_all(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` in ``graph`` (replacing other bindings of those names)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, URIRef(namespace), override=True, replace=True)
    return graph


def is_local_name(text: str) -> bool:
    """True when ``text`` can follow ``prefix:`` unescaped in SPARQL and Turtle."""
    return _LOCAL.fullmatch(text) is not None


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
