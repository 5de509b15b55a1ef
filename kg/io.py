"""Reading input texts and writing graphs.

Inputs: a text file, a folder of them (``*.txt``, ``*.md``, ``*.text``,
``*.html``, read in sorted order; hidden files and folders are skipped), a
JSON-lines corpus (``*.jsonl``: one ``{"id", "text", "date", "title", "url"}``
object a line) or ``-`` for standard input. Text is decoded as UTF-8 (with or
without BOM), UTF-16 (with a BOM, or without one when every other byte is NUL),
or Windows-1252 / Latin-1 as a fallback; HTML (``.html``, ``.htm`` or a text
starting with ``<!DOCTYPE html`` / ``<html``) is reduced to its visible text.
Binary data, empty files, texts longer than :data:`MAX_CHARS` and unreadable
paths are refused with a :class:`kg.errors.InputError` that names the file.

Every text is cleaned without changing its length, so character offsets stay
true: control characters become spaces, lone surrogates and the non-characters
U+FFFE / U+FFFF become U+FFFD. What remains is valid in every RDF syntax kg
writes (XML included).

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
from html.parser import HTMLParser
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from kg.errors import FormatError, InputError, OutputError
from kg.rdf.iri import slug

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md", ".text", *HTML_SUFFIXES)
CORPUS_SUFFIXES = (".jsonl", ".ndjson")
#: Output formats by file extension → rdflib serializer name.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}
#: Largest text accepted (characters), the spaCy parser's limit (``kg.nlp``): about
#: 300 news articles. Longer texts are refused before the model loads; a corpus
#: goes in as several files or a ``.jsonl`` file with one article a line.
MAX_CHARS = 2_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Lone surrogates (from JSON escapes or undecodable stdin) and U+FFFE / U+FFFF.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: White space as HTML collapses it (not the no-break spaces of French typography).
_HTML_SPACE = re.compile(r"[ \t\r\f]+")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


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


def clean(text: str) -> str:
    """The same text, safe for every RDF syntax, with the same length (offsets
    stay true): control characters → space, lone surrogates and non-characters → U+FFFD."""
    return _UNENCODABLE.sub("\ufffd", _CONTROL.sub(" ", text))


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


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page: no scripts, styles or tags;
    block elements end a line so sentences do not run together."""

    _HIDDEN = frozenset({"script", "style", "head", "template", "noscript", "svg"})
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title",
                         "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one paragraph a line, entities decoded."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (_HTML_SPACE.sub(" ", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    return clean("\n".join(line for line in lines if line))


def _is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:4096]) is not None


def _checked(text: str, origin: str) -> str:
    if not text.strip():
        raise InputError(f"{origin}: holds no text (empty or only white space)")
    if len(text) > MAX_CHARS:
        raise InputError(_too_long(origin, f"{len(text):,} characters"))
    return text


def _too_long(origin: str, size: str) -> str:
    return (f"{origin}: {size} is more than kg reads in one text ({MAX_CHARS:,} characters, about "
            f"{MAX_CHARS // 6_000} articles); split it into several files or a .jsonl corpus "
            "with one article a line")


def _doc_id(name: str, text: str) -> str:
    return slug(name) if name else "text-" + hashlib.sha1(text.encode()).hexdigest()[:12]


def _read_file(path: Path) -> Iterator[Source]:
    try:
        if path.suffix.lower() not in CORPUS_SUFFIXES and path.stat().st_size > 4 * MAX_CHARS:
            # surely too long (UTF-8 takes at most 4 bytes a character): refuse without reading it
            raise InputError(_too_long(str(path), f"{path.stat().st_size:,} bytes"))
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; kg needs to read it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() in CORPUS_SUFFIXES:
        yield from _read_corpus(decode(data, str(path)), path)
        return
    text = decode(data, str(path))
    if _is_html(path, text):
        text = html_text(text)
    text = _checked(text, str(path))
    yield Source(_doc_id(path.stem, text), text, path.name)


