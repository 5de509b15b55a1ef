"""Run the extractor on a hand-built parse and summarise its events (shared by the rule tests)."""

from __future__ import annotations

import datetime as dt

from kg.extraction import extract

from .conllu import doc_from


def run(fr, conll: str, date: dt.date | None = None):
    rec = extract(doc_from(conll), fr, doc_id="t", publication_date=date)
    label = {k: e.label for k, e in rec.entities.items()}
    events = [(e.type, e.lemma, sorted((r.role, label[r.entity]) for r in e.roles),
               e.date.iso if e.date else None, e.modality, e.negated) for e in rec.events]
    return rec, events
