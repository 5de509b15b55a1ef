"""The ``kg`` command line. Commands parse options, call one library function
and format the result; every :class:`kg.errors.KgError` becomes one readable
line on stderr and a non-zero exit.

The root group loads only the module of the command being run (click's "lazy
loading of subcommands"): ``kg --help`` lists :data:`COMMANDS` from their
names and one-line helps, without importing a command. ``kg query`` and ``kg
queries`` are click commands (``kg query --db`` usually runs without click:
:mod:`kg.fastpath`, called first by :mod:`kg.__main__`); the others are typer functions, registered on the typer app
:data:`app` and run by it (typer loads only for them).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.errors import KgError

if TYPE_CHECKING:
    import typer

HELP = ("Build an RDF knowledge graph from French news text, then query, export and view it.\n\n"
        "Example: kg build article.txt --date 2024-12-27 -o graph.ttl")

#: Every command in the order ``kg --help`` lists them: name → (module:function, the first line
#: of its docstring; tests/test_cli.py checks they agree).
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("kg.commands.build:build", "Build a knowledge graph from news texts."),
    "validate": ("kg.commands.validate:validate",
                 "Check graphs against the SHACL shapes; exit 5 with the violations if any."),
    "query": ("kg.commands.query:query", "Run a SPARQL query on graphs and print the answer."),
    "queries": ("kg.commands.query:queries", "List the named queries with what they answer and their parameters."),
    "export": ("kg.commands.export:export",
               "Convert graphs to another RDF format, or to GraphML / GEXF for network tools."),
    "stats": ("kg.commands.export:stats", "Count the things of each class and list the most connected entities."),
    "view": ("kg.commands.view:view", "Write a self-contained interactive HTML view of the graphs."),
    "serve": ("kg.commands.serve:serve", "Serve graph files as a read-only SPARQL 1.1 endpoint, with a query page."),
    "push": ("kg.commands.push:push", "Load a graph into a SPARQL server, then count what it holds."),
}


def _function(name: str) -> Any:
    """The object :data:`COMMANDS` names for ``name``: a click command or a typer function."""
    import importlib

    module, _, attribute = COMMANDS[name][0].partition(":")
    return getattr(importlib.import_module(module), attribute)


class _TyperCommand(click.Command):
    """A command declared with typer, run by the typer :data:`app` with the arguments
    after its name; typer's exceptions come out as click's."""

    def __init__(self, name: str, help: str):
        super().__init__(name, short_help=help, add_help_option=False,
                         context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                           "allow_interspersed_args": False})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.args = list(args)
        return []

    def invoke(self, ctx: click.Context) -> Any:
        import typer

        root = ctx.find_root().info_name or "kg"
        try:
            return _typer_app()([str(self.name), *ctx.args], prog_name=root, standalone_mode=False)
        except typer.Exit as exc:
            raise click.exceptions.Exit(exc.exit_code) from None
        except typer.Abort:
            raise click.Abort() from None
        except typer.TyperException as exc:  # usage errors (they have a context): unknown option, bad value
            if getattr(exc, "ctx", None) is None:
                raise click.ClickException(exc.format_message()) from None
            raise click.UsageError(exc.format_message(), ctx) from None  # same command path: 'kg NAME'



class _LazyGroup(click.Group):
    """The root: commands from :data:`COMMANDS`, each module imported when its command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command = _function(cmd_name)
        if isinstance(command, click.Command):
            return command
        return _TyperCommand(cmd_name, COMMANDS[cmd_name][1])

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``kg --help``, from :data:`COMMANDS` (no command is imported)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        with formatter.section("Commands"):
            formatter.write_dl([(name, _shortened(help, limit)) for name, (_, help) in COMMANDS.items()])

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                          list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            import difflib

            close = difflib.get_close_matches(args[0], list(COMMANDS), n=1) if args else []
            if close and exc.message.startswith("No such command"):
                raise click.UsageError(f"{exc.message.rstrip('.')}. Did you mean {close[0]!r}?", ctx) from None
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # as typer does: exit code 130, and no blank line on stderr
            raise click.exceptions.Exit(130) from None


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, ``...`` marking the cut (as click does)."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 3, 0)].rsplit(" ", 1)[0].rstrip(" ,;:") + "..."


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        click.echo(f"kg {__version__}")
        ctx.exit()


@click.group(cls=_LazyGroup, name="kg", help=HELP, no_args_is_help=True)
@click.option("--version", is_flag=True, callback=_version, expose_value=False, is_eager=True,
              help="Print the version and exit.")
def cli() -> None:
    """kg: news text in, knowledge graph out."""


def _typer_app() -> typer.Typer:
    """The typer app holding the typer-declared commands (built once, on first use)."""
    global _APP
    if _APP is None:
        import typer

        _APP = typer.Typer(name="kg", help=HELP, no_args_is_help=True, add_completion=False,
                           pretty_exceptions_enable=False,
                           # Plain click help: typer's rich panels print every flag as taking a ``<bool>`` value.
                           rich_markup_mode=None)

        @_APP.callback()
        def _root() -> None:
            """kg: news text in, knowledge graph out."""

        for name in COMMANDS:
            function = _function(name)
            if not isinstance(function, click.Command):
                _APP.command(name)(function)
    return _APP


_APP: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    """``kg.cli.app``: the typer app of the typer-declared commands (tests run it with typer's CliRunner)."""
    if name == "app":
        return _typer_app()
    raise AttributeError(f"module 'kg.cli' has no attribute {name!r}")


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
    click.echo(f"kg: error: {line}", err=True)
    sys.exit(code)


def _interrupted() -> None:
    import signal

    signum = _SIGNALLED[-1] if _SIGNALLED else signal.SIGINT
    name = signal.Signals(signum).name
    _fail(f"interrupted by {name}{' (Ctrl-C)' if name == 'SIGINT' else ''}; no partial output was written, "
          "a previous output file is left as it was", 128 + signum)


def main() -> None:
    """Run the CLI. A KgError, a usage error or an interruption (Ctrl-C, SIGTERM)
    ends as one line ``kg: error: ...`` on stderr and a non-zero exit code."""
    import signal

    previous = _trap_signals()
    try:
        try:
            code = cli.main(standalone_mode=False)
        except KeyboardInterrupt:  # raised outside a command
            code = 130
        if code == 130:
            _interrupted()
        if isinstance(code, int) and code:
            sys.exit(code)
    except KgError as exc:
        _fail(str(exc), exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:  # ``kg`` alone: the help, on stderr
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        _fail("aborted", 1)
    except click.ClickException as exc:  # usage errors: unknown option or command, missing argument
        ctx = getattr(exc, "ctx", None)
        hint = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
        _fail(f"{exc.format_message().strip().rstrip('.')}{hint}", exc.exit_code)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
