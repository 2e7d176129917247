"""Overlap queries over char ranges in O(log n), for the precedence and clipping loops.

Several components keep the mentions they have accepted and test each new candidate
against all of them; on a 200-page document that is millions of pairwise checks (a
quadratic loop was the single largest cost of the NLP stage). These helpers answer the
same questions by bisection. They use exactly the overlap test of the loops they replace,
`a.start < b.end and b.start < a.end` on half-open `[start, end)` ranges (so an empty
range overlaps only a range that strictly surrounds it), and report results in the order
the loops saw them, which keeps every output byte-identical.
tests/test_perf_equivalence.py checks them against the naive loops on random inputs.
"""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """The overlap test every helper here uses (half-open ranges)."""
    return a_start < b_end and b_start < a_end


class StaticRanges:
    """A fixed list of ranges, possibly overlapping, answering 'which of them overlap [a, b)?'.

    Ranges are indexed by start; a range that overlaps [a, b) starts before b and, being at
    most `longest` characters long, after a - longest - 1. Only that window is checked, so
    the query is cheap as long as no range is very long (names, sentences); with one very
    long range it degrades to the plain scan, never to a wrong answer.
    """

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._ranges = list(ranges)
        self._order = sorted(range(len(self._ranges)), key=lambda i: self._ranges[i][0])
        self._starts = [self._ranges[i][0] for i in self._order]
        self._longest = max((e - s for s, e in self._ranges), default=0)
        # prefix maximum of the ends in start order: "does anything overlap?" in one bisection
        self._max_end: list[int] = []
        top = None
        for i in self._order:
            top = self._ranges[i][1] if top is None else max(top, self._ranges[i][1])
            self._max_end.append(top)

    def indices_overlapping(self, start: int, end: int) -> list[int]:
        """Indices (into the given list, ascending) of the ranges overlapping [start, end)."""
        hi = bisect.bisect_left(self._starts, end)
        lo = bisect.bisect_right(self._starts, start - self._longest - 1)
        rs = self._ranges
        return sorted(i for i in self._order[lo:hi] if overlaps(rs[i][0], rs[i][1], start, end))

    def any_overlap(self, start: int, end: int) -> bool:
        hi = bisect.bisect_left(self._starts, end)
        return hi > 0 and self._max_end[hi - 1] > start


class InnermostRange:
    """Which of a list of ranges contains an offset, the innermost (latest start) winning;
    among equal starts the earlier one in the list, or the later one with `later_ties`.
    Precomputed once as a step function over the range boundaries (a sweep with a heap),
    then one bisection per query instead of a scan over every range."""

    def __init__(self, ranges: Sequence[tuple[int, int]], *, later_ties: bool = False) -> None:
        points = sorted({p for s, e in ranges if s < e for p in (s, e)})
        by_start = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
        heap: list[tuple[int, int, int]] = []  # (-start, index, end): the innermost on top
        answers: list[int | None] = []
        j = 0
        for p in points:
            while j < len(by_start) and ranges[by_start[j]][0] <= p:
                i = by_start[j]
                heapq.heappush(heap, (-ranges[i][0], -i if later_ties else i, ranges[i][1]))
                j += 1
            while heap and heap[0][2] <= p:  # ended (lazy removal: only the top matters)
                heapq.heappop(heap)
            answers.append(abs(heap[0][1]) if heap else None)
        self._points = points
        self._answers = answers

    def index_at(self, offset: int) -> int | None:
        """Index of the innermost range with start <= offset < end, or None."""
        k = bisect.bisect_right(self._points, offset) - 1
        return self._answers[k] if k >= 0 else None


class GrowingRanges:
    """Ranges added one by one, possibly overlapping, answering 'does any overlap [a, b)?'.

    Kept sorted by start; like `StaticRanges`, only ranges starting within the longest
    range's length before `a` can reach it, so only that window is checked.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def any_overlap(self, start: int, end: int) -> bool:
        lo = bisect.bisect_right(self._starts, start - self._longest - 1)
        hi = bisect.bisect_left(self._starts, end)
        ends = self._ends
        return any(ends[i] > start for i in range(lo, hi))
