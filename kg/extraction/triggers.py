"""Event triggers: which words evoke an event, and of which class.

A verb or noun whose lemma is in the lexicon evokes its class, unless its use
says otherwise: an adjectival participle (« les produits importés »), a media
subject reporting (« Le Monde rapporte »), a verb that needs a reflexive or a
named object, a natural cause (« un séisme a frappé »), a setting (« en marge
d'une réunion »). Verbs of transfer and capture need evidence (:func:`evidenced`).
The subject helpers (inverted subjects of speech verbs) live here because the
trigger tests and the role stage both use them.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import SUBJECTS, Context, clause_tokens, marker, reflexive
from kg.extraction.courses import planned_course
from kg.extraction.incises import quote_incise
from kg.extraction.senses import sense_class
from kg.extraction.speakers import in_marked_phrase, quoted_before, speaker_noun, stranded_auxiliary
from kg.lang.hooks import norm
from kg.records import EventRecord


def repair_lemmas(ctx: Context) -> None:
    """A verb the lemmatizer gave the lemma of its homograph noun (« il estime »
    → *estime*) takes the infinitive its form derives to, when that is a trigger."""
    known = ctx.lex.verbs.keys() | ctx.lex.reflexive_verbs.keys() | ctx.lex.clause_verbs
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in known:
            continue
        found = next((v for v in ctx.hooks.infinitives(tok.text) if v in known), None)
        if found is not None:
            tok.lemma_ = found


def trigger_class(ctx: Context, tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    sense = sense_class(ctx, tok)
    if sense is not None:  # « accuser une baisse », « être remercié », « un dispositif mis en place par X »
        return sense if sense and not (tok.pos_ == "VERB" and adjectival(ctx, tok)) else None
    phrase = phrase_class(ctx, tok)
    if phrase:
        return phrase
    if tok.pos_ == "VERB" and lemma in ctx.lex.reflexive_verbs and reflexive(ctx, tok) and any(
            c.dep_.startswith("obl") and ctx.resolver.resolve(c) for c in tok.children):
        return ctx.lex.reflexive_verbs[lemma]  # « s'est rendu à Madrid », not « s'est rendu sur place »
    if tok.pos_ == "VERB" and (lemma in ctx.lex.clause_verbs or (
            ctx.lex.verbs.get(lemma, "Communication") != "Communication"
            and lemma not in ctx.lex.content_clause_verbs)) and reports_speech(ctx, tok):
        return "Communication"  # « a relevé que … », « a noté : « … » »: a statement, whatever the verb's other senses
    if quote_incise(ctx, tok):
        return "Communication"  # « « … » avait-il lancé »: any verb in the incise after a quotation
    if tok.pos_ == "VERB" and lemma in ctx.cues.reporting_verbs and lemma not in ctx.lex.verbs \
            and reports_speech(ctx, tok) and not media_subject(ctx, tok):
        return "Communication"  # « le chef de X rapporte que »; « Le Monde rapporte que » is an attribution
    if tok.pos_ == "VERB" and lemma in ctx.lex.verbs:
        if adjectival(ctx, tok):
            return None  # adjectival participle (« les produits importés »): a description
        if lemma in ctx.cues.reporting_verbs and media_subject(ctx, tok):
            return None  # « Le Monde rapporte que »: attribution, not an event
        if lemma in ctx.lex.needs_reflexive_or_entity_object and not reflexive_or_entity_object(ctx, tok):
            return None  # « retrouver la liberté » is no meeting; « se retrouver » is
        if ctx.lex.verbs[lemma] == "Attack" and any(
                c.dep_ in SUBJECTS and c.lemma_.lower() in ctx.lex.natural_causes for c in tok.children):
            return None  # « un séisme a frappé le Pérou »: a disaster, not an attack
        return ctx.lex.verbs[lemma]
    if tok.pos_ == "NOUN" and lemma in ctx.lex.evidence_nouns and lemma not in ctx.lex.nouns:
        cls = ctx.lex.evidence_nouns[lemma]
        return cls if noun_evidence(ctx, tok, cls) else None
    if tok.pos_ == "NOUN" and lemma in ctx.lex.nouns:
        if tok.head.lemma_.lower() in ctx.lex.setting_heads and tok.dep_ == "nmod":
            return None  # « en marge d'une réunion », « le site de lancement »: a setting
        if tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and marker(ctx, tok) in ctx.syntax.of_preps \
                and not any(c.dep_ in ("det", "nummod") for c in tok.children):
            return None  # « une zone d'attaque »: a bare noun complement names a kind, not an event
        return ctx.lex.nouns[lemma]
    return planned_course(ctx, tok)  # « a menacé de quitter la table »: a course of action the lexicon lacks


_OPENING_QUOTES = ("«", "\"", "“")


def reports_speech(ctx: Context, tok: Token) -> bool:
    """Does the verb govern what was said: a clause opened by a complementizer
    (« relever que »), or a quotation after a colon (« a noté : « … » »)?"""
    for c in tok.children:
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ctx.lex.complementizers for m in c.children):
            return True
    return quotes_after_colon(ctx, tok)


def quotes_after_colon(ctx: Context, tok: Token) -> bool:
    """Is the word followed by a colon and an opening quotation mark (« a ajouté : « … » »)?"""
    after = [t for t in ctx.doc[tok.i + 1:min(tok.i + 4, len(ctx.doc))] if not t.is_space]
    return len(after) >= 2 and after[0].text == ":" and after[1].text in _OPENING_QUOTES


def noun_evidence(ctx: Context, tok: Token, cls: str) -> bool:
    """« l'échange de 185 prisonniers », « une aide de 3 millions d'euros »: a theme
    noun of the class or a currency among the noun's complements (two levels down)."""
    allowed = ctx.lex.needs_evidence.get(cls, frozenset())
    level = [c for c in tok.children if c.dep_ == "nmod"]
    for _ in range(2):
        if any(c.lemma_.lower() in allowed or c.lower_ in ctx.cues.currencies for c in level):
            return True
        level = [g for c in level for g in c.children if g.dep_ == "nmod"]
    return False


