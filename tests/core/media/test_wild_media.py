"""Audio files from mutagen's own test suite, and a QuickTime chapter track made with FFmpeg."""

from __future__ import annotations

import array
import fractions
import shutil
from pathlib import Path

import pytest

from player.core.media.tags import MediaInfoError, read_media_info

WILD = Path(__file__).resolve().parents[2] / "data" / "wild" / "mutagen"


@pytest.mark.parametrize("path", sorted(WILD.iterdir()), ids=lambda p: p.name)
def test_every_file_gives_info_or_one_sentence(path: Path) -> None:
    try:
        info = read_media_info(path)
    except MediaInfoError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    assert info.duration_s >= 0


@pytest.mark.parametrize(
    ("name", "title"),
    [("silence-44-s.wv", "Silence"), ("silence-1.wma", "test"), ("silence-2.wma", "test")],
)
def test_apev2_and_asf_titles_are_read(name: str, title: str) -> None:
    assert read_media_info(WILD / name).title == title


def test_apev2_title_on_an_mp3_without_an_id3_title(tmp_path: Path) -> None:
    from mutagen.apev2 import APEv2
    from mutagen.id3 import ID3

    path = tmp_path / "ep.mp3"
    shutil.copy(WILD / "bad-xing.mp3", path)
    ID3(path).delete()
    tag = APEv2()
    tag["Title"] = "Ghosts, not animals"
    tag.save(path)
    assert read_media_info(path).title == "Ghosts, not animals"


def test_empty_audio_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(MediaInfoError, match="the file is empty"):
        read_media_info(WILD / "emptyfile.mp3")


def _m4a_with_chapter_track(path: Path) -> None:
    """Four seconds of AAC with two chapters, then the Nero ``chpl`` list blanked out so that
    only the QuickTime chapter track (as Auphonic and Hindenburg write) is left."""
    av = pytest.importorskip("av")
    out = av.open(str(path), "w", format="ipod")
    stream = out.add_stream("aac", rate=8000, layout="mono")
    ms = fractions.Fraction(1, 1000)
    out.set_chapters(
        [
            {"id": 1, "start": 0, "end": 2000, "time_base": ms, "metadata": {"title": "Intro"}},
            {"id": 2, "start": 2000, "end": 4000, "time_base": ms, "metadata": {"title": "Talk"}},
        ]
    )
    frame = av.AudioFrame(format="s16", layout="mono", samples=8000 * 4)
    frame.planes[0].update(bytes(array.array("h", [0] * 8000 * 4)))
    frame.sample_rate = 8000
    for packet in [*stream.encode(frame), *stream.encode(None)]:
        out.mux(packet)
    out.close()
    data = path.read_bytes()
    if b"chpl" in data:
        i = data.index(b"chpl")
        path.write_bytes(data[:i] + b"free" + data[i + 4 :])


def test_quicktime_chapter_track_in_m4b(tmp_path: Path) -> None:
    import mutagen

    path = tmp_path / "book.m4b"
    _m4a_with_chapter_track(path)
    assert not mutagen.File(path).chapters, "the file must carry only a chapter track"
    info = read_media_info(path)
    assert [(c.start_s, c.end_s, c.title) for c in info.chapters] == [
        (0.0, 2.0, "Intro"),
        (2.0, 4.0, "Talk"),
    ]
