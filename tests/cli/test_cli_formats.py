from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.cli import main
from player.cli.formats import export_text
from player.core.brief.models import Brief, Concept, Quote
from player.core.formats.vtt import parse_vtt

MEDIA = Path(__file__).resolve().parents[1] / "data" / "media"


def test_tags_prints_what_a_listener_sees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tags", str(MEDIA / "tone.mp3")]) == 0
    out = capsys.readouterr().out
    assert "Title:     Ghosts, not animals" in out
    assert "Show:      Dwarkesh Podcast" in out
    assert "Cover:     image/png, 73 bytes" in out
    assert "  0:00:00.000  Cold open\n" in out
    assert "    0:00:00.200  Agents\n" in out  # nested one level deeper


def test_tags_on_a_file_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    assert main(["tags", str(junk)]) == 1
    captured = capsys.readouterr()
    assert "junk.bin: not an audio file whose tags can be read" in captured.err
    assert "Traceback" not in captured.err
    assert "may still play" in captured.out


def _brief() -> Brief:
    return Brief(
        title="Ghosts",
        quotes=(Quote(at=5, text="one & two"), Quote(at=65, text="three")),
        concepts=(Concept(name="Ghosts", description="d", at=(65,)),),
    )


def test_export_chapters_text() -> None:
    doc = json.loads(export_text(_brief(), "chapters"))
    assert [c["title"] for c in doc["chapters"]] == ["one & two", "three", "Ghosts"]


def test_export_vtt_text() -> None:
    track, problems = parse_vtt(export_text(_brief(), "vtt"))
    assert problems == []
    assert [i.text for i in track.items] == ["one & two", "three", "Ghosts — d"]


def test_export_command_writes_the_file(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip(
        "player.core.brief.parser", reason="needs the brief parser (load_any), merged separately"
    )
    out = tmp_path / "ep.chapters.json"
    assert main(["export", str(seed_path), "--format", "chapters", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["version"] == "1.2.0"
    assert len(doc["chapters"]) > 5
    assert main(["export", str(seed_path), "--format", "vtt"]) == 0
    assert capsys.readouterr().out.startswith("WEBVTT")


def test_export_of_a_missing_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip(
        "player.core.brief.parser", reason="needs the brief parser (load_any), merged separately"
    )
    assert main(["export", str(tmp_path / "nope.txt"), "--format", "vtt"]) == 1
    assert "nope.txt" in capsys.readouterr().err