def phrase_class(ctx: Context, tok: Token) -> str | None:
    """« donner son feu vert », « placer en orbite », « rendre visite »: a verb
    (or noun) and the noun it governs name the event together."""
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if (c.dep_ in ("obj", "obl:arg", "obl:mod", "nmod", "obl") and c.pos_ == "NOUN") or (
                c.dep_ == "xcomp" and c.pos_ == "VERB"):  # « faire savoir », « laisser entendre »
            cls = ctx.lex.phrases.get(f"{lemma} {c.lemma_.lower()}")
            if cls:
                return cls
    return None


def adjunct_of(ctx: Context, tok: Token, triggers: dict[int, str], cls: str) -> int | None:
    """A verb trigger of the same class two steps up (« lors d'un raid »)."""
    t = tok
    for _ in range(2):
        if t.dep_ not in ("obl:arg", "obl:mod", "nmod", "advmod", "obl") or t.head.i == t.i:
            return None
        t = t.head
        if t.i in triggers and t.pos_ == "VERB" and triggers[t.i] == cls:
            return t.i
    return None


def adjectival(ctx: Context, tok: Token) -> bool:
    """A participle describing a noun rather than a verb with its own clause.
    The parser sometimes hangs a finite « a applaudi » on the subject as an
    ``acl``; a finite auxiliary between the noun and the participle shows it."""
    if tok.dep_ not in ("acl", "advcl", "amod") or "Part" not in tok.morph.get("VerbForm", []):
        return False
    if any(c.dep_ in ("obl:agent",) or c.dep_.startswith("aux") for c in tok.children):
        return False
    if gerund(ctx, tok):
        return False  # « a débloqué la situation en ordonnant la suspension »: the gerund acts, it describes nothing
    if quotes_after_colon(ctx, tok):
        return False  # « X a pour sa part ajouté : « … » », parsed as a participle of « part »: it speaks
    if stranded_auxiliary(ctx, tok) is not None:
        return False  # « Y a de son côté dénoncé … »: the auxiliary before « de son côté » is the participle's
    lo, hi = sorted((tok.head.i, tok.i))
    # (an auxiliary of the main verb, « il y a eu … suffrages exprimés », does not count)
    return not any(ctx.doc[j].pos_ == "AUX" and "Fin" in ctx.doc[j].morph.get("VerbForm", [])
                   and ctx.doc[j].head.i != tok.head.i for j in range(lo + 1, hi))


