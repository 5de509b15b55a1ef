"""Reading input texts and writing graphs.

Inputs: a text file, a folder of them (``*.txt``, ``*.md``, ``*.text``, read in
sorted order), a JSON-lines corpus (``*.jsonl``: one ``{"id", "text", "date",
"title", "url"}`` object a line) or ``-`` for standard input. Text is decoded
as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 / Latin-1
as a fallback; binary data, empty files and unreadable paths are refused with a
:class:`kg.errors.InputError` that names the file.

Outputs are written atomically: to a temporary file beside the target, then
renamed, so an interrupted build never leaves a half-written graph and the
previous output stays intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import FormatError, InputError, OutputError
from kg.rdf.iri import slug

TEXT_SUFFIXES = (".txt", ".md", ".text")
CORPUS_SUFFIXES = (".jsonl", ".ndjson")
#: Output formats by file extension → rdflib serializer name.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}
#: Largest text accepted (characters); about 30 news articles' worth per MB.
MAX_CHARS = 60_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """One input text, before any NLP."""

    doc_id: str
    text: str
    origin: str  # file name, "stdin" or "corpus.jsonl#3"
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None


def parse_date(value: str, what: str = "--date") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date; expected YYYY-MM-DD, e.g. 2024-12-27") from None


def decode(data: bytes, origin: str) -> str:
    """Bytes → text, refusing binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{origin}: looks like binary data, not text; give a UTF-8 text file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(20, len(text[:100_000]) // 20):
        raise InputError(f"{origin}: looks like binary data, not text ({controls} control characters)")
    return _CONTROL.sub(" ", text)


def _checked(text: str, origin: str) -> str:
    if not text.strip():
        raise InputError(f"{origin}: holds no text (empty or only white space)")
    if len(text) > MAX_CHARS:
        raise InputError(f"{origin}: {len(text):,} characters is more than the {MAX_CHARS:,} kg reads in one text; "
                         "split it into several files")
    return text


def _doc_id(name: str, text: str) -> str:
    return slug(name) if name else "text-" + hashlib.sha1(text.encode()).hexdigest()[:12]


def _read_file(path: Path) -> Iterator[Source]:
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; kg needs to read it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() in CORPUS_SUFFIXES:
        yield from _read_corpus(decode(data, str(path)), path)
        return
    text = _checked(decode(data, str(path)), str(path))
    yield Source(_doc_id(path.stem, text), text, path.name)


def _read_corpus(content: str, path: Path) -> Iterator[Source]:
    seen = 0
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not a JSON object ({exc.msg}); each line must be "
                             '{"id": ..., "text": ..., "date": "YYYY-MM-DD"}') from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f'{where}: each line needs a "text" string')
        text = _checked(obj["text"], where)
        ident = str(obj.get("id") or f"{path.stem}-{n}")
        date = parse_date(str(obj["date"])[:10], f"{where}: date") if obj.get("date") else None
        seen += 1
        yield Source(_doc_id(ident, text), text, where, date, obj.get("title"), obj.get("url"))
    if not seen:
        raise InputError(f"{path}: holds no JSON line with text")


def read_sources(inputs: list[str], *, stdin_text: str | None = None) -> list[Source]:
    """Every text named by ``inputs``; raises InputError with the culprit's name."""
    if not inputs:
        raise InputError("no input given; name a text file, a folder, a .jsonl corpus or - for standard input")
    sources: list[Source] = []
    for item in inputs:
        if item == "-":
            text = stdin_text if stdin_text is not None else sys.stdin.read()
            text = _checked(_CONTROL.sub(" ", text), "standard input")
            sources.append(Source(_doc_id("", text), text, "stdin"))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES and not p.name.startswith("."))
            if not files:
                raise InputError(f"{path}: folder holds no text file ({', '.join(TEXT_SUFFIXES + CORPUS_SUFFIXES)})")
            for f in files:
                sources.extend(_read_file(f))
        elif path.exists():
            sources.extend(_read_file(path))
        else:
            raise InputError(f"{path}: no such file or folder")
    ids: dict[str, int] = {}
    unique = []
    for s in sources:  # two files with the same stem in different folders
        n = ids.get(s.doc_id, 0)
        ids[s.doc_id] = n + 1
        unique.append(s if n == 0 else Source(f"{s.doc_id}-{n + 1}", s.text, s.origin, s.date, s.title, s.url))
    return unique


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(f"unknown output format {suffix or '(no extension)'!r} for {path}; "
                          f"use one of {', '.join(sorted(FORMATS))}")
    return FORMATS[suffix]


def serialize(graph: Graph, fmt: str) -> bytes:
    """Deterministic bytes: N-Triples/N-Quads lines are sorted."""
    data = graph.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):
        lines = sorted(set(data.decode("utf-8").splitlines()))
        data = ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")
    return data


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_graph(graph: Graph, path: str | Path) -> None:
    write_atomic(path, serialize(graph, format_for(path)))
