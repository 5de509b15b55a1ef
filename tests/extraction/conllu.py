"""Hand-built spaCy Docs for rule tests: no model, a known parse.

Each line: ``text lemma POS head dep [Feat=Val|...] [ENT]`` with ``head`` the
1-based index of the head token (0 for the root), as in CoNLL-U; ``ENT`` is an
IOB tag like ``B-PER`` / ``I-PER`` (``O`` or nothing outside entities); ``_``
is an empty column; ``NoSpace`` glues the token to the next one (« l' »).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc


@cache
def _vocab():
    import spacy

    return spacy.blank("fr").vocab


def doc_from(conll: str) -> Doc:
    words, lemmas, pos, heads, deps, morphs, ents, spaces = [], [], [], [], [], [], [], []
    lines = [line.split() for line in conll.strip().splitlines() if line.strip()]
    for n, cols in enumerate(lines):
        text, lemma, tag, head, dep = cols[:5]
        rest = cols[5:]
        morph = next((c for c in rest if "=" in c), "")
        ent = next((c for c in rest if c[:2] in ("B-", "I-") or c == "O"), "O")
        glue = "NoSpace" in rest
        words.append(text)
        lemmas.append(lemma)
        pos.append(tag)
        heads.append(int(head) - 1 if int(head) else n)
        deps.append("ROOT" if int(head) == 0 else dep)
        morphs.append(morph)
        ents.append(ent)
        spaces.append(not glue and n + 1 < len(lines))
    return Doc(_vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, heads=heads, deps=deps,
               morphs=morphs, ents=ents)
