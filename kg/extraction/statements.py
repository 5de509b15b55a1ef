"""Statements with no speech verb: « Selon X, « … » », « D'après X, « … » ».

News quotes a speaker through an attribution phrase alone: the quotation that
follows the phrase is X's statement, a Communication of X, even though no verb
says so. The phrase may be a name, a title with its name, or a tonic pronoun
(« selon lui », « d'après elle ») that points back at the latest person of that
grammatical gender (:func:`kg.extraction.speakers.pronoun_antecedent`).

A person's words may also stand elsewhere in the sentence the phrase attributes
(« Selon X, sociologue, un échec est « une marque pour la vie » », « « … » selon
M. X », « Selon X, la saison promet : « … » »): when no speech event covers that
sentence, a quotation of at least :data:`QUOTE_WORDS` words is the person's
statement. A scare-quoted word (« jugé « précipité » selon Y ») is not, and an
organisation or a newspaper named so is a source, not a speaker.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from kg.extraction.context import ACTOR_TYPES, Context, span_of, trigger_verb
from kg.extraction.quotes import ANY_CLOSING, ANY_OPENING
from kg.extraction.roles import subject_tokens
from kg.extraction.speakers import (
    attributed_phrase,
    attribution,
    pronoun_antecedent,
    speaker,
    speaker_noun,
    stranded_auxiliary,
    stranded_subject,
)
from kg.records import EventRecord

#: Fewest words a quotation away from the attribution phrase holds to be a person's statement.
QUOTE_WORDS = 3


def quoted_statements(ctx: Context, sentences: list[tuple[int, int, int]],
                      events: list[EventRecord]) -> list[EventRecord]:
    """The events plus one Communication for each « selon X, « … » » that no speech
    event of X in its sentence already covers, in text order."""
    starts = [s for s, _, _ in sentences]
    added: list[EventRecord] = []
    for t in ctx.doc:
        if not attribution(ctx, t):
            continue
        phrase = attributed_phrase(t)
        follows = _quote_follows(ctx, phrase)
        if not follows and not _quote_in_sentence(ctx, t, phrase):
            continue
        keys = _speakers(ctx, phrase)
        if not keys or not (follows or all(ctx.index.of_type(k) == "Person" for k in keys)):
            continue
        sent = bisect_right(starts, t.idx) - 1
        if any(e.type == "Communication" and e.sentence == sent and (
                not follows or set(keys) & set(e.fillers("agent"))) for e in [*events, *added]):
            continue
        ev = EventRecord(key=f"q{len(added) + 1}", type="Communication", lemma=t.lemma_.lower(),
                         trigger=span_of(t), sentence=sent)
        for key in keys:
            ev.add_role("agent", key, span_of(phrase))
        added.append(ev)
    return sorted([*events, *added], key=lambda e: e.trigger.start)


def _quote_follows(ctx: Context, phrase: Token) -> bool:
    """Does a quotation open right after the phrase (and its comma)?"""
    j = max(t.i for t in phrase.subtree) + 1
    while j < len(ctx.doc) and (ctx.doc[j].text == "," or ctx.doc[j].is_space):
        j += 1
    return j < len(ctx.doc) and ctx.doc[j].text in ANY_OPENING


def _quote_in_sentence(ctx: Context, t: Token, phrase: Token) -> bool:
    """Does the sentence of the attribution word ``t`` hold, outside the attributed ``phrase``, a
    quotation of at least :data:`QUOTE_WORDS` words?"""
    inside = {w.i for w in phrase.subtree} | {t.i}
    words = -1  # -1: outside any quotation
    for w in t.sent:
        if w.text in ANY_OPENING and words < 0 and w.i not in inside:
            words = 0
        elif w.text in ANY_CLOSING or (w.text in ANY_OPENING and words >= 0):
            if words >= QUOTE_WORDS:
                return True
            words = -1
        elif words >= 0 and w.is_alpha:
            words += 1
    return words >= QUOTE_WORDS  # a quotation the sentence does not close


def _speakers(ctx: Context, phrase: Token) -> list[str]:
    gender = ctx.cues.attributed_pronouns.get(phrase.lower_) if phrase.pos_ == "PRON" else None
    if gender is not None:
        key = pronoun_antecedent(ctx, phrase, gender)
        return [key] if key else []
    return [k for k in ctx.resolver.resolve(speaker(ctx, phrase)) if ctx.index.of_type(k) in ACTOR_TYPES]


def unnamed_speaker(ctx: Context, ev: EventRecord) -> bool:
    """Is ``ev`` a statement whose speaker the text names only by a common noun
    (« a indiqué la police », « a révélé son avocate à l'AFP », « le porte-parole
    de la police a ajouté »)? It has no entity to carry, yet it is a statement."""
    if ev.type != "Communication" or ev.negated:
        return False
    tok = trigger_verb(ctx, ev)
    return tok is not None and any(speaker_noun(ctx, s) for s in subject_tokens(ctx, tok))


def stranded_speakers(ctx: Context, events: list[EventRecord]) -> None:
    """« le ministre de Y, X, a pour sa part ajouté : « … » », « Z a de son côté dénoncé
    … »: an agentless statement whose participle the parser hung on the stance phrase
    takes the subject before the stranded auxiliary as its speaker (in place)."""
    for ev in events:
        if ev.type != "Communication" or ev.negated or ev.fillers("agent"):
            continue
        verb = trigger_verb(ctx, ev)
        aux = stranded_auxiliary(ctx, verb) if verb is not None else None
        subject = stranded_subject(ctx, aux) if aux is not None else None
        if subject is None:
            continue
        keys = [k for k in ctx.resolver.resolve(subject) if ctx.index.of_type(k) in ACTOR_TYPES]
        persons = [k for k in keys if ctx.index.of_type(k) == "Person"]
        for key in persons or keys:  # (« le ministre …, X »: the person, not what the parse hangs on the title)
            ev.add_role("agent", key, span_of(subject))
