"""The "Audio Brief" text format, read forgivingly.

Briefs are copied out of a web page by hand, so they arrive with page furniture ("Show
transcript"), curly or straight quotation marks, any of four dash characters, bullets that wrap
and sections in whatever order the page had. The reader accepts all of that. A line it cannot
understand becomes a ``Problem`` and the rest of the brief still loads: a listener would rather
see nineteen quotes and one warning than nothing at all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

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
from player.core.jsonpos import JsonSyntaxError, line_for, loads_with_lines, path_text
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
_TITLE_DASH = re.compile(r"\s+[-–—]\s+|\s*—\s*")
_CONTEXT_SEP = re.compile(r"\s+[-–—]\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_REPLACED_SHARE = 0.1


def load_brief(path: str | Path) -> ParseResult:
    """Read a brief text file: UTF-8 with or without a byte-order mark, any line endings."""
    p = Path(path)
    data = _read_bytes(p)
    text = decode_text(data, str(p))
    result = parse_brief_text(text, str(p))
    return _with_decode_problems(result, data, str(p))


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as e:
        raise BriefError(f"{p}: cannot be read ({e.strerror or e}).") from None


def decode_text(data: bytes, file: str) -> str:
    """UTF-8 text, with undecodable bytes replaced; ``BriefError`` when it is not text at all."""
    if b"\x00" in data:
        raise BriefError(f"{file}: is not a text file (it contains NUL bytes).")
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if replaced and replaced > _MAX_REPLACED_SHARE * max(len(text), 1):
        raise BriefError(f"{file}: is not UTF-8 text.")
    return text


def _with_decode_problems(result: ParseResult, data: bytes, file: str) -> ParseResult:
    extra: list[Problem] = []
    for number, raw in enumerate(_LINE_BREAK.split(data.decode("latin-1")), start=1):
        try:
            raw.encode("latin-1").decode("utf-8-sig")
        except UnicodeDecodeError:
            extra.append(
                Problem(file=file, line=number, message="bytes that are not UTF-8 were replaced")
            )
    if not extra:
        return result
    problems = sorted((*result.problems, *extra), key=lambda p: p.line)
    return ParseResult(brief=result.brief, problems=tuple(problems))


def parse_brief_text(text: str, file: str = "<brief>") -> ParseResult:
    """Parse the text of one brief; see the module docstring for what is accepted."""
    if "\x00" in text:
        raise BriefError(f"{file}: is not a text file (it contains NUL characters).")
    return _Reader(text.removeprefix("\ufeff"), file).read()


class _Item:
    """One bullet (or paragraph) of a section, possibly wrapped over several lines."""

    __slots__ = ("bulleted", "line", "parts")

    def __init__(self, line: int, text: str, bulleted: bool) -> None:
        self.line = line
        self.parts = [text]
        self.bulleted = bulleted

    @property
    def text(self) -> str:
        return " ".join(p for p in self.parts if p)


class _Reader:
    def __init__(self, text: str, file: str) -> None:
        self.lines = _LINE_BREAK.split(text)
        self.file = file
        self.problems: list[Problem] = []
        self.items: dict[str, list[_Item]] = {name: [] for name in set(_SECTIONS.values())}
        self.headings = 0

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=line, message=message))

    def read(self) -> ParseResult:
        title, first_body = self._title()
        self._sections(first_body)
        if not self.headings:
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
                self.headings += 1
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
            parts = re.split(r"\s+[—–]\s+", text, maxsplit=1)
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
        m = _TIMED.match(item.text)
        if not m or not any(c.isdigit() for c in m.group("time")):
            if _TIME_LIKE.search(item.text[:40]):
                self.problem(item.line, "quote time is not at the start of the line")
            else:
                self.problem(item.line, "quote has no time (expected 'At M:SS - \"words\"')")
            return None
        try:
            at = parse_clock(m.group("time").rstrip(".,:"))
        except TimeFormatError as e:
            self.problem(item.line, str(e))
            return None
        except (ValueError, OverflowError):
            self.problem(item.line, f"quote time {m.group('time')[:20]!r}… is far too long")
            return None
        note, words, context = _split_quote(m.group("rest"))
        if not words and not note:
            self.problem(item.line, "quote has a time but no words")
            return None
        return Quote(at=at, text=words, note=note, context=context, line=item.line)


def _clean(raw: str) -> str:
    # Non-breaking and zero-width spaces come along with text copied from web pages.
    return raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").strip()


def _heading(line: str) -> str | None:
    key = line.lstrip("#").strip().rstrip(":").strip().casefold()
    key = re.sub(r"\s+", " ", key)
    return _SECTIONS.get(key)


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
    for m in re.finditer(r"[\"”“»](?=\s*$|\s*[-–—]\s|\s*[—–])", rest):
        if m.start() > 0:
            return m.start()
    last = max(rest.rfind(c) for c in _CLOSE_QUOTES)
    return last if last > 0 else None


def _strip_single_quotes(words: str) -> str:
    """``'it's business as usual'`` -> ``it's business as usual``; inner apostrophes stay."""
    if len(words) >= 2 and words[0] in "'‘" and words[-1] in "'’":
        return words[1:-1].strip()
    return words


def load_brief_json(path: str | Path) -> ParseResult:
    """A brief in the JSON form ``brief-player import`` writes.

    Items that fail validation are dropped one by one, each with a ``Problem`` naming its JSON
    path, so one bad quote does not cost the whole brief.
    """
    p = Path(path)
    data = _read_bytes(p)
    text = decode_text(data, str(p))
    return parse_brief_json(text, str(p))


def parse_brief_json(text: str, file: str = "<brief.json>") -> ParseResult:
    try:
        raw, lines = loads_with_lines(text.removeprefix("\ufeff"))
    except JsonSyntaxError as e:
        raise BriefError(f"{file}:{e.line}: not valid JSON: {e}.") from None
    if not isinstance(raw, dict):
        raise BriefError(f"{file}: a JSON brief must be an object with title, quotes, ….")
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], message: str) -> None:
        line = line_for(lines, loc)
        problems.append(Problem(file=file, line=line, message=f"{path_text(loc)}: {message}"))

    kept: dict[str, object] = {}
    for key, value in raw.items():
        if key not in Brief.model_fields:
            report((key,), "unknown key, ignored")
            continue
        if isinstance(value, list) and key in ("concepts", "quotes", "takeaways", "links"):
            good = []
            for i, entry in enumerate(value):
                if _valid_entry(key, entry, (key, i), report):
                    good.append(entry)
            value = good
        kept[key] = value
    try:
        brief = Brief.model_validate(kept)
    except ValidationError as e:
        for err in e.errors():
            report(tuple(err["loc"]), err["msg"])
        kept = {k: v for k, v in kept.items() if not _field_fails(k, v)}
        brief = Brief.model_validate(kept)
    quotes = tuple(sorted(brief.quotes, key=lambda q: q.at))
    if quotes != brief.quotes and brief.links:
        report(("quotes",), "quotes are not in time order; links were dropped")
        brief = brief.model_copy(update={"links": ()})
    brief = brief.model_copy(update={"quotes": quotes, "source": Source(path=file, format="json")})
    if not (brief.title or brief.quotes or brief.concepts or brief.takeaways or brief.summary):
        raise BriefError(f"{file}: no brief found: the JSON has no title, quotes or concepts.")
    problems.sort(key=lambda p: p.line)
    return ParseResult(brief=brief, problems=tuple(problems))


def _valid_entry(key: str, entry: object, loc: tuple[str | int, ...], report) -> bool:
    from player.core.brief.models import Link

    model = {"concepts": Concept, "quotes": Quote, "takeaways": Takeaway, "links": Link}[key]
    try:
        model.model_validate(entry)
    except ValidationError as e:
        for err in e.errors():
            report((*loc, *err["loc"]), err["msg"])
        return False
    return True


def _field_fails(key: str, value: object) -> bool:
    try:
        Brief.model_validate({key: value})
    except ValidationError:
        return True
    return False


def load_any(path: str | Path) -> ParseResult:
    """A brief from either form: JSON when the name or the first character says so."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return load_brief_json(p)
    try:
        head = p.read_bytes()[:64]
    except OSError as e:
        raise BriefError(f"{p}: cannot be read ({e.strerror or e}).") from None
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return load_brief_json(p)
    return load_brief(p)


def dump_brief_json(brief: Brief) -> str:
    """The JSON form, quotes in time order, indented for people who read diffs."""
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
