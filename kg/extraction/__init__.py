"""Text → spaCy Doc → extraction records.

:func:`extract` runs the pipeline's rules over one parsed document and returns
a :class:`kg.records.DocumentRecord`: plain data, no spaCy objects.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from kg.extraction.context import Context
from kg.extraction.continued import continued_speakers, own_quotations
from kg.extraction.dates import find_dateline, find_dates
from kg.extraction.discourse import inherit_dates, merge_agreements, merge_references, merge_statements
from kg.extraction.entities import find_entities
from kg.extraction.events import find_events
from kg.extraction.intervals import Disjoint
from kg.extraction.numbers import find_numbers
from kg.extraction.relations import find_relations
from kg.extraction.statements import quoted_statements, stranded_speakers, unnamed_speaker
from kg.lang import LanguageData
from kg.records import DocumentRecord, SentenceRecord, Span


def _future_offsets(doc: Doc, data: LanguageData) -> set[int]:
    """Start offsets of tokens whose verb speaks of the future (the language's
    tense hook: « aura lieu lundi », « doivent se retrouver lundi »)."""
    # The verb each token depends on, memoised so a long sentence costs one walk.
    verb_of: dict[int, int] = {}

    def verb_index(tok) -> int:
        path = []
        t = tok
        while t.i not in verb_of and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.i not in path:
            path.append(t.i)  # (the membership test only guards hand-built, cyclic parses)
            t = t.head
        found = verb_of.get(t.i, t.i)
        for i in path:
            verb_of[i] = found
        verb_of[tok.i] = found
        return found

    future_verbs = {t.i for t in doc if t.pos_ in ("VERB", "AUX") and data.hooks.is_future(t)}
    return {tok.idx for tok in doc if verb_index(tok) in future_verbs}


def extract(doc: Doc, data: LanguageData, *, doc_id: str, publication_date: dt.date | None = None,
            title: str | None = None, source: str | None = None) -> DocumentRecord:
    text = doc.text
    if publication_date is None:
        publication_date = find_dateline(text, data)  # « 22 mai 2012. - »: the wire's own date
    record = DocumentRecord(doc_id=doc_id, text=text, lang=data.lang, title=title, source=source,
                            publication_date=publication_date.isoformat() if publication_date else None)
    bounds = []
    for n, sent in enumerate(s for s in doc.sents if s.text.strip()):
        stripped = sent.text.rstrip()
        record.sentences.append(SentenceRecord(n, Span(sent.start_char, sent.start_char + len(stripped), stripped)))
        bounds.append((sent.start_char, sent.end_char, n))
    index = find_entities(doc, data, text)
    record.entities = index.entities
    dates = list(find_dates(text, data, publication_date, _future_offsets(doc, data)))
    in_dates = Disjoint([(d.start, d.end) for d in dates])  # a date's digits are no quantity
    numbers = [n for n in find_numbers(text, data) if not in_dates.overlaps(n.start, n.end)]
    ctx = Context(doc, data, index, text)
    events = quoted_statements(ctx, bounds, find_events(ctx, bounds, dates, numbers))  # « Selon X, « … » »
    stranded_speakers(ctx, events)  # « X, a pour sa part ajouté »: the subject before the auxiliary
    continued_speakers(ctx, events)  # « « … », a-t-il précisé »: the speaker of the statement before
    apart = own_quotations(ctx, events)  # « « … », a-t-il ajouté »: a quote with its incise is a statement
    kept = [e for e in merge_references(merge_agreements(merge_statements(events, apart)))
            if e.roles or e.date or e.quantity or unnamed_speaker(ctx, e)]  # « a indiqué la police »
    inherit_dates([e for e in kept if not e.negated])
    for e in kept:
        if e.negated:  # « n'a pas signé » is no signing: keep the fact, not the class
            e.type = "Event"
    record.events = kept
    record.relations = list(find_relations(doc, data, index, ctx.resolver))
    return record
