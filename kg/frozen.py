""":class:`Frozen`: a frozen dataclass without importing :mod:`dataclasses`.

``dataclasses`` loads ``inspect`` (and with it ``dis``, ``ast``, ``tokenize``...):
several milliseconds of the start of ``kg query --db`` (:mod:`kg.fastpath`), whose
modules declare their records with this class instead.
"""

from __future__ import annotations


class Frozen:
    """A record whose fields (its ``__slots__``) are set once by ``__init__``: equal when of
    the same class with equal fields, hashable, printed as ``Name(field=value, ...)``."""

    __slots__: tuple[str, ...] = ()

    def __init__(self, *values: object) -> None:
        """Set the fields, in the order of ``__slots__`` (a subclass's ``__init__`` names them and their defaults)."""
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
