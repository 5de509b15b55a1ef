"""Dates and quantities attached to the event whose clause holds them.

A date or a number climbs the parse to the nearest trigger, but never out of
an embedded clause (« dont le parti n'a plus gouverné depuis 2014 »); a date on
a main verb that is no event goes to an event noun of that clause. Ranks
(« n° 3 »), years, names, quotations, anaphoric plurals (« les deux pays ») and
durations or distances are not an event's quantity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate

from spacy.tokens import Token

from kg.extraction.context import BOUNDARIES, Context, clause_tokens, governing_verb
from kg.extraction.dates import DateMatch
from kg.extraction.numbers import NumberMatch
from kg.extraction.quotes import ANY_OPENING
from kg.records import DateValue, EventRecord, QuantityValue, Span

_QUOTED = re.compile(r"«[^»]{0,600}»|“[^”]{0,600}”")


def nearest_trigger(ctx: Context, tok: Token, events: dict[int, EventRecord],
                     boundaries: tuple[str, ...] = ()) -> int | None:
    """The event whose clause holds ``tok``: climb heads, but never out of an
    embedded clause (« dont le parti n'a plus gouverné depuis 2014 »)."""
    t = tok
    stop = boundaries or BOUNDARIES
    while True:
        if t.i in events:
            return t.i
        if t.head.i == t.i or t.dep_ in stop:
            return None
        t = t.head


def reaches_root(ctx: Context, tok: Token) -> bool:
    t = tok
    while t.head.i != t.i:
        if t.dep_ in BOUNDARIES:
            return False
        t = t.head
    return True


#: Punctuation that really ends a sentence.
_FINAL = (".", "!", "?", "…", ";", ":", "»", ")")


def across_fragment(ctx: Context, tok: Token, events: dict[int, EventRecord]) -> int | None:
    """« Quatre-vingt-dix-sept soldats | ont été envoyés »: the parser sometimes cuts a
    subject from its verb into a verbless « sentence » with no final punctuation.
    A noun heading such a fragment belongs to the event at the root of the next one."""
    if tok.head.i != tok.i or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    k = ctx.resolver.sentence_of(tok.i)
    sents = ctx.resolver.sents
    start, end = sents[k]
    last = next((t for t in reversed(ctx.doc[start:end]) if not t.is_space), None)
    if last is None or last.text in _FINAL or "\n" in ctx.doc[start:end].text or k + 1 >= len(sents):
        return None
    nxt = ctx.doc[sents[k + 1][0]:sents[k + 1][1]].root
    return nxt.i if nxt.i in events else None


def by_sentence(ctx: Context, events: dict[int, EventRecord]) -> dict[int, list[int]]:
    """Event triggers grouped by sentence, in text order."""
    out: dict[int, list[int]] = {}
    for i in events:
        out.setdefault(ctx.resolver.sentence_of(i), []).append(i)
    return out


def attach_dates(ctx: Context, events: dict[int, EventRecord], dates: list[DateMatch]) -> None:
    """Each date to the event whose clause holds it. A deadline (« avant le 30 juin »)
    dates no event."""
    sentences = by_sentence(ctx, events)
    for d in dates:
        if d.deadline:
            continue
        span = ctx.tokens.tokens(d.start, d.end)
        if span is None:
            continue
        tok = span.root
        target = nearest_trigger(ctx, tok, events)
        if target is not None and in_complement(ctx, tok, target, events):
            continue  # « décide d'augmenter le salaire dès le 1er juillet »: the raise's date, not the decision's
        if target is not None and d.ahead and stated(ctx, ctx.doc[target]):
            noun = planned_noun(ctx, ctx.doc[target], tok, events)
            if noun is not None or past(ctx.doc[target]):
                target = noun
        if target is None and reaches_root(ctx, tok):
            # A date on a main verb that is no event (« s'est intensifiée depuis la
            # signature ... en juin 2024 », « arrêtée le 3 avril lors d'une rencontre »):
            # an event noun of that same clause.
            verb = tok.head
            pool = [i for i in sentences.get(ctx.resolver.sentence_of(tok.i), []) if events[i].date is None
                    and ctx.doc[i].pos_ == "NOUN" and governing_verb(ctx, ctx.doc[i]) == verb.i
                    and not offset(ctx, ctx.doc[i])]
            target = min(pool, key=lambda i: abs(i - tok.i)) if pool else manner_clause(ctx, tok, events)
        if target is not None and events[target].date is None:
            events[target].date = DateValue(d.iso, d.datatype, Span(d.start, d.end, ctx.text[d.start:d.end]))


def manner_clause(ctx: Context, tok: Token, events: dict[int, EventRecord]) -> int | None:
    """« a débloqué la situation mardi en ordonnant la suspension », « doit se rendre sur le site
    jeudi pour rencontrer les salariés »: a date on a verb that is no event (or on its object) goes
    to the event the verb's gerund or purpose infinitive (no subject of its own) names, when there
    is exactly one; not a date framing the clause (« suite à la destruction … depuis le 30 juin »)."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("obj", "obl:arg"):
        verb = verb.head  # (the parser hangs the day on the object: « la situation mardi »)
    if verb.pos_ not in ("VERB", "AUX") or verb.i in events:
        return None
    marks = ctx.lex.gerund_marks | ctx.cues.purpose_markers
    pool = [c.i for c in verb.children if c.dep_ == "advcl" and c.i in events and c.pos_ == "VERB"
            and events[c.i].date is None and not {"Inf", "Part"}.isdisjoint(c.morph.get("VerbForm", []))
            and not any(g.dep_ in ("nsubj", "nsubj:pass") for g in c.children)
            and any(g.dep_ == "mark" and g.i < c.i and g.lower_ in marks for g in c.children)]
    return pool[0] if len(pool) == 1 else None


def stated(ctx: Context, verb: Token) -> bool:
    """A verb in a present or past indicative (« annonce », « a annoncé »): a date
    after the publication goes to an event noun it governs (« annonce la tenue d'un
    sommet en février »); a past verb never takes it, a present may (« se
    rencontrent mardi prochain »)."""
    if verb.pos_ != "VERB" or ctx.hooks.is_future(verb):
        return False
    forms = [verb, *(c for c in verb.children if c.dep_ == "aux:tense")]
    return any("Ind" in t.morph.get("Mood", []) for t in forms)


def past(verb: Token) -> bool:
    """A past tense on the verb or a compound past (« a annoncé », « annonçait »)."""
    if any(c.dep_ == "aux:tense" for c in verb.children):
        return True
    return "Fin" in verb.morph.get("VerbForm", []) and bool({"Past", "Imp"} & set(verb.morph.get("Tense", [])))


def planned_noun(ctx: Context, verb: Token, date: Token, events: dict[int, EventRecord]) -> int | None:
    """« annonce la tenue d'un sommet en février 2026 »: the undated event noun the
    stated verb governs, nearest the date, takes it; none, and the date dates nothing."""
    pool = [t.i for t in clause_tokens(ctx, verb) if t.i in events and t.pos_ == "NOUN" and events[t.i].date is None]
    return min(pool, key=lambda i: abs(i - date.i)) if pool else None


def in_complement(ctx: Context, tok: Token, target: int, events: dict[int, EventRecord]) -> bool:
    """Does ``tok`` reach the trigger ``target`` only through the marked infinitive of
    another verb (« de remettre », « d'augmenter »), which is that verb's own event?"""
    t = tok
    while t.i != target and t.head.i != t.i:
        if t.dep_ == "xcomp" and t.i not in events and any(c.dep_ == "mark" for c in t.children):
            return True
        t = t.head
    return False


def offset(ctx: Context, noun: Token) -> bool:
    """« (un régime est né en mars) quelques mois après la libération de X »: an event
    noun placed before or after the clause's date is not at that date."""
    return any(c.dep_ == "case" and c.lower_ in ctx.cues.offset_preps for c in noun.children)


def product_number(ctx: Context, n: NumberMatch, inside_name: Callable[[int, int], bool]) -> bool:
    """Plain digits right after a capitalised word that opens no sentence and names no
    entity (« la fusée Falcon 9 », « un Boeing 737 »): the number of a product, not a count.
    After a known name it stays a count when a noun follows (« a livré à l'Ukraine 300
    missiles »), not otherwise (« a acheté un Airbus 380 »)."""
    if n.unit is not None or n.approximate or not ctx.text[n.start:n.start + 1].isdigit():
        return False
    span = ctx.tokens.tokens(n.start, n.end)
    if span is None or span.start == 0:
        return False
    prev = ctx.doc[span.start - 1]
    if not prev.text[:1].isupper() or not prev.is_alpha or prev.whitespace_ == "":
        return False
    counted = span.end < len(ctx.doc) and ctx.doc[span.end].pos_ == "NOUN"
    if (counted and inside_name(prev.idx, prev.idx + len(prev))) or prev.is_sent_start or prev.i == 0:
        return False
    before = ctx.doc[prev.i - 1]
    return before.text not in (".", "!", "?", ":", ";", ",", *ANY_OPENING) and not before.is_space


def partitive(ctx: Context, tok: Token) -> bool:
    """« l'un des deux porte-parole », « chacun des trois pays »: the number counts the
    group one member is picked from, neither the event nor its object."""
    t = tok
    for _ in range(3):
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ == "nmod" and head.pos_ == "PRON" and head.lower_ in ctx.cues.partitive_pronouns:
            return True
        t = head
    return False


def setting(ctx: Context, noun: Token) -> bool:
    """« lors des deux derniers matchs »: a number in the occasion of an event (not an
    event noun itself, « lors de deux attaques ») counts the occasions, not the event."""
    head = noun.head
    return head.i != noun.i and head.pos_ in ("ADV", "NOUN") and head.lower_ in ctx.syntax.framing_nouns \
        and noun.lemma_.lower() not in ctx.lex.nouns


def counted_vote(ctx: Context, votes: Token, events: dict[int, EventRecord]) -> int | None:
    """« (une loi) votée mardi par l'Assemblée, par 121 voix contre 98 » where the parser hangs
    the count on the main verb, « L'Assemblée a voté la confiance. Il y a eu 302 voix pour et 225
    contre »: a count of votes that reaches no event is the quantity of the nearest Decision of
    its sentence, else the last one of the sentence before, when that one has none yet."""
    here = ctx.resolver.sentence_of(votes.i)
    for k in (here, here - 1):
        pool = [i for i in events if events[i].type == "Decision" and events[i].quantity is None
                and ctx.resolver.sentence_of(i) == k]
        if pool:
            return min(pool, key=lambda i: abs(i - votes.i)) if k == here else max(pool)
    return None


def attach_quantities(ctx: Context, events: dict[int, EventRecord], numbers: list[NumberMatch]) -> None:
    named = sorted((m.start, m.end) for e in ctx.index.entities.values() for m in e.mentions)
    named_starts = [s for s, _ in named]
    reach = list(accumulate((e for _, e in named), max))  # the furthest end of a name starting so far
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(ctx.text)]
    quote_starts = [s for s, _ in quotes]

    def inside_name(start: int, end: int) -> bool:
        k = bisect_right(named_starts, start) - 1
        return k >= 0 and reach[k] >= end

    def inside_quote(start: int) -> bool:
        k = bisect_left(quote_starts, start) - 1  # quotations do not overlap
        return k >= 0 and start < quotes[k][1]

    for n in numbers:
        before = ctx.text[max(0, n.start - 8):n.start].lower()
        if before.rstrip().endswith(ctx.cues.rank_markers):
            continue  # « le satellite n° 3 »: a rank, not a quantity
        if n.unit is None and not n.approximate and float(n.value).is_integer() and 1800 <= n.value <= 2100 \
                and not any(c.isspace() for c in ctx.text[n.start:n.end]):
            continue  # « la saison 2013 »: a year
        if inside_name(n.start, n.end) or inside_quote(n.start):
            continue  # inside a name (« Ayrault 2 ») or a quotation
        if product_number(ctx, n, inside_name):
            continue  # « la fusée Falcon 9 »: part of a product's name
        span = ctx.tokens.tokens(n.start, n.end)
        if span is None:
            continue
        anchor = span[-1]
        if anchor.pos_ in ("NUM", "DET") and anchor.head.pos_ == "NOUN":
            anchor = anchor.head
        elif span.end < len(ctx.doc) and ctx.doc[span.end].pos_ == "NOUN" and n.unit is None:
            anchor = ctx.doc[span.end]
        if any(c.dep_ == "det" and c.lower_ in ctx.syntax.anaphoric_determiners for c in anchor.children):
            continue  # « les deux pays »: anaphoric, not a measured quantity
        if partitive(ctx, anchor) or setting(ctx, anchor):
            continue  # « l'un des deux porte-parole », « lors des deux derniers matchs »
        # « un protocole prévoyant la formation de quinze mille stadiers »: a
        # number may leave a participle clause describing the event's object.
        target = nearest_trigger(ctx, anchor, events, (*(b for b in BOUNDARIES if b != "acl"), "conj"))
        if target is None:
            target = across_fragment(ctx, anchor, events)
        if target is None and anchor.lemma_.lower() in ctx.cues.vote_units:
            target = counted_vote(ctx, anchor, events)
        if target is None or events[target].quantity is not None:
            continue
        if events[target].type == "Communication" and in_complement(ctx, anchor, target, events):
            continue  # « est sommée de s'ouvrir dans deux directions »: a statement counts nothing it asks for
        unit = n.unit
        if unit is None:
            noun = anchor if anchor.pos_ == "NOUN" else None
            if noun is not None and (noun.lemma_.lower() in ctx.cues.approximate_nouns
                                     or noun.lower_ in ctx.cues.multipliers):
                # « une vingtaine de travailleurs », « 1,4 milliard de mètres cubes »
                noun = next((c for c in noun.children if c.dep_ == "nmod"), None)
            unit = noun.lemma_.lower() if noun is not None else None
        if unit in ctx.not_quantities:
            continue  # « dix-neuf mois après », « à 400 km »: a duration or a distance, not the event's quantity
        events[target].quantity = QuantityValue(n.value, unit, n.approximate,
                                                Span(n.start, n.end, ctx.text[n.start:n.end]))
