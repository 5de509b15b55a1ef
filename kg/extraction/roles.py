"""Event roles from the dependency parse.

A verb trigger finds its roles among its dependents (``nsubj`` → agent,
``obl:agent`` « par X » → agent of a passive, ``obl:arg`` « à X » → recipient,
« avec X » / « entre X et Y » → participants...), as mapped per event class in
``lang/<lang>/events.json``. A verb with no subject of its own takes the
subject of the verb it is coordinated with (« a qualifié ... et sommé »), of the
modal that governs it (« pourrait échanger ») or the antecedent of its relative
pronoun (« qui »). A noun trigger (« la signature », « l'envoi ») takes roles
from its own dependents (« de X », « entre X et Y », a demonym « frappes
russes ») and from a participle hanging on it (« un remerciement émanant de X »).
Every member of a coordinated subject fills the subject's role, and whoever attends a
meeting or a signing (« en présence de X ») is a participant.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from kg.extraction.context import ACTOR_TYPES, SUBJECTS, Context, clause_tokens, governing_verb, marker, span_of
from kg.extraction.plural import plural_referents
from kg.extraction.recipients import recipients
from kg.extraction.resolve import PLACE_TYPES
from kg.extraction.speakers import (
    attributed,
    quoted_before,
    speaker,
    speaker_noun,
    subject_behind_source,
    subject_clitic,
)
from kg.extraction.triggers import adjectival, inverted, subject_candidates
from kg.records import EventRecord


def add(ctx: Context, ev: EventRecord, role: str, tok: Token, loose: bool = False) -> None:
    keys = ctx.resolver.resolve(tok, loose) or ctx.resolver.pair(tok) or [
        k for c in tok.children if c.dep_ == "nmod" for k in ctx.resolver.pair(c)] \
        or plural_referents(ctx.resolver, tok)  # « les délégations des deux pays »; « les analystes du groupe X »
    for key in keys:
        etype = ctx.index.of_type(key)
        r = role
        if r in ("recipient", "agent", "participant") and etype in ("City", "Region"):
            if marker(ctx, tok) not in ctx.syntax.place_preps:
                continue  # a known city or region is where things happen, never who acts
            r = "place"
        elif etype == "Place" and ((r in ("recipient", "participant", "agent")
                                    and marker(ctx, tok) in ctx.syntax.place_preps)
                                   or (r == "recipient" and ev.type == "Attack")):
            r = "place"  # « à Las Rozas »; « a frappé le port d'Izmaïl »: where the attack hit
        if r == "place" and etype not in (*PLACE_TYPES, "Country"):
            continue
        if key in ev.fillers("agent") and r in ("recipient", "participant"):
            continue
        ev.add_role(r, key, span_of(tok))


def clause_places(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« à Genève », « dans la région de X », wherever the parser hung them in the
    clause; an event noun under « lors de » also looks in its verb's clause."""
    if ev.fillers("place"):
        return
    scope = list(clause_tokens(ctx, tok))
    if tok.pos_ == "NOUN" and governing_verb(ctx, tok) != tok.head.i or tok.head.lower_ in ctx.syntax.framing_nouns:
        scope += list(clause_tokens(ctx, ctx.doc[governing_verb(ctx, tok)]))
    for t in sorted(scope, key=lambda t: t.i):
        key = ctx.resolver.name_of(t)
        if key and ctx.index.of_type(key) in PLACE_TYPES and key not in ev.fillers("recipient") \
                and (marker(ctx, t) in ctx.syntax.place_preps or located_under(ctx, t) and not _described(t, tok)):
            ev.add_role("place", key, span_of(t))
            return


