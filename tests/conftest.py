"""Shared fixtures: the real French model and the seed graph, built once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b0697d4f31a32cd1.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import get_model

    return get_model("fr")


@pytest.fixture(scope="session")
def lang_fr():
    from kg.lang import load

    return load("fr")


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a French text with the real model."""
    return nlp


@pytest.fixture(scope="session")
def extract_text(nlp, lang_fr):
    """text (and optional publication date) → DocumentRecord, with the real model."""
    from kg.extraction import extract

    def run(text: str, date: dt.date | None = None, doc_id: str = "t"):
        return extract(nlp(text), lang_fr, doc_id=doc_id, publication_date=date)

    return run


@pytest.fixture(scope="session")
def seed_record(extract_text):
    return extract_text(SEED.read_text(encoding="utf-8"), doc_id="seed")


@pytest.fixture(scope="session")
def seed_graph(nlp):
    from kg.pipeline import build_graph
    from kg.sources import read_sources

    return build_graph(read_sources([str(SEED)]))
