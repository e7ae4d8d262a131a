"""Damaged audio files: ``read_media_info`` reads them or raises ``MediaInfoError``, never more."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.core.media.tags import MediaInfoError, read_media_info

MEDIA = Path(__file__).resolve().parents[2] / "data" / "media"
FILES = sorted(MEDIA.iterdir())
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.sampled_from(FILES), st.data())
def test_mutated_media(tmp_path_factory, source: Path, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(source.read_bytes())
    # Damage where the tags live (the first couple of KB) most of the time.
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, min(len(raw) - 1, 2048)))
        raw[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path_factory.mktemp("fuzz") / source.name
    path.write_bytes(bytes(raw))
    try:
        info = read_media_info(path)
    except MediaInfoError as exc:
        assert str(exc).startswith(str(path))
        return
    assert info.duration_s >= 0
    assert all(c.start_s >= 0 for c in info.chapters)


@FUZZ
@given(st.binary(max_size=200), st.sampled_from(["mp3", "m4a", "ogg", "opus", "flac", "wav"]))
def test_random_bytes(tmp_path_factory, raw: bytes, ext: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / f"x.{ext}"
    path.write_bytes(raw)
    with contextlib.suppress(MediaInfoError):
        read_media_info(path)
