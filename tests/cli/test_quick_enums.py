"""Enums built the quick way are the standard library's, entry for entry.

Every enum of the Qt modules the app uses is built again from its members both ways, as PySide
builds it, and the two classes are compared: their ``__dict__`` entry by entry, each member's own
attributes, and what code does with them (lookup by value, iteration, flag arithmetic, text)."""

from __future__ import annotations

import enum
import sys
import types
from typing import Any

import pytest

from player.cli import quick_enums as quick

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != quick.MIRRORS, reason="the quick way is used on one Python only"
)

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtDBus")


def _qt_enums() -> list[enum.EnumType]:
    import importlib

    found: list[enum.EnumType] = []
    seen: set[int] = set()

    def walk(holder: Any) -> None:
        for value in list(vars(holder).values()):
            if not isinstance(value, type) or id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, enum.EnumType):
                found.append(value)
            elif value.__module__.startswith("PySide6"):
                walk(value)  # a class, or the Qt namespace, holding enums

    for name in QT_MODULES:
        module = importlib.import_module(f"PySide6.{name}")
        for attribute in dir(module):
            getattr(module, attribute)  # PySide makes a class, and its enums, when first named
        walk(module)
    return found


def _build(template: enum.EnumType) -> enum.EnumType:
    """The call PySide makes for ``template``."""
    names = [(name, member._value_) for name, member in template.__members__.items()]
    base = template.__bases__[0]
    return base(
        template.__name__,
        names,
        module=template.__module__,
        qualname=template.__qualname__,
        boundary=enum.FlagBoundary.KEEP,
    )


def _plain(value: Any, owner: type) -> Any:
    """``value`` with the class and its members named, so two builds can be compared."""
    if value is owner:
        return "<the enum>"
    if isinstance(value, owner):
        return ("member", value._name_, value._value_)
    if isinstance(value, dict):
        return {_plain(k, owner): _plain(v, owner) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, owner) for v in value]
    if isinstance(value, types.DynamicClassAttribute):  # enum's redirect to a shadowed name
        return ("redirect", _plain(getattr(value, "member", None), owner), value.fget, value.name)
    if callable(value) and hasattr(value, "__func__"):
        return ("method", value.__func__, _plain(value.__self__, owner))
    return (type(value), value)  # a staticmethod is not the function it holds


def _iterated(flags: Any, cls: Any) -> Any:
    """The members in ``flags``, or the error the standard library meets listing them."""
    try:
        return [_plain(x, cls) for x in flags]
    except AttributeError as e:  # a bit outside the members, listed in order of definition
        return ("raises", str(e))


def _described(cls: Any) -> dict[str, Any]:
    members = {
        name: sorted((key, _plain(v, cls)) for key, v in vars(member).items())
        for name, member in cls._member_map_.items()
    }
    flag = issubclass(cls, enum.Flag)
    some = list(cls)[:3]
    combined = [] if not flag or len(some) < 2 else [some[0] | some[1], ~some[0], cls(0)]
    return {
        "kind": (type(cls), cls.__mro__[1:], cls.__name__, cls.__qualname__, cls.__module__),
        "dict": {key: _plain(value, cls) for key, value in vars(cls).items()},
        "members": members,
        "iterated": [(m._name_, m._value_) for m in cls],
        "by value": [(v, cls(v)._name_) for v in list(cls._value2member_map_)],
        "text": [(repr(m), str(m), format(m), hash(m)) for m in cls._member_map_.values()],
        "combined": [(repr(m), m._value_, _iterated(m, cls)) for m in combined],
    }


def test_every_qt_enum_built_quickly_is_the_one_the_standard_library_builds() -> None:
    templates = _qt_enums()
    standard = [_build(t) for t in templates]
    with quick.quick_enums():
        assert enum.EnumType._create_ is quick._create_
        built = [_build(t) for t in templates]
    assert enum.EnumType._create_ is quick._stdlib_create

    members = sum(len(t.__members__) for t in templates)
    assert len(templates) > 600 and members > 6_000  # the whole of what the window can meet
    assert any(issubclass(t, enum.IntFlag) for t in templates)
    assert any(len(t.__members__) > len(t._member_names_) for t in templates)  # aliases met
    for template, expected, got in zip(templates, standard, built, strict=True):
        assert _described(got) == _described(expected), template.__qualname__


class Doubled(enum.Enum):
    """A base whose ``__init__`` gives each member more."""

    def __init__(self, value: int) -> None:
        self.doubled = value * 2


class Coded(int, enum.Enum):
    """A base whose ``__new__`` sets the value itself."""

    def __new__(cls, value: int) -> Coded:
        member = int.__new__(cls, value)
        member._value_ = value * 10  # not what int() of it gives
        return member


def _odd_ones() -> list[tuple[type[enum.Enum], Any]]:
    """Calls the quick way hands to the standard library whole, and ones it keeps."""
    return [
        (enum.Enum, "RED GREEN BLUE"),  # names only: values are generated
        (enum.IntEnum, ["LOW", "HIGH"]),
        (enum.Enum, {"A": 1, "B": 2}),  # a mapping
        (enum.Enum, [("name", 1), ("value", 2)]),  # shadows Enum's properties
        (enum.Enum, [("A", "text"), ("B", 2.5)]),  # values that are not ints
        (enum.Flag, [("NONE", 0), ("ONE", 1), ("TWO", 2), ("BOTH", 3), ("ALSO_ONE", 1)]),
        (enum.IntFlag, [("HIGH", 8), ("LOW", 1), ("MID", 4)]),  # out of order: iterated as given
        (enum.Flag, []),
        (enum.IntEnum, [("A", 1), ("B", 1), ("C", -5)]),
        (Doubled, [("A", 1), ("B", 2), ("ALSO_B", 2)]),
        (Coded, [("A", 1), ("B", 2)]),
    ]


@pytest.mark.parametrize(("base", "names"), _odd_ones())
def test_other_calls_give_what_the_standard_library_gives(base: Any, names: Any) -> None:
    expected = base("Odd", names)  # the module is found from this caller's frame
    with quick.quick_enums():
        got = base("Odd", names)
    assert got.__module__ == __name__
    assert _described(got) == _described(expected)


def test_another_python_keeps_the_standard_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quick, "MIRRORS", (3, 0))
    with quick.quick_enums():
        assert enum.EnumType._create_ is quick._stdlib_create
