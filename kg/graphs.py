"""Loading graph files the user names (for query, export, view, validate, serve).

A thin front of :mod:`kg.rdf.read`, the one reader of RDF files: dataset files
(TriG, N-Quads, JSON-LD) may hold named graphs, one a document (see
:mod:`kg.corpus`); :func:`load_graphs` gives their union, :func:`load_dataset`
keeps them apart.
"""

from __future__ import annotations

from kg.rdf.formats import READ_EXTENSIONS
from kg.rdf.read import load_dataset, load_graphs

#: Extensions of graph files kg reads.
READ_FORMATS = READ_EXTENSIONS

__all__ = ["READ_FORMATS", "load_dataset", "load_graphs"]
