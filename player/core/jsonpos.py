"""JSON with the line each value starts on.

Hand-edited JSON (a brief, an episode's ``links.json``) is reported like source code:
``FILE:LINE: message``. The standard ``json`` module forgets positions once it has decoded a
value, so this small reader decodes exactly what ``json.loads`` would and also remembers, for
every path (``("quotes", 3, "at")``), the line its value starts on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class JsonSyntaxError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def loads_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """The decoded value and the starting line of each value inside it."""
    lines: dict[Path, int] = {}
    reader = _Reader(text, lines)
    try:
        value = reader.value(reader.skip(0), ())
    except RecursionError:
        raise JsonSyntaxError("values are nested too deeply", 1) from None
    end = reader.skip(reader.pos)
    if end != len(text):
        raise JsonSyntaxError("unexpected text after the JSON value", reader.line_at(end))
    return value, lines


def path_text(path: Sequence[str | int]) -> str:
    """``quotes[3].at``: how people name a place in a JSON document."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def line_for(lines: dict[Path, int], path: Sequence[str | int]) -> int:
    """The line of ``path``, or of its nearest enclosing value that has one."""
    p = tuple(path)
    while p:
        if p in lines:
            return lines[p]
        p = p[:-1]
    return lines.get((), 1)


class _Reader:
    def __init__(self, text: str, lines: dict[Path, int]) -> None:
        self.text = text
        self.lines = lines
        self.pos = 0
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_at(self, pos: int) -> int:
        from bisect import bisect_right

        return bisect_right(self._line_starts, pos)

    def skip(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def fail(self, message: str, pos: int) -> JsonSyntaxError:
        return JsonSyntaxError(message, self.line_at(min(pos, len(self.text))))

    def value(self, pos: int, path: Path) -> Any:
        text = self.text
        if pos >= len(text):
            raise self.fail("unexpected end of file: a value is missing", pos)
        self.lines[path] = self.line_at(pos)
        ch = text[pos]
        if ch == "{":
            return self._object(pos + 1, path)
        if ch == "[":
            return self._array(pos + 1, path)
        if ch == '"':
            try:
                s, self.pos = json.decoder.scanstring(text, pos + 1)
            except json.JSONDecodeError as e:
                raise self.fail(f"bad string: {e.msg}", e.pos) from None
            return s
        for word, lit in _LITERALS.items():
            if text.startswith(word, pos):
                self.pos = pos + len(word)
                return lit
        m = _NUMBER.match(text, pos)
        if m:
            self.pos = m.end()
            n = m.group()
            try:
                return float(n) if any(c in n for c in ".eE") else int(n)
            except ValueError:  # more digits than int() converts (4,300 by default)
                raise self.fail(f"number of {len(n)} characters is too long", pos) from None
        raise self.fail(f"unexpected character {ch!r}", pos)

    def _object(self, pos: int, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        pos = self.skip(pos)
        if self.text.startswith("}", pos):
            self.pos = pos + 1
            return out
        while True:
            if not self.text.startswith('"', pos):
                raise self.fail("expected a quoted key", pos)
            try:
                key, pos = json.decoder.scanstring(self.text, pos + 1)
            except json.JSONDecodeError as e:
                raise self.fail(f"bad key: {e.msg}", e.pos) from None
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise self.fail("expected ':' after a key", pos)
            out[key] = self.value(self.skip(pos + 1), (*path, key))
            pos = self.skip(self.pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("}", pos):
                self.pos = pos + 1
                return out
            raise self.fail("expected ',' or '}' in an object", pos)

    def _array(self, pos: int, path: Path) -> list[Any]:
        out: list[Any] = []
        pos = self.skip(pos)
        if self.text.startswith("]", pos):
            self.pos = pos + 1
            return out
        while True:
            out.append(self.value(pos, (*path, len(out))))
            pos = self.skip(self.pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("]", pos):
                self.pos = pos + 1
                return out
            raise self.fail("expected ',' or ']' in a list", pos)
