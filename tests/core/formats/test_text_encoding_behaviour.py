"""Which encoding a subtitle file is read in, decided by its bytes: the accents a listener sees
and the lines where broken bytes were replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.formats.subrip import load_srt, parse_srt
from player.core.formats.textfile import decode

CUE = "1\n00:00:01,000 --> 00:00:02,000\n"


def test_a_plain_utf8_file_says_utf8_and_a_broken_byte_is_named_by_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ep.srt"
    path.write_bytes(f"{CUE}Café “talk” — yes\n".encode())
    track, problems = load_srt(path)
    assert (track.encoding, problems) == ("UTF-8", [])
    path.write_bytes(f"{CUE}Café “talk” — yes\n".encode() + b"Bad \xff byte\n")
    track, problems = load_srt(path)
    assert track.encoding == "UTF-8"
    assert [str(p) for p in problems] == [f"{path}:4: bytes that are not UTF-8 were replaced"]
    assert track.items[0].text == "Café “talk” — yes Bad \ufffd byte"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (b"caf\xc3\xa9 \x7f\xff", "Windows-1252"),  # as many broken bytes as good: not UTF-8
        (b"caf\xc3\xa9 is \x7f what \x92 he said", "Windows-1252"),  # so too in a long line
        (b"It\x92s a long line of plain English words", "Windows-1252"),  # no good one at all
        (b"\xc3\xa9\xc3\xa9abcdefg\xff", "UTF-8"),  # one broken byte in ten characters
        (b"\xc3\xa9\xc3\xa9\xc3\xa9\xff\xff", "Windows-1252"),  # two in five: too many
        ("\ufffd\ufffd\ufffd é “ ".encode() + b"\xff and more words", "UTF-8"),  # U+FFFD in it
    ],
)
def test_a_file_mostly_utf8_stays_utf8_and_one_mostly_broken_is_windows_1252(
    raw: bytes, encoding: str
) -> None:
    assert decode(raw).encoding == encoding


def test_a_line_of_a_lone_letter_stays_inside_its_cue() -> None:
    track, problems = parse_srt(f"{CUE}Spell it:\nX\nThat is all\n", "ep.srt")
    assert ([i.text for i in track.items], problems) == (["Spell it: X That is all"], [])


def test_a_line_of_other_spaces_stays_inside_its_cue() -> None:
    track, problems = parse_srt(f"{CUE}First\n\u3000\nSecond\n", "ep.srt")
    assert ([i.text for i in track.items], problems) == (["First Second"], [])


def test_the_status_line_says_which_reading_was_chosen_only_when_it_was_not_utf8() -> None:
    from player.core.formats.textfile import encoding_note

    assert encoding_note("ep.srt", "UTF-8") == ""
    assert encoding_note("ep.srt", "") == ""
    assert encoding_note("ep.srt", "Windows-1252") == (
        "ep.srt was read as Windows-1252, not plain UTF-8."
    )