def gerund(ctx: Context, tok: Token) -> bool:
    """A present participle after the gerund mark (« en affirmant que… », « tout en
    accusant X »): a verb clause whose subject is the main clause's."""
    return "Pres" in tok.morph.get("Tense", []) and any(
        0 < tok.i - c.i <= 2 and norm(c.lower_) in ctx.lex.gerund_marks for c in tok.children)
    # (the mark is the participle's own, whatever the parser labels it: ``mark``, at times ``iobj``)


def reflexive_or_entity_object(ctx: Context, tok: Token) -> bool:
    return reflexive(ctx, tok) or any(
        c.dep_ in ("obj", "nsubj:pass", "obl:agent") and (ctx.resolver.resolve(c) or ctx.resolver.pair(c))
        for c in tok.children)  # (« X a été reçu » receives X as « recevoir X » does; « reçue par X »: X hosts)


def media_subject(ctx: Context, tok: Token) -> str | None:
    for c in subject_candidates(ctx, tok):
        for key in ctx.resolver.resolve(c):
            if ctx.index.of_type(key) == "NewsAgency":
                return key
    return None


def subject_candidates(ctx: Context, tok: Token) -> list[Token]:
    """The subject, or in an inverted clause (« …, avance le quotidien X », « a
    annoncé lundi Doha ») the noun phrase after the verb, which the parser
    often labels ``obj`` or hangs on a date."""
    own = [c for c in tok.children if c.dep_ in SUBJECTS and not quoted_before(ctx, c, tok)]
    if own:
        return own
    if not inverted(ctx, tok):
        return []
    # The first noun phrase after the verb that names someone, before the clause ends.
    for t in ctx.doc[tok.i + 1:ctx.sentence(tok)[1]]:
        abbreviation = t.text == "." and t.i > 0 and len(ctx.doc[t.i - 1].text) <= 2 \
            and ctx.doc[t.i - 1].text[:1].isupper()  # « M. Tanabe »
        if (t.text in (".", ";", ":", "«", "»") and not abbreviation) or t.dep_ in ("ccomp", "mark"):
            break
        if t.pos_ in ("NOUN", "PROPN", "ADV") and not in_marked_phrase(ctx, t, tok) and (
                ctx.resolver.resolve(t) or ctx.resolver.name_of(t) or speaker_noun(ctx, t)):
            return [t]  # (not « à l'AFP » in « a révélé son avocate à l'AFP »: a recipient, not the subject)
        if glued_person(ctx, t, tok):
            return [t]  # « a expliqué à l'AFP X »: X, glued by the parser to the agency, is the speaker
    return []


