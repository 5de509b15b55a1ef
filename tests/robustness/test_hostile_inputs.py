"""Issue 14's cases replayed through the real ``kg`` command (item 8): every one ends in a valid
graph or one ``kg: error:`` line, never a traceback, a hang or a memory blow-up."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph

from .conftest import assert_built, assert_refused, kg_command, kg_env, run_kg

FRENCH = "Le 26 décembre, Emmanuel Macron a rencontré Olaf Scholz à Paris."


def _refused_build(tmp_path: Path, *args: str | Path, fragments: tuple[str, ...] = (), stdin: bytes | None = None
                   ) -> None:
    out = tmp_path / "out.ttl"
    assert_refused(run_kg("build", *args, "-o", out, stdin=stdin, cwd=tmp_path), *fragments)
    assert not out.exists()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_as_paths_and_through_symlinks(tmp_path: Path, device: str) -> None:
    _refused_build(tmp_path, device, fragments=("not a regular file",))
    link = tmp_path / "looks-like-text.txt"
    link.symlink_to(device)
    _refused_build(tmp_path, link, fragments=("not a regular file",))


def test_a_fifo_without_writer_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _refused_build(tmp_path, fifo, fragments=("not a regular file",))
    from kg.sources import read_sources

    folder = tmp_path / "wires"
    folder.mkdir()
    os.mkfifo(folder / "b.txt")  # in a folder: skipped like any file that is not a text, never opened
    (folder / "a.txt").write_text(FRENCH, encoding="utf-8")
    assert [s.origin for s in read_sources([str(folder)])] == ["a.txt"]


def test_endless_standard_input_ends_in_one_error(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        run = subprocess.run(kg_command("build", "-", "-o", tmp_path / "out.ttl"), stdin=zero, capture_output=True,
                             env=kg_env(), timeout=300)
    line = run.stderr.decode("utf-8", "replace")
    assert run.returncode != 0 and line.startswith("kg: error: standard input: more than") and line.count("\n") == 1


@pytest.mark.parametrize("line", [
    "[" * 200_000 + "]" * 200_000,
    '{"id": ' + "7" * 10_000 + ', "text": "Il pleut."}',
    '{"id": "' + "x" * 10_000 + '", "text": "Il pleut."}',
    '{"text": "Il pleut.", "date": "0001-01-01"}',
    '{"text": "Il pleut.", "date": "9999-12-31"}',
])
def test_hostile_jsonl_lines_end_in_one_error(tmp_path: Path, line: str) -> None:
    (tmp_path / "c.jsonl").write_text(line + "\n", encoding="utf-8")
    _refused_build(tmp_path, "c.jsonl", fragments=("c.jsonl:1",))


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_extreme_dates_on_the_command_line_end_in_one_error(tmp_path: Path, date: str) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    _refused_build(tmp_path, "a.txt", "--date", date, fragments=("--date", "year must be from 2 to 9998"))


def test_export_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://e/a> <http://e/b> <http://e/c> .\n", encoding="utf-8")
    assert_refused(run_kg("export", graph, "-o", graph), "is also an input")
    assert graph.read_text(encoding="utf-8").startswith("<http://e/a>")


def test_export_writes_well_formed_xml_from_hostile_literals(tmp_path: Path) -> None:
    import xml.dom.minidom

    graph = tmp_path / "g.nt"
    graph.write_text('<https://w3id.org/kgnews/resource/person/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                     '<https://w3id.org/kgnews/ontology#Person> .\n'
                     '<https://w3id.org/kgnews/resource/person/x> <http://www.w3.org/2000/01/rdf-schema#label> '
                     '"nul\\u0000 esc\\u001B fffe\\uFFFE"@fr .\n', encoding="utf-8")
    for ext in (".graphml", ".gexf"):
        out = tmp_path / f"g{ext}"
        run = run_kg("export", graph, "-o", out)
        assert run.code == 0, run.describe()
        xml.dom.minidom.parse(str(out))


@pytest.mark.model
def test_unicode_line_breaks_and_huge_numbers_build_valid_graphs(tmp_path: Path) -> None:
    """One model run: JSONL texts holding U+2028 / U+2029 / U+0085 and a 300-digit number, written as N-Triples."""
    lines = [
        {"id": "sep", "text": "Le 3 mars, Emmanuel Macron a rencontré Olaf Scholz à Berlin.\u2028Ils ont parlé."},
        {"id": "nel", "text": "Le ministre a annoncé\x85un accord avec l'Allemagne.\u2029Fin."},
        {"id": "big", "text": "L'armée aurait envoyé " + "9" * 300 + " soldats à la frontière, selon l'AFP."},
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                      encoding="utf-8")
    out = tmp_path / "out.nt"
    run = run_kg("build", "c.jsonl", "-o", out, "--date", "2025-03-04", cwd=tmp_path)
    graph = assert_built(run, out)
    data = out.read_bytes()
    assert len([line for line in data.split(b"\n") if line]) == len(graph)  # one line a triple, never re-split
    assert "Infinity" not in data.decode("utf-8")
    trig = tmp_path / "out.trig"
    assert_built(run_kg("build", "c.jsonl", "-o", trig, "--date", "2025-03-04", cwd=tmp_path), trig)
    assert len(Graph().parse(out, format="nt")) == len(graph)
