"""WebVTT transcripts, through ``webvtt-py``.

The library parses a cue well (timestamps, settings, voice spans) but, when not strict, drops a
malformed cue without saying where, and when strict gives up on the whole file. So the file is
split into blocks here, each block is handed to the library's own block parser, and a block it
rejects becomes a ``FILE:LINE:`` problem while every other cue is kept.
"""

from __future__ import annotations

import html
from pathlib import Path

from webvtt import Caption
from webvtt.errors import MalformedCaptionError
from webvtt.vtt import parse_item

from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import read_text, split_blocks
from player.core.formats.track import Track, TrackItem, TrackKind, sort_items


def load_vtt(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    p = Path(path)
    try:
        text = read_text(p)
    except FormatError as exc:
        raise FormatError(f"{p}: {exc}") from None
    return parse_vtt(text, str(p), name=p.stem)


def parse_vtt(
    text: str, file: str = "<webvtt>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\r\n"):
        raise FormatError(f"{file}:1: not a WebVTT file: it must start with 'WEBVTT'")
    problems: list[FormatProblem] = []
    items: list[TrackItem] = []
    blocks = split_blocks(text, arrow_splits=True)
    for block in blocks[1:]:  # the first block is the header
        lines = block.lines
        first = lines[0]
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        timing_at = 0 if "-->" in first else 1
        if len(lines) <= timing_at or "-->" not in lines[timing_at]:
            problems.append(
                FormatProblem.at_line(file, block.line, "text outside any cue; ignored")
            )
            continue
        line_no = block.line + timing_at
        try:
            caption = parse_item(lines, strict=False, seen_cue=True)
        except (MalformedCaptionError, ValueError) as exc:
            problems.append(FormatProblem.at_line(file, line_no, f"{exc}; cue skipped"))
            continue
        if not isinstance(caption, Caption):
            problems.append(
                FormatProblem.at_line(
                    file, line_no, f"cue timing not understood: {lines[timing_at]!r}; cue skipped"
                )
            )
            continue
        start = caption.start_time.in_milliseconds() / 1000
        end: float | None = caption.end_time.in_milliseconds() / 1000
        if end is not None and end <= start:
            problems.append(
                FormatProblem.at_line(file, line_no, "cue ends before it starts; end ignored")
            )
            end = None
        items.append(
            TrackItem.model_construct(
                start_s=start,
                end_s=end,
                text=html.unescape(" ".join(caption.text.split())),
                speaker=_speaker(caption),
                url=None,
                img=None,
                hidden=False,
            )
        )
    return Track(kind=TrackKind.TRANSCRIPT, name=name, items=sort_items(items)), problems


def _speaker(caption: Caption) -> str | None:
    voice = caption.voice
    if voice is None:
        return None
    return html.unescape(voice).strip() or None
