"""Character intervals (dates, names, figures) asked about by binary search.

A long report holds thousands of dates, names and figures; asking for each candidate whether
it overlaps, lies within or covers any of them must not scan them all. The intervals are
sorted by start once, with the furthest end reached so far, so every question is a bisect.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class Intervals:
    """Half-open `[start, end)` character intervals, possibly overlapping one another."""

    def __init__(self, intervals: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end of the first k+1

    def _furthest_end(self, count: int) -> int | None:
        """The furthest end among the first `count` intervals by start; None when there are none."""
        return self._reach[count - 1] if count > 0 else None

    def overlaps(self, start: int, end: int) -> bool:
        """Does any interval share a character with `[start, end)`?"""
        furthest = self._furthest_end(bisect.bisect_left(self._starts, end))
        return furthest is not None and furthest > start

    def contains(self, start: int, end: int) -> bool:
        """Does one interval hold the whole of `[start, end)`?"""
        furthest = self._furthest_end(bisect.bisect_right(self._starts, start))
        return furthest is not None and furthest >= end

    def covers(self, offset: int) -> bool:
        """Does any interval hold the character at `offset`?"""
        furthest = self._furthest_end(bisect.bisect_right(self._starts, offset))
        return furthest is not None and furthest > offset
