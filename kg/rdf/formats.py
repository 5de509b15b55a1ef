"""The one table of RDF file formats kg reads and writes.

A format is detected from a file's extension by :func:`rdflib.util.guess_format`
(the rdflib parser / serializer name) and :meth:`pyoxigraph.RdfFormat.from_extension`
(the Rust parser); :data:`FORMATS` keeps the ones kg supports and which of them
hold named graphs. Nothing else in kg names RDF formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib.util import guess_format

from kg.errors import FormatError

if TYPE_CHECKING:
    import pyoxigraph


@dataclass(frozen=True)
class RdfFormat:
    """One RDF syntax: rdflib's name, pyoxigraph's ``RdfFormat`` attribute, whether
    it holds named graphs, and the media type a server is sent."""

    name: str
    ox: str
    dataset: bool
    media_type: str

    def oxigraph(self) -> pyoxigraph.RdfFormat:
        import pyoxigraph as ox  # heavy: imported on use only

        return getattr(ox.RdfFormat, self.ox)


#: rdflib name → format. The only table of RDF formats in kg.
FORMATS: dict[str, RdfFormat] = {f.name: f for f in (
    RdfFormat("turtle", "TURTLE", False, "text/turtle"),
    RdfFormat("trig", "TRIG", True, "application/trig"),
    RdfFormat("json-ld", "JSON_LD", True, "application/ld+json"),
    RdfFormat("nt", "N_TRIPLES", False, "application/n-triples"),
    RdfFormat("nquads", "N_QUADS", True, "application/n-quads"),
    RdfFormat("xml", "RDF_XML", False, "application/rdf+xml"),
    RdfFormat("n3", "N3", False, "text/n3"),
)}
#: Extensions kg writes (``.json`` is read as JSON-LD but never written: it would hide the format).
WRITE_EXTENSIONS = (".ttl", ".trig", ".jsonld", ".nt", ".nq", ".rdf", ".owl", ".xml", ".n3")
#: Extensions kg reads.
READ_EXTENSIONS = (*WRITE_EXTENSIONS, ".json")


def detect(path: str | Path, *, writing: bool = False) -> RdfFormat:
    """The format of ``path`` by its extension; FormatError naming the allowed ones."""
    suffix = Path(path).suffix.lower()
    allowed = WRITE_EXTENSIONS if writing else READ_EXTENSIONS
    name = guess_format(str(path)) if suffix in allowed else None
    if name is None or name not in FORMATS:
        kind = "output" if writing else "graph"
        raise FormatError(f"{path}: unknown {kind} format {suffix or '(no extension)'!r}; "
                          f"use one of {', '.join(sorted(allowed))}")
    return FORMATS[name]


def rdflib_name(path: str | Path, *, writing: bool = False) -> str:
    """rdflib's parser / serializer name for ``path``."""
    return detect(path, writing=writing).name


def oxigraph_format(path: str | Path) -> pyoxigraph.RdfFormat:
    """pyoxigraph's format for ``path``, by :meth:`pyoxigraph.RdfFormat.from_extension`
    (``.owl`` is RDF/XML, which pyoxigraph does not know by that name)."""
    import pyoxigraph as ox

    fmt = detect(path)
    found = ox.RdfFormat.from_extension(Path(path).suffix.lower().lstrip("."))
    return found if found is not None else fmt.oxigraph()


def is_dataset(path: str | Path) -> bool:
    """True when ``path`` names a format that can hold named graphs."""
    try:
        return detect(path).dataset
    except FormatError:
        return False


def by_name(name: str) -> RdfFormat:
    """A format by rdflib name (``turtle``, ``nt``...) or common alias (``ntriples``, ``jsonld``, ``ttl``)."""
    aliases = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld", "rdfxml": "xml",
               "nq": "nquads", "n-quads": "nquads"}
    key = aliases.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise FormatError(f"unknown RDF format {name!r}; use one of {', '.join(sorted(FORMATS))}")
    return FORMATS[key]
