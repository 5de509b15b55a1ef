"""Recipients: whom a statement, a payment, a decision or a force is aimed at.

:mod:`kg.extraction.roles` maps the dependents the parse gives (« à X », « contre X »,
the object of a verb of praise or criticism); this pass, run once per event after
them, adds the recipients the parse hides and removes the ones it invents:

- the owner of what is praised or criticised (« a fustigé une décision « idéologique »
  de X », the « de X » hung on the adjective; « a critiqué le gouvernement »: the
  country whose government was named before);
- the author of an absorbed object noun is its target, not the speaker (« a salué la
  décision de la Cour »: the Court is praised, it does not speak);
- a member coordinated with a recipient the parser hung one word too high (« vers X
  et Y » read as « vers X » plus a « Y » coordinated with the noun above);
- a recipient is an actor marked as a recipient: never the agent, never a place,
  never a « par X » (the agent of a passive), never « en X » / « dans X » (where it
  happens) unless the event class takes that marker for its recipient (« envoyer des
  troupes en X »).

Words are data: ``lang/<lang>/events.json`` ``target_verbs``, ``roles``,
``government_anaphors`` and ``agent_preps``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import ACTOR_TYPES, Context, marker, span_of
from kg.records import EventRecord

#: The relations a verb's recipient may hang by (the class maps say which marker).
_MARKED = ("obl:arg", "obl:mod", "nmod")


def recipients(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """Complete and check ``ev``'s recipients once the other roles of trigger ``tok`` are in."""
    if tok.pos_ == "VERB":
        if ev.lemma in ctx.lex.target_verbs and ev.type != "Meeting":
            for obj in tok.children:
                if obj.dep_ == "obj":
                    _owners(ctx, ev, obj)
        _addressed_state(ctx, tok, ev)
    elif tok.dep_ in ("obj", "nsubj:pass") and tok.head.lemma_.lower() in ctx.lex.target_verbs \
            and ev.lemma == tok.head.lemma_.lower():
        _authors(ctx, ev, tok)
    _conjuncts(ctx, ev)
    _settle(ctx, tok, ev)


def _within(ev_span_start: int, tok: Token) -> bool:
    """Does a character offset fall inside ``tok``'s subtree?"""
    start, last = tok.left_edge, tok.right_edge
    return start.idx <= ev_span_start < last.idx + len(last)


def _owners(ctx: Context, ev: EventRecord, obj: Token) -> None:
    """The owner of a praised or criticised object that names no one itself."""
    if any(r.role == "recipient" and _within(r.evidence.start, obj) for r in ev.roles):
        return
    candidates = [obj, *(c for c in obj.children if c.dep_ == "nmod" and marker(ctx, c) in ctx.syntax.of_preps)]
    # « une décision « idéologique » de X »: the parser hangs the « de X » on the adjective
    candidates += [g for a in obj.children if a.dep_ == "amod" for g in a.children
                   if g.dep_ == "nmod" and marker(ctx, g) in ctx.syntax.of_preps]
    for c in candidates:
        keys = ctx.resolver.resolve(c, True) if c is not obj else []
        if not keys and (state := state_of(ctx, c)) is not None:
            keys = [state]
        for key in keys:
            if ctx.index.of_type(key) in ACTOR_TYPES and key not in ev.fillers("agent"):
                ev.add_role("recipient", key, span_of(c))
        if keys:
            return


