"""Courses of action an actor threatens or plans (« a menacé de quitter la table »).

A threat or a plan names what its subject would do in an infinitive; when the
lexicon has no word for that infinitive (« saisir la justice », « quitter les
négociations »), it is still a course of action the subject decides on: a
Decision, Hypothetical like every planned event (:mod:`kg.extraction.modality`
climbs to the plan verb). An infinitive the lexicon knows keeps its own class;
a reflexive or an idiom of the lexicon is left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import Context, reflexive
from kg.extraction.prospect import infinitive
from kg.records import EventRecord


def planned_course(ctx: Context, tok: Token) -> str | None:
    """« X a menacé de quitter … », « X prévoit de saisir … »: the infinitive's class."""
    if tok.pos_ != "VERB" or tok.dep_ != "xcomp" or tok.head.i == tok.i or not infinitive(tok):
        return None
    if tok.head.lemma_.lower() not in ctx.lex.course_verbs:
        return None
    if any(c.dep_.startswith("nsubj") for c in tok.children) or reflexive(ctx, tok):
        return None  # (« menace qu'il parte », « prévoit de se rendre »: not a bare course of action)
    lemma = tok.lemma_.lower()
    if lemma in ctx.lex.verbs or lemma in ctx.lex.reflexive_verbs or lemma in ctx.lex.clause_verbs \
            or lemma in ctx.lex.course_verbs or lemma in ctx.lex.plan_verbs:
        return None
    if any(f"{lemma} {c.lemma_.lower()}" in ctx.lex.phrases for c in tok.children):
        return None  # « menace de porter plainte »: the lexicon's phrase names it, with its own roles
    return "Decision"


def course_roles(ctx: Context, tok: Token, ev: EventRecord) -> None:
    """A course of action the lexicon does not know has no known recipient slot: what
    its object names (« saisir la Cour d'arbitrage », « quitter l'alliance ») is the
    forum or the thing left, not a party the decision is about."""
    if ev.type == "Decision" and planned_course(ctx, tok) is not None:
        ev.roles = [r for r in ev.roles if r.role != "recipient"]
