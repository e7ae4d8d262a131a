"""Records behave as the frozen dataclasses they replace: what a caller relies on when it keeps
one in a set, compares two, copies one with a change, or reads one back from the cache."""

from __future__ import annotations

import pickle

import pytest

from player.core.record import FrozenRecordError, Record, field_names, init


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
    __slots__ = "name"
    name: str

    def __init__(self, name: str) -> None:
        init(self, "name", name)


class Empty(Record):
    __slots__ = ()


def test_fields_are_the_slots_in_order_bases_first() -> None:
    assert Point.fields == ("x", "y")
    assert Labelled.fields == ("x", "y", "label")
    assert Single.fields == ("name",)
    assert field_names(Labelled) == ("x", "y", "label")
    assert Empty.fields == ()


def test_equal_by_value_and_class() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 0) != Labelled(1, 0)  # same values, another kind of record
    assert Point(1, 2) != (1, 2)
    assert Single("a") == Single("a") and Single("a") != Single("b")
    assert Empty() == Empty()


def test_hash_follows_equality_so_records_can_be_set_members() -> None:
    assert len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert hash(Single("a")) == hash(Single("a"))
    assert {Point(3, 4): "here"}[Point(3, 4)] == "here"


def test_cannot_be_changed_once_made() -> None:
    p = Point(1, 2)
    with pytest.raises(FrozenRecordError, match="'x'"):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y
    assert (p.x, p.y) == (1, 2)


def test_repr_names_every_field() -> None:
    assert repr(Labelled(1, 2, "a")) == "Labelled(x=1, y=2, label='a')"
    assert repr(Single("n")) == "Single(name='n')"
    assert repr(Empty()) == "Empty()"


def test_replace_makes_a_checked_copy() -> None:
    p = Labelled(1, 2, "a")
    q = p.replace(y=5)
    assert q == Labelled(1, 5, "a") and type(q) is Labelled
    assert p == Labelled(1, 2, "a")  # the original is untouched
    with pytest.raises(ValueError, match="negative"):
        p.replace(x=-1)
    with pytest.raises(TypeError, match="'z'"):
        p.replace(z=1)


def test_values_in_field_order() -> None:
    assert Labelled(1, 2, "a").values() == (1, 2, "a")
    assert Single("n").values() == ("n",)


def test_pickled_and_restored_as_made() -> None:
    for record in (Point(1, 2), Labelled(3, 4, "b"), Single("s"), Empty()):
        back = pickle.loads(pickle.dumps(record))
        assert back == record and type(back) is type(record)
    with pytest.raises(FrozenRecordError):
        pickle.loads(pickle.dumps(Point(1, 2))).x = 3  # type: ignore[misc]
