"""kg.cli: the root loads only the command being run; ``kg query --db`` runs without
rdflib, typer or pydantic and prints what the rdflib store prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import COMMANDS

#: Modules that ``kg query ... --db`` must not load (they cost more than a small query).
HEAVY = ("rdflib", "typer", "pydantic", "spacy")
RES = "https://w3id.org/kgnews/resource/"
GRAPH = f"""\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{RES}person/p1> a kg:Person ; rdfs:label "Ana Lopes" , "Ana"@fr .
<{RES}event/e1> a kg:Communication ; kg:agent <{RES}person/p1> ; kg:date "2024-06-19"^^xsd:date ;
    kg:modality kg:Reported ; kg:confidence "0.50"^^xsd:decimal ; kg:negated "0"^^xsd:boolean ;
    rdfs:label "a \\"quoted\\",\\tline\\nbreak" .
<{RES}event/e2> a kg:Transaction ; kg:agent <{RES}person/p1> ; kg:date "2024"^^xsd:gYear ;
    kg:modality kg:Asserted ; kg:value "15000.0"^^xsd:decimal ; kg:rank "007"^^xsd:integer ;
    kg:score "1.5E3"^^xsd:double .
"""
ROWS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(res:))) } ORDER BY STR(?s) STR(?p) STR(?o)"


def run_main(code: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` in a fresh interpreter, then ``code`` (which may print to stderr); its exit status is kg's."""
    script = ("import sys\nfrom kg.cli import main\n"
              f"sys.argv = ['kg', *{[str(a) for a in args]!r}]\n"
              "try:\n    main()\nexcept SystemExit as exc:\n    status = exc.code or 0\nelse:\n    status = 0\n"
              f"{code}\nsys.exit(status)\n")
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small graph file and an oxigraph folder loaded from it."""
    folder = tmp_path_factory.mktemp("cli")
    graph = folder / "g.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    loaded = run_main("", "query", "ASK { ?s ?p ?o }", graph, "--db", folder / "db")
    assert loaded.returncode == 0, loaded.stderr
    return graph, folder / "db"


def test_the_command_table_holds_each_command_with_its_first_help_line() -> None:
    import importlib

    import click

    for name, (target, help_line) in COMMANDS.items():
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        doc = command.help if isinstance(command, click.Command) else command.__doc__
        assert doc.strip().splitlines()[0] == help_line, name
    assert list(COMMANDS)[:3] == ["build", "validate", "query"]


def test_help_lists_every_command_without_importing_one() -> None:
    done = run_main("print(sorted(m for m in sys.modules if m.startswith('kg.commands.') or m in ('typer', "
                    "'rdflib')), file=sys.stderr)", "--help")
    assert done.returncode == 0
    listed = dict(line.split(maxsplit=1) for line in done.stdout.split("Commands:\n", 1)[1].splitlines())
    assert list(listed) == list(COMMANDS)
    for name, (_, help_line) in COMMANDS.items():
        assert help_line.startswith(listed[name].removesuffix("...")), name
    assert listed["build"] == "Build a knowledge graph from news texts."
    assert done.stderr.strip() == "[]"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_on_a_database_loads_no_rdflib_typer_or_pydantic(files: tuple[Path, Path], fmt: str) -> None:
    _, db = files
    done = run_main(f"print(status, sorted(m.split('.')[0] for m in sys.modules if m.split('.')[0] in {HEAVY!r}), "
                    "file=sys.stderr)", "query", "events-by-type", "--db", db, "-p", "type=Event", "-f", fmt)
    assert done.stderr.strip().splitlines()[-1] == "0 []", done.stderr
    assert f"{RES}event/e1" in done.stdout  # a kg:Communication: type=Event matches the subclasses


def test_the_typer_commands_still_run(files: tuple[Path, Path]) -> None:
    graph, _ = files
    done = run_main("", "stats", graph, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    refused = run_main("", "stats", graph, "--bogus")
    assert refused.returncode == 2
    assert refused.stderr.startswith("kg: error: No such option: --bogus; see '") and refused.stderr.count("\n") == 1


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_a_database_prints_what_the_rdflib_store_prints(files: tuple[Path, Path], fmt: str) -> None:
    graph, db = files
    native = run_main("", "query", ROWS, "--db", db, "-f", fmt)
    other = run_main("", "query", ROWS, graph, "--store", "rdflib", "-f", fmt)
    assert native.returncode == other.returncode == 0, native.stderr + other.stderr
    assert native.stdout == other.stdout
    assert "15000" in native.stdout and "15000.0" not in native.stdout and "1500" in native.stdout


def test_bound_parameters_of_each_type_on_a_database(files: tuple[Path, Path], tmp_path: Path) -> None:
    _, db = files
    rq = tmp_path / "q.rq"
    rq.write_text("# param: when — a date (date)\n# param: v — a value (decimal)\n# param: no — negated (boolean)\n"
                  "SELECT ?e ?when ?v ?no WHERE { { ?e kg:date ?when } UNION { ?e kg:value ?v } UNION "
                  "{ ?e kg:negated ?no } }", encoding="utf-8")
    done = run_main("", "query", rq, "--db", db, "-f", "csv", "-p", "when=2024-06-19", "-p", "v=15000.00",
                    "-p", "no=false")
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()[1:]) == [f"{RES}event/e1,2024-06-19,15000,false"] * 2 + [
        f"{RES}event/e2,2024-06-19,15000,false"]
