"""Languages by code: where their data lives and which hooks they use.

A language is a folder of JSON files (``cues.json``, ``events.json``,
``syntax.json``, ``gazetteer.json``) and a ``hooks.py`` module defining
``HOOKS``, a :class:`kg.lang.hooks.LanguageHooks` subclass. Languages shipped
in ``kg/lang/<code>/`` are found by their folder; others are added with
:func:`register` (a test's toy language, a plug-in). Shared code asks
:func:`kg.lang.load` for a code and never imports a language by name.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from kg.errors import LanguageDataError, ModelError
from kg.lang.hooks import LanguageHooks
from kg.resources import lang_dir


@dataclass(frozen=True)
class LanguageSpec:
    code: str
    folder: Path
    hooks: type[LanguageHooks]
    model: str | None = None  # the spaCy pipeline that parses it


_REGISTRY: dict[str, LanguageSpec] = {}


def register(code: str, folder: Path, hooks: type[LanguageHooks] | ModuleType | Path,
             model: str | None = None) -> LanguageSpec:
    """Make language ``code`` loadable: its data ``folder`` and its hooks (a class,
    a module defining ``HOOKS``, or the path of such a module)."""
    spec = LanguageSpec(code, Path(folder), _hooks_class(hooks, code), model)
    _REGISTRY[code] = spec
    from kg.lang import load

    load.cache_clear()
    return spec


def _hooks_class(hooks: type[LanguageHooks] | ModuleType | Path, code: str) -> type[LanguageHooks]:
    if isinstance(hooks, Path):
        found = importlib.util.spec_from_file_location(f"kg_lang_{code}_hooks", hooks)
        if found is None or found.loader is None:
            raise LanguageDataError(f"{hooks}: not a Python module")
        module = importlib.util.module_from_spec(found)
        found.loader.exec_module(module)
        hooks = module
    if isinstance(hooks, ModuleType):
        cls = getattr(hooks, "HOOKS", None)
        if not (isinstance(cls, type) and issubclass(cls, LanguageHooks)):
            raise LanguageDataError(f"{hooks.__name__}: HOOKS must be a LanguageHooks subclass")
        return cls
    return hooks


def spec(code: str, models: dict[str, str]) -> LanguageSpec:
    """The registered language ``code``, or the one shipped in ``kg/lang/<code>``."""
    if code not in _REGISTRY:
        folder = lang_dir(code) if code.isidentifier() else None
        if folder is None or not (folder / "hooks.py").is_file():
            known = sorted({*_REGISTRY, *models})
            raise ModelError(f"language {code!r} is not supported; supported: {', '.join(known)}")
        module = importlib.import_module(f"kg.lang.{code}.hooks")
        _REGISTRY[code] = LanguageSpec(code, folder, _hooks_class(module, code), models.get(code))
    return _REGISTRY[code]
