"""Compatibility re-exports: reading sources moved to :mod:`kg.sources`, writing
RDF to :mod:`kg.rdf.write`, atomic file writes to :mod:`kg.files`. New code
imports from those modules."""

from __future__ import annotations

from kg.files import output_folder, write_atomic
from kg.html import html_text
from kg.rdf.formats import WRITE_EXTENSIONS, rdflib_name
from kg.rdf.write import format_for, serialize, write_graph
from kg.sources import MAX_CHARS, Source, clean, decode, parse_date, read_sources

#: Output formats by file extension → rdflib serializer name (from :mod:`kg.rdf.formats`).
FORMATS = {ext: rdflib_name(f"x{ext}", writing=True) for ext in WRITE_EXTENSIONS}

__all__ = ["FORMATS", "MAX_CHARS", "Source", "clean", "decode", "format_for", "html_text", "output_folder",
           "parse_date", "read_sources", "serialize", "write_atomic", "write_graph"]
