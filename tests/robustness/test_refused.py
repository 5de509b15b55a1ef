"""Bad input, bad options, unwritable outputs: one clear error line, a non-zero
exit, no traceback, and no output file. None of these runs loads the model."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from .conftest import SEED, assert_refused, run_kg

FRENCH = "Le 26 décembre, Emmanuel Macron a rencontré Olaf Scholz à Paris."


def _refused(tmp_path: Path, inputs: list[str | Path], *fragments: str, stdin: bytes | None = None) -> str:
    """``kg build inputs -o out.ttl`` must be refused, naming ``fragments``, and write nothing."""
    out = tmp_path / "out.ttl"
    line = assert_refused(run_kg("build", *inputs, "-o", out, stdin=stdin, cwd=tmp_path), *fragments)
    assert not out.exists(), "a refused build wrote an output file"
    assert not list(tmp_path.glob(".out.ttl.*")), "a refused build left a temporary file"
    return line


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    _refused(tmp_path, ["empty.txt"], "empty.txt", "no text")


def test_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\r\n \u00a0\u202f\n" * 50, encoding="utf-8")
    _refused(tmp_path, ["blank.txt"], "blank.txt", "no text")


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000)
    (tmp_path / "photo.txt").write_bytes(png)
    _refused(tmp_path, ["photo.txt"], "photo.txt", "binary")


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    noise = bytes(b for b in random.Random(8).randbytes(6000) if b)
    (tmp_path / "noise.txt").write_bytes(noise)
    _refused(tmp_path, ["noise.txt"], "noise.txt", "binary")


def test_50_megabyte_file_is_refused_before_the_model_loads(tmp_path: Path) -> None:
    from kg.sources import MAX_CHARS

    big = tmp_path / "big.txt"
    chunk = SEED.read_bytes()
    with big.open("wb") as f:
        for _ in range(50_000_000 // len(chunk) + 1):
            f.write(chunk)
    line = _refused(tmp_path, ["big.txt"], "big.txt", f"{MAX_CHARS:,} characters", "split it")
    assert "bytes" in line  # refused on its size, before decoding or parsing


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root reads any file: a /proc file that fails on read stands in
        path: Path = Path("/proc/self/mem")
        fragment = "cannot be read"
    else:
        path = tmp_path / "secret.txt"
        path.write_text(FRENCH, encoding="utf-8")
        path.chmod(0)
        fragment = "permission denied"
    _refused(tmp_path, [path], str(path), fragment)


def test_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path, ["nowhere.txt"], "nowhere.txt", "no such file")


def test_folder_without_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".notes.txt").write_text(FRENCH, encoding="utf-8")  # hidden: skipped
    _refused(tmp_path, ["pictures"], "pictures", "no text file")


def test_folder_with_one_binary_text_file(tmp_path: Path) -> None:
    folder = tmp_path / "wires"
    folder.mkdir()
    (folder / "a.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 1000)
    _refused(tmp_path, ["wires"], "b.txt", "binary")


def test_binary_on_stdin(tmp_path: Path) -> None:
    _refused(tmp_path, ["-"], "standard input", "binary", stdin=random.Random(9).randbytes(3000))


def test_empty_stdin(tmp_path: Path) -> None:
    _refused(tmp_path, ["-"], "standard input", "no text", stdin=b"")


@pytest.mark.parametrize(("line", "fragment"), [
    ('{"text": "Bonjour."}\n{"text": "Salut", \n', "not a JSON object"),
    ('{"id": 1, "body": "Bonjour."}\n', '"text" string'),
    ('{"text": "Bonjour.", "date": "hier"}\n', "not a date"),
    ('{"text": "Bonjour.", "title": ["a", "b"]}\n', '"title" must be a string'),
    ('["Bonjour."]\n', '"text" string'),
], ids=["invalid-json", "no-text", "bad-date", "title-not-string", "not-an-object"])
def test_bad_jsonl_corpus(tmp_path: Path, line: str, fragment: str) -> None:
    (tmp_path / "wire.jsonl").write_text(line, encoding="utf-8")
    _refused(tmp_path, ["wire.jsonl"], "wire.jsonl:", fragment)


def test_output_folder_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    run = run_kg("build", "a.txt", "-o", "no/such/dir/out.ttl", cwd=tmp_path)
    assert_refused(run, "no/such/dir", "does not exist")


def test_output_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "graph.ttl").mkdir()
    assert_refused(run_kg("build", "a.txt", "-o", "graph.ttl", cwd=tmp_path), "graph.ttl", "is a folder")


def test_output_inside_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    assert_refused(run_kg("build", "a.txt", "-o", "a.txt/out.ttl", cwd=tmp_path), "a.txt", "not a folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_output_folder_read_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert_refused(run_kg("build", "a.txt", "-o", "locked/out.ttl", cwd=tmp_path), "locked", "permission")
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("name", ["graph.xyz", "graph"])
def test_unknown_output_format(tmp_path: Path, name: str) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    assert_refused(run_kg("build", "a.txt", "-o", name, cwd=tmp_path), "unknown output format", ".ttl")
    assert not (tmp_path / name).exists()


def test_bad_date_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    _refused(tmp_path, ["a.txt", "--date", "2024-13-45"], "--date", "YYYY-MM-DD")


def test_unsupported_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The president met the chancellor.", encoding="utf-8")
    _refused(tmp_path, ["a.txt", "--lang", "en"], "'en'", "supported: fr")


def test_unknown_option(tmp_path: Path) -> None:
    assert_refused(run_kg("build", "a.txt", "-o", "x.ttl", "--bogus", cwd=tmp_path), "--bogus", "kg build --help")


def test_unknown_command(tmp_path: Path) -> None:
    assert_refused(run_kg("bulid", "a.txt", cwd=tmp_path), "bulid", "kg --help")


def test_missing_input_argument(tmp_path: Path) -> None:
    assert_refused(run_kg("build", "-o", "x.ttl", cwd=tmp_path), "no input given")


def test_validate_a_file_that_is_not_rdf(tmp_path: Path) -> None:
    (tmp_path / "notes.ttl").write_text("<<< not turtle \"\n", encoding="utf-8")
    assert_refused(run_kg("validate", "notes.ttl", cwd=tmp_path), "notes.ttl", "not valid turtle")


def test_validate_an_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "graph.csv").write_text("a,b\n", encoding="utf-8")
    assert_refused(run_kg("validate", "graph.csv", cwd=tmp_path), "graph.csv", "unknown graph format")


def test_jsonl_records_are_checked_before_any_text_is_parsed(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": FRENCH}) for n in range(3)] + ["{oops"]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(tmp_path, ["wire.jsonl"], "wire.jsonl:4", "not a JSON object")
