"""Two ``kg build --update`` runs on one dataset at once keep every document of both (issue 14);
``--remove`` takes one out again; an output equal to an input is refused. Through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset

from .conftest import TIMEOUT, assert_refused, kg_command, kg_env, run_kg

pytestmark = pytest.mark.model

TEXTS = [
    "Le Japon a signé un accord commercial avec le Canada.",
    "Le Brésil a envoyé 300 soldats en Haïti.",
    "La Norvège a rencontré la Suède à Oslo.",
    "Le Pérou a acheté deux avions à l'Espagne.",
    "Le Kenya a condamné l'attaque contre le Soudan.",
    "La Chine a annoncé une aide au Népal.",
]


def _corpus(path: Path, ids: list[str], texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in zip(ids, texts,
                                                                                                        strict=True)),
                    encoding="utf-8")
    return path


def _documents(dataset: Path) -> set[str]:
    ds = Dataset()
    ds.parse(dataset, format="trig")
    return {str(g.identifier).rsplit("/", 1)[-1] for g in ds.graphs() if "/graph/" in str(g.identifier)}


def test_two_concurrent_updates_keep_every_document(tmp_path: Path) -> None:
    a = _corpus(tmp_path / "a.jsonl", ["a1", "a2", "a3"], TEXTS[:3])
    b = _corpus(tmp_path / "b.jsonl", ["b1", "b2", "b3"], TEXTS[3:])
    dataset = tmp_path / "corpus.trig"
    procs = [subprocess.Popen(kg_command("build", src, "--update", dataset, "-q"), cwd=tmp_path, env=kg_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for src in (a, b)]
    for proc in procs:
        _, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, err.decode()
    assert _documents(dataset) == {"a1", "a2", "a3", "b1", "b2", "b3"}

    removed = run_kg("build", "--update", dataset, "--remove", "a2", "-q", cwd=tmp_path)
    assert removed.code == 0, removed.describe()
    assert _documents(dataset) == {"a1", "a3", "b1", "b2", "b3"}
    assert_refused(run_kg("build", "--update", dataset, "--remove", "zz", "-q", cwd=tmp_path), "no document 'zz'")


def test_output_equal_to_an_input_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "a.ttl"  # a text named like a graph: writing the graph would destroy it
    text.write_text(TEXTS[0], encoding="utf-8")
    assert_refused(run_kg("build", text, "-o", text, cwd=tmp_path), "is also an input")
    assert text.read_text(encoding="utf-8") == TEXTS[0]
