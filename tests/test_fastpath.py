"""kg.fastpath: ``kg query QUERY --db DIR`` without click prints the same bytes as the click
command, declines what it does not fully understand, and imports neither click nor rdflib.

The click command is forced by the switch :data:`kg.fastpath.SWITCH` (``KG_FULL_CLI``)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import fastpath
from kg.commands.query_spec import OPTIONS
from kg.resources import queries_dir

ROOT = Path(__file__).resolve().parents[1]
RES = "https://w3id.org/kgnews/resource/"
EXTRA = f"""\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{RES}event/x/e2> a kg:Transaction ; kg:date "2024"^^xsd:gYear ; kg:value "15000.0"^^xsd:decimal ;
    kg:rank "007"^^xsd:integer ; kg:score "1.5E3"^^xsd:double ; kg:negated "0"^^xsd:boolean ;
    rdfs:label "a \\"quoted\\",\\tline\\nbreak" , "Ça, « là »"@fr .
_:b kg:value "2.50"^^xsd:decimal .
"""
FORMATS = ("table", "csv", "tsv", "json")
RDF_FORMATS = ("turtle", "ntriples", "jsonld")
#: Parameters that make a named query match something in the test graph.
PARAMS = {"entity-facts": ["-p", "name=Kim"], "timeline": ["--param=year=2024"], "deployments": ["--param", "min=10"]}
ADHOC = [
    ["SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(res:))) } ORDER BY STR(?s) STR(?p) STR(?o)"],
    ["SELECT ?s ?v WHERE { ?s kg:value ?v } ORDER BY ?v"],
    ["SELECT ?who ?name WHERE { ?who rdfs:label ?name } ORDER BY ?who", "-pname=Kim Jong-un"],
    ["SELECT ?e WHERE { ?e a kg:Nothing }"],
    ["ASK { ?s a kg:Person }"],
    ["ASK { ?s a kg:Nothing }", "--timeout", "30"],
]
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fast")
    extra = folder / "extra.ttl"
    extra.write_text(EXTRA, encoding="utf-8")
    loaded = subprocess.run([sys.executable, "-m", "kg", "query", "ASK { ?s ?p ?o }",
                             str(ROOT / "tests" / "rdf" / "golden" / "mini.ttl"), str(extra), "--db",
                             str(folder / "db")], capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    return folder / "db"


def _run(argv: list[str], full: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[int | None, bytes, bytes]:
    """``kg ARGV`` in this process: (exit status or None when the fast path declined, stdout, stderr)."""
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", newline=""))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="utf-8", newline=""))
    monkeypatch.setattr(sys, "argv", ["kg", *argv])
    if full:
        monkeypatch.setenv(fastpath.SWITCH, "1")
    else:
        monkeypatch.delenv(fastpath.SWITCH, raising=False)
    code: int | None
    try:
        if full:
            from kg.cli import main

            main()
            code = 0
        else:
            code = fastpath.run(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    sys.stdout.flush()
    sys.stderr.flush()
    return code, out.getvalue(), err.getvalue()


def _cases() -> list[list[str]]:
    named = [[q.stem, *PARAMS.get(q.stem, []), "-f", fmt] for q in sorted(queries_dir().glob("*.rq"))
             for fmt in FORMATS]
    adhoc = [[*case, "--format", fmt] for case in ADHOC for fmt in FORMATS]
    return named + adhoc + [[CONSTRUCT, "-f", fmt] for fmt in (*FORMATS, *RDF_FORMATS)]


def test_the_cases_cover_every_named_query() -> None:
    assert len({case[0] for case in _cases()} & {q.stem for q in queries_dir().glob("*.rq")}) == 12


@pytest.mark.parametrize("case", _cases(), ids=lambda case: " ".join(case)[:60])
def test_the_fast_path_prints_the_bytes_of_the_click_command(case: list[str], db: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    argv = ["query", case[0], "--db", str(db), *case[1:]]
    fast = _run(argv, False, monkeypatch)
    full = _run(argv, True, monkeypatch)
    assert fast[0] == 0, fast  # taken by the fast path
    assert fast == full
    assert full[1] or full[2]


def test_both_option_forms_and_the_query_file_give_the_same_answer(db: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text((queries_dir() / "entity-facts.rq").read_text(encoding="utf-8"), encoding="utf-8")
    answers = {_run(["query", str(rq), *form, "--db", str(db), "-f", "csv"], False, monkeypatch)
               for form in (["--param=name=Kim"], ["--param", "name=Kim"], ["-p", "name=Kim"], ["-pname=Kim"])}
    assert len(answers) == 1
    code, out, _ = answers.pop()
    assert code == 0 and b"kim-jong-un" in out


@pytest.mark.parametrize("args", [
    ["--help"], ["--bogus"], ["--format", "xml"], ["--store", "rdflib"], ["--timeout", "0"], ["--timeout", "1e3"],
    ["--format"], ["-p"], ["extra.ttl"], ["--", "x"], ["-f=csv"],
])
def test_it_declines_what_it_does_not_fully_understand(args: list[str], db: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(["query", "entities", "--db", str(db), *args], False, monkeypatch) == (None, b"", b"")


@pytest.mark.parametrize("argv", [
    ["query", "entity-facts", "--db", "DB"],  # a required parameter missing
    ["query", "entities", "--db", "DB", "-p", "type=NotAClass"],
    ["query", "nosuchquery", "--db", "DB"],
    ["query", "SELECT ?x WHERE {", "--db", "DB"],
    ["query", "DELETE WHERE { ?s ?p ?o }", "--db", "DB"],
    ["query", "entities", "--db", "DB", "-p", "name=x", "-p", "name=y"],
    ["query", "SELECT ?x WHERE { ?x ?p ?o }", "--db", "DB", "-p", "y=1"],
    ["query", "entities", "--db", "DB", "--param=name"],
])
def test_errors_are_reported_as_the_click_command_reports_them(argv: list[str], db: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [str(db) if a == "DB" else a for a in argv]
    fast = _run(argv, False, monkeypatch)
    assert fast[0] not in (None, 0) and fast[2].startswith(b"kg: error: ") and fast[2].count(b"\n") == 1
    assert fast == _run(argv, True, monkeypatch)


@pytest.mark.parametrize("argv", [
    ["query", "entities", "--db", "NOWHERE"], ["stats", "x.ttl"], ["queries"], ["query"], [],
])
def test_other_commands_are_left_to_the_click_command(argv: list[str], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [str(tmp_path / "none") if a == "NOWHERE" else a for a in argv]
    assert _run(argv, False, monkeypatch) == (None, b"", b"")


def test_the_switch_turns_it_off(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fastpath.SWITCH, "1")
    assert fastpath.run(["query", "entities", "--db", str(db)]) is None


def test_the_parser_reads_the_one_declaration_of_the_options() -> None:
    import click

    from kg.commands.query import query

    declared = {tuple(p.opts): p.name for p in query.params if isinstance(p, click.Option)}
    assert declared == {o.flags: o.dest for o in OPTIONS}
    parsed = fastpath.parse(["q", "--db", "d", "-fcsv", "--timeout=2.5", "-p", "a=1", "--param=b=2"], OPTIONS)
    assert parsed == {"query_ref": "q", "graphs": (), "param": ("a=1", "b=2"), "fmt": "csv", "store": None,
                      "db": "d", "timeout": 2.5}


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_the_fast_path_imports_neither_click_nor_rdflib(db: Path, fmt: str) -> None:
    lean = ("typing", "dataclasses", "inspect", "pathlib") if fmt != "table" else ()  # rich (tables) imports them
    plain = ("json", "re") if fmt in ("csv", "tsv") else ()  # json imports re; kg.textscan scans without it
    heavy = ("click", "rdflib", "typer", "pydantic", *lean, *plain)
    script = ("import sys\nfrom kg.__main__ import main\n"
              f"sys.argv = ['kg', 'query', 'events-by-type', '--db', {str(db)!r}, '-p', 'type=Event', '-f', {fmt!r}]\n"
              "main()\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}), file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != fastpath.SWITCH}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"
    assert f"{RES}event/" in done.stdout
