"""The "Audio Brief" text format, read forgivingly.

Briefs are copied out of a web page by hand, so they arrive with page furniture ("Show
transcript"), curly or straight quotation marks, any of four dash characters, bullets that wrap
and sections in whatever order the page had. The reader accepts all of that. A line it cannot
understand becomes a ``Problem`` and the rest of the brief still loads: a listener would rather
see nineteen quotes and one warning than nothing at all.
"""

from __future__ import annotations

import re
from pathlib import Path

from player.core.brief.models import (
    Brief,
    BriefError,
    Concept,
    ParseResult,
    Problem,
    Quote,
    Source,
    Takeaway,
)
from player.core.brief.source import read_brief, with_encoding
from player.core.timefmt import TimeFormatError, parse_clock

_SECTIONS: dict[str, str] = {
    "summary": "summary",
    "episode summary": "summary",
    "overview": "overview",
    "episode overview": "overview",
    "key concepts": "concepts",
    "concepts": "concepts",
    "quotes": "quotes",
    "key quotes": "quotes",
    "notable quotes": "quotes",
    "takeaways": "takeaways",
    "key takeaways": "takeaways",
}
# Words of the source page's player that end up in a copy of the text.
_DEBRIS = {"audio brief", "show transcript", "hide transcript", "transcript", "play", "pause"}

