"""The sorted interval set agrees with a plain scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.intervals import Disjoint

spans = st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(spans, max_size=30), spans)
def test_overlap_matches_a_scan(candidates, probe):
    kept = Disjoint()
    plain: list[tuple[int, int]] = []
    for s, e in candidates:  # keep the candidates that overlap nothing kept, as mention selection does
        scan = any(s < pe and ps < e for ps, pe in plain)
        assert kept.overlaps(s, e) == scan
        if not scan:
            kept.add(s, e)
            plain.append((s, e))
    s, e = probe
    assert kept.overlaps(s, e) == any(s < pe and ps < e for ps, pe in plain)


def test_built_from_a_list():
    d = Disjoint([(10, 20), (0, 5)])
    assert d.overlaps(4, 6) and d.overlaps(19, 30) and not d.overlaps(5, 10) and not d.overlaps(20, 25)
