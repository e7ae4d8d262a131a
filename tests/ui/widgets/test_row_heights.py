"""Row heights kept in blocks answer exactly like a plain list of heights added up."""

from __future__ import annotations

import random
from itertools import accumulate

import pytest

from player.ui.widgets.row_heights import BLOCK, RowHeights


def _check(rows: RowHeights, plain: list[int], rng: random.Random) -> None:
    tops = [0, *accumulate(plain)]
    assert len(rows) == len(plain)
    assert rows.total() == tops[-1]
    for row in rng.sample(range(len(plain)), min(30, len(plain))):
        assert rows.height(row) == plain[row]
        assert rows.top(row) == tops[row]
        assert rows.row_at(tops[row]) == row
        assert rows.row_at(tops[row] + plain[row] - 1) == row
    if plain:
        assert rows.row_at(-5) == 0
        assert rows.row_at(tops[-1] + 100) == len(plain) - 1


def test_inserts_removals_and_measures_match_a_plain_list() -> None:
    rng = random.Random(4)
    plain = [rng.randint(20, 200) for _ in range(3 * BLOCK + 17)]
    rows = RowHeights(list(plain))
    _check(rows, plain, rng)
    for step in range(400):
        what = rng.random()
        if what < 0.4:
            at = rng.randint(0, len(plain))
            new = [rng.randint(20, 200) for _ in range(rng.choice((1, 1, 3, 2 * BLOCK)))]
            rows.insert(at, list(new))
            plain[at:at] = new
        elif what < 0.7 and plain:
            first = rng.randrange(len(plain))
            last = min(len(plain) - 1, first + rng.choice((0, 0, 4, BLOCK + 3)))
            assert rows.remove(first, last) == sum(plain[first : last + 1])
            del plain[first : last + 1]
        elif plain:
            row = rng.randrange(len(plain))
            h = rng.randint(20, 200)
            assert rows.set(row, h) == h - plain[row]
            plain[row] = h
        if step % 20 == 0:
            _check(rows, plain, rng)
    _check(rows, plain, rng)


def test_an_empty_list() -> None:
    rows = RowHeights()
    assert len(rows) == 0 and rows.total() == 0 and rows.row_at(10) == -1
    rows.insert(0, [30, 40])
    assert rows.top(1) == 30 and rows.top(2) == 70
    rows.remove(0, 1)
    assert len(rows) == 0
    with pytest.raises(IndexError):
        rows.height(0)
