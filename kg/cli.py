"""The ``kg`` command line. Commands parse options, call one library function
and format the result; every :class:`kg.errors.KgError` becomes one readable
line on stderr and a non-zero exit."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kg import __version__
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build an RDF knowledge graph from French news text, then query, export and view it.\n\n"
         "Example: kg build article.txt --date 2024-12-27 -o graph.ttl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: typer's rich panels print every flag as taking a ``<bool>`` value.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                     help="Print the version and exit.")] = None,
) -> None:
    """kg: news text in, knowledge graph out."""


def _register() -> None:
    """Add every command to ``app``, in the order ``kg --help`` lists them. Each
    command is a function in its own module of :mod:`kg.commands`, which imports
    nothing from here (heavy libraries load inside the functions)."""
    from kg.commands import build, export, push, query, serve, validate, view

    for command in (build.build, validate.validate, query.query, query.queries, export.export, export.stats,
                    view.view, serve.serve, push.push):
        app.command()(command)


#: Signals that stop a run the way Ctrl-C does (recorded by ``_on_signal``, newest last).
_SIGNALLED: list[int] = []


def _on_signal(signum: int, _frame: object) -> None:
    """SIGINT and SIGTERM both raise KeyboardInterrupt, so ``finally`` blocks run
    (a half-written temporary output is removed) and the previous output stays."""
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def _trap_signals() -> dict[int, object]:
    """Install :func:`_on_signal` for SIGINT and SIGTERM unless they are ignored
    (a job started with ``nohup``); return the previous handlers."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, object] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        current = signal.getsignal(sig)
        if current in (signal.default_int_handler, signal.SIG_DFL):
            previous[sig] = current
            signal.signal(sig, _on_signal)
    return previous


def _fail(message: str, code: int) -> None:
    """One line on stderr (a message's line breaks become spaces), then exit ``code``."""
    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    typer.echo(f"kg: error: {line}", err=True)
    sys.exit(code)


def _interrupted() -> None:
    import signal

    signum = _SIGNALLED[-1] if _SIGNALLED else signal.SIGINT
    name = signal.Signals(signum).name
    _fail(f"interrupted by {name}{' (Ctrl-C)' if name == 'SIGINT' else ''}; no partial output was written, "
          "a previous output file is left as it was", 128 + signum)


_register()


def main() -> None:
    """Run the CLI. A KgError, a usage error or an interruption (Ctrl-C, SIGTERM)
    ends as one line ``kg: error: ...`` on stderr and a non-zero exit code."""
    import signal

    previous = _trap_signals()
    try:
        try:
            code = app(standalone_mode=False)
        except KeyboardInterrupt:  # raised outside the command (typer turns it into exit code 130 inside)
            code = 130
        if code == 130:
            _interrupted()
        if isinstance(code, int) and code:
            sys.exit(code)
    except KgError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _fail("aborted", 1)
    except typer.TyperException as exc:  # usage errors: unknown option or command, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # ``kg`` alone: typer has shown the help
            sys.exit(exc.exit_code)
        ctx = getattr(exc, "ctx", None)
        hint = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
        _fail(f"{exc.format_message().strip().rstrip('.')}{hint}", exc.exit_code)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
