"""One shape for "this part of the file could not be read".

Text formats point at a line, JSON formats at a path such as ``$.chapters[3].startTime``; both
print as ``FILE:WHERE: message`` so an editor or terminal can jump to the spot.
"""

from __future__ import annotations

from dataclasses import dataclass


class FormatError(Exception):
    """A file that is not in the format at all (as opposed to one bad item in it)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FormatProblem:
    """A plain record: every reader makes them, and a window that opens no subtitles should
    not load pydantic for them."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.message}"

    @classmethod
    def at_line(cls, file: str, line: int, message: str) -> FormatProblem:
        return cls(file=file, where=str(line), message=message)
