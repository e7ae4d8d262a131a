"""Transcript files opened from disk: named after the file, problems named by file and line,
and files that cannot be read or are not text refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.formats.problems import FormatError
from player.core.formats.subrip import load_srt
from player.core.formats.textfile import Decoded, decode
from player.core.formats.transcript_json import load_transcript_json
from player.core.formats.vtt import load_vtt

SRT = "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:0x,000 --> 00:00:04,000\nBad\n"
JSON = '{"segments": [{"startTime": 1, "endTime": 2, "body": "Hi"}, {"startTime": "x"}]}'


@pytest.mark.parametrize(
    ("load", "name", "text"),
    [(load_srt, "Ep 1.srt", SRT), (load_transcript_json, "Ep 1.json", JSON)],
)
def test_a_transcript_file_is_named_after_itself_and_its_problems_after_its_path(
    tmp_path: Path, load, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    track, problems = load(path)
    assert track.name == "Ep 1" and [i.text for i in track.items] == ["Hi"]
    assert len(problems) == 1 and str(problems[0]).startswith(f"{path}:")


@pytest.mark.parametrize("load", [load_srt, load_transcript_json, load_vtt])
def test_a_missing_or_binary_transcript_says_why(tmp_path: Path, load) -> None:
    gone = tmp_path / "gone.txt"
    with pytest.raises(FormatError) as e:
        load(gone)
    assert str(e.value).startswith(
        f"{gone}: "
    ) and "cannot be read: No such file or directory" in str(e.value)
    binary = tmp_path / "song.mp3"
    binary.write_bytes(b"ID3" + b"\x00" * 10)
    with pytest.raises(FormatError) as e:
        load(binary)
    assert str(e.value) == f"{binary}: binary data, not a text file"


def test_a_zero_byte_far_into_a_file_does_not_make_it_binary() -> None:
    assert decode(b"a" * 4096 + b"\x00").text == "a" * 4096 + "\x00"
    with pytest.raises(FormatError):
        decode(b"a" * 4095 + b"\x00")
    assert decode("café".encode("cp1252")) == Decoded("café", "Windows-1252")
    assert decode("\ufeffcafé".encode()) == Decoded("café", "UTF-8")
