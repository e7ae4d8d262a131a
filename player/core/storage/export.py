"""Notes leave the app as Markdown (to read, in Obsidian), JSON (to move or back up) and CSV
(for a spreadsheet), and come back in from JSON without duplicates.

Exports are built from the store, not from the window, so the command line gives the same file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from player.core.brief.models import Brief
from player.core.storage.notes import ITEM_KINDS, MAX_REF, ItemKind, Note, NoteStore, Text
from player.core.timefmt import format_ms
from player.core.titles import split_guest_title

FORMAT_NAME = "brief-player-notes"
FORMAT_VERSION = 1
CSV_FIELDS = (
    "id",
    "episode_id",
    "start",
    "end",
    "start_ms",
    "end_ms",
    "text",
    "tags",
    "attached_kind",
    "attached_ref",
    "attached_label",
    "audio_key",
    "created_at",
    "updated_at",
)


# -- Markdown ---------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(\s|$)")
_UNDERLINE = re.compile(r"^(\s{0,3})([-=])(\s*\2)*\s*$")
_BULLET_OR_QUOTE = re.compile(r"^(\s{0,3})([>+*-])(\s|$)")
_NUMBERED = re.compile(r"^(\s{0,3})(\d{1,9})([.)])(\s|$)")


def md_escape(text: str) -> str:
    """Text that Markdown shows exactly as typed, instead of rendering HTML or structure.

    ``<b>`` and ``<script>`` would be live HTML in Obsidian; entities like ``&amp;`` would be
    decoded; a line starting ``# `` or ``> `` would become a heading or a quote inside a note.
    Emphasis characters are left alone: a listener who types ``**this**`` in a note taken for
    Obsidian means it.
    """
    text = text.replace("\\<", "\\\\<")
    text = text.replace("<", "\\<")
    text = _ENTITY.sub("\\&", text)
    lines = []
    for line in text.split("\n"):
        line = _HEADING.sub(r"\1\\\2\3", line)
        line = _UNDERLINE.sub(lambda m: m.group(1) + "\\" + m.group(0)[len(m.group(1)) :], line)
        line = _BULLET_OR_QUOTE.sub(r"\1\\\2\3", line)
        line = _NUMBERED.sub(r"\1\2\\\3\4", line)
        lines.append(line)
    return "  \n".join(lines)  # keep the listener's line breaks as breaks


def _stamp(note: Note) -> str:
    if note.end_ms is not None:
        return f"[{format_ms(note.start_ms)}–{format_ms(note.end_ms)}]"
    return f"[{format_ms(note.start_ms)}]"


def _star_line(kind: str, ref: int, brief: Brief | None, labels: dict[tuple[str, int], str]) -> str:
    label = labels.get((kind, ref), "")
    when = ""
    if brief is not None:
        if kind == "quote" and ref < len(brief.quotes):
            label = brief.quotes[ref].text
            when = f" [{format_ms(int(brief.quotes[ref].at * 1000))}]"
        elif kind == "concept" and ref < len(brief.concepts):
            c = brief.concepts[ref]
            label = f"{c.name}: {c.description}"
        elif kind == "takeaway" and ref < len(brief.takeaways):
            label = brief.takeaways[ref].text
    name = f"{kind.capitalize()} {ref + 1}"
    if label:
        return f"- ★ {name}{when}: {md_escape(_one_line(label))}"
    return f"- ★ {name}{when}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def page_heading(
    episode_id: str, title: str | None, guest: str | None, brief: Brief | None
) -> tuple[str, str | None]:
    """(title, guest) for the top of an export: ``Guest — “Title”`` taken apart, so the page is
    headed by the episode's title and names the guest once, below it."""
    found_guest, heading = split_guest_title(title or (brief.title if brief else "") or "")
    guest = guest or found_guest or (brief.guest if brief else None)
    return heading or episode_id, guest