def _addressed_state(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« a appelé le gouvernement à … », « a demandé au gouvernement de … »: the
    government the text named before is its country's."""
    mapping = ctx.lex.roles.get(ev.type, {})
    for c in tok.children:
        target = c.dep_ == "obj" and ev.lemma in ctx.lex.target_verbs and ev.type != "Meeting"
        marked = mapping.get(f"{c.dep_}/{marker(ctx, c)}") or mapping.get(c.dep_)
        if not target and marked != "recipient":
            continue
        if ctx.resolver.resolve(c, c.dep_ == "obj"):
            continue
        state = state_of(ctx, c)
        if state is not None and state not in ev.fillers("agent"):
            ev.add_role("recipient", state, span_of(c))


def state_of(ctx: Context, tok: Token) -> str | None:
    """« le gouvernement », « l'exécutif »: a bare definite government noun stands for the
    country whose government the text last named with its country (« le gouvernement
    portugais », « le gouvernement du Chili »)."""
    if tok.lemma_.lower() not in ctx.lex.government_anaphors or tok.pos_ != "NOUN":
        return None
    if any(c.dep_ in ("amod", "nmod", "appos", "flat:name", "nummod") for c in tok.children):
        return None  # it says whose it is: the resolver's business
    if not any((c.dep_ == "det" and ("Def" in c.morph.get("Definite", []) or "Dem" in c.morph.get("PronType", [])))
               or (c.dep_ == "case" and c.lower_ in ctx.syntax.contractions)  # « du gouvernement »
               for c in tok.children):
        return None
    for t in reversed(ctx.doc[:tok.i]):
        if t.lemma_.lower() not in ctx.lex.government_anaphors:
            continue
        key = ctx.resolver.demonym_of(t) or next(
            (k for c in t.children if c.dep_ == "nmod" and marker(ctx, c) in ctx.syntax.of_preps
             and (k := ctx.resolver.name_of(c)) is not None), None)
        if key is not None and ctx.index.of_type(key) == "Country":
            return key
    return None


def _authors(ctx: Context, ev: EventRecord, noun: Token) -> None:
    """« a salué la décision de la Cour »: the object noun's own « de X » is its author,
    the target of the praise, not a speaker beside the verb's subject."""
    for r in [r for r in ev.roles if r.role == "agent" and _within(r.evidence.start, noun)]:
        ev.roles.remove(r)
        if r.entity not in ev.fillers("agent"):
            ev.add_role("recipient", r.entity, r.evidence)


def _conjuncts(ctx: Context, ev: EventRecord) -> None:
    """« vers la Pologne et la Lituanie », « la Corée du Sud et le Japon »: every member of a
    coordinated recipient is one (a rule that took the first named stops there), also when
    the parser hangs the second member on the word above the first (the noun the first
    depends on, or the last word of its name); and such a member fills no other role."""
    for r in [r for r in ev.roles if r.role == "recipient"]:
        found = ctx.tokens.tokens(r.evidence.start, r.evidence.end)
        if found is None:
            continue
        first = found[0]
        hosts = [t for t in first.subtree if ctx.index.token_entity.get(t.i) == r.entity]  # (one filled first)
        if first.dep_ in _MARKED and first.head.i != first.i and ctx.resolver.name_of(first.head) is None:
            hosts.append(first.head)
        for host in hosts:
            for c in host.children:
                if c.dep_ != "conj" or c.i <= first.i or not any(g.dep_ == "cc" for g in c.children):
                    continue
                key = ctx.resolver.name_of(c)
                if key is None or key == r.entity or ctx.index.of_type(key) not in ACTOR_TYPES \
                        or key in ev.fillers("agent") and not _evidenced_by(ev, key, host):
                    continue
                ev.roles = [x for x in ev.roles if not (x.entity == key and x.role != "recipient"
                                                          and x.evidence.start == host.idx)]
                ev.add_role("recipient", key, span_of(c))


def _evidenced_by(ev: EventRecord, key: str, tok: Token) -> bool:
    return any(r.entity == key and r.evidence.start == tok.idx for r in ev.roles)


def _settle(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """Drop the recipients no analyst would give: the agent itself, a place, « par X »
    (a passive's agent: it becomes the agent when there is none), or a member marked as
    where things happen (« en X ») when the class takes no recipient so marked."""
    mapping = ctx.lex.roles.get(ev.type, {})
    recipient_marks = {k.split("/", 1)[1] for k, v in mapping.items() if v == "recipient" and "/" in k}
    for r in [r for r in ev.roles if r.role == "recipient"]:
        etype = ctx.index.of_type(r.entity)
        if r.entity in ev.fillers("agent") or (etype not in ACTOR_TYPES and ev.type != "Attack"):
            ev.roles.remove(r)
            continue
        member = _member(ctx, r.evidence.start, r.evidence.end, r.entity)
        if member is None or member.i == tok.i:
            continue
        case = marker(ctx, member)
        if case in ctx.lex.agent_preps:
            ev.roles.remove(r)
            if not ev.fillers("agent") and any(c.dep_ == "aux:pass" for c in tok.children):
                ev.add_role("agent", r.entity, r.evidence)  # « abrogé il y a deux mois par X »
        elif case in ctx.syntax.place_preps and case not in recipient_marks:
            ev.roles.remove(r)  # « supprimer des postes en France »: where, not whom


def _member(ctx: Context, start: int, end: int, key: str) -> Token | None:
    """The token naming ``key`` at the evidence ``[start, end)`` or coordinated with it."""
    found = ctx.tokens.tokens(start, end)
    if found is None:
        return None
    first = found[0]
    for t in (first, *(c for c in first.children if c.dep_ == "conj")):
        if ctx.resolver.name_of(t) == key:
            return t
    return first