def _optional_text(obj: dict, key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "{key}" must be a string, not {type(value).__name__}')
    return clean(value)


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
        text = _checked(clean(obj["text"]), where)
        ident = str(obj.get("id") or f"{path.stem}-{n}")
        date = parse_date(str(obj["date"])[:10], f"{where}: date") if obj.get("date") else None
        seen += 1
        yield Source(_doc_id(ident, text), text, where, date, _optional_text(obj, "title", where),
                     _optional_text(obj, "url", where))
    if not seen:
        raise InputError(f"{path}: holds no JSON line with text")


def read_sources(inputs: list[str], *, stdin_text: str | None = None) -> list[Source]:
    """Every text named by ``inputs``; raises InputError with the culprit's name."""
    if not inputs:
        raise InputError("no input given; name a text file, a folder, a .jsonl corpus or - for standard input")
    sources: list[Source] = []
    for item in inputs:
        if item == "-":
            text = clean(stdin_text) if stdin_text is not None else decode(sys.stdin.buffer.read(), "standard input")
            text = _checked(html_text(text) if _HTML_START.match(text[:4096]) else text, "standard input")
            sources.append(Source(_doc_id("", text), text, "stdin"))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
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
    """The rdflib format to write ``path`` in, by its extension. Also refuses, before
    any slow work, an output that cannot be a file: a missing folder, a folder."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(f"unknown output format {suffix or '(no extension)'!r} for {path}; "
                          f"use one of {', '.join(sorted(FORMATS))}")
    _output_folder(Path(path))
    return FORMATS[suffix]


def _output_folder(target: Path) -> Path:
    """The folder that will hold ``target``; OutputError if it cannot."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'graph.ttl'}")
    if not folder.exists():
        raise OutputError(f"{target}: folder {folder} does not exist; create it first")
    if not folder.is_dir():
        raise OutputError(f"{target}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: no permission to write in {folder}")
    return folder


def serialize(graph: Graph, fmt: str) -> bytes:
    """Deterministic bytes: the same graph gives the same bytes in every run, whatever
    the order triples were added in or Python's hash seed. Turtle and TriG are sorted
    by rdflib; N-Triples/N-Quads lines are sorted here; JSON-LD nodes and values are
    sorted here; RDF/XML is written by pyoxigraph from sorted triples. A plain graph
    asked for as TriG or N-Quads becomes the default graph of a dataset."""
    if fmt in ("trig", "nquads") and not graph.context_aware:
        graph = _as_dataset(graph)
    if fmt == "xml":
        return _rdf_xml(graph)
    data = graph.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):
        lines = sorted(set(data.decode("utf-8").splitlines()))
        data = ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")
    elif fmt == "json-ld":
        data = (json.dumps(_sorted_json(json.loads(data)), indent=2, ensure_ascii=False, sort_keys=True)
                + "\n").encode("utf-8")
    return data


def _as_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True)
    for triple in graph:
        dataset.add(triple)
    return dataset


def _rdf_xml(graph: Graph) -> bytes:
    """RDF/XML in sorted order (rdflib's writer follows its store's set order)."""
    import pyoxigraph as ox  # heavy: imported on use only

    lines = sorted(set(graph.serialize(format="nt", encoding="utf-8").splitlines()))
    triples = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    used = {str(p) for p in graph.predicates(unique=True)} | {str(o) for o in graph.objects(predicate=RDF.type)}
    prefixes = {prefix: str(namespace) for prefix, namespace in sorted(graph.namespaces())
                if prefix and any(iri.startswith(str(namespace)) for iri in used)}
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes)


def _sorted_json(value: object) -> object:
    """JSON-LD in a canonical order: keys, node arrays and value arrays sorted
    (``@list`` arrays keep their order: it is meaningful)."""
    if isinstance(value, dict):
        return {k: ([_sorted_json(v) for v in item] if k == "@list" and isinstance(item, list) else _sorted_json(item))
                for k, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    folder = _output_folder(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_graph(graph: Graph, path: str | Path) -> None:
    write_atomic(path, serialize(graph, format_for(path)))
