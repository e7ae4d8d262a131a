"""What the command holds back while the window starts, and why.

All are measured by ``bench/bench_startup.py``; none changes what the app does.

- Python's collector. Until the window first paints, nearly every object made (modules, classes,
  Qt's wrappers) lives as long as the app, and the collector's passes over them find nothing: a
  tenth of the start. ``player.ui.session`` turns it back on after that paint (here, if none
  came).
- ``linecache``'s copies of source files. PySide's import hook reads the source of every module
  imported (it looks for "PySide6" in it) through ``linecache``, which would keep the lines of
  every file: megabytes of text nobody shows. While the command runs, a file's lines are read
  when asked for and not kept; a traceback reads them again when it needs them.
- That read itself, for modules whose answer is known. The hook reads a module's whole source to
  learn whether it takes part in PySide's ``__feature__`` switching (``snake_case``,
  ``true_property``). The app's own modules select no feature, and the standard library does not
  know PySide, so their answers are given without reading them: 112 modules, ``typing`` and
  ``argparse`` the dearest, were about 10 ms of a 270 ms first frame. Any other module is still
  read, so a package that does select a feature keeps it.
- The standard library's slow way of building enums. PySide makes the Python enums of each Qt
  class as the class is first named, 3,940 names before the first frame; they are built as the
  standard library builds them, in a quarter of the time (``player.cli.quick_enums``).
"""

from __future__ import annotations

import gc
import linecache
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

from player.cli.quick_enums import quick_enums

APP = __name__.partition(".")[0]
# PySide's answers: a module that uses PySide follows the default feature set (none selected);
# one that does not is left out of the switching.
USES_PYSIDE, IGNORED = 0, -1


@contextmanager
def window_start() -> Iterator[None]:
    with quick_enums():  # from before PySide loads: QtCore makes its first enums as it does
        keep = linecache.updatecache
        linecache.updatecache = _read_once(keep)
        feature = _pyside_feature()
        if feature is not None:
            scan = feature.feature_imported
            feature.feature_imported = _known_answers(scan, feature.pyside_feature_dict)
        gc.disable()
        try:
            yield
        finally:
            gc.enable()
            if feature is not None:
                feature.feature_imported = scan
            linecache.updatecache = keep


def _pyside_feature() -> ModuleType | None:
    """PySide's module holding the hook, or None if this PySide has no such hook."""
    import PySide6  # noqa: F401  (installs the hook; the window imports it next anyway)

    feature = sys.modules.get("shibokensupport.feature")
    if callable(getattr(feature, "feature_imported", None)) and isinstance(
        getattr(feature, "pyside_feature_dict", None), dict
    ):
        return feature
    return None


def _known_answers(
    scan: Callable[[ModuleType], None], answers: dict[str, int]
) -> Callable[[ModuleType], None]:
    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in answers:
            top = name.partition(".")[0]
            if top == APP:
                answers[name] = USES_PYSIDE
                return
            if top in sys.stdlib_module_names:
                answers[name] = IGNORED
                return
        scan(module)

    return feature_imported


def _read_once(read: Callable[..., list[str]]) -> Callable[..., list[str]]:
    def read_once(filename: str, module_globals: dict | None = None) -> list[str]:
        lines = read(filename, module_globals)
        entry = linecache.cache.get(filename)
        if entry is not None and len(entry) == 4 and entry[1] is not None:
            del linecache.cache[filename]  # a file, read again when asked; others stay
        return lines

    return read_once