_BULLET = re.compile(r"^\s*(?:[-–—*•‣◦·]|\d{1,3}[.)])\s+(.*)$")
_DASHES = "-–—"
_OPEN_QUOTES = '"“”„«'
_CLOSE_QUOTES = '"”“»'
# "At 1:03:12 - ..." / "1:03:12 — ..." / "[1:03:12] ..." / "(At 4:05): ..."
_TIMED = re.compile(
    r"^[\[(]?\s*(?:at\s+)?(?P<time>\d[\w:.,]*)\s*[\])]?\s*(?:[-–—:]\s*|\s+(?=\S))(?P<rest>.*)$",
    re.IGNORECASE,
)
_TIME_LIKE = re.compile(r"\b\d{1,3}:\d")
# Each starts only where a run of spaces starts ``(?<!\s)``: tried at every space of a long run,
# ``\s+`` would rescan the rest of the run each time, quadratic in the run's length.
_TITLE_DASH = re.compile(r"(?<!\s)\s+[-–—]\s+|(?<!\s)\s*—\s*")
_CONTEXT_SEP = re.compile(r"(?<!\s)\s+[-–—]\s+")
_CONCEPT_DASH = re.compile(r"(?<!\s)\s+[—–]\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING_FIRST = frozenset(key[0] for key in _SECTIONS)
_SPACES = re.compile(r"\s+")
_CLOSING = re.compile(r"[\"”“»](?=\s*$|\s*[-–—]\s|\s*[—–])")


def load_brief(path: str | Path) -> ParseResult:
    """Read a brief text file: any of the encodings ``read_brief`` knows, any line endings."""
    p = Path(path)
    decoded = read_brief(p)
    return with_encoding(parse_brief_text(decoded.text, str(p)), decoded, str(p))


def parse_brief_text(text: str, file: str = "<brief>") -> ParseResult:
    """Parse the text of one brief; see the module docstring for what is accepted."""
    if "\x00" in text:
        raise BriefError(f"{file}: is not a text file (it contains NUL characters).")
    return _Reader(text, file).read()  # a byte-order mark goes with ``_clean``


class _Item:
    """One bullet (or paragraph) of a section, possibly wrapped over several lines."""

    __slots__ = ("bulleted", "line", "parts")

    def __init__(self, line: int, text: str, bulleted: bool) -> None:
        self.line = line
        self.parts = [text]
        self.bulleted = bulleted

    @property
    def text(self) -> str:
        parts = self.parts
        if len(parts) == 1:  # most items: one line
            return parts[0]
        return " ".join(p for p in parts if p)


class _Reader:
    def __init__(self, text: str, file: str) -> None:
        self.lines = _LINE_BREAK.split(text)
        self.file = file
        self.problems: list[Problem] = []
        self.items: dict[str, list[_Item]] = {name: [] for name in set(_SECTIONS.values())}
        self.seen_heading = False

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=line, message=message))

    def read(self) -> ParseResult:
        title, first_body = self._title()
        self._sections(first_body)
        if not self.seen_heading:
            raise BriefError(
                f"{self.file}: no brief found: none of the headings Episode Overview, "
                "Key Concepts, Quotes or Takeaways appears in it."
            )
        quotes = [q for q in (self._quote(i) for i in self.items["quotes"]) if q]
        quotes.sort(key=lambda q: q.at)  # stable: same-second quotes keep the brief's order
        brief = Brief(
            title=title,
            guest=_guest(title),
            summary=tuple(i.text for i in self.items["summary"]),
            overview=tuple(i.text for i in self.items["overview"]),
            concepts=tuple(c for c in (self._concept(i) for i in self.items["concepts"]) if c),
            quotes=tuple(quotes),
            takeaways=tuple(
                Takeaway(text=i.text, line=i.line) for i in self.items["takeaways"] if i.text
            ),
            source=Source(path=self.file, format="audio-brief-text"),
        )
        self.problems.sort(key=lambda p: p.line)
        return ParseResult(brief=brief, problems=tuple(self.problems))

    def _title(self) -> tuple[str, int]:
        for index, raw in enumerate(self.lines):
            line = _clean(raw)
            if not line:
                continue
            if _heading(line):
                return "", index
            return line, index + 1
        return "", len(self.lines)

    def _sections(self, start: int) -> None:
        section = "summary"
        current: _Item | None = None
        for index in range(start, len(self.lines)):
            number = index + 1
            line = _clean(self.lines[index])
            if not line:
                current = None
                continue
            name = _heading(line)
            if name:
                section, current = name, None
                self.seen_heading = True
                continue
            if section == "summary" and not self.items["summary"] and line.casefold() in _DEBRIS:
                continue
            bullet = _BULLET.match(line)
            if bullet:
                current = _Item(number, bullet.group(1).strip(), True)
                self.items[section].append(current)
            elif current is not None and current.bulleted:
                current.parts.append(line)
            else:
                current = _Item(number, line, False)
                self.items[section].append(current)

    def _concept(self, item: _Item) -> Concept | None:
        text = item.text
        name, sep, description = text.partition(": ")
        if not sep:
            name, sep, description = text.partition(":")
        if not sep:
            parts = _CONCEPT_DASH.split(text, maxsplit=1)
            if len(parts) == 2:
                name, description, sep = parts[0], parts[1], "—"
        if not sep:
            self.problem(item.line, "concept has no 'Name: description' colon")
            return None
        name, description = name.strip(), description.strip()
        if not name:
            self.problem(item.line, "concept has no name before the colon")
            return None
        return Concept(name=name, description=description, line=item.line)

    def _quote(self, item: _Item) -> Quote | None:
        plain = plain_quote(item.text)
        if plain is not None:
            at, words, context = plain
            return Quote(at=at, text=words, note=None, context=context, line=item.line)
        m = _TIMED.match(item.text)
        if not m:  # (the time ``_TIMED`` finds starts with a digit)
            if _TIME_LIKE.search(item.text[:40]):
                self.problem(item.line, "quote time is not at the start of the line")
            else:
                self.problem(item.line, "quote has no time (expected 'At M:SS - \"words\"')")
            return None
        try:
            at = parse_clock(m.group("time").rstrip(".,:"))
        except TimeFormatError as e:  # (it bounds the digits before int() or a float sees them)
            self.problem(item.line, str(e))
            return None
        note, words, context = _split_quote(m.group("rest"))
        if not words and not note:
            self.problem(item.line, "quote has a time but no words")
            return None
        return Quote(at=at, text=words, note=note, context=context, line=item.line)


# The shape nearly every quote has, ``At M:SS - "words" - context`` (or ``H:MM:SS``), read by one
# match: no stage note, no quotation mark inside the words, nothing ``_split_quote`` would trim.
# Anything else goes the long way round, which reads this shape to the same result (tested).
_PLAIN_QUOTE = re.compile(
    r"at (?:(\d{1,3}):([0-5]\d)|(\d{1,4})):([0-5]\d) - "
    r'"([^\s"“”„«»\[\'‘](?:[^"“”„«»]*[^\s"“”„«»])?)"'
    r"(?: - ([^\s\-–—:](?:.*\S)?))?",
    re.IGNORECASE,
)


