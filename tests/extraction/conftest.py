"""Fixtures of the extraction tests: the French language data (no model)."""

from __future__ import annotations

import pytest

from kg.lang import load


@pytest.fixture(scope="module")
def fr():
    return load("fr")
