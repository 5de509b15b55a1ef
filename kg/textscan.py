"""Small text scanners written with string methods instead of :mod:`re`.

``kg query --db`` answers a lookup in about 25 ms, most of it interpreter start-up,
and importing ``re`` (with ``enum`` and the regex compiler) costs about 5 ms of it
(``bench/bench_query_db.py --breakdown``). The modules on that path
(:mod:`kg.queries`, :mod:`kg.rdf.sparql`, :mod:`kg.rdf.prefixes`,
:mod:`kg.rdf.oxterms`) therefore scan text with these functions. Each one does
exactly what the regular expression in its docstring does: ``tests/test_textscan.py``
compares them with ``re`` on generated text. Error paths still use ``re``, imported
where they need it.

``\\w`` and ``\\s`` mean what they mean in a Python ``str`` pattern: a character
for which ``str.isalnum()`` is true or ``_``, and one for which ``str.isspace()`` is true.
"""

from __future__ import annotations

#: Characters an IRI reference may not hold (SPARQL IRIREF), besides white space.
_NOT_IN_IRI = frozenset('<>"{}|^`\\')
#: Characters that may follow the first one of a local name (PN_LOCAL, no escapes), and end one.
_LOCAL_INNER, _LOCAL_LAST = frozenset("-.:\u00b7"), frozenset("-:\u00b7")
_ASCII_DIGITS = frozenset("0123456789")
_ASCII_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")


def is_word_char(char: str) -> bool:
    """``\\w``."""
    return char.isalnum() or char == "_"


def is_word(text: str) -> bool:
    """``re.fullmatch(r"\\w+", text)``."""
    return bool(text) and all(c.isalnum() or c == "_" for c in text)


def is_identifier(text: str) -> bool:
    """``re.fullmatch(r"[A-Za-z_]\\w*", text)``: a SPARQL variable or parameter name."""
    return bool(text) and text[0] in _ASCII_START and (len(text) == 1 or is_word(text[1:]))


def is_query_name(text: str) -> bool:
    """``re.fullmatch(r"[\\w.-]+", text)``: a name that may be a named query's."""
    return bool(text) and all(c.isalnum() or c in "_.-" for c in text)


def has_space_or_brace(text: str) -> bool:
    """``re.search(r"[\\s{]", text)``: SPARQL text rather than a name."""
    return any(c == "{" or c.isspace() for c in text)


def is_bad_iri(text: str) -> bool:
    """``re.search(r'[\\s<>"{}|^`\\\\]', text)``: a character no IRI reference may hold."""
    return any(c in _NOT_IN_IRI or c.isspace() for c in text)


def is_local_name(text: str) -> bool:
    """``re.fullmatch(r"(?:[^\\W][\\w\\-.:\\u00b7]*[\\w\\-:\\u00b7]|[^\\W])?", text)``."""
    if not text:
        return True
    if not is_word_char(text[0]):
        return False
    if not all(c.isalnum() or c == "_" or c in _LOCAL_INNER for c in text[1:]):
        return False
    return len(text) == 1 or text[-1] != "."


def is_zoneless_date(text: str) -> bool:
    """``re.fullmatch(r"-{0,2}[0-9]+(?:-[0-9]+)*", text)``: a date, year or month with no time zone."""
    body = text.lstrip("-")
    if len(text) - len(body) > 2 or not body:
        return False
    return all(part and all(c in _ASCII_DIGITS for c in part) for part in body.split("-"))


def header_field(line: str) -> tuple[str, str] | None:
    """``re.match(r"#\\s*(title|description|param)\\s*:\\s*(.*)$", line)`` as ``(key, value)``,
    for a line without ``\\n``."""
    if not line.startswith("#"):
        return None
    rest = line[1:].lstrip()
    for key in ("title", "description", "param"):
        if rest.startswith(key):
            after = rest[len(key):].lstrip()
            if after.startswith(":"):
                return key, after[1:].lstrip()
    return None


