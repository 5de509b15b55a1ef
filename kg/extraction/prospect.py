"""Events the text only looks ahead to, asks for or says did not happen.

News reports what happened, but a sentence also announces, plans, asks and
regrets. The event of such a clause is Hypothetical, not Asserted:

- a future: the future tense on the verb or its auxiliary (« se rendra »,
  « sera dévoilée »), a near future (« va signer »), a plan modal in a finite
  non-past form (« doit signer »), a verb in the future that governs it;
- a counterfactual: a modal in the conditional past (« aurait dû plaider »,
  « aurait pu signer »);
- a request or a call: the complement of a request verb (« appelle à voter »,
  « demande que … », « réclame la libération »);
- a plan: the object of a planning verb (« prévoit la construction »);
- a purpose or a condition: an infinitive or a clause marked for purpose
  (« pour capturer », « afin d'obtenir la visite ») or a condition (« s'il signe »).

An event is reached from the verb it depends on: a noun through the verb it
hangs on, a verb through the verbs that govern its infinitive. The words are the
language's cues; only the grammar (the parse relations and the morphology) is
here.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import Context

#: How many governing verbs are climbed (« va devoir tenter de signer »).
_DEPTH = 5


def looks_ahead(ctx: Context, tok: Token) -> bool:
    """Is the event of ``tok`` only looked ahead to, asked for, or counterfactual?"""
    t = tok
    noun = tok.pos_ == "NOUN"
    if noun:
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ in ("obj", "obl:arg") and _lemma(ctx, head) in _object_verbs(ctx):
            return True  # « réclame la libération », « prévoit la construction », « appelle à la grève »
        if head.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("obj", "nsubj", "nsubj:pass", "obl:arg", "obl:mod"):
            return False
        t = head
    for _ in range(_DEPTH):
        if future_form(ctx, t) or condition(ctx, t):
            return True
        if purpose(ctx, t):
            if noun:
                return True  # « afin d'obtenir la visite »: what is sought has not happened
            # « pour rendre hommage »: a purpose is as far ahead as the act it serves
            # (« se rendra … pour », « menace d'envahir … pour capturer »; not « ont manifesté pour dénoncer »)
            t = t.head.head if t.head.pos_ == "ADV" else t.head
            continue
        head = t.head
        if head.i == t.i:
            return False
        lemma = _lemma(ctx, head)
        if t.dep_ == "xcomp":
            if infinitive(t) and (lemma in ctx.cues.request_verbs or lemma in ctx.lex.plan_verbs
                                  or governs_ahead(ctx, head, lemma)):
                return True
        elif t.dep_ == "ccomp":
            return lemma in ctx.cues.request_verbs  # « demande que le gouvernement signe »
        elif not (t.dep_ == "conj" and infinitive(t)):
            return False  # (« pour capturer et juger »: the second infinitive shares the first's purpose)
        t = head
    return False


def just_happened(ctx: Context, tok: Token) -> bool:
    """« vient de décider »: a recent past, whatever date the sentence gives."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "obj" else tok
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ctx.cues.recent_past_verbs \
        and any(c.dep_ == "mark" for c in verb.children)


def infinitive(verb: Token) -> bool:
    """An infinitive, active or passive (« signer », « être lancée »): what a modal
    or a request governs (not a participle the parser hung there, « a annoncé »)."""
    return any("Inf" in t.morph.get("VerbForm", []) for t in (verb, *_auxiliaries(verb)))


def future_form(ctx: Context, verb: Token) -> bool:
    """The future tense on the verb or one of its auxiliaries (« signera », « sera
    signé »), in a form with a future ending (the tagger reads some presents,
    « accueille », as futures)."""
    endings = ctx.cues.future_endings
    return any("Fut" in t.morph.get("Tense", []) and (not endings or t.lower_.endswith(endings))
               for t in (verb, *_auxiliaries(verb)))


def governs_ahead(ctx: Context, head: Token, lemma: str) -> bool:
    """Does ``head`` make its infinitive a future or a counterfactual? « va signer »,
    « doit signer » (not « a dû signer »; a simple past the tagger marks Past), « aurait dû signer »."""
    finite = "Fin" in head.morph.get("VerbForm", [])
    tense = head.morph.get("Tense", [])
    if lemma in ctx.cues.near_future_verbs and finite and ("Pres" in tense or "Imp" in tense):
        return True
    if lemma in ctx.cues.plan_modals and finite and "Past" not in tense and not conditional(ctx, head):
        return True
    if lemma in ctx.cues.counterfactual_modals and "Part" in head.morph.get("VerbForm", []):
        return any(conditional(ctx, a) for a in _auxiliaries(head))
    return False


def conditional(ctx: Context, verb: Token) -> bool:
    """The conditional mood, from the morphology or, for an auxiliary the tagger
    read as an indicative (« aurions »), from its ending."""
    if "Cnd" in verb.morph.get("Mood", []):
        return True
    return verb.pos_ == "AUX" and verb.lower_.endswith(ctx.cues.conditional_endings)


def purpose(ctx: Context, verb: Token) -> bool:
    """A purpose: « pour capturer », « afin d'obtenir », « pour qu'il signe » (not
    « pour avoir signé », a cause)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return False
    head = verb.head
    if head.pos_ == "ADV" and head.lower_ in ctx.cues.purpose_markers:
        return True  # the parser hangs « d'obtenir » on « afin »
    return any(c.dep_ in ("mark", "case") and c.lower_ in ctx.cues.purpose_markers for c in verb.children) \
        and not any(a.dep_.startswith("aux") for a in verb.children)


def condition(ctx: Context, verb: Token) -> bool:
    """A condition: « s'il signe » (not « même s'il a signé », a concession)."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_.replace("\u2019", "'") in ctx.cues.condition_markers
        and not (c.i > 0 and ctx.doc[c.i - 1].lower_ in ctx.cues.concessive_before) for c in verb.children)


def _object_verbs(ctx: Context) -> frozenset[str]:
    """Verbs whose object event is asked for or planned, not done."""
    return ctx.cues.request_verbs | ctx.cues.planned_object_verbs


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_.startswith("aux")]


def _lemma(ctx: Context, verb: Token) -> str:
    """The verb's lemma, or the infinitive its form derives to when the lemmatizer
    gave it a noun's lemma (« demande »)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in ctx.cues.request_verbs:
        return lemma
    return next((v for v in ctx.hooks.infinitives(verb.text) if v in ctx.cues.request_verbs), lemma)
