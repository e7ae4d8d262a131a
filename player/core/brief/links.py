"""Which quotes speak of which concept or takeaway.

The brief gives times only for quotes. To light up "Model Collapse" when the episode reaches the
quote about it, each concept and takeaway is compared with every quote by TF-IDF cosine
similarity over stemmed words and word pairs. It is a plain lexical method on purpose: a score
can be explained by pointing at the shared words, and when it gets one wrong the episode's
``links.json`` pins or removes that link by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from player.core.brief.models import Brief, Link, Problem
from player.core.jsonpos import JsonSyntaxError, loads_with_lines, path_text
from player.core.record import Record, init
from player.core.text import terms
from player.core.timefmt import TimeFormatError, format_clock, seconds_value

THRESHOLD = 0.12  # keep links at least this similar ...
FLOOR = 0.06  # ... but give every item its best quote if it reaches this
MAX_LINKS = 3
NAME_WEIGHT = 3.0  # a concept's name says more than its description
CONTEXT_WEIGHT = 0.8  # the brief's comment on a quote, a little less than the words


class Pin(Record):
    """One line of ``links.json``: a concept (by name or index) or takeaway tied to a time."""

    __slots__ = ("kind", "target", "at", "line")
    kind: Literal["concept", "takeaway"]
    target: str | int
    at: float | None
    line: int

    def __init__(
        self, kind: Literal["concept", "takeaway"], target: str | int, at: float | None, line: int
    ) -> None:
        init(self, "kind", kind)
        init(self, "target", target)
        init(self, "at", at)
        init(self, "line", line)


class Pins(Record):
    __slots__ = ("pin", "remove", "file")
    pin: tuple[Pin, ...]
    remove: tuple[Pin, ...]
    file: str

    def __init__(
        self, pin: tuple[Pin, ...] = (), remove: tuple[Pin, ...] = (), file: str = "links.json"
    ) -> None:
        init(self, "pin", pin)
        init(self, "remove", remove)
        init(self, "file", file)


def score_table(brief: Brief) -> dict[tuple[str, int], list[float]]:
    """Similarity of every concept and takeaway to every quote, for inspection and tests."""
    from player.core.brief.scoring import score_table as table

    return table(brief)


def auto_links(brief: Brief) -> list[Link]:
    """The links the similarity scores give (numpy, imported only when a brief is linked)."""
    from player.core.brief.scoring import auto_links as scored

    return scored(brief)


def load_pins(path: str | Path) -> tuple[Pins, tuple[Problem, ...]]:
    """Read ``links.json``; a missing file means no pins, a bad entry is a ``Problem``."""
    p = Path(path)
    file = str(p)
    if not p.exists():
        return Pins(file=file), ()
    try:
        text = p.read_text(encoding="utf-8-sig")
        raw, lines = loads_with_lines(text)
    except (OSError, UnicodeDecodeError) as e:
        return Pins(file=file), (Problem(file=file, line=1, message=f"cannot be read: {e}"),)
    except JsonSyntaxError as e:
        return Pins(file=file), (Problem(file=file, line=e.line, message=f"not valid JSON: {e}"),)
    return parse_pins(raw, lines, file)


def parse_pins(
    raw: object, lines: dict[tuple[str | int, ...], int], file: str
) -> tuple[Pins, tuple[Problem, ...]]:
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        return Pins(file=file), (Problem(file=file, line=1, message="expected an object"),)
    groups: dict[str, list[Pin]] = {"pin": [], "remove": []}
    for key, entries in raw.items():
        if key not in groups:
            problems.append(
                Problem(file=file, line=lines.get((key,), 1), message=f"unknown key {key!r}")
            )
            continue
        if not isinstance(entries, list):
            problems.append(
                Problem(file=file, line=lines.get((key,), 1), message=f"{key}: expected a list")
            )
            continue
        for i, entry in enumerate(entries):
            line = lines.get((key, i), 1)
            pin = _pin(entry, line, needs_time=key == "pin")
            if isinstance(pin, str):
                problems.append(
                    Problem(file=file, line=line, message=f"{path_text((key, i))}: {pin}")
                )
            else:
                groups[key].append(pin)
    return Pins(tuple(groups["pin"]), tuple(groups["remove"]), file), tuple(problems)


def _pin(entry: object, line: int, *, needs_time: bool) -> Pin | str:
    if not isinstance(entry, dict):
        return 'expected {"concept": NAME, "at": TIME} or {"takeaway": INDEX, "at": TIME}'
    kinds = [k for k in ("concept", "takeaway") if k in entry]
    if len(kinds) != 1:
        return 'name exactly one of "concept" or "takeaway"'
    kind = kinds[0]
    target = entry[kind]
    if isinstance(target, bool) or not isinstance(target, str | int):
        return f"{kind} must be a name or an index"
    at = entry.get("at")
    if at is None:
        if needs_time:
            return 'a pin needs "at": the time of the quote'
        return Pin(kind, target, None, line)  # type: ignore[arg-type]
    try:
        seconds = seconds_value(at)
    except TimeFormatError as e:
        return str(e)
    return Pin(kind, target, seconds, line)  # type: ignore[arg-type]


def apply_links(brief: Brief, pins: Pins | None = None) -> Brief:
    """The brief with ``links`` and each concept's and takeaway's ``at`` filled in."""
    return link_brief(brief, pins)[0]


def link_brief(brief: Brief, pins: Pins | None = None) -> tuple[Brief, tuple[Problem, ...]]:
    """Like ``apply_links``, also saying which pins named nothing in this brief."""
    pins = pins or Pins()
    problems: list[Problem] = []
    links = {
        (lk.kind, lk.index, lk.quote): lk
        for lk in (brief.links or auto_links(brief))
        if lk.quote < len(brief.quotes)
    }
    for pin, adding in [(p, False) for p in pins.remove] + [(p, True) for p in pins.pin]:
        found = _resolve(brief, pin)
        if isinstance(found, str):
            problems.append(Problem(file=pins.file, line=pin.line, message=found))
            continue
        index, quotes = found
        if adding:
            for q in quotes:
                links[(pin.kind, index, q)] = Link(
                    kind=pin.kind, index=index, quote=q, score=1.0, pinned=True
                )
        else:
            doomed = [k for k in links if k[0] == pin.kind and k[1] == index and k[2] in quotes]
            for k in doomed:
                del links[k]
    ordered = tuple(links[k] for k in sorted(links, key=lambda k: (k[0], k[1], k[2])))
    concept_at: dict[int, set[float]] = {}
    takeaway_at: dict[int, set[float]] = {}
    for lk in ordered:
        target = concept_at if lk.kind == "concept" else takeaway_at
        target.setdefault(lk.index, set()).add(brief.quotes[lk.quote].at)
    concepts = tuple(
        c.model_copy(update={"at": tuple(sorted(concept_at.get(i, ())))})
        for i, c in enumerate(brief.concepts)
    )
    takeaways = tuple(
        t.model_copy(update={"at": tuple(sorted(takeaway_at.get(i, ())))})
        for i, t in enumerate(brief.takeaways)
    )
    linked = brief.model_copy(
        update={"links": ordered, "concepts": concepts, "takeaways": takeaways}
    )
    return linked, tuple(problems)


def _resolve(brief: Brief, pin: Pin) -> tuple[int, list[int]] | str:
    items = brief.concepts if pin.kind == "concept" else brief.takeaways
    if isinstance(pin.target, int):
        if not 0 <= pin.target < len(items):
            return f"there is no {pin.kind} {pin.target} (the brief has {len(items)}, from 0)"
        index = pin.target
    else:
        wanted = _loose(pin.target)
        names = (
            [_loose(c.name) for c in brief.concepts]
            if pin.kind == "concept"
            else [_loose(t.text) for t in brief.takeaways]
        )
        matches = [i for i, n in enumerate(names) if n == wanted]
        if not matches and pin.kind == "takeaway":
            matches = [i for i, n in enumerate(names) if n.startswith(wanted)]
        if len(matches) != 1:
            what = "no" if not matches else "more than one"
            return f"{what} {pin.kind} named {pin.target!r}"
        index = matches[0]
    if pin.at is None:
        return index, list(range(len(brief.quotes)))
    quotes = [q for q, quote in enumerate(brief.quotes) if abs(quote.at - pin.at) < 0.5]
    if not quotes:
        return f"no quote at {format_clock(pin.at)} for {pin.kind} {pin.target!r}"
    return index, quotes


def _loose(name: str) -> str:
    return " ".join(terms(name)) or name.casefold().strip()


def link_table(brief: Brief) -> list[str]:
    """One line per concept and takeaway with its linked quote times and scores."""
    rows: list[str] = []
    for kind, items in (("concept", brief.concepts), ("takeaway", brief.takeaways)):
        for i, item in enumerate(items):
            label = item.name if kind == "concept" else item.text  # type: ignore[union-attr]
            found = [lk for lk in brief.links if lk.kind == kind and lk.index == i]
            cells = ", ".join(
                f"{format_clock(brief.quotes[lk.quote].at)} "
                + ("pinned" if lk.pinned else f"{lk.score:.2f}")
                for lk in sorted(found, key=lambda lk: brief.quotes[lk.quote].at)
            )
            rows.append(f"{kind} {i:2d} {label[:48]:48s} -> {cells or '(none)'}")
    return rows


__all__ = [
    "Pin",
    "Pins",
    "apply_links",
    "auto_links",
    "link_brief",
    "link_table",
    "load_pins",
    "parse_pins",
    "score_table",
]
