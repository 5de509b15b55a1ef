"""What the event stages share: the document's parse, language and entities.

French spaCy models speak Universal Dependencies; the relation names the
stages rely on are the constants below (textacy style, but UD labels:
``obj``, ``obl:arg``, ``obl:agent``, ``nsubj:pass``). The language declares its
parser's scheme in ``syntax.json`` (``"dependencies": "ud"``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extraction.entities import EntityIndex, TokenIndex
from kg.extraction.resolve import Resolver, case_of
from kg.lang import LanguageData
from kg.records import EventRecord, Span

SUBJECTS = ("nsubj", "nsubj:pass")
#: Relations a date or a number does not climb out of to find its event.
BOUNDARIES = ("advcl", "acl", "acl:relcl", "parataxis", "ccomp", "csubj")
#: Relations that open an embedded clause (its own events, dates and places).
CLAUSES = ("ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "conj", "xcomp")
ACTOR_TYPES = ("Person", "Organization", "NewsAgency", "PoliticalParty", "Country")


def span_of(tok: Token) -> Span:
    """The token's own stretch of text, as evidence."""
    return Span(tok.idx, tok.idx + len(tok), tok.text)


def trigger_verb(ctx: Context, ev: EventRecord) -> Token | None:
    """The first token of ``ev``'s trigger when it is a verb (a statement's clause), else None."""
    found = ctx.tokens.tokens(ev.trigger.start, ev.trigger.end)
    return found[0] if found and found[0].pos_ == "VERB" else None


class Context:
    """One document seen by the event stages: the parse, the language, the
    entities, and the per-document caches the stages share."""

    def __init__(self, doc: Doc, data: LanguageData, index: EntityIndex, text: str | None = None):
        self.doc, self.data, self.index = doc, data, index
        self.text = doc.text if text is None else text  # spaCy rebuilds doc.text on every access
        self.lex, self.syntax, self.cues, self.hooks = data.lexicon, data.syntax, data.cues, data.hooks
        #: what a capture or a shot must be aimed at to be an attack
        self.targets_ok = data.lexicon.needs_evidence.get("Deployment", frozenset()) | data.lexicon.attack_target_nouns
        self.not_quantities = data.cues.duration_units | data.cues.measure_units
        self.resolver = Resolver(doc, index, data)
        self.tokens = TokenIndex(doc)
        self.sources_by_sentence: dict[int, list[tuple[str, Span, int]]] = {}
        self.between_words: dict[int, list[int]] = {}
        for start, end in self.resolver.sents:
            self.between_words[start] = [t.i for t in doc[start:end] if t.lower_ in data.syntax.between_preps]

    def sentence(self, tok: Token) -> tuple[int, int]:
        """The token bounds of the sentence holding ``tok`` (``Token.sent`` walks the
        sentence on every call: quadratic in its length)."""
        return self.resolver.sents[self.resolver.sentence_of(tok.i)]


def clause_tokens(ctx: Context, tok: Token, stops: tuple[str, ...] = CLAUSES) -> Iterable[Token]:
    """Tokens of the trigger's own clause: its subtree minus embedded clauses."""
    stack = [c for c in tok.children if c.dep_ not in stops]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in stops)


def governing_verb(ctx: Context, noun: Token) -> int:
    """The verb a noun hangs on, through « lors de » / « au cours de »."""
    head = noun.head
    if head.pos_ in ("ADV", "NOUN") and head.lower_ in ctx.syntax.framing_nouns:
        head = head.head
    return head.i


def marker(ctx: Context, tok: Token) -> str | None:
    return case_of(tok, ctx.data)


def reflexive(ctx: Context, tok: Token) -> bool:
    return ctx.hooks.is_reflexive(tok)