def located_under(ctx: Context, tok: Token) -> bool:
    """« dans son usine de Rennes », « au poste-frontière de X », « près de X »: a name
    marked « de » after a place preposition and the noun it completes (however the parser
    hung them) is where the event happens, unless that noun is an event's."""
    case = next((c for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)
    if case is None or ctx.hooks.preposition(case.text) not in ctx.syntax.of_preps:
        return False
    for t in reversed(ctx.doc[max(0, case.i - 5):case.i]):
        prep = ctx.hooks.preposition(t.text)
        if t.pos_ in ("ADP", "ADV") or prep in ctx.syntax.contractions.values():  # (« au » may be tagged DET)
            return prep in ctx.syntax.place_preps
        if t.pos_ not in ("NOUN", "DET", "ADJ") and t.text != "-" or t.lemma_.lower() in ctx.lex.nouns:
            return False  # (« à la prise de X »: X is what an event noun is about, not where)
    return False


def _described(tok: Token, trigger: Token) -> bool:
    """Is ``tok`` inside a participle or relative clause below ``trigger`` (« lors des combats
    ayant abouti à la prise de X »: a description, not the event's setting)?"""
    t = tok
    while t.i != trigger.i and t.head.i != t.i:
        if t.dep_ in ("acl", "acl:relcl"):
            return True
        t = t.head
    return False


def between(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« entre X et Y » after a meeting or agreement word: the actors named up to
    the end of the clause, when the parse did not link them."""
    sent_start, sent_end = ctx.sentence(tok)
    for j in ctx.between_words[sent_start]:
        if not tok.i < j < sent_end:
            continue
        found: list[tuple[str, Token]] = []
        for t in ctx.doc[j + 1:sent_end]:
            if t.text in (".", ";", ":"):
                break
            key = ctx.resolver.name_of(t)
            if key and ctx.index.of_type(key) in ACTOR_TYPES and key not in [k for k, _ in found]:
                found.append((key, t))
        if len(found) >= 2:
            for key, t in found:
                ev.add_role("participant", key, span_of(t))
        return


def attendees(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """« ont signé l'accord en présence de X », « une rencontre entre A et B en présence du
    conseiller X »: whoever attends a meeting or a signing is a participant. The attendance
    noun must hang (within a few steps) on the trigger, however the parser attached it, or on
    the verb an event noun is the subject of (« une rencontre a eu lieu à Y en présence de X »)."""
    if ev.type not in ("Meeting", "Agreement") or not ctx.lex.attendance_nouns:
        return
    anchors = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in SUBJECTS else [tok]
    start, end = ctx.sentence(tok)
    for t in ctx.doc[start:end]:
        if marker(ctx, t) not in ctx.lex.attendance_nouns.get(t.lemma_.lower(), ()) \
                or not any(_under(t, a) for a in anchors):
            continue
        for g in t.children:
            if g.dep_ == "nmod" and marker(ctx, g) in ctx.syntax.of_preps:
                add(ctx, ev, "participant", g, loose=True)


def _under(tok: Token, ancestor: Token, steps: int = 4) -> bool:
    """Is ``ancestor`` among the first ``steps`` heads above ``tok``?"""
    t = tok
    for _ in range(steps):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == ancestor.i:
            return True
    return False


def subject_tokens(ctx: Context, tok: Token) -> list[Token]:
    """The tokens naming the verb's subject, honorifics and titles resolved to the
    person they stand for (:func:`kg.extraction.speakers.speaker`)."""
    return [speaker(ctx, s) for s in _subjects(ctx, tok)]


def _subjects(ctx: Context, tok: Token) -> list[Token]:
    own = [c for c in tok.children if c.dep_ == "nsubj" and not quoted_before(ctx, c, tok)
           and not (c.text.startswith("-") and len(c.text) <= 2)]  # (the euphonic « -t » of « a-t-il »)
    for c in [c for c in own if attributed(ctx, c)]:  # « Selon X, Y a… »: X is the source
        own.remove(c)
        if (real := subject_behind_source(ctx, c)) is not None:
            own.append(real)
    if own:
        # UD gives a verb one subject; when the parser emits several, the one
        # nearest before the verb is it (the others are misparsed incises).
        # An inverted clitic after the verb is its subject (« Il est, disent-ils, la langue… »).
        before = [c for c in own if c.i < tok.i]
        clitic = [c for c in own if c.i > tok.i and c.pos_ == "PRON" and c.text.startswith("-")]
        return clitic[:1] or ([split_apposition(ctx, before)] if before else own[:1])
    if (inverted_clitic := subject_clitic(ctx, tok)) is not None:
        return [inverted_clitic]  # « a-t-il ajouté », « estime-t-elle »: expl:subj, dep, punct, under the « -t »
    if inverted(ctx, tok):
        return subject_candidates(ctx, tok)
    if any(c.dep_ == "aux:pass" for c in tok.children) or (
            "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
            and any(c.dep_ == "obl:agent" for c in tok.children)):
        # a passive's subject is what undergoes it; its agent comes with « par » (also a bare
        # participle: « un poste, supprimé par le gouvernement, »: not the main clause's subject)
        return []
    nonfinite = not ({"Part", "Inf"}.isdisjoint(tok.morph.get("VerbForm", []))) and not any(
        c.dep_.startswith("aux") for c in tok.children)
    if (tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and nonfinite)) \
            and tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        # coordinated verbs, « pourrait échanger », « tout en accusant »: one subject
        return _subjects(ctx, tok.head)
    if tok.dep_ in ("acl:relcl",) or (tok.dep_ == "acl" and not adjectival(ctx, tok)):
        return [tok.head]
    return subject_candidates(ctx, tok)


def split_apposition(ctx: Context, before: list[Token]) -> Token:
    """The subject among several the parser gives before the verb: the nearest, unless
    it is a title naming no person and a person stands before it, a comma between
    (« X, le président de la Commission, se dit … »: X speaks, not the Commission)."""
    nearest = max(before, key=lambda c: c.i)
    if not speaker_noun(ctx, nearest) or nearest.left_edge.i == 0 or ctx.doc[nearest.left_edge.i - 1].text != "," \
            or any(ctx.index.of_type(k) == "Person" for k in ctx.resolver.resolve(speaker(ctx, nearest))):
        return nearest
    persons = [c for c in before if c.i < nearest.i and any(ctx.index.of_type(k) == "Person"
                                                            for k in ctx.resolver.resolve(c))]
    return max(persons, key=lambda c: c.i) if persons else nearest


def coordinated_subjects(ctx: Context, tok: Token, ev: EventRecord, role: str) -> None:
    """« Le directeur de X, A, et M. B ont signé »: every member of a coordinated subject fills
    the subject's role, each resolved as a subject is (the title's apposed name, the honorific's
    name), not only the first one."""
    for s in _subjects(ctx, tok):
        for c in s.children:
            if c.dep_ == "conj" and c.i > s.i:
                add(ctx, ev, role, speaker(ctx, c))


def verb_roles(ctx: Context, tok: Token, ev: EventRecord) -> None:
    mapping = ctx.lex.roles.get(ev.type, ctx.lex.roles["Event"])
    subject_role = mapping.get("nsubj", "agent")
    for s in subject_tokens(ctx, tok):
        add(ctx, ev, subject_role, s)
        if s.i > tok.i:
            inverted_recipient(ctx, s, mapping, ev)
    coordinated_subjects(ctx, tok, ev, subject_role)
    for c in tok.children:
        dep = c.dep_
        if dep == "nsubj:pass" and mapping.get(dep):
            # « X a été nommé / élu »: X takes part; « le journaliste X a été tué »: the title
            # stands for the person named beside it, as a subject's does
            add(ctx, ev, mapping[dep], speaker(ctx, c))
            continue
        if dep in SUBJECTS:
            continue
        if marker(ctx, c) in ctx.cues.on_behalf_nouns.get(c.lemma_.lower(), ()):
            # « pour le compte de X », « au nom de X »: the principal is an agent
            for g in c.children:
                if g.dep_ == "nmod" and marker(ctx, g) in ctx.syntax.of_preps:
                    add(ctx, ev, "agent", g)
            continue
        if c.lower_ in ctx.syntax.place_pronouns and c.pos_ == "PRON":
            place = ctx.resolver.last_place(c)  # « il y a rencontré »: the place just named
            if place:
                ev.add_role("place", place, span_of(c))
            continue
        case = marker(ctx, c)
        role = mapping.get(f"{dep}/{case}") if case else None
        role = role or mapping.get(dep)
        if dep == "obj" and ev.lemma in ctx.lex.target_verbs:
            role = "participant" if ev.type == "Meeting" else "recipient"
        if dep == "obj" and ev.type == "Transaction" and ctx.resolver.name_of(c):
            role = "recipient"
        if dep == "obj" and ev.type in ("Agreement", "Meeting"):
            # « signer un accord avec X », « tenir une réunion entre X et Y »
            for g in c.children:
                if g.dep_ == "nmod" and marker(ctx, g) in ctx.syntax.joint_preps:
                    add(ctx, ev, "participant", g)
        if role is None and dep.startswith(("obl", "nmod")) and case in ctx.syntax.place_preps:
            role = "place"
        if role:
            add(ctx, ev, role, c, loose=dep == "obj")
    implicit_roles(ctx, tok, ev)
    attendees(ctx, tok, ev)
    recipients(ctx, tok, ev)


def inverted_recipient(ctx: Context, subject: Token, mapping: Mapping[str, str], ev: EventRecord) -> None:
    """« a révélé son avocate à l'AFP »: after an inverted subject the parser hangs the
    verb's « à X » under the subject; it is the verb's recipient all the same."""
    for c in subject.children:
        if c.dep_ == "nmod" and c.i > subject.i and (role := mapping.get(f"obl:arg/{marker(ctx, c)}")) == "recipient":
            add(ctx, ev, role, c)


def implicit_roles(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """Roles the syntax does not give directly, by widely valid conventions."""
    themes = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "xcomp")]
    if ev.type in ("Deployment", "Transaction") and not ev.fillers("agent"):
        # « des soldats nord-coréens ont été envoyés »: the sender is the troops' country.
        for t in themes:
            if (key := ctx.resolver.demonym_of(t)) is not None:
                ev.add_role("agent", key, span_of(t))
    if ev.type in ("Deployment", "Transaction", "Decision", "Attack") and not ev.fillers("recipient"):
        # The party a purpose clause (« pour appuyer l'effort russe ») or the object names.
        pool = [c for c in tok.children if c.dep_ in ("advcl", "obj", "xcomp") or _object_like(ctx, c)]
        for t in pool:
            # not across « tandis que … » or a relative clause: another event's parties
            for d in sorted([t, *clause_tokens(ctx, t, ("advcl", "acl:relcl", "parataxis", "ccomp"))],
                            key=lambda d: d.i):
                key = ctx.index.token_entity.get(d.i)
                if key and key not in ev.fillers("agent") and ctx.index.of_type(key) in (
                        "Country", "Organization", "PoliticalParty"):
                    ev.add_role("recipient", key, span_of(d))
                    return


def _object_like(ctx: Context, c: Token) -> bool:
    """An adjunct that may name the party an event is for: an unmarked one the parser took for
    an adjunct (« a instauré, en mai, des quotas visant … »), unless it is a day or a month, or
    one marked by a preposition that is neither a place's (« dans le cadre du plan X ») nor an
    attribution's (« selon le ministère X »)."""
    if c.dep_ != "obl:mod":
        return False
    case = marker(ctx, c)
    if case is None:
        return c.lower_ not in ctx.cues.weekdays and c.lower_ not in ctx.cues.months
    return case not in ctx.syntax.place_preps and case not in ctx.cues.attribution_preps


def noun_roles(ctx: Context, tok: Token, ev: EventRecord, adjunct: bool = False) -> None:
    mapping = {**ctx.lex.noun_roles.get(ev.type, {}), **ctx.lex.noun_role_overrides.get(tok.lemma_.lower(), {})}
    deps = list(tok.children)
    for c in tok.children:
        if c.dep_ == "acl":  # « un remerciement émanant de X », « une réunion tenue à Y »
            deps.extend(c.children)
    for c in deps:
        case = marker(ctx, c)
        role = mapping.get(f"{c.dep_.split(':')[0]}/{case}") or mapping.get(f"{c.dep_}/{case}")
        if c.dep_ == "obl:arg" and case in ctx.syntax.of_preps:
            role = role or "agent"
        if c.dep_ == "obl:agent":
            role = "participant" if ev.type in ("Meeting", "Agreement") else "agent"
        if role is None and case in ctx.syntax.place_preps:
            role = "place"
        if role:
            add(ctx, ev, role, c)
        elif c.dep_ == "amod" and c.i in ctx.index.demonym_tokens and not adjunct:
            role = "participant" if ev.type in ("Meeting", "Agreement") else "agent"
            ev.add_role(role, ctx.index.token_entity[c.i], span_of(c))
    attendees(ctx, tok, ev)
    recipients(ctx, tok, ev)


def clause_roles(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """An event noun that names no actor of its own takes the subject of the
    clause it sits in, when the clause is about that event: the object of a
    support verb (« X a prononcé un discours devant Y »: X speaks, to Y) or a
    possessed noun framing the clause (« lors de son discours, X a … »)."""
    if ev.fillers("agent") or ev.fillers("participant"):
        return
    head = tok.head
    support = tok.dep_ == "obj" and head.pos_ == "VERB" and head.lemma_.lower() in ctx.lex.support_verbs
    framed = governing_verb(ctx, tok) != head.i and any(
        c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in tok.children)
    if not (support or framed):
        return
    verb = head if support else ctx.doc[governing_verb(ctx, tok)]
    if verb.pos_ not in ("VERB", "AUX"):
        return
    role = ctx.lex.roles.get(ev.type, ctx.lex.roles["Event"]).get("nsubj", "agent")
    for s in subject_tokens(ctx, verb):
        add(ctx, ev, role, s)
    if support:  # « devant X » hangs on the verb but addresses the noun's event
        mapping = ctx.lex.noun_roles.get(ev.type, {})
        for c in verb.children:
            if c.dep_.startswith("obl") and (r := mapping.get(f"nmod/{marker(ctx, c)}")) and r != "agent":
                add(ctx, ev, r, c)
