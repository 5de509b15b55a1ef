"""Reading input texts: files, folders, JSON-lines corpora, standard input, HTML.

Inputs: a text file, a folder of them (``*.txt``, ``*.md``, ``*.text``,
``*.html``, read in sorted order; hidden files and folders are skipped), a
JSON-lines corpus (``*.jsonl``: one ``{"id", "text", "date", "title", "url"}``
object a line, lines ended by ``\\n`` only) or ``-`` for standard input. Text
is decoded as UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one
when every other byte is NUL), or Windows-1252 / Latin-1 as a fallback; HTML
(``.html``, ``.htm`` or a text starting with ``<!DOCTYPE html`` / ``<html``) is
reduced to its article (see :mod:`kg.html`), whose title and date the source keeps.

A document's identity is its id: the JSONL ``id``, or its path relative to the
folder given (``wires/sub/a.txt`` → ``sub-a``; a file named alone: its stem),
and its ``origin`` keeps that relative path (a file named alone: the path as given). Only regular files and standard
input are read, with the size limit checked while reading; binary data, empty
files, texts longer than :data:`MAX_CHARS`, deep JSON, huge ids and dates
outside years 2–9998 are refused with a :class:`kg.errors.InputError` naming the culprit.

Every text is cleaned without changing its length, so character offsets stay
true: control characters become spaces, lone surrogates and the non-characters
U+FFFE / U+FFFF become U+FFFD. What remains is valid in every RDF syntax kg writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.files import read_bounded
from kg.html import HTML_START, read_html
from kg.rdf.iri import slug
from kg.text import CONTROL as _CONTROL
from kg.text import clean

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md", ".text", *HTML_SUFFIXES)
CORPUS_SUFFIXES = (".jsonl", ".ndjson")
#: Largest text accepted (characters), the spaCy parser's limit (``kg.nlp``): about
#: 300 news articles. Longer texts are refused before the model loads; a corpus
#: goes in as several files or a ``.jsonl`` file with one article a line.
MAX_CHARS = 2_000_000
#: Largest text file or standard input read (bytes: UTF-8 takes at most 4 a character).
MAX_TEXT_BYTES = 4 * MAX_CHARS
#: Largest JSON-lines corpus read (bytes).
MAX_CORPUS_BYTES = 4 << 30
#: Longest document id (characters) and deepest JSON a corpus line may hold.
MAX_ID_CHARS = 200
#: Years a publication date may have: extraction resolves « l'an dernier » and « mardi » around it.
YEARS = (2, 9998)


@dataclass(frozen=True)
class Source:
    """One input text, before any NLP."""

    doc_id: str
    text: str
    origin: str  # path relative to the folder given, "stdin" or "corpus.jsonl:3"
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None


def parse_date(value: str, what: str = "--date") -> dt.date:
    """``YYYY-MM-DD`` → a date with a year from 2 to 9998; InputError otherwise."""
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what} {value[:40]!r} is not a date; expected YYYY-MM-DD, e.g. 2024-12-27") from None
    if not YEARS[0] <= date.year <= YEARS[1]:
        raise InputError(f"{what} {value.strip()!r} is out of range: kg resolves relative dates around it, so "
                         f"its year must be from {YEARS[0]} to {YEARS[1]}")
    return date


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when NUL bytes sit at every other position (ASCII-range UTF-16)."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, origin: str) -> str:
    """Bytes → cleaned text, refusing binary data (see the module docstring)."""
    head = data[:8192]
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif (utf16 := _utf16_without_bom(head)) is not None:
        text = data.decode(utf16, errors="replace")
    else:
        if head.count(0) > max(2, len(head) // 100):
            raise InputError(f"{origin}: looks like binary data, not text ({head.count(0)} NUL bytes); "
                             "give a text file (UTF-8, UTF-16 or Latin-1)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if controls > max(20, len(sample) // 20):
        raise InputError(f"{origin}: looks like binary data, not text ({controls} control or undecodable "
                         "characters); give a text file (UTF-8, UTF-16 or Latin-1)")
    return clean(text)


_ADVICE = (f" (texts of at most {MAX_CHARS:,} characters, about {MAX_CHARS // 6_000} articles); split it into "
           "several files or a .jsonl corpus with one article a line")


def checked_text(text: str, origin: str) -> str:
    """``text`` unchanged, or InputError if it is empty or longer than kg reads in one text."""
    if not text.strip():
        raise InputError(f"{origin}: holds no text (empty or only white space)")
    if len(text) > MAX_CHARS:
        raise InputError(f"{origin}: {len(text):,} characters is more than kg reads in one text ({MAX_CHARS:,} "
                         f"characters, about {MAX_CHARS // 6_000} articles); split it into several files or a "
                         ".jsonl corpus with one article a line")
    return text


def _doc_id(name: str, text: str) -> str:
    return slug(name) if name else "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _text_source(text: str, origin: str, name: str) -> Source:
    """A source from decoded text: HTML reduced to its article (title and date kept)."""
    if Path(origin).suffix.lower() in HTML_SUFFIXES or HTML_START.match(text[:4096]):
        page = read_html(text)
        body = checked_text(clean(page.text), origin)
        return Source(_doc_id(name, body), body, origin, page.date, clean(page.title) if page.title else None)
    body = checked_text(text, origin)
    return Source(_doc_id(name, body), body, origin)


def _read_file(path: Path, relative: Path, name: str) -> Iterator[Source]:
    """The sources of one file; ``relative`` is its path relative to the folder given
    (or as given), ``name`` what its id is made from."""
    corpus = path.suffix.lower() in CORPUS_SUFFIXES
    data = read_bounded(path, MAX_CORPUS_BYTES if corpus else MAX_TEXT_BYTES, str(path), _ADVICE)
    if corpus:
        yield from _read_corpus(decode(data, str(path)), path)
        return
    yield _text_source(decode(data, str(path)), relative.as_posix(), name)


def _optional_text(obj: dict, key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "{key}" must be a string, not {type(value).__name__}')
    return clean(value)


def _json_line(line: str, where: str) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg}); each line must be "
                         '{"id": ..., "text": ..., "date": "YYYY-MM-DD"}') from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply; each line must be a flat object "
                         '{"id": ..., "text": ..., "date": "YYYY-MM-DD"}') from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise InputError(f"{where}: not usable JSON ({str(exc)[:120]})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f'{where}: each line needs a "text" string')
    return obj


def _ident(obj: dict, where: str) -> str | None:
    value = obj.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f'{where}: "id" must be a string or an integer, not {type(value).__name__}')
    text = value if isinstance(value, str) else repr(value) if abs(value) < 10 ** MAX_ID_CHARS else ""
    if not text or len(text) > MAX_ID_CHARS:
        raise InputError(f'{where}: "id" is longer than {MAX_ID_CHARS} characters; give a shorter id')
    return clean(text)


def _read_corpus(content: str, path: Path) -> Iterator[Source]:
    seen = 0
    for n, line in enumerate(content.split("\n"), 1):  # \n only: U+2028 and U+0085 are text inside JSON
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        obj = _json_line(line, where)
        text = checked_text(clean(obj["text"]), where)
        ident = _ident(obj, where) or f"{path.stem}-{n}"
        date = parse_date(str(obj["date"])[:10], f"{where}: date") if obj.get("date") else None
        seen += 1
        yield Source(_doc_id(ident, text), text, where, date, _optional_text(obj, "title", where),
                     _optional_text(obj, "url", where))
    if not seen:
        raise InputError(f"{path}: holds no JSON line with text")


def _read_stdin(stdin_text: str | None, stream: BinaryIO | None) -> Source:
    if stdin_text is not None:
        text = clean(stdin_text)
    else:
        data = read_bounded(stream or sys.stdin.buffer, MAX_TEXT_BYTES, "standard input", _ADVICE)
        text = decode(data, "standard input")
    source = _text_source(text, "standard input", "")
    return replace(source, origin="stdin")


def _folder_files(path: Path) -> list[Path]:
    files = sorted(p for p in path.rglob("*") if p.is_file()
                   and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        raise InputError(f"{path}: folder holds no text file ({', '.join(TEXT_SUFFIXES + CORPUS_SUFFIXES)})")
    return files


def read_sources(inputs: list[str], *, stdin_text: str | None = None, stdin: BinaryIO | None = None) -> list[Source]:
    """Every text named by ``inputs``; raises InputError with the culprit's name."""
    if not inputs:
        raise InputError("no input given; name a text file, a folder, a .jsonl corpus or - for standard input")
    sources: list[Source] = []
    for item in inputs:
        if item == "-":
            sources.append(_read_stdin(stdin_text, stdin))
            continue
        path = Path(item)
        if path.is_dir():
            for f in _folder_files(path):
                relative = f.relative_to(path)
                sources.extend(_read_file(f, relative, relative.with_suffix("").as_posix()))
        elif path.exists() or path.is_symlink():
            sources.extend(_read_file(path, path, path.stem))
        else:
            raise InputError(f"{path}: no such file or folder")
    ids: dict[str, int] = {}
    unique = []
    for s in sources:  # two inputs with the same id
        n = ids.get(s.doc_id, 0)
        ids[s.doc_id] = n + 1
        unique.append(s if n == 0 else replace(s, doc_id=f"{s.doc_id}-{n + 1}"))
    return unique
