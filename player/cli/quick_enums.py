"""PySide's enums, built in a quarter of the time while the window starts.

PySide makes a Qt class's Python enums when the class is first named, through ``enum``'s
functional API: ``IntEnum("Key", [("Key_Space", 32), ...], boundary=KEEP)``. Before the first
frame that is 260 enums with 3,940 names (aliases included), and the standard library spent
47 ms of a 270 ms first frame on them (median of 7 starts):
- each class goes through ``EnumType.__new__`` (about 50 µs, even with no members);
- each member is made through a placeholder that the class machinery then swaps out, attribute
  by attribute, through ``EnumType``'s own ``__setattr__`` and ``__delattr__``.

Here the standard library makes the first class of each kind (base, mixed-in type, boundary)
itself, with no members; the next classes of that kind get the same entries it gave the first,
with their own empty maps. The members are then added as ``_proto_member.__set_name__`` adds
them, in one loop: the same objects, the same maps, aliases and flag masks, nothing skipped.
Together: 11 ms instead of 47.

Anything the loop was not written for goes to the standard library whole: another Python (the
loop follows 3.11's ``enum``), names that are not ``(str, int)`` pairs, or a member named like an
attribute of a base class (which the standard library turns into a redirecting property).

``tests/cli/test_quick_enums.py`` builds every enum of QtCore, QtGui, QtWidgets, QtMultimedia and
QtDBus both ways and compares them, down to each entry of the class's ``__dict__``.
"""

from __future__ import annotations

import builtins
import enum
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

# The loop below mirrors this Python's ``enum``; on any other the standard library does it all.
MIRRORS = (3, 11)

_stdlib_create = enum.EnumType._create_


@contextmanager
def quick_enums() -> Iterator[None]:
    """While inside, enums made through the functional API are built by ``_create_`` below."""
    if sys.version_info[:2] != MIRRORS:
        yield
        return
    keep = enum.EnumType.__dict__["_create_"]
    enum.EnumType._create_ = _create_  # type: ignore[method-assign]
    try:
        yield
    finally:
        enum.EnumType._create_ = keep  # type: ignore[method-assign]


def _create_(
    cls: enum.EnumType,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: type | None = None,  # the standard library's name for the mixed-in type
    start: int = 1,
    boundary: enum.FlagBoundary | None = None,
) -> enum.EnumType:
    if module is None:
        # As the standard library finds it: the caller of ``EnumType.__call__``. It has to be
        # looked up here, at the same depth, not by the standard library called from here.
        with suppress(AttributeError, ValueError, KeyError):
            module = sys._getframe(2).f_globals["__name__"]
    whole = {"module": module, "qualname": qualname, "type": type, "start": start}
    if module is None or not _pairs(names):
        return _stdlib_create(cls, class_name, names, boundary=boundary, **whole)
    enum_class, inherited = _empty_class(cls, class_name, boundary=boundary, **whole)
    if enum_class._member_type_ is tuple or not inherited.isdisjoint(n for n, _ in names):
        return _stdlib_create(cls, class_name, names, boundary=boundary, **whole)
    _add_members(enum_class, names)
    return enum_class


def _pairs(names: Any) -> bool:
    return type(names) is list and all(
        type(item) is tuple and len(item) == 2 and type(item[0]) is str and type(item[1]) is int
        for item in names
    )


# What the standard library puts in an empty enum class, by (base, mixed-in type, boundary): the
# same objects for every class of a kind. Only the containers are the class's own. With them,
# the names the bases hold: a member named like one of them the standard library makes a
# redirecting property, so such an enum is left to it.
_kinds: dict[tuple[Any, Any, Any], tuple[dict[str, Any], frozenset[str]]] = {}
_OWN = ("_member_names_", "_member_map_", "_value2member_map_", "_unhashable_values_")


def _empty_class(
    cls: enum.EnumType,
    class_name: str,
    *,
    module: str,
    qualname: str | None,
    type: type | None,  # the standard library's name for the mixed-in type
    start: int,
    boundary: enum.FlagBoundary | None,
) -> tuple[Any, frozenset[str]]:
    """The class the standard library makes for ``names=[]``: made by it the first time for each
    kind, then from what it made (its own ``__new__`` costs 50 µs a class, 260 classes); and
    the names its bases hold."""
    kind = (cls, type, boundary)
    known = _kinds.get(kind)
    if known is None:
        made = _stdlib_create(
            cls,
            class_name,
            [],
            module=module,
            qualname=qualname,
            type=type,
            start=start,
            boundary=boundary,
        )
        entries = dict(vars(made))
        for name in _OWN:  # this class's own, which its members will fill: kept empty here
            entries[name] = entries[name].copy()
        inherited = frozenset(name for base in made.__mro__[1:] for name in vars(base))
        _kinds[kind] = entries, inherited
        return made, inherited
    entries, inherited = known
    classdict = dict(entries)
    classdict["__module__"] = module
    if qualname is not None:
        classdict["__qualname__"] = qualname
    for name in _OWN:
        classdict[name] = entries[name].copy()
    new = classdict.pop("__new__")  # set afterwards, as the standard library does: a plain
    bases = (cls,) if type is None else (type, cls)  # function, not made a staticmethod
    made = builtins.type.__new__(builtins.type(cls), class_name, bases, classdict)
    builtins.type.__setattr__(made, "__new__", new)
    return made, inherited


def _add_members(enum_class: Any, names: list[tuple[str, int]]) -> None:
    """``_proto_member.__set_name__`` for each pair, in order (see the module's docstring)."""
    is_flag = issubclass(enum_class, enum.Flag)
    new_member = enum_class._new_member_
    use_args = enum_class._use_args_
    member_type = enum_class._member_type_
    init = enum_class.__init__
    calls_init = init is not enum.Enum.__init__  # Enum's own does nothing
    member_names = enum_class._member_names_
    member_map = enum_class._member_map_
    value_map = enum_class._value2member_map_
    set_attribute = type.__setattr__  # EnumType's only refuses to reassign members
    # object's and int's ``__new__`` set no ``_value_`` and no ``__init__`` of the class's own
    # runs: the member's four attributes then go in at once.
    at_once = (new_member is object.__new__ or new_member is int.__new__) and not calls_init
    flag_mask = singles = 0
    for name, given in names:
        member = new_member(enum_class, given) if use_args else new_member(enum_class)
        if at_once:
            value = given if member_type is object else member_type(given)
            vars(member).update(
                _value_=value, _name_=name, __objclass__=enum_class, _sort_order_=len(member_names)
            )
        else:
            if not hasattr(member, "_value_"):
                member._value_ = given if member_type is object else member_type(given)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            if calls_init:
                member.__init__(given)
            member._sort_order_ = len(member_names)
        single = False
        if is_flag:
            flag_mask |= value
            single = value != 0 and value & (value - 1) == 0
            if single:
                singles |= value
        canonical = value_map.get(value)
        if canonical is None:
            value_map[value] = member
            if single or not is_flag:  # a flag's combinations are members, not listed
                member_names.append(name)
        else:
            member = canonical  # an alias: the name reaches the member first given this value
        set_attribute(enum_class, name, member)
        member_map[name] = member
    if is_flag:
        set_attribute(enum_class, "_flag_mask_", flag_mask)
        set_attribute(enum_class, "_singles_mask_", singles)
        set_attribute(enum_class, "_all_bits_", 2 ** flag_mask.bit_length() - 1)
        values = [member_map[name]._value_ for name in member_names]
        if values != sorted(values):
            set_attribute(enum_class, "_iter_member_", enum_class._iter_member_by_def_)
