"""``find_quotes``: the one call that finds every quote of a brief in the listener's audio.

From a transcript when there is one (the copy's own times, so exact and fast), else by
listening to the audio around each quote. Either way each quote gets a find and a confidence,
and ``result.settle`` decides which finds are trusted. Nothing is written here: the caller
saves ``alignment.to_sync_points()`` once the listener (or the command line) accepts them, so a
cancelled or failed search leaves the previous sync points as they were.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from player.core.align.errors import AlignError
from player.core.align.result import Alignment, QuoteResult, settle
from player.core.align.words import Token, quote_fragments, split_words
from player.core.brief.models import Brief
from player.core.formats.track import Track
from player.core.jobs import Progress
from player.core.storage.alignments import AlignmentStore, Row
from player.core.storage.syncpoints import audio_key_for

AUDIO = "audio"


def find_quotes(
    brief: Brief,
    audio_path: str | Path,
    transcript: Track | str | Path | None = None,
    progress: Progress | None = None,
    *,
    store: AlignmentStore | None = None,
    workers: int | None = None,
) -> Alignment:
    """Where each quote of ``brief`` is heard in ``audio_path``.

    Raises ``AlignError`` for input that cannot be aligned (no quotes, unreadable audio or
    transcript) and ``Cancelled`` when the listener stops it. With ``store``, a search already
    done for this file and these quotes is reused instead of decoding again.
    """
    progress = progress or Progress()
    audio = Path(audio_path)
    quotes = [(q.at, quote_fragments(q.text)) for q in brief.quotes]
    if not quotes:
        raise AlignError("The brief has no quotes to look for.")
    if not any(frags for _, frags in quotes):
        raise AlignError("The brief's quotes have no words to look for.")
    track = _load_transcript(transcript)
    key = _audio_key(audio)
    source = AUDIO if track is None else "transcript:" + _track_key(track)
    rows = store.get(key, brief_key(brief), source) if store else None
    stats: dict[str, float] = {"cached": float(rows is not None)}
    if rows is None or len(rows) != len(quotes):
        if track is not None:
            rows = _from_transcript(quotes, track, progress)
        else:
            rows = _from_audio(brief, audio, quotes, progress, workers, stats)
        if store is not None:
            store.put(key, brief_key(brief), source, rows)
    results = settle(
        [
            QuoteResult(n, round(q.at * 1000), q.text, found, conf)
            for n, (q, (found, conf)) in enumerate(zip(brief.quotes, rows, strict=True))
        ]
    )
    progress(1, 1, "Quotes found")
    alignment = Alignment(tuple(results), "audio" if track is None else "transcript", "", stats)
    return Alignment(alignment.quotes, alignment.source, _message(alignment), stats)


def brief_key(brief: Brief) -> str:
    """Changes when any quote's time or words change, so an edited brief is searched again."""
    h = hashlib.sha256()
    for q in brief.quotes:
        h.update(f"{q.at:.3f}\x1f{q.text}\x1e".encode())
    return h.hexdigest()[:32]


def _track_key(track: Track) -> str:
    return hashlib.sha256(track.model_dump_json().encode()).hexdigest()[:16]


def _audio_key(audio: Path) -> str:
    try:
        if audio.stat().st_size == 0:
            raise AlignError(f"{audio}: the file is empty (0 bytes).")
        return audio_key_for(audio)
    except OSError as e:
        raise AlignError(f"{audio}: cannot be read ({e.strerror or e}).") from None


def _load_transcript(transcript: Track | str | Path | None) -> Track | None:
    if transcript is None or isinstance(transcript, Track):
        return transcript
    from player.core.formats.problems import FormatError
    from player.core.formats.registry import load_track

    try:
        track, _problems = load_track(transcript)
    except (FormatError, OSError) as e:
        raise AlignError(f"{transcript}: not a readable transcript ({e}).") from None
    if not any(item.text.strip() for item in track.items):
        raise AlignError(f"{transcript}: the transcript has no text.")
    return track


def _from_transcript(
    quotes: list[tuple[float, list[list[Token]]]], track: Track, progress: Progress
) -> list[Row]:
    from player.core.align.transcript import locate_in_transcript

    found = locate_in_transcript(quotes, track, progress)
    return [(None if s is None else round(s * 1000), round(c, 3)) for s, c in found]


def _from_audio(
    brief: Brief,
    audio: Path,
    quotes: list[tuple[float, list[list[Token]]]],
    progress: Progress,
    workers: int | None,
    stats: dict[str, float],
) -> list[Row]:
    from player.core.align import speech
    from player.core.align.search import Target, search_audio
    from player.core.audio.decode import AudioError, duration_s

    if not speech.model_present():
        raise AlignError("The speech model is not installed (pip install pocketsphinx).")
    try:
        length = duration_s(audio)
    except AudioError as e:
        raise AlignError(str(e)) from None
    targets = [Target(at, frags) for at, frags in quotes]
    try:
        search_audio(str(audio), length, targets, vocabulary(brief), progress, workers)
    except AudioError as e:
        raise AlignError(str(e)) from None
    stats["searched_s"] = sum(t.searched_s for t in targets)
    stats["loudest"] = max(t.loudest for t in targets)
    stats["heard_words"] = sum(t.heard_words for t in targets)
    stats["duration_s"] = length
    return [
        (None, 0.0)
        if t.best is None
        else (round(t.best.start_s * 1000), round(t.best.confidence, 3))
        for t in targets
    ]


def vocabulary(brief: Brief) -> list[str]:
    """The brief's own words: what the recogniser may say when it hears something else."""
    parts = [brief.title, *brief.summary, *brief.overview]
    parts += [f"{c.name} {c.description}" for c in brief.concepts]
    parts += [q.text for q in brief.quotes] + [t.text for t in brief.takeaways]
    return sorted(set(split_words(" ".join(parts))))


def _message(alignment: Alignment) -> str:
    """A sentence for the listener when no quote could be trusted; empty otherwise."""
    if alignment.found:
        return ""
    n = len(alignment.quotes)
    stats = alignment.stats
    if alignment.source == "transcript":
        return f"None of the {n} quotes was found in the transcript; no sync points were made."
    if stats.get("loudest", 1) < 300:
        return "The audio is silent where the quotes should be; no sync points were made."
    if stats.get("heard_words", 1) == 0:
        return (
            "No speech was recognised where the quotes should be (music only?); "
            "no sync points were made."
        )
    return (
        f"None of the {n} quotes was heard in this audio (another episode, or not in "
        "English?); no sync points were made."
    )
