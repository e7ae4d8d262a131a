"""The heights of a long list's rows, for where each row starts and which row is at a height.

A list of 100,000 cards must answer "where does row 70,000 start" and "which row is at 3.2
million pixels" at every paint, and take a row inserted in the middle without adding up every
height again. Heights are kept in blocks of a few hundred, each with its sum: an insert touches
one block, a query walks the block sums (a few hundred) and then one block.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

BLOCK = 256  # rows per block; a block is split at twice this


class RowHeights:
    def __init__(self, heights: list[int] | None = None) -> None:
        self._blocks: list[list[int]] = []
        self._sums: list[int] = []
        self._tops: list[int] = []  # y where each block starts, rebuilt after a change
        self._firsts: list[int] = []  # first row of each block, rebuilt after an insert
        self._stale = True  # the tops
        self._moved = True  # the firsts: rows came or went
        self.reset(heights or [])

    def reset(self, heights: list[int]) -> None:
        self._blocks = [heights[i : i + BLOCK] for i in range(0, len(heights), BLOCK)]
        self._sums = [sum(b) for b in self._blocks]
        self._stale = self._moved = True

    def __len__(self) -> int:
        self._rows_index()
        return self._firsts[-1] if self._firsts else 0

    def total(self) -> int:
        self._index()
        return self._tops[-1] if self._tops else 0

    def _index(self) -> None:
        self._rows_index()
        if self._stale:
            self._tops = [0, *accumulate(self._sums)]
            self._stale = False

    def _rows_index(self) -> None:
        """Measuring a row changes the tops, not which block holds which rows: a paint that
        measures the rows it draws rebuilds neither on every row."""
        if self._moved:
            self._firsts = [0, *accumulate(map(len, self._blocks))]
            self._moved = False

    def _locate(self, row: int) -> tuple[int, int]:
        """(block, position in it) of ``row``; ``row == len(self)`` is just past the end."""
        self._rows_index()
        if not 0 <= row <= self._firsts[-1]:
            raise IndexError(row)
        b = bisect_right(self._firsts, row) - 1
        if b == len(self._blocks):  # the end: after the last row of the last block
            b -= 1
        return b, row - self._firsts[b]

    def height(self, row: int) -> int:
        b, i = self._locate(row)
        return self._blocks[b][i]

    def set(self, row: int, height: int) -> int:
        """Give ``row`` its measured height; returns how much the rows below moved."""
        b, i = self._locate(row)
        delta = height - self._blocks[b][i]
        if delta:
            self._blocks[b][i] = height
            self._sums[b] += delta
            self._stale = True
        return delta

    def insert(self, row: int, heights: list[int]) -> None:
        if not heights:
            return
        if not self._blocks:
            self.reset(heights)
            return
        b, i = self._locate(row)
        block = self._blocks[b]
        block[i:i] = heights
        self._sums[b] += sum(heights)
        if len(block) > 2 * BLOCK:
            parts = [block[j : j + BLOCK] for j in range(0, len(block), BLOCK)]
            self._blocks[b : b + 1] = parts
            self._sums[b : b + 1] = [sum(p) for p in parts]
        self._stale = self._moved = True

    def remove(self, first: int, last: int) -> int:
        """Take rows ``first..last`` out; returns the height they had."""
        if last - first >= BLOCK:
            flat = [h for block in self._blocks for h in block]
            gone = sum(flat[first : last + 1])
            del flat[first : last + 1]
            self.reset(flat)
            return gone
        gone = 0
        for row in range(last, first - 1, -1):  # from the end: positions before stay put
            b, i = self._locate(row)
            h = self._blocks[b].pop(i)
            self._sums[b] -= h
            gone += h
            if not self._blocks[b]:
                del self._blocks[b], self._sums[b]
            self._stale = self._moved = True
        return gone

    def top(self, row: int) -> int:
        """The y where ``row`` starts (``len(self)``: the end of the list)."""
        b, i = self._locate(row)
        self._index()
        return self._tops[b] + sum(self._blocks[b][:i])

    def row_at(self, y: int) -> int:
        """The row covering ``y``, clamped to the first and last row; -1 for an empty list."""
        self._index()
        if not self._blocks:
            return -1
        if y <= 0:
            return 0
        b = min(bisect_right(self._tops, y) - 1, len(self._blocks) - 1)
        i = bisect_right(list(accumulate(self._blocks[b])), y - self._tops[b])
        return self._firsts[b] + min(i, len(self._blocks[b]) - 1)
