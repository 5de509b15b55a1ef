"""Who speaks: from the subject the parse gives to the token that names the speaker.

News names a speaker through words that stand before the name: an honorific
(« a indiqué M. X »), a title whose name follows in apposition (« le ministre de
Y, X, a ajouté », « a martelé la représentante de Y, X »), a pronoun heading
one (« l'un des porte-parole de Y, X »). The parser hangs the name under the
title, or beside it on the verb, or under the organisation the title names; the
speaker is the person, not the organisation. A subject inside the quotation
that the verb reports is no speaker at all (:func:`quoted_before`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.agreement import mention_gender
from kg.extraction.context import Context
from kg.extraction.quotes import QUOTE_CLOSING, QUOTE_OPENING
from kg.lang.hooks import norm

#: Relations under a title or honorific that carry the name (« M. » → flat:name « X »).
NAME_CHILDREN = ("appos", "flat:name", "flat", "nmod", "conj")
#: How far after a title an apposed name may stand (« la représentante de Y pour Z, X »).
APPOSITION_REACH = 14
#: How long an attribution phrase may be (« selon le quotidien économique X »).
ATTRIBUTION_REACH = 8
_STOPS = (".", ";", ":", "!", "?", *QUOTE_OPENING, *QUOTE_CLOSING)


def speaker(ctx: Context, tok: Token) -> Token:
    """``tok`` itself, or the person an honorific, title or pronoun subject stands for."""
    keys = ctx.resolver.resolve(tok)
    if any(ctx.index.of_type(k) == "Person" for k in keys):
        return tok
    found = None
    if tok.pos_ == "PRON" and tok.text.startswith("-"):
        return tok  # « prévient-elle », « disent-ils »: the clitic's antecedent, if any (Resolver.antecedent)
    if honorific(ctx, tok) or tok.lemma_.lower() in ctx.resolver.titles \
            or (tok.pos_ == "PRON" and not keys and tok.lower_ not in ctx.syntax.personal_pronouns):
        # (after an honorific, any name: the name is a person's whatever its entity type says)
        found = person_below(ctx, tok, any_name=honorific(ctx, tok)) or apposed_person(ctx, tok)
    elif tok.pos_ == "NOUN":
        found = apposed_below(ctx, tok)  # « un chercheur de Y, X, a rappelé »: any noun
    return found or tok


#: Relations the parser gives the inverted clitic of an incise (« déclare-t-il »: ``nsubj``, ``dep``, ``punct``,
#: ``flat:name`` under the euphonic « -t », ``expl:subj``).
CLITIC_RELATIONS = ("nsubj", "expl", "dep", "punct", "flat:name")


def subject_clitic(ctx: Context, verb: Token) -> Token | None:
    """The inverted personal clitic subject of ``verb`` (« déclare-t-il », « a-t-elle
    ajouté », « estime-t-elle »), whatever relation the parser gave it: under the verb,
    or under the euphonic « -t » the parser made the subject; never the « -t » itself."""
    def clitic(t: Token) -> bool:
        return t.pos_ == "PRON" and t.text.startswith("-") and len(t.text) > 2 \
            and t.dep_.startswith(CLITIC_RELATIONS) and t.lower_[1:] in ctx.syntax.personal_pronouns \
            and abs(t.i - verb.i) <= 3
    for c in verb.children:
        if clitic(c):
            return c
        if c.pos_ == "PRON" and c.text.startswith("-") and len(c.text) <= 2:
            found = next((g for g in c.children if clitic(g)), None)
            if found is not None:
                return found
    return None


def speaker_noun(ctx: Context, tok: Token) -> bool:
    """A common noun naming who speaks without a name (« a indiqué la police »,
    « a révélé son avocate », « un porte-parole de Y »)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.resolver.speakers


def in_marked_phrase(ctx: Context, tok: Token, verb: Token) -> bool:
    """Is ``tok`` inside a phrase a preposition marks, below ``verb`` (« à l'agence
    X »: the agency and the names the parser glues to it are no subject)?"""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "case" for c in t.children):
            return True
        if t.head.i == t.i or t.head.i == verb.i:
            return False
        t = t.head
    return False


