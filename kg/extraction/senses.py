"""Trigger sense: a lexicon word used in another sense makes no event, or another one.

The language lists, per lemma, the uses that are not the lexicon's sense
(``senses`` in ``events.json``, read as :class:`kg.lang.sections.SenseRule`):
the heads of what undergoes the verb (« accuser une baisse » registers a fall,
« présenter des anomalies » exhibits them), its subject (« l'exposition
présente »), the word the trigger hangs on (« recevoir des appels » are phone
calls), a dependent it needs or must not have (« frapper à la porte » knocks) and the
voice. The first rule whose conditions all hold gives the use's class ("" for
none). Object-control verbs (« appeler X à voter ») hand their infinitive to
their object, not to their subject: :func:`controlled`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extraction.context import Context, marker
from kg.lang.sections import SenseRule


def sense_class(ctx: Context, tok: Token) -> str | None:
    """The class this use of the trigger takes by the language's sense rules: an
    event class, "" for no event, or None when no rule applies (the lexicon's
    class stands)."""
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    for rule in ctx.lex.senses.get(tok.lemma_.lower(), ()):
        if applies(ctx, tok, rule):
            return rule.becomes
    return None


def applies(ctx: Context, tok: Token, rule: SenseRule) -> bool:
    voice = passive(tok)
    if rule.passive is not None and rule.passive != voice:
        return False
    if rule.theme and not _headed(ctx, themes(ctx, tok, voice), rule.theme):
        return False
    if rule.subject and not _headed(ctx, counted_nouns(ctx, subjects(tok)), rule.subject):
        return False
    if rule.governor and (tok.head.i == tok.i or not _headed(ctx, [tok.head], rule.governor)):
        return False
    for key, heads in rule.needs.items():
        found = [c for c in tok.children if related(ctx, c, key)]
        if not found or (heads and not _headed(ctx, found, heads)):
            return False
    return not any(related(ctx, c, key) for key in rule.without for c in tok.children)


def passive(tok: Token) -> bool:
    """A passive verb: « est attribué », « a été assuré », or a participle with
    its agent (« un vol assuré par X »)."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
        return True
    return "Part" in tok.morph.get("VerbForm", []) and tok.dep_ in ("acl", "amod") \
        and any(c.dep_ == "obl:agent" for c in tok.children)


def subjects(tok: Token) -> list[Token]:
    """The active subject, a relative pronoun standing for the noun its clause
    describes (« des soldats qui intervenaient »)."""
    own = [c for c in tok.children if c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass" and not _transitive(c))]
    return [tok.head if "Rel" in c.morph.get("PronType", []) and tok.dep_.startswith("acl") else c for c in own]


def themes(ctx: Context, tok: Token, voice: bool) -> list[Token]:
    """What undergoes the event: the object of an active verb, the subject of a
    passive (or the noun a passive participle describes), the « de X » of a noun."""
    if tok.pos_ == "NOUN":
        return _of(ctx, tok)
    if not voice:
        found = [c for c in tok.children if c.dep_ == "obj"]
    else:
        found = [c for c in tok.children if c.dep_ == "nsubj:pass"] or (
            [tok.head] if tok.dep_ in ("acl", "amod") and tok.head.i != tok.i else [])
    return counted_nouns(ctx, found)


def counted_nouns(ctx: Context, toks: list[Token]) -> list[Token]:
    """The tokens, and what a counted one counts: « 12 % de lésions », « une
    centaine de sauveteurs »."""
    return toks + [d for t in toks if any(c.dep_ == "nummod" for c in t.children)
                   or t.lemma_.lower() in ctx.cues.approximate_nouns for d in _of(ctx, t)]


def _transitive(subject: Token) -> bool:
    """A passive subject of a verb that has an object or an agent is a real passive;
    otherwise the parser took « être » of an intransitive verb (« sont intervenus »)
    for a passive auxiliary."""
    return any(c.dep_ in ("obj", "obl:agent") for c in subject.head.children)


def _of(ctx: Context, tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "nmod" and marker(ctx, c) in ctx.syntax.of_preps]


def related(ctx: Context, dep: Token, key: str) -> bool:
    """Does ``dep`` hang on its head by ``key``: a relation (« obl » covers
    « obl:arg » and « obl:mod ») optionally with its preposition (« obl/pour »)?"""
    rel, _, case = key.partition("/")
    if dep.dep_ != rel and not dep.dep_.startswith(rel + ":"):
        return False
    if rel == "obj" and temporal(ctx, dep):
        return False  # « appelle cet après-midi à voter »: a time phrase the parser took for the object
    return not case or marker(ctx, dep) == case


def temporal(ctx: Context, dep: Token) -> bool:
    """Is ``dep`` a time phrase (a relative day such as « ce matin », or a weekday),
    which the parser sometimes attaches as a verb's object?"""
    words = " ".join(t.lower_ for t in dep.subtree)
    return words in ctx.cues.relative_days or dep.lower_ in ctx.cues.weekdays


def _headed(ctx: Context, toks: Iterable[Token], heads: Iterable[str]) -> bool:
    wanted = _expand(ctx, heads)
    return any(t.lemma_.lower() in wanted for t in toks)


def _expand(ctx: Context, heads: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for h in heads:
        out |= ctx.lex.sense_groups.get(h[1:], frozenset()) if h.startswith("@") else {h}
    return frozenset(out)


def controlled(ctx: Context, tok: Token) -> bool:
    """Is the verb the infinitive of an object-control verb (« appelle les électeurs
    à voter », « exhorte X à signer »), with no subject of its own? Then whoever
    would act is the governing verb's object, not its subject."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.object_control_verbs \
        and not any(c.dep_.startswith("nsubj") for c in tok.children)


def controller(tok: Token) -> Token | None:
    """The object (or indirect object) of the control verb: who is called upon."""
    return next((c for c in tok.head.children if c.dep_ in ("obj", "iobj")), None)