def export_markdown(
    store: NoteStore,
    episode_id: str,
    *,
    title: str | None = None,
    brief: Brief | None = None,
    guest: str | None = None,
) -> str:
    """One Markdown page: starred items, then each note under its timestamp."""
    notes = store.for_episode(episode_id)
    stars = sorted(store.stars(episode_id), key=lambda s: (ITEM_KINDS.index(s[0]), s[1]))
    heading, guest = page_heading(episode_id, title, guest, brief)
    labels = {(n.attached.kind, n.attached.ref): n.attached.label for n in notes if n.attached}
    out = [f"# {md_escape(_one_line(heading))}", ""]
    if guest and guest not in heading:
        out += [f"Guest: {md_escape(_one_line(guest))}", ""]
    out += [f"Notes exported from Brief Player on {datetime.now(UTC).date().isoformat()}.", ""]
    if stars:
        out += ["## Starred", ""]
        out += [_star_line(kind, ref, brief, labels) for kind, ref in stars]
        out.append("")
    if notes:
        out += ["## Notes", ""]
    for note in notes:
        out += [f"### {_stamp(note)}", ""]
        if note.attached and note.attached.label:
            kind = note.attached.kind.capitalize()
            quote = md_escape(note.attached.label).split("  \n")
            out += [f"> *{kind}:* {quote[0]}", *(f"> {line}" for line in quote[1:]), ""]
        if note.text.strip():
            out += [md_escape(note.text), ""]
        if note.tags:
            out += [" ".join(f"#{t}" for t in note.tags), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- JSON -------------------------------------------------------------------------------------


def export_json(store: NoteStore, episode_id: str | None = None) -> str:
    """A versioned document of one episode's notes and stars, or of everything."""
    episodes = [episode_id] if episode_id is not None else store.episodes()
    notes = [n for e in episodes for n in store.for_episode(e)]
    if episode_id is None:
        episodes = sorted(set(episodes) | _starred_episodes(store))
    stars = [
        {"episode_id": e, "kind": k, "ref": r}
        for e in episodes
        for k, r in sorted(store.stars(e), key=lambda s: (ITEM_KINDS.index(s[0]), s[1]))
    ]
    return notes_document(notes, stars)


def notes_document(notes: list[Note], stars: list[dict]) -> str:
    """The versioned JSON text that ``import_json`` reads back."""
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "notes": [n.model_dump(mode="json") for n in notes],
        "stars": stars,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _starred_episodes(store: NoteStore) -> set[str]:
    return {row[0] for row in store.db.query("SELECT DISTINCT episode_id FROM stars")}


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    stars: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} already up to date, "
            f"{self.stars} stars; {len(self.problems)} problems"
        )


MAX_DEPTH = 20  # the format nests 4 deep; anything deeper is not an export of ours
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class _Star(BaseModel):
    model_config = ConfigDict(extra="forbid")

    episode_id: Text = Field(min_length=1)
    kind: ItemKind
    ref: int = Field(ge=0, le=MAX_REF)


class _Document(BaseModel):
    """The envelope; entries are checked one by one, so one bad note does not hide the rest."""

    format: Literal["brief-player-notes"]
    version: int = Field(ge=1, le=FORMAT_VERSION)
    notes: list[Any] = []
    stars: list[Any] = []


def import_json(store: NoteStore, path: str | Path) -> ImportReport:
    """Merge an exported file: new notes are added, a note already here is replaced only by a
    newer edit of itself.

    The whole file is read and checked before the first write, so no input can stop an import
    half-way: bad entries are reported by their JSON path (the first one first) and skipped, and
    a file that is not an export at all changes nothing.
    """
    path = Path(path)
    report = ImportReport()
    doc = _read_document(path, report)
    if doc is None:
        return report
    notes = [
        n
        for i, raw in enumerate(doc.notes)
        if (n := _valid(Note, raw, f"{path}: $.notes[{i}]", report))
    ]
    stars = [
        s
        for i, raw in enumerate(doc.stars)
        if (s := _valid(_Star, raw, f"{path}: $.stars[{i}]", report))
    ]
    with store.db.transaction():
        for note in notes:
            _merge_note(store, note, report)
        for star in stars:
            store.star(star.episode_id, star.kind, star.ref)
            report.stars += 1
    return report