def honorific(ctx: Context, tok: Token) -> bool:
    return tok.text in ctx.cues.honorifics


def _person(ctx: Context, tok: Token, any_name: bool = False) -> bool:
    key = ctx.resolver.name_of(tok)
    return key is not None and (any_name or ctx.index.of_type(key) == "Person")


def person_below(ctx: Context, tok: Token, depth: int = 0, any_name: bool = False) -> Token | None:
    """A person named under ``tok`` (« M. » + « X », « l'un » → « des porte-parole » → « X »),
    the nearest relation first."""
    if depth >= 3:
        return None
    children = [c for c in tok.children if c.dep_ in NAME_CHILDREN]
    for c in children:
        if _person(ctx, c, any_name):
            return c
    for c in children:
        if (found := person_below(ctx, c, depth + 1)) is not None:
            return found
    return None


def apposed_below(ctx: Context, tok: Token, depth: int = 0) -> Token | None:
    """A person in apposition under ``tok`` or under its complement (« un chercheur de
    Y, X »: the parser may hang « X » on « Y »)."""
    if depth >= 2:
        return None
    for c in tok.children:
        if c.dep_ == "appos" and _person(ctx, c):
            return c
    return next((found for c in tok.children if c.dep_ == "nmod"
                 if (found := apposed_below(ctx, c, depth + 1)) is not None), None)


def apposed_person(ctx: Context, tok: Token) -> Token | None:
    """« la représentante de Y pour Z, X »: the person named right after a comma that
    follows the title's phrase, the parse having hung it elsewhere; not past a verb
    or the end of the clause."""
    end = ctx.sentence(tok)[1]
    after = max(t.i for t in tok.subtree) + 1
    for j in range(after, min(end, after + APPOSITION_REACH)):
        t = ctx.doc[j]
        if t.text in _STOPS or t.pos_ in ("VERB", "AUX"):
            return None
        if _person(ctx, t) and j > 0 and ctx.doc[j - 1].text == ",":
            return t
    return None


def quoted_before(ctx: Context, subject: Token, verb: Token) -> bool:
    """Is ``subject`` inside the quotation ``verb`` reports (« « Chaque euro compte »,
    a martelé X »)? The first quotation mark after it closes, before the verb."""
    if subject.i > verb.i:
        return False
    for t in ctx.doc[subject.i + 1:verb.i]:
        if t.text in QUOTE_OPENING:
            return False
        if t.text in QUOTE_CLOSING:
            return True
    return False


def attribution(ctx: Context, t: Token) -> bool:
    """« selon X », « d'après X »: an attribution preposition, one word or an
    elided one cut in two (« d' » « après »)."""
    preps = ctx.cues.attribution_preps
    if t.lemma_.lower() in preps:
        return True
    return t.i > 0 and norm(ctx.doc[t.i - 1].lower_) + t.lower_ in preps


def attributed(ctx: Context, tok: Token) -> bool:
    """Is ``tok`` marked by an attribution preposition (« selon X »), or inside the
    phrase one opens (« Selon le quotidien X, » up to its comma)? Then it is a
    source, not a subject, whatever the parse says."""
    if any(attribution(ctx, m) for c in tok.children if c.dep_ in ("case", "fixed")
           for m in (c, *(f for f in c.children if f.dep_ == "fixed"))):
        return True
    if tok.head.i <= tok.i or not any(t.text == "," for t in ctx.doc[tok.i + 1:tok.head.i]):
        return False  # the phrase closes with a comma before the verb (not « selon lequel X a… »)
    start = ctx.sentence(tok)[0]
    for t in reversed(ctx.doc[max(start, tok.i - ATTRIBUTION_REACH):tok.i]):
        if t.text in (",", *_STOPS) or t.pos_ in ("VERB", "AUX"):
            return False
        if attribution(ctx, t):
            return True
    return False


