"""Typed reading of language files: JSON values into frozen dataclasses.

A section of a language (``cues.json``, ``events.json``...) is a frozen
dataclass; :func:`read_section` checks each key of the file against the
field's annotation and converts lists to tuples or frozensets, so a misspelt
key, a missing key or a value of the wrong kind names the file and the key
instead of failing later inside a rule. Keys starting with ``_`` are comments.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import LanguageDataError

T = TypeVar("T")


def read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as exc:
        raise LanguageDataError(f"{path}: missing language file") from exc
    except json.JSONDecodeError as exc:
        raise LanguageDataError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc


def read_section(cls: type[T], path: Path) -> T:
    """The dataclass ``cls`` filled from the JSON object in ``path``."""
    return convert(cls, read_json(path), path, "")


def _fail(path: Path, key: str, expected: str, value: Any) -> LanguageDataError:
    where = f"key {key!r}" if key else "top level"
    return LanguageDataError(f"{path}: {where}: expected {expected}, got {type(value).__name__} {value!r:.60}")


def convert(tp: Any, value: Any, path: Path, key: str) -> Any:
    """``value`` checked against the annotation ``tp`` (a key path names it in errors)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _fail(path, key, "an object", value)
        hints = typing.get_type_hints(tp)
        fields = {f.name: f for f in dataclasses.fields(tp) if f.init}
        given = {k: v for k, v in value.items() if not k.startswith("_")}
        for k in given:
            if k not in fields:
                raise LanguageDataError(f"{path}: key {_join(key, k)!r} is not a known key of {tp.__name__}")
        kwargs = {}
        for name, f in fields.items():
            if name in given:
                kwargs[name] = convert(hints[name], given[name], path, _join(key, name))
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise LanguageDataError(f"{path}: key {_join(key, name)!r} is missing")
        return tp(**kwargs)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return convert(inner[0], value, path, key)
    if tp is str or tp is int or tp is float or tp is bool:
        ok = isinstance(value, tp) and not (tp is int and isinstance(value, bool))
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise _fail(path, key, tp.__name__, value)
        return value
    if origin in (tuple, frozenset):
        if not isinstance(value, list):
            raise _fail(path, key, "a list", value)
        items = [convert(args[0], v, path, f"{key}[{n}]") for n, v in enumerate(value)]
        return tuple(items) if origin is tuple else frozenset(items)
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        if not isinstance(value, dict):
            raise _fail(path, key, "an object", value)
        return types.MappingProxyType({k: convert(args[1], v, path, _join(key, k))
                                       for k, v in value.items() if not k.startswith("_")})
    if origin is typing.Literal:
        if value not in args:
            raise _fail(path, key, " or ".join(map(repr, args)), value)
        return value
    raise TypeError(f"unsupported annotation {tp!r}")  # a programming error in a section class


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
