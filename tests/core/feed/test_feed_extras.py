"""What the feed offers beside the audio, saved where the sidecar pickup looks: the transcripts
the player can show in step, the chapters and the art; each one that fails is a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.feed.extras import fetch_extras, usable_transcripts
from player.core.feed.reader import FeedEpisode, TranscriptLink
from player.core.jobs import Progress, Step
from tests.feed_server import FeedHost

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n"
SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
MiB = 1024 * 1024


def _fetch(tmp_path: Path, **fields) -> tuple[list[str], list[str], list[Step]]:
    """File names saved beside ``ep.mp3``, the notes, and the progress steps."""
    steps: list[Step] = []
    episode = FeedEpisode(guid="g", title="Ep", **fields)
    extras = fetch_extras(episode, tmp_path / "ep.mp3", Progress(steps.append))
    assert all(p.parent == tmp_path and p.is_file() for p in extras.files)
    return [p.name for p in extras.files], list(extras.notes), steps


@pytest.mark.parametrize(
    ("links", "suffixes"),
    [
        ([("a.vtt", "text/vtt"), ("b.srt", "application/x-subrip")], [".vtt", ".srt"]),
        (
            [("a", "text/srt; charset=utf-8"), ("b", "application/json")],
            [".srt", ".transcript.json"],
        ),
        ([("a.txt", "text/plain"), ("b.html", "text/html"), ("c.vtt", "text/html")], []),
        (
            [("a/captions.VTT", ""), ("b.srt", ""), ("c.json", ""), ("d.txt", "")],
            [".vtt", ".srt", ".transcript.json"],
        ),
        ([("first.vtt", "text/vtt"), ("second.vtt", ""), ("third", "text/vtt")], [".vtt"]),
    ],
)
def test_only_timed_transcripts_are_taken_the_first_of_each_format(
    links: list[tuple[str, str]], suffixes: list[str]
) -> None:
    given = tuple(TranscriptLink(f"https://h.example/{url}", kind) for url, kind in links)
    usable = usable_transcripts(given)
    assert [suffix for _, suffix in usable] == suffixes
    assert all(link in given for link, _ in usable)
    if suffixes == [".vtt"]:
        assert usable[0][0].url.endswith("/first.vtt")


def test_the_transcript_chapters_and_art_land_beside_the_audio_with_progress(
    host: FeedHost, tmp_path: Path
) -> None:
    files, notes, steps = _fetch(
        tmp_path,
        transcripts=(TranscriptLink(host.put("/t.vtt", VTT, "text/vtt"), "text/vtt"),),
        chapters_url=host.put("/c.json", '{"version": "1.2.0", "chapters": []}'),
        image_url=host.put("/art", b"\xff\xd8\xff\xe0", "image/jpeg"),
    )
    assert (files, notes) == (["ep.vtt", "ep.chapters.json", "ep.jpg"], [])
    assert (tmp_path / "ep.vtt").read_text() == VTT
    done = [s.done for s in steps]
    assert done == sorted(done) and all(0 <= d <= s.total for d, s in zip(done, steps, strict=True))
    assert steps[-1].message == "Saved 3 of 3 files beside the audio"
    assert {s.message for s in steps} >= {
        "Reading the transcript from 127.0.0.1",
        "Reading the chapters from 127.0.0.1",
        "Reading the episode's art from 127.0.0.1",
    }


@pytest.mark.parametrize(
    ("path", "content_type", "data", "name"),
    [
        ("/art", "application/octet-stream", b"\x89PNG\r\n\x1a\n", "ep.png"),
        ("/art", "", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "ep.webp"),
        ("/art.png", "binary/octet-stream", b"\xff\xd8\xff\xe0", "ep.jpg"),
        ("/art.JPEG", "application/octet-stream", b"\x00\x00", "ep.jpg"),
        ("/art.jpg", "application/octet-stream", b"\x00\x00", "ep.jpg"),
        ("/art.PNG", "application/octet-stream", b"\x00\x00", "ep.png"),
        ("/art.webp", "application/octet-stream", b"RIFF\x00", "ep.webp"),
        ("/art", "image/webp", b"\x00\x00", "ep.webp"),
        ("/art.jpg", "image/png", b"\x00\x00", "ep.png"),
    ],
)
def test_the_arts_kind_is_the_servers_word_else_its_bytes_else_its_address(
    host: FeedHost, tmp_path: Path, path: str, content_type: str, data: bytes, name: str
) -> None:
    host.put(path, data, content_type)
    assert _fetch(tmp_path, image_url=host.url(path))[:2] == ([name], [])


@pytest.mark.parametrize(
    ("data", "path"),
    [(b"GIF89a", "/art.gif"), (b"RIFF\x00\x00\x00\x00WAVE", "/art"), (b"\x00\x00", "/art")],
)
def test_art_of_another_kind_is_a_note(
    host: FeedHost, tmp_path: Path, data: bytes, path: str
) -> None:
    url = host.put(path, data, "application/octet-stream")
    files, notes, _ = _fetch(tmp_path, image_url=url)
    assert files == []
    assert notes == [f"The episode's art was not fetched: {url} is not a JPEG, PNG or WebP image."]


def test_a_web_page_instead_of_a_file_is_a_note_naming_what_was_wanted(
    host: FeedHost, tmp_path: Path
) -> None:
    page = host.put("/login", "\n  <!DOCTYPE html><html>Sign in</html>", "text/html")
    bare = host.put("/bare", "<HTML><body>Sign in</body></HTML>", "text/html")
    files, notes, _ = _fetch(
        tmp_path,
        transcripts=(TranscriptLink(page, "text/vtt"),),
        chapters_url=bare,
        image_url=page,
    )
    assert files == []
    assert notes == [
        f"The transcript was not fetched: {page} is a web page, not the transcript.",
        f"The chapters was not fetched: {bare} is a web page, not the chapters.",
        f"The episode's art was not fetched: {page} is a web page, not the episode's art.",
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("kind", "body", "saved", "problem"),
    [
        ("text/vtt", "hello there\n", "ep.vtt", "not a WebVTT file"),
        ("application/srt", "hello there\n", "ep.srt", "no SRT cues found"),
        ("application/json", '{"x": 1', "ep.transcript.json", "not valid JSON"),
    ],
)
def test_a_transcript_the_player_cannot_read_is_not_kept(
    host: FeedHost, tmp_path: Path, kind: str, body: str, saved: str, problem: str
) -> None:
    url = host.put("/t", body, kind)
    files, notes, _ = _fetch(tmp_path, transcripts=(TranscriptLink(url, kind),))
    assert files == []
    [note] = notes
    assert note.startswith(f"The transcript was not fetched: {tmp_path / saved}:1: {problem}")
    assert not (tmp_path / saved).exists()


def test_chapters_the_player_cannot_read_are_not_kept(host: FeedHost, tmp_path: Path) -> None:
    files, notes, _ = _fetch(tmp_path, chapters_url=host.put("/c.json", '{"x": 1'))
    assert files == [] and not (tmp_path / "ep.chapters.json").exists()
    assert notes[0].startswith("The chapters was not fetched: ")


def test_a_transcript_over_ten_megabytes_is_refused_but_art_may_be_larger(
    host: FeedHost, tmp_path: Path
) -> None:
    huge = host.put("/t.vtt", b"WEBVTT\n\n" + b" " * (10 * MiB), "text/vtt")
    art = host.put("/art", b"\xff\xd8" + bytes(15 * MiB), "image/jpeg")
    files, notes, _ = _fetch(
        tmp_path, transcripts=(TranscriptLink(huge, "text/vtt"),), image_url=art
    )
    assert files == ["ep.jpg"]
    assert notes == [
        f"The transcript was not fetched: {huge} is {10 * MiB + 8:,} bytes: "
        "too large for the transcript."
    ]
    big_art = host.put("/big", b"\xff\xd8" + bytes(21 * MiB), "image/jpeg")
    assert "too large for the episode's art" in _fetch(tmp_path, image_url=big_art)[1][0]


def test_a_file_that_cannot_be_written_is_a_note(host: FeedHost, tmp_path: Path) -> None:
    (tmp_path / "ep.vtt.part").mkdir()  # something in the way of the temporary file
    url = host.put("/t.vtt", VTT, "text/vtt")
    files, notes, _ = _fetch(tmp_path, transcripts=(TranscriptLink(url, "text/vtt"),))
    assert files == []
    assert notes == [
        f"The transcript was not fetched: Cannot write {tmp_path / 'ep.vtt'}: Is a directory."
    ]