def attribution_names(ctx: Context, t: Token) -> list[str]:
    """The names in the phrase an attribution word opens, up to its comma
    (« Selon le quotidien économique X, »), however the parser hung them."""
    keys: list[str] = []
    end = ctx.sentence(t)[1]
    for u in ctx.doc[t.i + 1:min(end, t.i + 1 + ATTRIBUTION_REACH)]:
        if u.text in (",", *_STOPS) or u.pos_ in ("VERB", "AUX"):
            break
        key = ctx.resolver.name_of(u)
        if key is not None and key not in keys:
            keys.append(key)
    return keys


def attributed_phrase(t: Token) -> Token:
    """The phrase an attribution word marks (« après » may be ``fixed`` under « d' »)."""
    return t.head.head if t.dep_ == "fixed" else t.head


def subject_behind_source(ctx: Context, source: Token) -> Token | None:
    """« Selon l'agence X, la Turquie a envoyé… »: the parser may make the source the
    subject and hang the real one under it; the real one follows a comma, unmarked."""
    for c in source.children:
        if c.i > source.i and c.dep_ in ("nmod", "appos", "conj") \
                and "," in (c.left_edge.text, ctx.doc[c.left_edge.i - 1].text) \
                and not any(g.dep_ == "case" for g in c.children):
            return c
    return None


def pronoun_antecedent(ctx: Context, pronoun: Token, gender: str | None) -> str | None:
    """The latest person before ``pronoun`` whose mention agrees in gender (from the
    morphology of its title, honorific or name), within the last three sentences;
    the latest person at all when none shows a gender."""
    here = ctx.resolver.sentence_of(pronoun.i)
    floor = ctx.resolver.sents[max(0, here - 2)][0]
    fallback = None
    for i in reversed(ctx.resolver.persons):
        if i >= pronoun.i:
            continue
        if i < floor:
            break
        key = ctx.index.token_entity[i]
        found = mention_gender(ctx.doc[i], ctx.resolver.titles)
        if found == gender:
            return key
        if found is None and fallback is None:
            fallback = key
    return fallback


def stranded_auxiliary(ctx: Context, tok: Token) -> Token | None:
    """« X, a pour sa part ajouté », « Y a de son côté dénoncé »: the parser hangs the
    participle on the noun of the stance phrase as if it described it, and the finite
    auxiliary just before that phrase elsewhere; the auxiliary, when so stranded."""
    if tok.head.i == tok.i or tok.head.i > tok.i or "Part" not in tok.morph.get("VerbForm", []) \
            or tok.head.lemma_.lower() not in ctx.cues.stance_nouns:
        return None
    edge = tok.head.left_edge
    if edge.i > tok.head.i:
        return None
    # (the parser may even make the auxiliary the case mark of the stance phrase)
    aux = edge if edge.pos_ in ("AUX", "VERB") or edge.i == 0 else ctx.doc[edge.i - 1]
    if aux.pos_ not in ("AUX", "VERB") or "Fin" not in aux.morph.get("VerbForm", []):
        return None
    # (an auxiliary hung elsewhere, or made the verb the stance phrase depends on)
    return aux if aux.dep_ == "aux:tense" or aux.i in (tok.head.head.i, edge.i) else None


def stranded_subject(ctx: Context, aux: Token) -> Token | None:
    """The subject phrase before a stranded auxiliary (« le ministre de Y, X, a pour sa
    part … »): the last phrase head between the clause's start (the sentence's, or a
    semicolon) and the auxiliary, a noun or name, its title resolved to the person."""
    start = ctx.sentence(aux)[0]
    for j in range(aux.i - 1, start - 1, -1):
        if ctx.doc[j].text in (";", ":", *QUOTE_OPENING, *QUOTE_CLOSING):
            start = j + 1
            break
    heads = [t for t in ctx.doc[start:aux.i] if t.pos_ in ("NOUN", "PROPN")
             and (t.head.i == t.i or not start <= t.head.i < aux.i)]
    return speaker(ctx, heads[0]) if len(heads) == 1 else None
