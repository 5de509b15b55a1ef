"""French procedures: adjective inflection and number words (text2num).

Contractions (« au » = « à le »), negation (« ne … pas ») and future cues use
the defaults of :class:`kg.lang.hooks.LanguageHooks` over ``syntax.json`` and
``cues.json``; only what the data cannot say is here.
"""

from __future__ import annotations

from kg.lang.hooks import LanguageHooks

#: Endings of first-conjugation forms (present, past participle), longest first.
_FIRST_GROUP_ENDINGS = ("ées", "ent", "ée", "és", "es", "é", "e")
#: Third-person present of the « -aître » verbs, with the circumflex or in the 1990
#: spelling without it (« il reconnait », which the lemmatizer takes for *reconner*).
_AITRE_ENDINGS = ("aît", "ait")
#: Endings of the plural (and of words the same in both numbers).
_PLURAL_ENDINGS = ("s", "x")


def _forms(word: str) -> tuple[str, str, str, str]:
    """Masculine singular, feminine singular, masculine plural, feminine plural."""
    if word.endswith("al"):
        return word, word + "e", word[:-2] + "aux", word + "es"
    if word.endswith("e"):
        return word, word, word + "s", word + "s"
    if word.endswith("en"):
        return word, word + "ne", word + "s", word + "nes"
    if word.endswith(_PLURAL_ENDINGS):
        return word, word + "e", word, word + "es"
    return word, word + "e", word + "s", word + "es"


class FrenchHooks(LanguageHooks):
    def inflect(self, adjective: str) -> set[str]:
        """« social-démocrate » → sociale-démocrate, sociaux-démocrates, sociales-démocrates:
        each part of a hyphenated (or spaced) adjective agrees."""
        sep = "-" if "-" in adjective else " "
        table = [_forms(p) for p in adjective.split(sep)]
        return {sep.join(f[k] for f in table) for k in range(4)}

    def plural_form(self, word: str) -> bool:
        """« astronomes », « journaux »: a noun in -s or -x."""
        return word.lower().endswith(_PLURAL_ENDINGS)

    def infinitives(self, form: str) -> tuple[str, ...]:
        """« estime », « reprochent », « abaissée » → estimer, reprocher, abaisser: the
        first conjugation, where verb forms and nouns are homographs; and « reconnait »
        → reconnaître. A candidate counts only where the caller knows it as a trigger."""
        w = form.lower()
        if w.endswith(_AITRE_ENDINGS) and len(w) > 5:
            return (w[:-3] + "aître",)
        for ending in _FIRST_GROUP_ENDINGS:
            if w.endswith(ending) and len(w) > len(ending) + 2:
                stem = w[: -len(ending)]
                out = [stem]
                k = stem.rfind("è")
                if k >= 0:  # « relève », « complète »: relever, compléter
                    out += [stem[:k] + "e" + stem[k + 1:], stem[:k] + "é" + stem[k + 1:]]
                if stem[-2:] in ("ll", "tt"):  # « appelle », « jette »
                    out.append(stem[:-1])
                return tuple(dict.fromkeys(s + "er" for s in out))
        return ()

    def number_value(self, words: str) -> float | None:
        """« quatre-vingt-dix-sept » → 97, « deux cent trente » → 230 (text2num)."""
        from text_to_num import text2num

        try:
            return float(text2num(words.lower(), "fr"))
        except ValueError:
            return super().number_value(words)


HOOKS = FrenchHooks
