"""Readable, deterministic IRIs.

An entity's IRI depends only on its class and label, so the same person gets the
same IRI in every document and every run; an event's IRI on its document and
its rank in the document. Slugs keep only ``[a-z0-9-]``: quotes, angle
brackets, ``#``, spaces, emojis and control characters can never reach an IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.namespace import RES

_MAX = 60
#: Letters NFKD does not split into a base letter and an accent.
_LATIN = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ß": "ss",
                        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i"})


def slug(text: str) -> str:
    """« Corée du Nord » → ``coree-du-nord``; never empty, at most 60 characters
    (long or non-Latin names keep a short hash so they stay distinct). The same
    name gives the same slug whatever its Unicode normal form (composed « é » or
    « e » + accent) and its white space (« Xi  Jinping », a line break)."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    folded = unicodedata.normalize("NFKD", name.replace("\u2019", "'").translate(_LATIN))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if not s:
        return f"x-{digest}"
    if len(s) > _MAX or len(s) < len(name) // 3:
        return f"{s[:_MAX - 9].rstrip('-')}-{digest}"
    return s


def entity_iri(type_: str, label: str) -> URIRef:
    return RES[f"{type_.lower()}/{slug(label)}"]


def document_iri(doc_id: str) -> URIRef:
    return RES[f"doc/{doc_id}"]


def event_iri(doc_id: str, key: str, type_: str) -> URIRef:
    return RES[f"event/{doc_id}/{key}-{type_.lower()}"]


def span_iri(doc_id: str, start: int, end: int) -> URIRef:
    """RFC 5147 style fragment, as NIF does: ``…/doc/ID#char=10,24``."""
    return URIRef(f"{document_iri(doc_id)}#char={start},{end}")


def quantity_iri(doc_id: str, key: str) -> URIRef:
    return RES[f"event/{doc_id}/{key}-quantity"]
