"""Putting data into HTML pages safely: the one script-safe JSON writer.

Anything from the text (labels, aliases, sentences) reaches a page as JSON
inside a ``<script type="application/json">`` element and then the DOM through
``textContent``; this module is the only place that writes that JSON.
"""

from __future__ import annotations

import json


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the line
    separators U+2028/U+2029 are written as ``\\uXXXX`` escapes.

    >>> script_json({"label": "</script><b>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text
