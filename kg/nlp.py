"""The spaCy model, loaded lazily and once per process.

Nothing imports spaCy until :func:`get_model` is called, so ``import kg`` and
the RDF side stay light.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.lang import MODELS
from kg.lang.registry import spec

if TYPE_CHECKING:
    from spacy.language import Language


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
    return nlp
