"""The procedures a language supplies beside its data, with neutral defaults.

Word lists are data; the few things that must be code (undoing contracted
articles, inflecting an adjective, reading negation and future tense off a
parse, the value of number words) are methods of a :class:`LanguageHooks`
subclass in the language's own ``hooks.py``, found through the registry
(:mod:`kg.lang.registry`) by language code — shared code never imports a
language by name. Hooks see tokens by duck typing (``.lower_``, ``.dep_``,
``.morph``, ``.children``) and import no spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.lang.sections import Cues, Syntax


def norm(word: str) -> str:
    """Lower case with typographic apostrophes made straight (« l’ » → « l' »)."""
    return word.lower().replace("\u2019", "'")


class LanguageHooks:
    """Language-neutral behaviour; a language overrides what its grammar needs."""

    def __init__(self, code: str, cues: Cues, syntax: Syntax):
        self.code, self.cues, self.syntax = code, cues, syntax

    def preposition(self, word: str) -> str:
        """The preposition a case-marking word stands for: elision (« d' » → « d »)
        and contractions (« au » → « à ») undone."""
        w = norm(word).rstrip("'")
        return self.syntax.contractions.get(w, w)

    def inflect(self, adjective: str) -> set[str]:
        """The gender and number forms of an adjective phrase (itself by default)."""
        return {adjective}

    def is_negated(self, verb: Any) -> bool:
        """Does the clause of ``verb`` deny it? A negation particle on the verb or
        its auxiliaries (or the governing verb of an infinitive), or Polarity=Neg."""
        particles = self.syntax.negation_particles
        for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))):
            if any(norm(c.lower_) in particles for c in t.children) or "Neg" in t.morph.get("Polarity", []):
                return True
        if verb.dep_ == "xcomp" and any(norm(c.lower_) in particles for c in verb.head.children):
            return True
        return False

    def is_future(self, verb: Any) -> bool:
        """Does ``verb`` speak of the future: future tense on it or an auxiliary, a
        future modal governing it (« doivent se retrouver »), or a passive of
        expectation (« est attendue »)?"""
        for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))):
            if "Fut" in t.morph.get("Tense", []):
                return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ in self.cues.future_modals and "Fin" in head.morph.get("VerbForm", []):
            return True
        return verb.lemma_ in self.cues.future_passives and any(c.dep_ == "aux:pass" for c in verb.children)

    def is_reflexive(self, verb: Any) -> bool:
        """An expletive or reflexive pronoun among the verb's dependents."""
        pronouns = self.syntax.reflexive_pronouns
        return any(c.dep_.startswith("expl") or (norm(c.lower_) in pronouns and c.pos_ == "PRON")
                   for c in verb.children)

    def plural_form(self, word: str) -> bool:
        """Does the spelling of the noun ``word`` mark the plural (where the tagger's
        Number may be wrong)? No by default: the morphology alone decides."""
        return False

    def infinitives(self, form: str) -> tuple[str, ...]:
        """Infinitives a finite or participle verb form may belong to, most likely
        first; used when the lemmatizer gives a verb the lemma of its homograph
        noun. None by default."""
        return ()

    def number_value(self, words: str) -> float | None:
        """The value of a run of number words, or None: the cue table's sum by default."""
        table = {norm(k): v for k, v in self.cues.number_words.items()}
        values = [table.get(w) for w in norm(words).replace("-", " ").split()
                  if w not in self.syntax.number_joiners]
        if not values or any(v is None for v in values):
            return None
        return float(sum(v for v in values if v is not None))
