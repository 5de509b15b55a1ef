"""Content negotiation: the media type an ``Accept`` header prefers among those a query form offers."""

from __future__ import annotations

from collections.abc import Sequence

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
#: Media types by query form, the first being the default for ``*/*``.
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD)
#: Other names clients use for the same media types.
ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML,
           "application/x-turtle": TURTLE, "text/plain": NTRIPLES}


def _ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` header → (media range, quality) pairs, aliases resolved."""
    ranges = []
    for item in accept.split(","):
        kind, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        kind = kind.lower()
        if kind:
            ranges.append((ALIASES.get(kind, kind), quality))
    return ranges


def _specificity(media_range: str, media: str) -> int:
    if media_range == media:
        return 3
    if media_range.endswith("/*") and media.startswith(media_range[:-1]):
        return 2
    return 1 if media_range == "*/*" else 0


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type ``accept`` prefers, or None when it accepts none.

    Each offered type takes the quality of the most specific range matching
    it; ties go to the earlier offered type. No header accepts anything.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("text/html", RESULT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)

    def quality(media: str) -> float:
        matches = [(spec, q) for kind, q in ranges if (spec := _specificity(kind, media))]
        return max(matches)[1] if matches else 0.0

    best_quality, _, best = max((quality(m), -i, m) for i, m in enumerate(offered))
    return best if best_quality > 0 else None