def plain_quote(text: str) -> tuple[float, str, str | None] | None:
    """(seconds, words, context) of a quote in the plain shape; None for any other."""
    m = _PLAIN_QUOTE.fullmatch(text)
    if m is None:
        return None
    hours, minutes_after_hours, minutes, seconds, words, context = m.groups()
    if hours is not None:
        total = int(hours) * 3600 + int(minutes_after_hours) * 60
    else:
        total = int(minutes) * 60
    return float(total + int(seconds)), words, context


def _clean(raw: str) -> str:
    # Non-breaking and zero-width spaces come along with text copied from web pages.
    return raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").strip()


def _heading(line: str) -> str | None:
    # Most lines of a long brief are quotes: rule them out on their first letter alone.
    if line.lstrip("#").lstrip()[:1].casefold()[:1] not in _HEADING_FIRST:
        return None
    key = line.lstrip("#").strip().rstrip(":").strip().casefold()
    return _SECTIONS.get(_SPACES.sub(" ", key))


def _guest(title: str) -> str | None:
    parts = _TITLE_DASH.split(title, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip()
    return None


def _split_quote(rest: str) -> tuple[str | None, str, str | None]:
    """(note, words, context) from what follows the time."""
    rest = rest.strip()
    note, rest = _take_note(rest)
    if rest[:1] in _OPEN_QUOTES:
        close = _closing_quote(rest)
        if close is not None:
            words = rest[1:close].strip()
            tail = rest[close + 1 :].strip()
            context = tail.lstrip(_DASHES + ":").strip() or None
        else:
            words, context = rest[1:].strip(), None
    else:
        parts = _CONTEXT_SEP.split(rest, maxsplit=1)
        words = parts[0].strip()
        context = parts[1].strip() or None if len(parts) == 2 else None
    if note is None:
        note, words = _take_note(words)
    return note, _strip_single_quotes(words), context


def _take_note(text: str) -> tuple[str | None, str]:
    if text.startswith("["):
        end = text.find("]")
        if end > 0:
            note = text[1:end].strip()
            return note or None, text[end + 1 :].strip()
    return None, text


def _closing_quote(rest: str) -> int | None:
    """Position of the quotation mark that ends the words: one followed by a dash or the end."""
    for m in _CLOSING.finditer(rest):
        if m.start() > 0:
            return m.start()
    last = max(rest.rfind(c) for c in _CLOSE_QUOTES)
    return last if last > 0 else None


def _strip_single_quotes(words: str) -> str:
    """``'it's business as usual'`` -> ``it's business as usual``; inner apostrophes stay."""
    if len(words) >= 2 and words[0] in "'‘" and words[-1] in "'’":
        return words[1:-1].strip()
    return words


# The JSON form is read through pydantic (``json_brief``); it is imported only for a JSON brief,
# so opening a text brief never pays for it.
def load_brief_json(path: str | Path) -> ParseResult:
    from player.core.brief.json_brief import load_brief_json as load

    return load(path)


def parse_brief_json(text: str, file: str = "<brief.json>") -> ParseResult:
    from player.core.brief.json_brief import parse_brief_json as parse

    return parse(text, file)


def dump_brief_json(brief: Brief) -> str:
    from player.core.brief.json_brief import dump_brief_json as dump

    return dump(brief)


def load_any(path: str | Path) -> ParseResult:
    """A brief from either form: JSON when the name or the first character says so."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return load_brief_json(p)
    decoded = read_brief(p)
    if decoded.text.lstrip().startswith("{"):  # (``decode`` took off a byte-order mark)
        return with_encoding(parse_brief_json(decoded.text, str(p)), decoded, str(p))
    return with_encoding(parse_brief_text(decoded.text, str(p)), decoded, str(p))


__all__ = [
    "dump_brief_json",
    "load_any",
    "load_brief",
    "load_brief_json",
    "parse_brief_json",
    "parse_brief_text",
]
