"""Text → spaCy Doc → extraction records.

:func:`extract` runs the pipeline's rules over one parsed document and returns
a :class:`kg.records.DocumentRecord`: plain data, no spaCy objects.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from kg.extract.dates import find_dates
from kg.extract.discourse import merge_statements
from kg.extract.entities import find_entities
from kg.extract.events import EventFinder
from kg.extract.numbers import find_numbers
from kg.extract.relations import find_relations
from kg.lang import LanguageData
from kg.records import DocumentRecord, SentenceRecord, Span


def _future_offsets(doc: Doc) -> set[int]:
    """Start offsets of tokens in a clause whose verb is future (« aura lieu lundi »)."""
    out: set[int] = set()
    for sent in doc.sents:
        if any("Fut" in t.morph.get("Tense") or (t.lemma_ == "devoir" and t.pos_ in ("AUX", "VERB"))
               for t in sent):
            out.update(t.idx for t in sent)
    return out


def extract(doc: Doc, data: LanguageData, *, doc_id: str, publication_date: dt.date | None = None,
            title: str | None = None, source: str | None = None) -> DocumentRecord:
    text = doc.text
    record = DocumentRecord(doc_id=doc_id, text=text, lang=data.lang, title=title, source=source,
                            publication_date=publication_date.isoformat() if publication_date else None)
    bounds = []
    for n, sent in enumerate(s for s in doc.sents if s.text.strip()):
        stripped = sent.text.rstrip()
        record.sentences.append(SentenceRecord(n, Span(sent.start_char, sent.start_char + len(stripped), stripped)))
        bounds.append((sent.start_char, sent.end_char, n))
    index = find_entities(doc, data)
    record.entities = index.entities
    dates = list(find_dates(text, data, publication_date, _future_offsets(doc)))
    numbers = [n for n in find_numbers(text, data)
               if not any(d.start < n.end and n.start < d.end for d in dates)]
    finder = EventFinder(doc, data, index)
    events = finder.find(bounds, dates, numbers)
    record.events = merge_statements(events)
    record.relations = list(find_relations(doc, data, index, finder.resolver))
    return record
