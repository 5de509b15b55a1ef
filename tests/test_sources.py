"""kg.sources and kg.html: what inputs become texts, and what is refused (issues 10, 12, 14)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.html import read_html
from kg.sources import MAX_TEXT_BYTES, parse_date, read_sources

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Sommet à Berlin – Le Journal</title>
<meta property="article:published_time" content="2025-03-03T10:00:00Z">
<meta property="og:title" content="Sommet à Berlin"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article><h1>Sommet à Berlin</h1>
<p>Le 3 mars 2025, la présidente a rencontré le chancelier à Berlin pour parler de la défense européenne.</p>
<aside><p>Lire aussi : Paul Martin reçoit Jean Dupont à Lyon</p></aside>
<p>Les deux dirigeants ont signé un accord de coopération. Ils se retrouveront en juin à Paris.</p>
</article><footer><p>Tous droits réservés</p></footer></body></html>
"""


def kg(*args: str | Path, stdin: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          stdin=stdin if stdin is not None else subprocess.DEVNULL, timeout=timeout)


def test_html_keeps_the_article_and_drops_the_aside(tmp_path: Path) -> None:
    page = tmp_path / "sommet.html"
    page.write_text(PAGE, encoding="utf-8")
    [source] = read_sources([str(page)])
    assert "rencontré le chancelier" in source.text and "signé un accord" in source.text
    assert "Lire aussi" not in source.text and "reçoit" not in source.text
    assert "Accueil" not in source.text and "droits réservés" not in source.text
    assert source.title == "Sommet à Berlin" and source.date == dt.date(2025, 3, 3)


def test_html_without_an_article_falls_back_to_its_visible_text() -> None:
    page = read_html("<html><body><script>x()</script><p>Il pleut.</p></body></html>")
    assert page.text == "Il pleut."


def test_documents_keep_their_path_relative_to_the_folder(tmp_path: Path) -> None:
    for sub in ("est", "ouest"):
        (tmp_path / "wires" / sub).mkdir(parents=True)
        (tmp_path / "wires" / sub / "a.txt").write_text(f"Texte {sub}.", encoding="utf-8")
    sources = read_sources([str(tmp_path / "wires")])
    assert [(s.doc_id, s.origin) for s in sources] == [("est-a", "est/a.txt"), ("ouest-a", "ouest/a.txt")]
    given = read_sources([str(tmp_path / "wires" / "est" / "a.txt"), str(tmp_path / "wires" / "ouest" / "a.txt")])
    assert len({s.origin for s in given}) == 2 and [s.doc_id for s in given] == ["a", "a-2"]


def test_jsonl_lines_end_at_line_feed_only(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    texts = ["Un texte\u2028avec un séparateur.", "Un autre\x85texte.", "Encore\u2029un."]
    corpus.write_text("".join(json.dumps({"id": str(n), "text": t}, ensure_ascii=False) + "\n"
                              for n, t in enumerate(texts)), encoding="utf-8")
    sources = read_sources([str(corpus)])
    assert [s.doc_id for s in sources] == ["0", "1", "2"] and "\u2028" in sources[0].text


@pytest.mark.parametrize(("line", "message"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"id": ' + "9" * 5000 + ', "text": "x"}', "not usable JSON"),
    ('{"id": "' + "x" * 500 + '", "text": "Il pleut."}', "longer than 200"),
    ('{"id": 1, "text": "Il pleut.", "date": "0001-01-01"}', "year must be from 2 to 9998"),
    ('{"id": 1, "text": "Il pleut.", "date": "9999-12-31"}', "year must be from 2 to 9998"),
])
def test_hostile_jsonl_is_one_clear_error(tmp_path: Path, line: str, message: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_sources([str(corpus)])


def test_dates_cover_years_two_to_9998() -> None:
    assert parse_date("0002-01-01") == dt.date(2, 1, 1) and parse_date("9998-12-31") == dt.date(9998, 12, 31)
    for bad in ("0001-01-01", "9999-12-31", "2024-13-01", "x" * 10_000):
        with pytest.raises(InputError):
            parse_date(bad)


def test_devices_and_fifos_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: opening it would block forever
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    for path in ("/dev/zero", "/dev/urandom", fifo, link):
        with pytest.raises(InputError, match="not a regular file"):
            read_sources([str(path)])


def test_the_size_limit_is_checked_while_reading(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as endless:
        with pytest.raises(InputError, match="standard input: more than"):
            read_sources(["-"], stdin=endless)


def test_cli_refuses_endless_and_special_inputs(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for args in (("/dev/zero",), (fifo,)):
        run = kg("build", *args, "-o", tmp_path / "g.ttl")
        assert run.returncode == InputError.exit_code and run.stderr.startswith("kg: error: ")
        assert run.stderr.count("\n") == 1 and "not a regular file" in run.stderr
    yes = subprocess.Popen(["yes", "Il pleut."], stdout=subprocess.PIPE)
    try:
        run = kg("build", "-", "-o", tmp_path / "g.ttl", stdin=yes.stdout.fileno())  # type: ignore[union-attr]
    finally:
        yes.kill()
        yes.wait()
    assert run.returncode == InputError.exit_code and f"more than {MAX_TEXT_BYTES:,} bytes" in run.stderr
    assert not (tmp_path / "g.ttl").exists()
