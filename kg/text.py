"""Text made safe for every RDF syntax kg writes, offsets kept."""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Lone surrogates (from JSON escapes or undecodable stdin) and U+FFFE / U+FFFF.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """The same text, safe for every RDF syntax, with the same length (offsets
    stay true): control characters → space, lone surrogates and non-characters → U+FFFD.

    >>> clean("a\\x00b\\ufffe")
    'a b\\ufffd'
    """
    return _UNENCODABLE.sub("\ufffd", CONTROL.sub(" ", text))
