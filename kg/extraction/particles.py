"""Surname particles: « le général de Gaulle », « De Pavant a indiqué », « Kito de Pavant ».

Helpers of :mod:`kg.extraction.mentions`, on spaCy tokens. The model often leaves
a name's particle (the language's ``name_particles``: « de », « van », « von »...)
outside the name, or the cleaning drops it as a preposition, so that « De Gaulle »
becomes an entity « Gaulle ». A particle belongs to the name when it touches a
capitalised surname and either is written with a capital inside a sentence, or starts
a sentence whose verb follows the name (« De X a déclaré »), or follows a first name the
model read as a name too. A title the model read into the name (« général de X ») is cut
off; a title outside it is not enough (« le ministre d'X » is X's minister).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.lang import LanguageData


def with_particle(doc: Doc, span: SpacySpan, label: str, data: LanguageData) -> SpacySpan | None:
    """``span`` grown over its surname particle (and the first name before it), or None
    when no particle precedes it. ``label`` is the model's label of the name."""
    start = span.start
    if len(span) > 2 and span[0].is_lower and span[0].lemma_.lower() in data.cues.titles \
            and span[1].text in data.cues.name_particles and span[2].text[:1].isupper():
        return span[1:]  # « général de X » read as one name: the title is no part of it
    if start == 0 or not span[0].text[:1].isupper() or not span[0].is_alpha:
        return None
    particle = doc[start - 1]
    if particle.text not in data.cues.name_particles or not particle.whitespace_ and particle.text[-1:] not in "'’":
        return None
    if particle.text[:1].isupper():
        if particle.is_sent_start:
            # « De X conclut »: a sentence-initial particle is a name's when the verb follows the name
            after = doc[span.end] if span.end < len(doc) else None
            if after is None or after.pos_ not in ("VERB", "AUX"):
                return None
        return doc[start - 1:span.end]
    if data.syntax.ner_labels.get(label) != "Person":
        return None  # « l'université de X »: a lower-case « de » before a place or a body is a preposition
    before = doc[start - 2] if start >= 2 else None
    if before is not None and before.text[:1].isupper() and before.is_alpha and before.ent_type_ \
            and before.pos_ in ("PROPN", "NOUN", "X") and before.lower_ not in data.cues.titles:
        return doc[start - 2:span.end]  # « Kito de X »: the first name the model cut off
    return None
