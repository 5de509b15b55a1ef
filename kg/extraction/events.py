"""Events of one document: triggers, then roles, attachments and modality.

The stages are small modules over a shared :class:`~kg.extraction.context.Context`:
:mod:`kg.extraction.triggers` (which words evoke which class),
:mod:`kg.extraction.roles` (participants from the parse),
:mod:`kg.extraction.attachment` (dates and quantities) and
:mod:`kg.extraction.modality` (modality, sources, confidence). A noun that is the
object of a verb trigger (« a adressé un message ») or an adjunct of one of
the same class (« capturés lors d'un raid ») is the same event, not a new one;
a noun after a demonstrative (« ce communiqué ») refers back and makes none.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from kg.extraction.attachment import attach_dates, attach_quantities
from kg.extraction.context import Context, span_of
from kg.extraction.courses import course_roles
from kg.extraction.dates import DateMatch
from kg.extraction.modality import confidence, modality, prospective
from kg.extraction.numbers import NumberMatch
from kg.extraction.roles import add, between, clause_places, clause_roles, noun_roles, subject_tokens, verb_roles
from kg.extraction.senses import controlled, controller
from kg.extraction.triggers import adjunct_of, evidenced, repair_lemmas, trigger_class
from kg.lang.hooks import norm
from kg.records import EventRecord


def find_events(ctx: Context, sentences: list[tuple[int, int, int]], dates: list[DateMatch],
                numbers: list[NumberMatch]) -> list[EventRecord]:
    doc = ctx.doc
    repair_lemmas(ctx)
    triggers: dict[int, str] = {}
    for tok in doc:
        cls = trigger_class(ctx, tok)
        if cls:
            triggers[tok.i] = cls
    # Nouns that are the same event as a verb trigger, or refer back.
    absorbed: dict[int, int] = {}
    for i, cls in list(triggers.items()):
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        if any("Dem" in c.morph.get("PronType", []) for c in tok.children if c.dep_ == "det"):
            del triggers[i]
            continue
        head = tok.head
        if head.i in triggers and doc[head.i].pos_ == "VERB" and (
                tok.dep_ in ("obj", "nsubj:pass", "nsubj") or triggers[head.i] == cls):
            if (tok.dep_ in ("obj", "nsubj:pass") and head.lemma_.lower() in ctx.lex.light_verbs) or (
                    tok.dep_ == "nsubj" and triggers[head.i] == "Event"):
                triggers[head.i] = cls  # « lancer une offensive », « envoyer un message », « le sommet s'est tenu »
            absorbed[i] = head.i
            del triggers[i]
    for i, cls in list(triggers.items()):
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        verb = adjunct_of(ctx, tok, triggers, cls)
        if verb is not None:  # « capturés lors d'un raid de X »: one event
            absorbed[i] = verb
            del triggers[i]
    for i in [i for i, cls in triggers.items() if cls == "Event" and i not in absorbed.values()]:
        del triggers[i]  # a light verb (« tenir », « mener ») with no event noun to carry
    events: dict[int, EventRecord] = {}
    starts = [s for s, _, _ in sentences]
    for n, i in enumerate(sorted(triggers)):
        tok = doc[i]
        sent = bisect_right(starts, tok.idx) - 1  # sentences are in text order
        ev = EventRecord(key=f"e{n + 1}", type=triggers[i], lemma=tok.lemma_.lower(),
                         trigger=span_of(tok), sentence=sent)
        if tok.pos_ == "VERB":
            verb_roles(ctx, tok, ev)
            course_roles(ctx, tok, ev)
            if controlled(ctx, tok):
                called_upon(ctx, tok, ev)
        else:
            noun_roles(ctx, tok, ev)
            agent_of_participle(ctx, tok, ev)
            clause_roles(ctx, tok, ev)
            ev.definite = any(c.dep_ == "det" and norm(c.lower_) in ctx.syntax.definite_articles
                              for c in tok.children)
        clause_places(ctx, tok, ev)
        if (own := ctx.index.token_entity.get(tok.i)) is not None:  # « le Forum X s'ouvre »: no party of itself
            ev.roles = [r for r in ev.roles if r.entity != own]
        if ev.type in ("Meeting", "Agreement") and len(ev.fillers("participant")) + len(ev.fillers("agent")) < 2:
            between(ctx, tok, ev)
        ev.negated = ctx.hooks.is_negated(tok)
        events[i] = ev
    for noun, verb in absorbed.items():
        if verb in events:
            noun_roles(ctx, doc[noun], events[verb], adjunct=True)
    attach_dates(ctx, events, dates)
    attach_quantities(ctx, events, numbers)
    for i, ev in events.items():
        modality(ctx, doc[i], ev)
    for i in [i for i, ev in events.items() if ev.modality != "Hypothetical" and not evidenced(ctx, doc[i], ev)]:
        del events[i]  # (a plan or a threat, « pourrait céder », needs no evidence that something changed hands)
    ahead = frozenset(d.start for d in dates if d.ahead)
    for i, ev in events.items():  # « livrera », « va livrer »: a future needs the evidence a fact needs
        prospective(ctx, doc[i], ev, ahead)
    ordered = [events[i] for i in sorted(events)]
    for i, ev in events.items():
        ev.confidence = confidence(ctx, doc[i], ev)
        if ev.lemma in ctx.lex.expanded:  # a trigger the word vectors proposed: less sure than a hand-written one
            ev.confidence = round(max(ev.confidence - 0.15, 0.05), 2)
        if ev.type == "Agreement" and not ev.fillers("participant") and not ev.fillers("agent") \
                and ctx.resolver.salient_pair:
            # No party named: news about two countries (« la signature d'un accord
            # de partenariat ») is about those two. A guess, so lower confidence.
            for key in ctx.resolver.salient_pair:
                ev.add_role("participant", key, ev.trigger)
            ev.confidence = round(max(ev.confidence - 0.2, 0.05), 2)
    return ordered


def called_upon(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« X appelle les électeurs à voter »: the infinitive took the caller as its
    subject; whoever would act is the one called upon (the control verb's object)."""
    role = ctx.lex.roles.get(ev.type, ctx.lex.roles["Event"]).get("nsubj", "agent")
    callers = {k for s in subject_tokens(ctx, tok.head) for k in ctx.resolver.resolve(s) or ctx.resolver.pair(s)}
    ev.roles = [r for r in ev.roles if not (r.role == role and r.entity in callers)]
    if (who := controller(tok)) is not None:
        add(ctx, ev, role, who)


def agent_of_participle(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« des attaques revendiquées par la secte X », « des attentats perpétrés par
    le groupe X »: the agent of a participle describing an attack noun is the
    attacker, even when it is a descriptive noun with the name in apposition.
    (Other classes keep the strict reading: « le lancement, assuré par une fusée
    de X » is another mention of a launch already found.)"""
    if ev.type != "Attack" or ev.fillers("agent"):
        return
    for c in tok.children:
        if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm", []):
            for g in c.children:
                if g.dep_ == "obl:agent":
                    add(ctx, ev, "agent", g, loose=True)
