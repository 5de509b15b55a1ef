"""Parsing and extraction in this process: sources → spaCy Docs → records.

The one place that runs the model over texts; :mod:`kg.pipeline` calls it
directly, and :mod:`kg.distributed` calls it on each Dask worker.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.lang import load
from kg.lang.sections import Cues
from kg.records import DocumentRecord
from kg.sources import Source

#: Texts per nlp.pipe batch.
BATCH = 16
#: Longest piece of text the model parses at once (characters). A longer text is parsed in pieces cut at a
#: paragraph break, else a sentence end, else a space, and the pieces' Docs joined back: the model's memory
#: grows with the piece (a 1.4 MB text in one piece took 4.9 GB), not with the whole text. A long sentence of
#: up to 200,000 characters (30,000 words) is still read whole.
PIECE = 200_000


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters (one piece if it fits), each
    cut after a line break, else after the last « . ! ? » followed by a space, else after a space.

    >>> pieces("Un. Deux. Trois.", 10)
    ['Un. Deux. ', 'Trois.']
    >>> "".join(pieces("a" * 25, 10)) == "a" * 25
    True
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1
        if cut <= 0:
            ends = [window.rfind(p + " ") for p in ".!?"]
            cut = max(ends) + 2 if max(ends) >= 0 else window.rfind(" ") + 1
        if cut <= 0:
            cut = size  # no space at all: cut anywhere
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return out


def repairer(cues: Cues) -> Callable[[str], str]:
    """A function that repairs a misspelt auxiliary (``cues.misspelt_auxiliaries``) where it directly
    follows a word (its subject) and precedes a participle of ``cues.repaired_participles``, letter for
    letter, so every character offset of the text stays what it was. Anywhere else the text is unchanged."""
    wrong = {k: v for k, v in cues.misspelt_auxiliaries.items() if len(k) == len(v)}
    if not wrong or not cues.repaired_participles:
        return lambda text: text
    forms = "|".join(map(re.escape, sorted(wrong, key=len, reverse=True)))
    participles = "|".join(map(re.escape, sorted(cues.repaired_participles, key=len, reverse=True)))
    pattern = re.compile(rf"(?<=\w )({forms})(?= (?:{participles})(?!\w))")
    return lambda text: pattern.sub(lambda m: wrong[m.group(1)], text)


def parse(nlp: Any, texts: Iterable[str]) -> Iterator[Any]:
    """The Doc of each text, in order; long texts are parsed piece by piece (:func:`pieces`) and joined
    with ``Doc.from_docs``, so character offsets are those of the whole text and a piece starts a sentence."""
    from spacy.tokens import Doc

    for text in texts:
        parts = pieces(text, PIECE)
        if len(parts) == 1:
            yield nlp(text)
            continue
        # Each piece is parsed alone, so no dependency crosses a cut: a piece starts a sentence.
        yield Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False)


def extract_records(sources: Iterable[Source], *, lang: str = "fr", publication_date: dt.date | None = None,
                    on_done: Callable[[Source], None] | None = None) -> Iterator[DocumentRecord]:
    """Parse and extract every source, in order, in this process.
    ``publication_date`` applies to sources that carry no date of their own."""
    from kg.extraction import extract  # imports spaCy
    from kg.nlp import get_model

    data = load(lang)
    nlp = get_model(lang)
    items = list(sources)
    docs = _docs(nlp, items, repairer(data.cues))
    for source, doc in zip(items, docs, strict=True):
        record = extract(doc, data, doc_id=source.doc_id, publication_date=source.date or publication_date,
                         title=source.title, source=source.url or source.origin)
        if on_done is not None:
            on_done(source)
        yield record


def _docs(nlp: Any, items: list[Source], repair: Callable[[str], str] = str) -> Iterator[Any]:
    """Short texts go through ``nlp.pipe`` in batches; a long one is parsed in pieces. Each text is
    repaired first (:func:`repairer`)."""
    if all(len(s.text) <= PIECE for s in items):
        yield from nlp.pipe((repair(s.text) for s in items), batch_size=BATCH)
        return
    for source in items:
        yield from parse(nlp, [repair(source.text)])
