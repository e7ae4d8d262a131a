"""A brief in the JSON form ``brief-player import`` writes, read item by item.

Items that fail validation are dropped one by one, each with a ``Problem`` naming its JSON path
and line, so one bad quote does not cost the whole brief. Links are checked against the quotes
that survived: a link to a quote that is not there is a problem, never an ``IndexError`` later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from player.core.brief.models import Brief, BriefError, ParseResult, Problem, Source
from player.core.brief.schema import Brief as BriefModel
from player.core.brief.schema import Concept, Link, Quote, Takeaway, to_record
from player.core.brief.source import read_brief, with_encoding
from player.core.jsonpos import JsonSyntaxError, line_for, loads_with_lines, path_text
from player.core.titles import split_guest_title

Report = Callable[[tuple[str | int, ...], str], None]
_ENTRY_MODELS = {"concepts": Concept, "quotes": Quote, "takeaways": Takeaway, "links": Link}


def load_brief_json(path: str | Path) -> ParseResult:
    """A brief in the JSON form ``brief-player import`` writes.

    Items that fail validation are dropped one by one, each with a ``Problem`` naming its JSON
    path, so one bad quote does not cost the whole brief.
    """
    p = Path(path)
    decoded = read_brief(p)
    return with_encoding(parse_brief_json(decoded.text, str(p)), decoded, str(p))


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
        message = message.removeprefix("Value error, ")
        problems.append(Problem(file=file, line=line, message=f"{path_text(loc)}: {message}"))

    kept: dict[str, object] = {}
    survivors: dict[str, list[int]] = {}
    for key, value in raw.items():
        if key not in BriefModel.model_fields:
            report((key,), "unknown key, ignored")
            continue
        if isinstance(value, list) and key in _ENTRY_MODELS:
            survivors[key] = [
                i for i, entry in enumerate(value) if _valid_entry(key, entry, (key, i), report)
            ]
            value = [value[i] for i in survivors[key]]
        kept[key] = value
    if isinstance(kept.get("links"), list):
        kept["links"] = _links_to_survivors(kept["links"], survivors, report)
    try:
        validated = BriefModel.model_validate(kept)
    except ValidationError as e:
        for err in e.errors():
            report(tuple(err["loc"]), err["msg"])
        kept = {k: v for k, v in kept.items() if not _field_fails(k, v)}
        validated = BriefModel.model_validate(kept)
    brief = to_record(validated)
    quotes = tuple(sorted(brief.quotes, key=lambda q: q.at))
    if quotes != brief.quotes and brief.links:
        report(("quotes",), "quotes are not in time order; links were dropped")
        brief = brief.model_copy(update={"links": ()})
    brief = brief.model_copy(update={"quotes": quotes, "source": Source(path=file, format="json")})
    if not (brief.title or brief.quotes or brief.concepts or brief.takeaways or brief.summary):
        raise BriefError(f"{file}: no brief found: the JSON has no title, quotes or concepts.")
    problems.sort(key=lambda p: p.line)
    return ParseResult(brief=brief, problems=tuple(problems))


def _valid_entry(key: str, entry: object, loc: tuple[str | int, ...], report: Report) -> bool:
    model = _ENTRY_MODELS[key]
    try:
        model.model_validate(entry)
    except ValidationError as e:
        for err in e.errors():
            report((*loc, *err["loc"]), err["msg"])
        return False
    return True


def _links_to_survivors(
    links: list[dict[str, object]], survivors: dict[str, list[int]], report: Report
) -> list[dict[str, object]]:
    """Links renumbered to the items that were kept; a link to anything else is dropped.

    A link names quotes, concepts and takeaways by position, so dropping a bad quote moves the
    ones after it; a link past the last one would fail later, far from the file.
    """
    where = survivors.get("links", list(range(len(links))))
    new_index = {
        key: {old: new for new, old in enumerate(survivors[key])}
        for key in ("quotes", "concepts", "takeaways")
        if key in survivors
    }
    out: list[dict[str, object]] = []
    for n, link in zip(where, links, strict=True):
        target = "concepts" if link["kind"] == "concept" else "takeaways"
        quote = new_index.get("quotes", {}).get(link["quote"])  # type: ignore[call-overload]
        index = new_index.get(target, {}).get(link["index"])  # type: ignore[call-overload]
        if quote is None:
            report(("links", n, "quote"), f"there is no quote {link['quote']}; link dropped")
        elif index is None:
            report(("links", n, "index"), f"there is no {link['kind']} {link['index']}; dropped")
        else:
            out.append({**link, "quote": quote, "index": index})
    return out


def _field_fails(key: str, value: object) -> bool:
    try:
        BriefModel.model_validate({key: value})
    except ValidationError:
        return True
    return False


def dump_brief_json(brief: Brief) -> str:
    """The JSON form, quotes in time order, indented for people who read diffs.

    A first line ``Guest — “Title”`` is written as its two parts, so a program reading the JSON
    gets the episode's own title rather than the guest's name twice (once in ``guest``).
    """
    doc = brief.model_dump()
    guest, title = split_guest_title(brief.title)
    if guest is not None:
        doc["title"], doc["guest"] = title, guest
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
