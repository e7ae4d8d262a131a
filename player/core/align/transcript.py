"""Quotes located in a transcript of the listener's copy: fast, and as exact as its timing.

A transcript's times are the copy's own times, so a quote's place in the text is its place in
the audio. Cues usually hold a sentence or more; a word inside a cue gets a time by its share of
the cue's characters, which is within a fraction of a second for speech at an even pace.
"""

from __future__ import annotations

from player.core.align.match import TimedWord, locate
from player.core.align.words import keep_mask, split_words
from player.core.formats.track import Track
from player.core.jobs import Progress


def timed_words(track: Track) -> list[TimedWord]:
    """Every word of the transcript with its estimated time, fillers dropped."""
    out: list[TimedWord] = []
    items = track.items
    for k, item in enumerate(items):
        words = split_words(item.text)
        if not words:
            continue
        end = item.end_s
        if end is None or end <= item.start_s:
            nxt = items[k + 1].start_s if k + 1 < len(items) else None
            end = nxt if nxt and nxt > item.start_s else item.start_s + 0.33 * len(words)
        span = end - item.start_s
        total = sum(len(w) + 1 for w in words)
        at = 0
        for w, keep in zip(words, keep_mask(words), strict=True):
            t0 = item.start_s + span * at / total
            at += len(w) + 1
            if keep:
                out.append(TimedWord(w, t0, item.start_s + span * at / total))
    return out


def locate_in_transcript(
    quotes: list[tuple[float, list]],
    track: Track,
    progress: Progress,
) -> list[tuple[float | None, float]]:
    """(start seconds or None, confidence) for each (written seconds, fragments)."""
    words = timed_words(track)
    out: list[tuple[float | None, float]] = []
    for n, (written_s, fragments) in enumerate(quotes):
        progress(n, len(quotes), "Finding quotes in the transcript")
        match = locate(fragments, words, near_s=written_s)
        out.append((None, 0.0) if match is None else (match.start_s, match.confidence))
    progress(len(quotes), len(quotes), "Finding quotes in the transcript")
    return out