def param_spec(spec: str) -> tuple[str, str, str] | None:
    """``re.match(r"(\\w+)\\s*(?:—|–|--|-)\\s*(.*?)\\s*\\(([^()]*)\\)\\s*$", spec)`` as
    ``(name, meaning, options)``, for a line without ``\\n``."""
    end = len(spec.rstrip())
    if end == 0 or spec[end - 1] != ")":
        return None
    opening = spec.rfind("(", 0, end - 1)
    if opening < 0 or ")" in spec[opening + 1:end - 1]:
        return None
    options = spec[opening + 1:end - 1]
    name_end = 0
    while name_end < len(spec) and is_word_char(spec[name_end]):
        name_end += 1
    if name_end == 0:
        return None
    rest = spec[name_end:opening].lstrip()
    dash = next((d for d in ("—", "–", "--", "-") if rest.startswith(d)), None)
    if dash is None:
        return None
    return spec[:name_end], rest[len(dash):].strip(), options


def variables(code: str) -> set[str]:
    """``set(re.findall(r"[?$]([A-Za-z_]\\w*)", code))``."""
    found: set[str] = set()
    n, i = len(code), 0
    while i < n:
        if code[i] in "?$" and i + 1 < n and code[i + 1] in _ASCII_START:
            j = i + 2
            while j < n and is_word_char(code[j]):
                j += 1
            found.add(code[i + 1:j])
            i = j
        else:
            i += 1
    return found


def count_keywords(code: str, keywords: frozenset[str]) -> int:
    """How many words of ``code`` are in ``keywords`` (upper case), ignoring case: the count of
    ``re.findall(r"\\b(?:K1|K2…)\\b", code, re.IGNORECASE)`` for keywords of ASCII letters (``re``
    also folds ``ſ``, ``ı`` and the Kelvin sign to ASCII letters, ``str.upper`` only the first two)."""
    count, n, i = 0, len(code), 0
    while i < n:
        if is_word_char(code[i]):
            j = i + 1
            while j < n and is_word_char(code[j]):
                j += 1
            if j - i <= 8 and code[i:j].upper() in keywords:
                count += 1
            i = j
        else:
            i += 1
    return count


def _string_end(text: str, start: int, quote: str) -> int:
    """End of the string ``"(?:[^"\\\\\\n\\r]|\\\\.)*"`` (or with ``'``) opening at ``start``, or -1."""
    n, k = len(text), start + 1
    while k < n:
        char = text[k]
        if char == quote:
            return k + 1
        if char == "\\":
            if k + 1 >= n or text[k + 1] == "\n":
                return -1
            k += 2
        elif char in "\n\r":
            return -1
        else:
            k += 1
    return -1


def _iri_end(text: str, start: int) -> int:
    """End of the IRI ``<[^<>"{}|^`\\\\\\s]*>`` opening at ``start``, or -1."""
    n, k = len(text), start + 1
    while k < n and text[k] not in _NOT_IN_IRI and not text[k].isspace():
        k += 1
    return k + 1 if k < n and text[k] == ">" else -1


def _skipped_end(text: str, i: int) -> int:
    """End of the string, IRI or comment starting at ``i``, or -1 (the alternatives of :func:`blank_skipped`)."""
    char = text[i]
    if char == "#":
        ends = [e for e in (text.find("\n", i), text.find("\r", i)) if e >= 0]
        return min(ends) if ends else len(text)
    if char == "<":
        return _iri_end(text, i)
    if text.startswith(char * 3, i):
        close = text.find(char * 3, i + 3)
        if close >= 0:
            return close + 3
    return _string_end(text, i, char)


def blank_skipped(text: str) -> str:
    """``text`` with each string, IRI and comment replaced by one space: ``re.sub`` of
    ``\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|"(?:[^"\\\\\\n\\r]|\\\\.)*"|'(?:[^'\\\\\\n\\r]|\\\\.)*'``
    ``|<[^<>"{}|^`\\\\\\s]*>|#[^\\n\\r]*`` by ``" "`` (a comment ends at LF or CR, as Oxigraph ends it)."""
    pieces: list[str] = []
    n, i, kept = len(text), 0, 0
    while i < n:
        if text[i] in "\"'<#":
            end = _skipped_end(text, i)
            if end >= 0:
                pieces.append(text[kept:i])
                pieces.append(" ")
                i = kept = end
                continue
        i += 1
    pieces.append(text[kept:])
    return "".join(pieces)
