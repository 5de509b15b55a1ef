"""The spaCy model, loaded lazily and once per process.

Nothing imports spaCy until :func:`get_model` is called, so ``import kg`` and
the RDF side stay light. The pipeline gets one component of ours before the
parser: a paragraph break always ends a sentence (the model otherwise glues the
last line of a paragraph to the next one, and a speaker leaks across).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.lang import MODELS, load
from kg.lang.registry import spec

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Name of the component that starts a sentence after every line break.
PARAGRAPHS = "kg_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after a whitespace token holding a line
    break: a new line (or paragraph) is never the middle of a sentence in news text.

    The token after it is marked as no sentence start: given one boundary, the parser
    otherwise often cuts the paragraph's first word off as a sentence of its own
    (« Jean-Luc | Mélenchon, le candidat… », « « | Le BEA… »), and the named-entity
    recogniser, which never crosses a sentence boundary, then loses the name."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
            if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = False
    return doc


def _add_paragraph_breaks(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)


@cache
def get_model(lang: str = "fr") -> Language:
    """The spaCy pipeline for ``lang``; raises ModelError if it is not installed."""
    name = spec(lang, MODELS).model  # raises ModelError for an unknown language
    if name is None:
        raise ModelError(f"language {lang!r} has no spaCy model registered")
    import spacy  # heavy: imported on first use only

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc.__class__.__name__}); "
            f"install kg with 'pip install .' which brings it, or 'pip install {name.replace('_', '-')}'"
        ) from exc
    from kg.sources import MAX_CHARS

    nlp.max_length = MAX_CHARS  # kg.sources refuses longer texts before they get here
    _add_paragraph_breaks(nlp)
    _split_glued_honorifics(nlp, load(lang).cues.honorifics)
    _add_infixes(nlp, _FOOTNOTES)
    return nlp


#: « espagnol[1] », « cabré[2] »: a wiki footnote call glued to the word before it is cut off
#: as tokens of its own (the text is unchanged), so it is no part of a name (« Parti … espagnol[1 »)
#: nor of a verb. The closing bracket is already a suffix when infixes are looked for.
_FOOTNOTES = (r"(?<=[^\W\d_])(?=\[\d{1,3}(?:\]|$))", r"(?<=[^\W\d_]\[)(?=\d{1,3}(?:\]|$))")


def _split_glued_honorifics(nlp: Language, honorifics: Iterable[str]) -> None:
    """« selon M.Dupont »: an abbreviated honorific glued to the capitalised name after it is cut off
    as a token of its own (the text is unchanged), so the name is read as a person's and the
    honorific dropped from it, as after « M. Dupont »."""
    _add_infixes(nlp, [rf"(?<=\b{re.escape(h)})(?=[A-ZÀ-Ý])" for h in honorifics if h.endswith(".")])


def _add_infixes(nlp: Language, infixes: Iterable[str]) -> None:
    """Extra zero-width infixes (regular expressions) on the model's tokenizer."""
    glued = list(infixes)
    if not glued:
        return
    tokenizer = nlp.tokenizer
    current = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if not isinstance(pattern, str):
        return  # a tokenizer whose infixes are no regular expression: left as it is
    tokenizer.infix_finditer = re.compile("|".join([pattern, *glued])).finditer  # type: ignore[union-attr]
