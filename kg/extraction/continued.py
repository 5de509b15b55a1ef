"""A statement that continues the previous speaker's words.

News quotes one person in several pieces: « « … », a expliqué X. « … », a-t-il
précisé », « « … », résume l'universitaire ». The incise's clitic or its bare
definite description (a speaker noun with no name of its own) names no one the
parse can see when the person stands sentences back; it is the speaker of the
latest statement before it, a person of the same grammatical gender, named in
:data:`CONTINUED_SENTENCES` sentences. A statement whose subject names someone,
or a latest statement that has no single person as its speaker, is left as it
is (two speakers in a row: no guess).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.agreement import agreement, mention_gender
from kg.extraction.context import Context, span_of, trigger_verb
from kg.extraction.incises import closes_quote
from kg.extraction.quotes import ANY_CLOSING, quoted_tokens
from kg.extraction.roles import subject_tokens
from kg.lang.hooks import norm
from kg.records import EventRecord

#: How many sentences back the statement continued may stand (no other person named in between).
CONTINUED_SENTENCES = 8


def continued_speakers(ctx: Context, events: list[EventRecord]) -> None:
    """Give each agentless statement whose subject is an inverted clitic or a bare
    definite speaker noun the speaker of the statement it continues (in place)."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    for n, ev in enumerate(ordered):
        if ev.type != "Communication" or ev.negated or ev.fillers("agent"):
            continue
        subject = _continuing_subject(ctx, ev)
        if subject is None:
            continue
        found = _previous_speaker(ctx, ordered[:n], ev.sentence)
        if found is None:
            continue
        key, since = found
        if _agrees(ctx, key, subject) and not _someone_else(ctx, key, since, ev.trigger.start):
            ev.add_role("agent", key, span_of(subject))


def _continuing_subject(ctx: Context, ev: EventRecord) -> Token | None:
    """The subject of ``ev``'s verb if it is one that continues someone: an inverted
    singular clitic (« a-t-il précisé ») or a bare definite speaker noun in the
    singular naming a person by trade (« résume l'universitaire »), after the verb."""
    verb = trigger_verb(ctx, ev)
    if verb is None:
        return None
    subjects = subject_tokens(ctx, verb) or _incise_object(ctx, verb)
    if len(subjects) != 1:
        return None
    s = subjects[0]
    if s.i < min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))]):
        return None  # an incise inverts its subject; « Le président a annoncé » names its own
    if "Plur" in s.morph.get("Number", []) or ctx.resolver.resolve(s):
        return None
    if s.pos_ == "PRON" and s.text.startswith("-") and s.lower_[1:] in ctx.syntax.personal_pronouns:
        return s
    # (a title may be someone else's: « « … », dénonce le président-candidat » after his rival spoke)
    if s.pos_ == "NOUN" and s.lemma_.lower() in ctx.cues.person_nouns \
            and not any(c.dep_ in ("nmod", "appos", "flat:name", "amod", "nummod") for c in s.children) \
            and any(c.dep_ == "det" and norm(c.lower_) in ctx.syntax.definite_articles for c in s.children):
        return s
    return None


def _incise_object(ctx: Context, verb: Token) -> list[Token]:
    """« « … », résume l'universitaire »: right after a quotation the parser may read the
    inverted subject of the incise as the verb's object; it is its subject."""
    j = verb.i - 1
    if j >= 0 and ctx.doc[j].text == ",":
        j -= 1
    if j < 0 or ctx.doc[j].text not in ANY_CLOSING:
        return []
    return [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i][:1]


def _previous_speaker(ctx: Context, before: list[EventRecord], sentence: int) -> tuple[str, int] | None:
    """The one person who speaks the latest statement before, within reach, with the
    offset of that statement; None when that statement has another speaker or several."""
    for ev in reversed(before):
        if ev.sentence < sentence - CONTINUED_SENTENCES:
            return None
        if ev.type != "Communication" or ev.negated:
            continue
        agents = ev.fillers("agent")
        if not agents:
            continue
        if len(agents) == 1 and ctx.index.of_type(agents[0]) == "Person":
            return agents[0], ev.trigger.start
        return None
    return None


def _someone_else(ctx: Context, key: str, start: int, end: int) -> bool:
    """Is a person other than ``key`` named between the offsets ``start`` and ``end``, outside
    the quotations (the speaker's words may name others: « Ma fille … », explique-t-il)?"""
    between = [i for i, k in ctx.index.token_entity.items()
               if start <= ctx.doc[i].idx < end and k != key and ctx.index.of_type(k) == "Person"]
    if not between:
        return False
    quoted = quoted_tokens(ctx.doc, 0, max(between) + 1)
    return any(i not in quoted for i in between)


def _agrees(ctx: Context, key: str, subject: Token) -> bool:
    """Does a mention of person ``key`` show the subject's grammatical gender (or none)?"""
    wanted = agreement(subject)[0]
    if wanted is None:
        return True
    mentions = [ctx.doc[i] for i, k in ctx.index.token_entity.items() if k == key]
    # (the mention's title, or a first name's own morphology when the parse hangs it astray)
    shown = {mention_gender(t, ctx.resolver.titles) for t in mentions} \
        | {g for t in mentions for g in t.morph.get("Gender", [])}
    return wanted in shown or shown <= {None}


def own_quotations(ctx: Context, events: list[EventRecord]) -> frozenset[int]:
    """The statements whose verb closes a quotation of their own (« « … », a-t-il
    ajouté »): each quote with its incise is one statement, never pooled into the
    speaker's statement before it (ids of the records)."""
    return frozenset(id(e) for e in events if e.type == "Communication"
                     and (verb := trigger_verb(ctx, e)) is not None and closes_quote(ctx, verb))
