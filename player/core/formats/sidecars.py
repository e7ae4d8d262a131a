"""Transcript, chapters and cover files that travel beside an episode's audio or brief.

Podcast tools save them next to the audio with the audio's name (``episode.vtt`` beside
``episode.mp3``), feed downloaders as ``transcript.vtt`` or ``chapters.json`` in the episode's
folder. Either is picked up without the listener asking.

Which clock a file's times follow matters once the listener's copy is shifted against the brief:
a file found by the audio's name or in the audio's folder was made for that audio (its times are
audio times); one found only beside the brief was made for the brief's release (brief times).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

TRACK_SUFFIXES = (".vtt", ".srt", ".json")
FOLDER_NAMES = (
    "transcript.vtt",
    "transcript.srt",
    "transcript.json",
    "chapters.json",
)
COVER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
COVER_LIMIT = 20 * 1024 * 1024  # larger is not a cover


class TimeBase(StrEnum):
    AUDIO = "audio"  # times of the listener's audio file
    BRIEF = "brief"  # times of the release the brief was written against


@dataclass(frozen=True, slots=True)
class Sidecar:
    path: Path
    time_base: TimeBase
    why: str = ""  # how it was found, for the list of alternatives offered to the listener


def _named_like(stem_of: Path) -> list[Path]:
    folder, stem = stem_of.parent, stem_of.stem
    out = [folder / f"{stem}{ext}" for ext in TRACK_SUFFIXES]
    out += [folder / f"{stem}.transcript{ext}" for ext in TRACK_SUFFIXES]
    out.append(folder / f"{stem}.chapters.json")
    return out


def find_sidecars(audio: Path | None, brief: Path | None) -> list[Sidecar]:
    """Existing candidate files, ranked: the audio's name, then the brief's, then generic names.

    The first file of each kind (transcript, chapters) is the one to load; the rest are the
    alternatives a listener can pick instead.

    The brief file itself is never a candidate (a JSON brief shares its stem with nothing but
    would match ``{stem}.json``), nor is the audio file.
    """
    ordered: list[Sidecar] = []
    audio_base, brief_base = TimeBase.AUDIO, TimeBase.BRIEF
    if audio is not None:
        ordered += [Sidecar(p, audio_base, "named after the audio") for p in _named_like(audio)]
    if brief is not None:
        ordered += [Sidecar(p, brief_base, "named after the brief") for p in _named_like(brief)]
    if audio is not None:
        generic = "in the audio's folder"
        ordered += [Sidecar(audio.parent / n, audio_base, generic) for n in FOLDER_NAMES]
    if brief is not None:
        generic = "in the brief's folder"
        ordered += [Sidecar(brief.parent / n, brief_base, generic) for n in FOLDER_NAMES]
    skip = {_resolved(p) for p in (audio, brief) if p is not None}
    seen: set[Path] = set()
    out: list[Sidecar] = []
    for car in ordered:
        key = _resolved(car.path)
        if key in seen or key in skip or not car.path.is_file():
            continue
        seen.add(key)
        out.append(car)
    return out


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def cover_beside(audio: Path) -> Path | None:
    """The art saved under the audio's name (``episode.jpg`` beside ``episode.mp3``), as a
    download from the feed leaves it, for audio that carries no cover of its own."""
    for suffix in COVER_SUFFIXES:
        path = audio.with_name(audio.stem + suffix)
        try:
            if path.is_file() and 0 < path.stat().st_size <= COVER_LIMIT:
                return path
        except OSError:
            continue
    return None