def glued_person(ctx: Context, tok: Token, verb: Token) -> bool:
    """Is ``tok`` a person's name the parser hung inside a phrase marked for an
    organisation (« a annoncé à l'agence X Y », « a expliqué à l'AFP Y »: Y under
    X)? A person is never part of an organisation's name, so Y stands on its own."""
    key = ctx.resolver.name_of(tok)
    if key is None or ctx.index.of_type(key) != "Person" or any(c.dep_ == "case" for c in tok.children):
        return False
    t = tok
    for _ in range(4):  # up to the head the preposition marks
        if t.head.i in (t.i, verb.i):
            return False
        t = t.head
        if any(c.dep_ == "case" for c in t.children):
            own = ctx.index.token_entity.get(t.i) or next(
                (ctx.index.token_entity[c.i] for c in t.children if c.i in ctx.index.token_entity
                 and ctx.index.token_entity[c.i] != key), None)  # (« l'agence X »: X names it)
            return own is not None and own != key and ctx.index.of_type(own) != "Person"
    return False


def inverted(ctx: Context, tok: Token) -> bool:
    """Is a speech verb placed before its subject, as after a quote or in an
    incise (« …, a déclaré X », « …, avance le quotidien Y »)? French inverts
    the subject of speech verbs; other verbs and passives keep it in front."""
    lemma = tok.lemma_.lower()
    if not (ctx.lex.verbs.get(lemma) == "Communication" or lemma in ctx.cues.reporting_verbs
            or lemma in ctx.lex.clause_verbs or quote_incise(ctx, tok)):
        return False
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return False
    if tok.dep_ == "parataxis":
        return True
    if any(c.dep_ == "mark" and c.i < tok.i and norm(c.lower_) in ctx.lex.inverting_marks for c in tok.children):
        return True  # « comme le précise l'ambassadeur X »: the comparison clause inverts its subject
    # the nearest word before the verb, auxiliaries and spaces aside
    start = ctx.sentence(tok)[0]
    prev = next((t for t in reversed(ctx.doc[start:tok.i]) if not t.dep_.startswith(("aux", "expl"))
                 and not (t.pos_ == "PRON" and norm(t.lower_) in ctx.syntax.reflexive_pronouns)
                 and not t.is_space), None)  # (« », s'est réjoui X »: the reflexive is the verb's)
    return prev is not None and prev.text in (",", "»", "\"", "”")


def evidenced(ctx: Context, tok: Token, ev: EventRecord) -> bool:
    """Verbs of transfer and capture are events only with evidence: an object
    among the class's theme nouns, a counted or priced object, or a named party
    besides the subject. « envoie un signal », « fournit du travail »,
    « capturer des papillons » are not."""
    if tok.pos_ != "VERB" or ev.lemma not in ctx.lex.evidence_verbs | ctx.lex.attack_needs_target:
        return True
    if ctx.lex.verbs.get(ev.lemma) != ev.type:
        return True  # a light verb took the class of its event noun, which is the evidence
    themes = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass")]
    if ev.lemma in ctx.lex.attack_needs_target:
        return any(t.pos_ in ("PRON", "PROPN") or ctx.resolver.resolve(t, loose=True)
                   or t.lemma_.lower() in ctx.targets_ok for t in themes)
    allowed = ctx.lex.needs_evidence.get(ev.type, frozenset())
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False  # « ils en ont conclu que… »: a reasoning, not a transfer or a deal
    if any(c.dep_ == "obl:agent" and c.lemma_.lower() in allowed for c in tok.children):
        return True  # « financé par des dons de X »: the means of payment names the transfer
    if ev.quantity is not None and (ev.quantity.unit in ctx.cues.currencies.values()
                                    or ev.quantity.unit in allowed):
        return True
    direct = {c.idx for c in tok.children}
    if any(r.role not in ("agent", "source", "place") and r.evidence.start in direct for r in ev.roles):
        return True  # a party named by the verb itself, not a name inside its object
    # The theme noun may sit under a measure: « 1,4 milliard de mètres cubes de gaz ».
    nouns = [d for t in themes for d in [t, *clause_tokens(ctx, t, ("acl:relcl", "acl", "advcl", "ccomp"))]
             if d.pos_ in ("NOUN", "PROPN") and (d is t or d.dep_ == "nmod")]
    return any(d.lemma_.lower() in allowed or ctx.resolver.name_of(d) for d in nouns)
