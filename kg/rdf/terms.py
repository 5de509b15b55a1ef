"""Small helpers on RDF terms shared by every output."""

from __future__ import annotations


def local_name(iri: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kgnews/ontology#Person")
    'Person'
    >>> local_name("https://w3id.org/kgnews/resource/person/kim-jong-un")
    'kim-jong-un'
    """
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1:]
