"""``kg query`` as data and one function, without click: its options (:data:`OPTIONS`,
from which :mod:`kg.commands.query` builds the click command and which
:mod:`kg.fastpath` parses directly) and :func:`answer`, the work both run.

Imports nothing heavy at module level (no click, typing or dataclasses): it is on the
path of ``kg query --db`` that must start as fast as a bare pyoxigraph script.
"""

from __future__ import annotations

from kg.frozen import Frozen
from kg.results import FORMATS
from kg.store import STORE_KINDS

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    #: Makes a progress bar for the graph files: files → (bar context or None, callback or None).
    Loading = Callable[[list[Path]], tuple[object, object]]

#: Kinds of option values: ``text``, ``choice`` (one of ``choices``), ``path``, ``float`` (at least ``minimum``).
KINDS = ("text", "choice", "path", "float")


class Option(Frozen):
    """One option of ``kg query``: its flags (long first), the parameter it sets, its value."""

    __slots__ = ("flags", "dest", "kind", "default", "help", "choices", "minimum", "multiple", "metavar",
                 "show_default")
    flags: tuple[str, ...]
    dest: str
    kind: str
    default: object
    help: str
    choices: tuple[str, ...]
    minimum: float | None
    multiple: bool
    metavar: str | None
    show_default: bool

    def __init__(self, flags: tuple[str, ...], dest: str, kind: str, default: object, help: str, *,
                 choices: tuple[str, ...] = (), minimum: float | None = None, multiple: bool = False,
                 metavar: str | None = None, show_default: bool = False):
        super().__init__(flags, dest, kind, default, help, choices, minimum, multiple, metavar, show_default)


#: The options of ``kg query``, in the order ``--help`` lists them.
OPTIONS = (
    Option(("--param", "-p"), "param", "text", (), multiple=True, metavar="NAME=VALUE",
           help="A parameter as name=value, e.g. --param name=Poutine; repeat for several."),
    Option(("--format", "-f"), "fmt", "choice", "table", choices=FORMATS, show_default=True,
           help="table for people; csv, tsv or json (SPARQL 1.1 results formats) for programs; turtle, "
                "ntriples or jsonld for the triples of a CONSTRUCT or DESCRIBE query."),
    Option(("--store",), "store", "choice", None, choices=STORE_KINDS,
           help="Query engine: oxigraph (default, fast) or rdflib."),
    Option(("--db",), "db", "path", None,
           help="Folder where the oxigraph store persists: graph files given are loaded into it once; later "
                "queries need only --db."),
    Option(("--timeout",), "timeout", "float", None, minimum=0.01, help="Stop the query after this many seconds."),
)


def answer(query_ref: str, graphs: Sequence[Path], param: Sequence[str], fmt: str, store: str | None,
           db: Path | None, timeout: float | None, loading: Loading | None = None) -> tuple[str, str]:
    """What ``kg query`` prints: (a note for stderr, '' if none; the text for stdout).
    ``loading`` makes the progress bar shown while graph files load."""
    from kg.queries import bind, format_result, load_query, parse_assignments, run
    from kg.store import store_for

    chosen = load_query(query_ref)
    values = parse_assignments(list(param))
    bind(chosen, values, store or STORE_KINDS[0])  # a bad parameter fails before a large graph is loaded
    bar, advance = loading(list(graphs)) if loading is not None else (None, None)
    if bar is None:
        target = store_for(list(graphs), store, db, progress=advance)  # type: ignore[arg-type]
    else:
        with bar:  # type: ignore[attr-defined]
            target = store_for(list(graphs), store, db, progress=advance)  # type: ignore[arg-type]
    result = run(target, chosen, values, timeout=timeout, native=True)
    note = ""
    if result.boolean is None and not result.rows:
        note = f"no result: query {chosen.name} matched nothing"
        if fmt == "table":
            return note, ""
    width = None
    if fmt == "table":
        import shutil

        width = shutil.get_terminal_size((160, 24)).columns
    return note, format_result(result, fmt, width=width)