def _read_document(path: Path, report: ImportReport) -> _Document | None:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as e:
        report.problems.append(f"{path}: cannot read: {e.strerror}")
        return None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1  # e.g. a lone surrogate written unescaped
        report.problems.append(
            f"{path}:{line}: not a UTF-8 text file (a bad byte, 0x{data[e.start]:02x})"
        )
        return None
    depth, line = _depth(text)
    if depth > MAX_DEPTH:
        report.problems.append(f"{path}:{line}: nested more than {MAX_DEPTH} levels deep")
        return None
    try:
        raw = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as e:
        report.problems.append(f"{path}:{e.lineno}: not valid JSON: {e.msg}")
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        report.problems.append(f"{path}: $.format: not a {FORMAT_NAME} document")
        return None
    try:
        return _Document.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        where = _json_path(err["loc"])
        if where == "$.version":
            report.problems.append(
                f"{path}: $.version: {raw.get('version')!r} is not a version this app reads "
                f"(1..{FORMAT_VERSION})"
            )
        else:
            report.problems.append(f"{path}: {where}: expected a list")
        return None


def _depth(text: str) -> tuple[int, int]:
    """How deep the brackets nest outside strings, and the line where it is deepest.

    Checked before parsing, because the parser recurses once per level."""
    bare = _STRING.sub('""', text)
    depth = deepest = 0
    where = 0
    for m in _BRACKET.finditer(bare):
        if m.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, m.start()
                if deepest > MAX_DEPTH:
                    break
        else:
            depth -= 1
    return deepest, bare.count("\n", 0, where) + 1


def _bounded_int(digits: str) -> int | float:
    """A whole number, or infinity for one longer than any time or index could be, so a
    4,300-digit number is reported at its place instead of stopping the parser."""
    if len(digits.lstrip("-")) > 30:
        return float("-inf") if digits.startswith("-") else float("inf")
    return int(digits)


def _valid(model, raw: object, where: str, report: ImportReport):
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        for err in e.errors():
            loc = _json_path(err["loc"])[1:]
            report.problems.append(f"{where}{loc}: {err['msg']}")
        return None


def _json_path(loc: tuple) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def _merge_note(store: NoteStore, note: Note, report: ImportReport) -> None:
    mine = store.get(note.id)
    if mine is None:
        store.put(note)
        report.added += 1
    elif _when(note.updated_at) > _when(mine.updated_at):
        store.put(note)
        report.updated += 1
    else:
        report.unchanged += 1


def _when(stamp: str) -> datetime:
    """A timestamp to compare; unreadable ones sort oldest, so they never overwrite."""
    try:
        t = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return t if t.tzinfo else t.replace(tzinfo=UTC)


# -- CSV --------------------------------------------------------------------------------------


def export_csv(store: NoteStore, episode_id: str) -> str:
    """RFC 4180 (CRLF rows, quoted when needed) with readable times beside the exact ones."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for n in store.for_episode(episode_id):
        a = n.attached
        writer.writerow(
            {
                "id": n.id,
                "episode_id": n.episode_id,
                "start": format_ms(n.start_ms),
                "end": format_ms(n.end_ms) if n.end_ms is not None else "",
                "start_ms": n.start_ms,
                "end_ms": n.end_ms if n.end_ms is not None else "",
                "text": n.text,
                "tags": " ".join(n.tags),
                "attached_kind": a.kind if a else "",
                "attached_ref": a.ref if a else "",
                "attached_label": a.label if a else "",
                "audio_key": n.audio_key or "",
                "created_at": n.created_at,
                "updated_at": n.updated_at,
            }
        )
    return buf.getvalue()
