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


#: Characters XML 1.0 forbids (C0 controls but tab and line ends, surrogates, U+FFFE / U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("a\\x00b\\x1bc")
    'a\\ufffdb\\ufffdc'
    """
    return _NOT_XML.sub("\ufffd", text)
