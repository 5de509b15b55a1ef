"""The scorer on every gold file: KG-F1 must not fall below the recorded baseline.

Gold files: ``../shared/eval/gold/*.json`` (skipped when shared/ is absent) and
our own ``tests/gold/*.json``. ``tests/gold/baseline.json`` records the last
accepted KG-F1 of each; a drop of more than 0.02 fails. After an improvement,
``KG_UPDATE_BASELINE=1 pytest tests/test_gold.py`` records the new figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, SHARED

pytestmark = pytest.mark.model

SCORER = SHARED / "eval" / "score.py"
BASELINE = ROOT / "tests" / "gold" / "baseline.json"
TOLERANCE = 0.02
GOLD = sorted((SHARED / "eval" / "gold").glob("*.json")) + sorted((ROOT / "tests" / "gold").glob("g*.json"))


def _score(path: Path, tmp_path: Path) -> float:
    from kg.pipeline import build_graph
    from kg.rdf.write import write_graph
    from kg.resources import ontology_path
    from kg.sources import Source

    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is absent")
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = gold.get("text") or SEED.read_text(encoding="utf-8")
    date = dt.date.fromisoformat(gold["doc_date"]) if gold.get("doc_date") else None
    out = tmp_path / f"{path.stem}.ttl"
    write_graph(build_graph([Source(path.stem, text, path.name)], publication_date=date), out)
    # The scorer walks Python sets: a fixed hash seed makes its tie-breaks repeatable.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run([sys.executable, str(SCORER), str(path), str(out), "--ontology", str(ontology_path()),
                          "--json"], capture_output=True, text=True, env=env, check=True)
    return json.loads(run.stdout)["kg_f1"]


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_kg_f1_does_not_regress(path, tmp_path):
    f1 = _score(path, tmp_path)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
    if os.environ.get("KG_UPDATE_BASELINE"):
        baseline[path.stem] = round(f1, 3)
        BASELINE.write_text(json.dumps(dict(sorted(baseline.items())), indent=1) + "\n")
    floor = baseline.get(path.stem)
    assert floor is not None, f"no baseline for {path.stem}: run with KG_UPDATE_BASELINE=1"
    assert f1 >= floor - TOLERANCE, f"{path.stem}: KG-F1 {f1:.3f} fell below its baseline {floor:.3f}"


def test_seed_meets_the_bar(tmp_path):
    assert _score(ROOT.parent / "shared" / "eval" / "gold" / "seed.json", tmp_path) >= 0.80
