"""Immutable value records that cost nothing to define.

``@dataclass(frozen=True, slots=True)`` writes each class's ``__init__``, ``__eq__``,
``__hash__``, ``__repr__``, ``__setattr__`` and ``__delattr__`` as source text and compiles them
while the module is imported: about 0.6 ms a class, and the window defined 28 of them before its
first frame, a tenth of its start. A ``Record`` names its fields in ``__slots__`` and writes its
own ``__init__`` (where its checks live, and which a type checker reads as written); the rest is
here, compiled once with this module, and costs a subclass a tuple of names.

The behaviour is the frozen dataclass's: equal when of the same class with equal fields, hashed
by its fields, a ``repr`` that names them, no assignment after ``__init__``. ``replace`` makes a
changed copy through ``__init__``, so a copy is checked as the original was; pickling stores the
class and its values and restores them without running ``__init__`` again.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, Self

# ``init(record, "name", value)`` gives a field of a record being made its value: the one
# assignment a record allows. It is object's own setter, called directly, as a frozen
# dataclass's ``__init__`` does: a record is made as fast as the dataclass was.
init = object.__setattr__


class FrozenRecordError(AttributeError):
    """An attempt to change a record after it was made."""


def field_names(cls: type) -> tuple[str, ...]:
    """The slots of a class and its bases, bases first: a record's fields, in order."""
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        names.extend((slots,) if isinstance(slots, str) else slots)
    return tuple(names)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda _record: ()


class Record:
    """Base of an immutable record: subclasses set ``__slots__`` and write ``__init__``,
    assigning each field once with ``init(self, name, value)``."""

    __slots__ = ()
    fields: ClassVar[tuple[str, ...]] = ()
    _values: ClassVar[Callable[[Any], tuple[Any, ...]]] = staticmethod(_getter(()))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.fields = field_names(cls)
        cls._values = staticmethod(_getter(cls.fields))

    def values(self) -> tuple[Any, ...]:
        """The fields' values, in order."""
        return self._values(self)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, made (and checked) by ``__init__``."""
        current = dict(zip(self.fields, self._values(self), strict=True))
        current.update(changes)  # a name that is no field: ``__init__`` says so
        return type(self)(**current)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        pairs = ", ".join(
            f"{name}={value!r}" for name, value in zip(self.fields, self._values(self), strict=True)
        )
        return f"{type(self).__qualname__}({pairs})"

    def __setattr__(self, name: str, _value: object) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as the class and its values (the brief cache holds 50,000 quotes), restored
        as they were checked when first made."""
        return _restore, (type(self), self._values(self))


def _restore(cls: type[Record], values: tuple[object, ...]) -> Record:
    record = object.__new__(cls)
    for name, value in zip(cls.fields, values, strict=True):
        init(record, name, value)
    return record
