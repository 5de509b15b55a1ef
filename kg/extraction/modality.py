"""Modality, attribution and confidence of an event.

A trigger under a modal of possibility (« pourrait ») is Hypothetical; a
conditional or a named source (« selon X », « d'après X », a medium that
reports, « relayé par X ») makes it Reported; otherwise an event the text only
looks ahead to, asks for or denies happened (:mod:`kg.extraction.prospect`:
« se rendra », « appelle à voter », « aurait dû ») or dated after the
publication is Hypothetical (:func:`prospective`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extraction.context import Context, span_of
from kg.extraction.prospect import conditional as conditional_mood
from kg.extraction.prospect import just_happened, looks_ahead
from kg.extraction.speakers import attributed_phrase, attribution, attribution_names
from kg.extraction.triggers import media_subject
from kg.records import EventRecord, Span


def modality(ctx: Context, tok: Token, ev: EventRecord) -> None:
    conditional = any(conditional_mood(ctx, t) for t in (tok, *tok.children) if
                      t is tok or t.dep_.startswith("aux"))
    hypothetical = False
    t = tok
    for _ in range(4):  # climb the modal and reporting verbs that govern the trigger
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ == "xcomp" and head.lemma_.lower() in ctx.cues.hypothetical_verbs and not past(head):
            hypothetical = True
            conditional = conditional or "Cnd" in head.morph.get("Mood", [])
        if t.dep_ == "xcomp" and head.lemma_.lower() in ctx.lex.plan_verbs:
            hypothetical = True  # « a menacé de suspendre », « envisagent de signer »: not done
        if t.dep_ in ("ccomp", "xcomp", "parataxis") and head.lemma_.lower() in ctx.cues.reporting_verbs:
            if (src := media_subject(ctx, head)) is not None:
                ev.add_role("source", src, span_of(head))
        if t.dep_ not in ("xcomp", "ccomp", "conj", "parataxis"):
            break
        t = head
    for src, evidence, word in sentence_sources(ctx, tok):
        if word != tok.i and src not in ev.fillers("agent"):
            ev.add_role("source", src, evidence)
    if hypothetical:
        ev.modality = "Hypothetical"
    elif conditional or ev.fillers("source"):
        ev.modality = "Reported"


def prospective(ctx: Context, tok: Token, ev: EventRecord, ahead: frozenset[int]) -> None:
    """An Asserted event the text only looks ahead to, asks for or says did not
    happen (« se rendra », « appelle à voter », « aurait dû »), or dated after the
    publication (its date starts at an offset in ``ahead``), is Hypothetical.
    Run after the evidence check: a future transfer needs its evidence as a past one does."""
    if ev.modality != "Asserted" or just_happened(ctx, tok):
        return
    if looks_ahead(ctx, tok) or (ev.date is not None and ev.date.span.start in ahead):
        ev.modality = "Hypothetical"


def past(verb: Token) -> bool:
    """« a pu », « avait pu »: a modal in a compound past states what happened."""
    return "Part" in verb.morph.get("VerbForm", []) and any(c.dep_.startswith("aux") for c in verb.children)


def sentence_sources(ctx: Context, tok: Token) -> Iterable[tuple[str, Span, int]]:
    """« selon X », « d'après X », « relayé par X » and media that report in the
    sentence, as (entity, evidence, index of the reporting word); computed once
    per sentence (long sentences hold many events)."""
    start, end = ctx.sentence(tok)
    if start not in ctx.sources_by_sentence:
        ctx.sources_by_sentence[start] = list(find_sources(ctx, ctx.doc[start:end]))
    return ctx.sources_by_sentence[start]


def find_sources(ctx: Context, sent) -> Iterable[tuple[str, Span, int]]:
    for t in sent:
        if attribution(ctx, t):
            phrase = attributed_phrase(t)
            for key in ctx.resolver.resolve(phrase) or attribution_names(ctx, t):
                yield key, span_of(phrase), t.i
        elif t.lemma_.lower() in ctx.cues.reporting_verbs:
            if t.lemma_.lower() in ctx.cues.relay_verbs:
                for c in t.children:
                    if c.dep_ == "obl:agent":
                        for key in ctx.resolver.resolve(c, loose=True):
                            yield key, span_of(c), t.i
            elif (src := media_subject(ctx, t)) is not None:
                yield src, span_of(t), t.i


def confidence(ctx: Context, tok: Token, ev: EventRecord) -> float:
    score = 0.55 if tok.pos_ == "VERB" else 0.45
    entity_roles = {r.role for r in ev.roles}
    score += 0.1 * min(len(entity_roles), 2)
    score += 0.05 if ev.date else 0.0
    score -= 0.15 if ev.negated else 0.0
    return round(min(max(score, 0.05), 0.95), 2)
