"""Records behave as the frozen dataclasses they replace: what a caller relies on when it keeps
one in a set, compares two, copies one with a change, or reads one back from the cache.

The record classes are made inside the tests, as a module makes them when it is imported."""

from __future__ import annotations

import pickle
from types import SimpleNamespace

import pytest

from player.core import record
from player.core.record import FrozenRecordError, Record, field_names, init


def kinds() -> SimpleNamespace:
    class Point(Record):
        __slots__ = ("x", "y")
        x: int
        y: int

        def __init__(self, x: int, y: int = 0) -> None:
            if x < 0:
                raise ValueError("x must not be negative")
            init(self, "x", x)
            init(self, "y", y)

    class Labelled(Point):
        __slots__ = ("label",)
        label: str

        def __init__(self, x: int, y: int = 0, label: str = "") -> None:
            super().__init__(x, y)
            init(self, "label", label)

    class Single(Record):
        __slots__ = "name"  # one slot may be written as a bare string
        name: str

        def __init__(self, name: str) -> None:
            init(self, "name", name)

    class Empty(Record):
        __slots__ = ()

    return SimpleNamespace(Point=Point, Labelled=Labelled, Single=Single, Empty=Empty)


# Pickled records must be importable by name, as the brief cache's are.
K = kinds()
Point, Labelled, Single, Empty = K.Point, K.Labelled, K.Single, K.Empty
for _cls in (Point, Labelled, Single, Empty):
    _cls.__qualname__ = _cls.__name__


def test_fields_are_the_slots_in_order_bases_first() -> None:
    k = kinds()
    assert k.Point.fields == ("x", "y")
    assert k.Labelled.fields == ("x", "y", "label")
    assert k.Single.fields == ("name",)
    assert field_names(k.Labelled) == ("x", "y", "label")
    assert k.Empty.fields == ()


def test_values_in_field_order() -> None:
    k = kinds()
    assert k.Labelled(1, 2, "a").values() == (1, 2, "a")
    assert k.Point(3, 4).values() == (3, 4)
    assert k.Single("n").values() == ("n",)
    assert k.Empty().values() == ()


def test_equal_by_value_and_class() -> None:
    k = kinds()
    assert k.Point(1, 2) == k.Point(1, 2)
    assert k.Point(1, 2) != k.Point(2, 1)
    assert k.Point(1, 0) != k.Labelled(1, 0)  # same values, another kind of record
    assert k.Point(1, 2) != (1, 2)
    assert k.Single("a") == k.Single("a") and k.Single("a") != k.Single("b")
    assert k.Empty() == k.Empty()


def test_hash_follows_equality_so_records_can_be_set_members() -> None:
    k = kinds()
    assert len({k.Point(1, 2), k.Point(1, 2), k.Point(2, 1)}) == 2
    assert hash(k.Single("a")) == hash(k.Single("a"))
    assert {k.Point(3, 4): "here"}[k.Point(3, 4)] == "here"
    # Different records spread over the hash table: a set of 100,000 cues stays quick.
    assert len({hash(k.Point(i, i % 7)) for i in range(1000)}) > 990


def test_cannot_be_changed_once_made() -> None:
    p = kinds().Point(1, 2)
    with pytest.raises(FrozenRecordError, match="'x'"):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(FrozenRecordError, match="'y'"):
        del p.y
    assert (p.x, p.y) == (1, 2)


def test_repr_names_every_field() -> None:
    k = kinds()
    assert repr(k.Labelled(1, 2, "a")).endswith("Labelled(x=1, y=2, label='a')")
    assert repr(k.Single("n")).endswith("Single(name='n')")
    assert repr(k.Empty()).endswith("Empty()")


def test_replace_makes_a_checked_copy() -> None:
    k = kinds()
    p = k.Labelled(1, 2, "a")
    q = p.replace(y=5)
    assert q == k.Labelled(1, 5, "a") and type(q) is k.Labelled
    assert p == k.Labelled(1, 2, "a")  # the original is untouched
    with pytest.raises(ValueError, match="negative"):
        p.replace(x=-1)
    with pytest.raises(TypeError, match="'z'"):
        p.replace(z=1)


def test_pickled_and_restored_as_made() -> None:
    for made in (Point(1, 2), Labelled(3, 4, "b"), Single("s"), Empty()):
        back = pickle.loads(pickle.dumps(made))
        assert back == made and type(back) is type(made)
    with pytest.raises(FrozenRecordError):
        pickle.loads(pickle.dumps(Point(1, 2))).x = 3  # type: ignore[misc]


def test_a_stored_record_with_values_missing_is_refused_not_half_made() -> None:
    """A cache entry written when the record had other fields must not come back with a field
    unset (the cache then reads the brief again)."""
    restore, (cls, values) = Point(1, 2).__reduce__()
    assert restore(cls, values) == Point(1, 2)
    with pytest.raises(ValueError):
        restore(cls, values[:1])
    with pytest.raises(ValueError):
        restore(cls, (*values, 3))
    assert restore is record._restore
