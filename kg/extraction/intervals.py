"""Disjoint character intervals with an overlap test by bisection.

Choosing non-overlapping mentions, or dropping numbers inside dates, asks
« does this span overlap any kept one? » once per candidate; a scan of every
kept span makes a long document quadratic, a bisection keeps it ``n log n``.
"""

from __future__ import annotations

from bisect import bisect_left, insort


class Disjoint:
    """Non-overlapping half-open intervals ``[start, end)``, kept sorted."""

    def __init__(self, intervals: list[tuple[int, int]] | None = None):
        self._items: list[tuple[int, int]] = sorted(intervals or [])
        self._starts = [s for s, _ in self._items]

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap a kept interval? Kept intervals are disjoint and
        sorted, so their ends grow too: only the last one starting before ``end`` can."""
        j = bisect_left(self._starts, end)
        return j > 0 and self._items[j - 1][1] > start and self._items[j - 1][0] < end

    def add(self, start: int, end: int) -> None:
        insort(self._items, (start, end))
        self._starts.insert(bisect_left(self._starts, start), start)
