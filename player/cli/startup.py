"""What the command holds back while the window starts, and why.

Both are measured by ``bench/bench_startup.py``; neither changes what the app does.

- Python's collector. Until the window first paints, nearly every object made (modules, classes,
  Qt's wrappers) lives as long as the app, and the collector's passes over them find nothing: a
  tenth of the start. ``player.ui.session`` turns it back on after that paint (here, if none
  came).
- ``linecache``'s copies of source files. PySide's import hook reads the source of every module
  imported (it looks for "PySide6" in it) through ``linecache``, which would keep the lines of
  every file: megabytes of text nobody shows. While the command runs, a file's lines are read
  when asked for and not kept; a traceback reads them again when it needs them.
"""

from __future__ import annotations

import gc
import linecache
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def window_start() -> Iterator[None]:
    keep = linecache.updatecache
    linecache.updatecache = _read_once(keep)
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        linecache.updatecache = keep


def _read_once(read: Callable[..., list[str]]) -> Callable[..., list[str]]:
    def read_once(filename: str, module_globals: dict | None = None) -> list[str]:
        lines = read(filename, module_globals)
        entry = linecache.cache.get(filename)
        if entry is not None and len(entry) == 4 and entry[1] is not None:
            del linecache.cache[filename]  # a file, read again when asked; others stay
        return lines

    return read_once
