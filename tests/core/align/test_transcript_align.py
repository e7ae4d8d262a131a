"""Quotes found in a transcript of the listener's copy, and the matcher behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.align import AlignError, Status, find_quotes
from player.core.align.match import TimedWord, locate
from player.core.align.result import QuoteResult, settle
from player.core.align.words import quote_fragments, split_words
from player.core.brief.parser import load_any
from tests.conftest import REPO

EPISODE = REPO / "content" / "karpathy-ghosts-not-animals"
AD_AT, AD_S = 1500.0, 75.0  # an ad inserted at 25:00 of the copy


def _shifted_vtt(tmp_path: Path) -> Path:
    """The stand-in's transcript as it would be for a copy with one 75 s ad at 25:00."""
    from player.core.formats.webvtt_export import timestamp

    def shift(stamp: str) -> str:
        h, m, s = stamp.strip().split(":")
        t = int(h) * 3600 + int(m) * 60 + float(s)
        return timestamp(t + (AD_S if t >= AD_AT else 0.0))

    lines = []
    for line in (EPISODE / "standin.vtt").read_text().splitlines():
        if "-->" in line:
            a, b = line.split("-->")
            line = f"{shift(a)} --> {shift(b)}"
        lines.append(line)
    out = tmp_path / "copy.vtt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_every_quote_is_found_at_its_time_in_the_copy(tmp_path: Path) -> None:
    brief = load_any(EPISODE / "brief.txt").brief
    result = find_quotes(brief, EPISODE / "standin.opus", _shifted_vtt(tmp_path))
    assert result.source == "transcript"
    assert all(q.status is Status.FOUND for q in result.quotes)
    for q in result.quotes:
        expected = q.written_ms + (AD_S * 1000 if q.written_ms >= AD_AT * 1000 else 0)
        assert abs(q.found_ms - expected) < 1000, q
    late = [b for b, a in result.to_sync_points() if a - b > 70_000]
    assert late and min(late) > AD_AT * 1000


def test_elisions_fillers_and_misheard_words_are_tolerated() -> None:
    spoken = (
        "so um we're not actually uh building animals we're building ghosts "
        + "and i mean that in a very particular way that i will explain later on " * 4
        + "so these sort of "
        "ethereal spirit entities because they're fully digital and they're kind of like mimicing "
        "humans and it's a different kind of intelligence"
    )
    noise = " ".join(["talk"] * 3000)
    words = [
        TimedWord(w, i * 0.3, i * 0.3 + 0.25)
        for i, w in enumerate(split_words(f"{noise} {spoken} {noise}"))
    ]
    quote = (
        "We're not actually building animals, we're building ghosts... these sort of ethereal "
        "spirit entities because they're fully digital, and they're kind of like mimicking humans."
    )
    match = locate(quote_fragments(quote), words)
    assert match is not None and match.confidence > 0.8
    assert words[match.first_word].text == "we're"
    assert abs(match.start_s - words[3002].start_s) < 0.01  # the start, before the elision


def test_a_quote_that_is_not_there_gets_a_low_confidence() -> None:
    words = [TimedWord(w, i, i + 0.5) for i, w in enumerate(split_words("a b c " * 400))]
    match = locate(quote_fragments("Bits are a million times easier than atoms."), words)
    assert match is None or match.confidence < 0.25


def test_finds_against_the_order_of_the_others_are_not_trusted() -> None:
    made = [
        QuoteResult(0, 10_000, "a", 12_000, 0.9),
        QuoteResult(1, 20_000, "b", 5_000, 0.9),  # earlier than the quote before it
        QuoteResult(2, 30_000, "c", 32_000, 0.9),
        QuoteResult(3, 40_000, "d", 47_000, 0.6),  # in order, but jumps away from both neighbours
        QuoteResult(4, 50_000, "e", 52_000, 0.9),
        QuoteResult(5, 60_000, "f", None, 0.0),
    ]
    out = settle(made)
    assert [q.status.value for q in out] == [
        "found", "uncertain", "found", "uncertain", "found", "not found"
    ]  # fmt: skip
    assert out[1].placed_ms == 22_000 and out[3].placed_ms == 42_000 and out[5].placed_ms == 62_000


def test_a_transcript_without_the_quotes_says_so(tmp_path: Path) -> None:
    brief = load_any(EPISODE / "brief.txt").brief
    other = tmp_path / "other.srt"
    other.write_text("1\n00:00:01,000 --> 00:00:04,000\nHello and welcome to the cooking show.\n")
    result = find_quotes(brief, EPISODE / "standin.opus", other)
    assert result.found == [] and "None of the 20 quotes" in result.message


def test_an_unreadable_transcript_is_a_clear_error(tmp_path: Path) -> None:
    brief = load_any(EPISODE / "brief.txt").brief
    bad = tmp_path / "t.json"
    bad.write_text("{not json")
    with pytest.raises(AlignError, match=r"t\.json"):
        find_quotes(brief, EPISODE / "standin.opus", bad)
