"""The fast start of ``kg query QUERY --db DIR``: the same query and the same bytes as
the click command (:mod:`kg.commands.query`), without importing click.

``python -m kg`` and the ``kg`` script (:func:`kg.__main__.main`) call :func:`run`
first. It parses the command line against the one declaration of the options,
:data:`kg.commands.query_spec.OPTIONS`, runs :func:`kg.commands.query_spec.answer`
(the function the click command runs) and prints its answer. It declines (returns
None, having printed nothing) for anything else: another command, a graph file to
load, ``--help``, an option or a form of one it does not know, a folder that holds
no database, an unexpected exception (the click command then runs and reports it as
it always does), output that click would rewrite (ANSI escapes, a stream not in
UTF-8). A :class:`~kg.errors.KgError` (a bad parameter, an unknown query, a syntax
error, a timeout) is reported by the click path's own code, :func:`kg.cli._fail`
(click is imported for it), so a query is never run twice. Setting the environment
variable ``KG_FULL_CLI`` to a non-empty value makes it always decline
(tests/test_fastpath.py compares both paths that way).

A SIGTERM during the query ends the process at once, by the signal, where the click
path prints its one-line message and exits with 143 (it traps the signal, which
costs the import of :mod:`signal` and :mod:`enum`); neither writes partial output.
Ctrl-C is reported as the click path reports it.
"""

from __future__ import annotations

import os
import sys

from kg.errors import KgError

TYPE_CHECKING = False  # not typing's: this module is the start of kg query --db
if TYPE_CHECKING:
    from kg.commands.query_spec import Option

#: The environment variable that turns the fast path off.
SWITCH = "KG_FULL_CLI"


def run(argv: list[str]) -> int | None:
    """Run ``kg ARGV`` if it is a query on a ``--db`` folder this module fully understands,
    and return its exit status; else None, with nothing printed."""
    if os.environ.get(SWITCH) or len(argv) < 2 or argv[0] != "query":
        return None
    if not all(_utf8(stream) for stream in (sys.stdout, sys.stderr)):
        return None
    from kg.commands.query_spec import OPTIONS, answer

    values = parse(argv[1:], OPTIONS)
    if values is None:
        return None
    db = values["db"]
    if db is None or values.pop("graphs") or values["store"] not in (None, "oxigraph"):
        return None
    if not os.path.isfile(os.path.join(str(db), "CURRENT")):  # the click path says what is wrong
        return None
    try:
        note, text = answer(graphs=(), **values)  # type: ignore[arg-type]
    except KeyboardInterrupt:
        from kg.cli import _interrupted

        _interrupted()
    except KgError as exc:  # reported by the code of the click path (kg.cli.main), the query not run twice
        from kg.cli import _fail

        _fail(str(exc), exc.exit_code)
    except Exception:  # noqa: BLE001 — the click command runs it again and reports the error its way
        return None
    if "\x1b" in note or "\x1b" in text:  # click.echo strips ANSI escapes when not writing to a terminal
        return None
    if note:
        sys.stderr.write(note + "\n")
        sys.stderr.flush()
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def parse(args: list[str], options: tuple[Option, ...]) -> dict[str, object] | None:
    """``args`` (after ``query``) as the query command's parameters — ``query_ref``,
    ``graphs`` and each option's ``dest`` — or None for any form click may read otherwise. A path
    stays text (click makes a Path of it): pathlib, with the urllib and ipaddress it imports, costs
    this start several milliseconds, and the store takes either."""
    by_flag = {flag: o for o in options for flag in o.flags}
    values: dict[str, object] = {o.dest: o.default for o in options}
    repeated: dict[str, list[str]] = {o.dest: [] for o in options if o.multiple}
    positional: list[str] = []
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, value = token.partition("=")[::2] if token.startswith("--") else (token[:2], token[2:])
        option = by_flag.get(name)
        if option is None or (value == "" and "=" in token) or value.startswith("="):
            return None
        if not value:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if option.multiple:
            repeated[option.dest].append(value)
            continue
        typed = _typed(value, option)
        if typed is None:
            return None
        values[option.dest] = typed
    if not positional:
        return None
    values.update({dest: tuple(items) for dest, items in repeated.items()})
    return {"query_ref": positional[0], "graphs": tuple(positional[1:]), **values}


def _typed(value: str, option: Option) -> str | float | None:
    """``value`` as ``option`` takes it, or None when click might judge it otherwise."""
    if option.kind == "choice":
        return value if value in option.choices else None
    if option.kind == "float":
        whole, _, fraction = value.partition(".")
        if not (whole + fraction).isascii() or not (whole + fraction).isdigit():
            return None
        number = float(value)
        return number if option.minimum is None or number >= option.minimum else None
    return value if value and value != "-" else None


def _utf8(stream: object) -> bool:
    encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    return encoding == "utf8"
