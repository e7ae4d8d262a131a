"""Real files from other projects' test suites (``tests/data/wild``), read as a listener would.

Each file either gives cues or a plain ``FormatError``; never a traceback. Cue counts agree with
the reference libraries (``srt`` for SRT, ``webvtt-py`` for WebVTT where it follows the rules)
and with the W3C web-platform-tests' own expectations for their WebVTT cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import srt
import webvtt

from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.subrip import load_srt
from player.core.formats.textfile import read_text
from player.core.formats.vtt import parse_vtt

WILD = Path(__file__).resolve().parents[2] / "data" / "wild"
SRT_FILES = sorted((WILD / "pysrt").glob("*.srt")) + sorted((WILD / "webvtt-py").glob("*.srt"))
VTT_FILES = sorted((WILD / "webvtt-py").glob("*.vtt"))
WPT_FILES = sorted((WILD / "wpt").glob("*.test"))

_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rntfv0]|\n)")


def _unescape(text: str) -> str:
    """The web-platform-tests' ``.test`` escapes: ``\\r``, ``\\x20``, ``\\uFFFD``, ``\\0``…"""

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if e[0] in "xu":
            return chr(int(e[1:], 16))
        return {"r": "\r", "n": "\n", "t": "\t", "f": "\f", "v": "\v", "0": "\0", "\n": ""}[e]

    return _ESCAPE.sub(one, text)


def _wpt_case(path: Path) -> tuple[int, str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n===\n")
    expected = int(re.search(r"cues\.length, (\d+)", head).group(1))  # type: ignore[union-attr]
    return expected, _unescape(body)


@pytest.mark.parametrize("path", WPT_FILES, ids=lambda p: p.stem)
def test_webvtt_reads_the_cues_browsers_read(path: Path) -> None:
    expected, text = _wpt_case(path)
    track, problems = parse_vtt(text, path.name)
    assert len(track.items) == expected, [str(p) for p in problems]
    if expected == 0:
        assert problems, "a file with no cues must say why"


def _reference_srt_count(path: Path) -> int | None:
    try:
        return len(list(srt.parse(read_text(path).text)))
    except (srt.SRTParseError, ValueError):
        return None


def _reference_vtt_count(path: Path) -> int | None:
    try:
        return len(webvtt.read(str(path)).captions)
    except Exception:  # the reference library's errors, whatever their class
        return None


# (file, the reference library's count, whether the counts must agree even when we report a
# problem: webvtt-py keeps cues the WebVTT rules drop, srt does not)
CASES = [(p, _reference_srt_count, True) for p in SRT_FILES] + [
    (p, _reference_vtt_count, False) for p in VTT_FILES
]


@pytest.mark.parametrize(("path", "count", "strict"), CASES, ids=lambda c: getattr(c, "name", ""))
def test_cue_counts_match_the_reference_libraries(path: Path, count, strict: bool) -> None:  # type: ignore[no-untyped-def]
    reference = count(path)
    try:
        track, problems = load_track(path)
    except FormatError as exc:
        assert not reference, f"the reference reads {reference} cues; we said {exc}"
        return
    if reference is not None and (strict or not problems):
        assert len(track.items) == reference
    if reference is None or not track.items:
        assert problems, "the reference rejects this file or it has no cues: say why"


def test_utf16_utf32_and_windows_1252_subtitles_read_with_their_encoding() -> None:
    pysrt = WILD / "pysrt"
    utf8, _ = load_srt(pysrt / "bom-utf-8.srt")
    for name, encoding in [
        ("bom-utf-16-le.srt", "UTF-16"),
        ("bom-utf-16-be.srt", "UTF-16"),
        ("bom-utf-32-le.srt", "UTF-32"),
        ("bom-utf-32-be.srt", "UTF-32"),
    ]:
        track, problems = load_srt(pysrt / name)
        assert (track.encoding, problems) == (encoding, [])
        assert track.items == utf8.items
    cp1252, problems = load_srt(pysrt / "windows-1252.srt")
    assert cp1252.encoding == "Windows-1252"
    text = " ".join(item.text for item in cp1252.items)
    assert not re.search("[\x80-\x9f]", text), "C1 control characters: read as Latin-1"
    assert "é" in text or "è" in text


def test_form_feed_and_vertical_tab_stay_inside_a_cue() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nbefore\fafter\vend\n"
    track, problems = parse_vtt(text, "x.vtt")
    assert problems == []
    assert len(track.items) == 1 and "after" in track.items[0].text


def test_header_without_blank_line_still_gives_its_cues() -> None:
    text = "WEBVTT\nKind: captions\n00:00:01.000 --> 00:00:02.000\nhello\n"
    track, problems = parse_vtt(text, "x.vtt")
    assert [i.text for i in track.items] == ["hello"] and problems == []


@pytest.mark.parametrize("name", ["x.srt", "x.vtt", "x.json", "x.txt"])
def test_an_empty_file_says_so(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(FormatError, match="the file is empty"):
        load_track(path)
