"""Which transcript and chapters files beside an episode are picked up, and in whose time."""

from __future__ import annotations

from pathlib import Path

from player.core.formats.sidecars import TimeBase, find_sidecars


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_files_named_after_the_audio_come_first_and_count_in_audio_time(tmp_path: Path) -> None:
    audio = touch(tmp_path / "dl" / "ep42.mp3")
    brief = touch(tmp_path / "briefs" / "ep42.txt")
    by_audio = touch(tmp_path / "dl" / "ep42.vtt")
    by_brief = touch(tmp_path / "briefs" / "ep42.srt")
    folder = touch(tmp_path / "briefs" / "chapters.json")
    touch(tmp_path / "dl" / "other.vtt")  # another episode's file is not this one's
    found = find_sidecars(audio, brief)
    assert [(c.path, c.time_base) for c in found] == [
        (by_audio, TimeBase.AUDIO),
        (by_brief, TimeBase.BRIEF),
        (folder, TimeBase.BRIEF),
    ]


def test_a_json_brief_is_never_taken_for_its_own_sidecar(tmp_path: Path) -> None:
    brief = touch(tmp_path / "ep.json")
    chapters = touch(tmp_path / "ep.chapters.json")
    assert [c.path for c in find_sidecars(None, brief)] == [chapters]


def test_one_folder_for_audio_and_brief_lists_each_file_once(tmp_path: Path) -> None:
    audio = touch(tmp_path / "audio.mp3")
    brief = touch(tmp_path / "brief.txt")
    transcript = touch(tmp_path / "transcript.vtt")
    found = find_sidecars(audio, brief)
    assert [(c.path, c.time_base) for c in found] == [(transcript, TimeBase.AUDIO)]


def test_nothing_beside_nothing(tmp_path: Path) -> None:
    assert find_sidecars(None, None) == []
    assert find_sidecars(tmp_path / "missing.mp3", None) == []


def test_most_specific_name_ranks_first_and_each_says_why(tmp_path: Path) -> None:
    audio = touch(tmp_path / "standin.opus")
    brief = touch(tmp_path / "brief.txt")
    generic = touch(tmp_path / "transcript.vtt")
    by_brief = touch(tmp_path / "brief.vtt")
    by_audio = touch(tmp_path / "standin.vtt")
    found = find_sidecars(audio, brief)
    assert [(c.path, c.why) for c in found] == [
        (by_audio, "named after the audio"),
        (by_brief, "named after the brief"),
        (generic, "in the audio's folder"),
    ]


def test_the_cover_saved_under_the_audios_name_is_found(tmp_path: Path) -> None:
    from player.core.formats.sidecars import COVER_LIMIT, cover_beside

    audio = touch(tmp_path / "ep42.mp3")
    assert cover_beside(audio) is None
    touch(tmp_path / "ep41.jpg")  # another episode's art
    (tmp_path / "ep42.jpg").write_bytes(b"")  # an empty download is no cover
    (tmp_path / "ep42.jpeg").mkdir()  # nor is a folder
    assert cover_beside(audio) is None
    png = tmp_path / "ep42.png"
    png.write_bytes(b"\x89PNG" + b"\0" * (COVER_LIMIT - 4))  # the largest a cover may be
    assert cover_beside(audio) == png
    touch(tmp_path / "ep42.jpg")
    assert cover_beside(audio) == tmp_path / "ep42.jpg"
    png.write_bytes(b"\x89PNG" + b"\0" * (COVER_LIMIT - 3))
    (tmp_path / "ep42.jpg").unlink()
    assert cover_beside(audio) is None


def test_a_cover_link_to_a_file_that_is_gone_does_not_hide_the_next_one(tmp_path: Path) -> None:
    from player.core.formats.sidecars import cover_beside

    audio = touch(tmp_path / "ep42.mp3")
    (tmp_path / "ep42.jpg").symlink_to(tmp_path / "gone.jpg")
    webp = touch(tmp_path / "ep42.webp")
    assert cover_beside(audio) == webp


def test_each_alternative_offered_says_where_it_was_found(tmp_path: Path) -> None:
    audio = touch(tmp_path / "dl" / "ep42.mp3")
    brief = touch(tmp_path / "briefs" / "ep42.txt")
    touch(tmp_path / "dl" / "ep42.vtt")
    touch(tmp_path / "briefs" / "ep42.srt")
    touch(tmp_path / "dl" / "transcript.vtt")
    touch(tmp_path / "briefs" / "chapters.json")
    assert [(c.path.name, c.why) for c in find_sidecars(audio, brief)] == [
        ("ep42.vtt", "named after the audio"),
        ("ep42.srt", "named after the brief"),
        ("transcript.vtt", "in the audio's folder"),
        ("chapters.json", "in the brief's folder"),
    ]
