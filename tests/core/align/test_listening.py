"""Listening for quotes, on short real audio: where each window is put and how it widens, what a
silent copy reports, and what the recogniser hears when steered toward a quote."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from player.core.align import find_quotes, speech
from player.core.align.match import Match
from player.core.align.search import WINDOWS, Target, _expected, _widens, _window
from player.core.align.words import quote_fragments
from player.core.brief.models import Brief, Quote
from player.core.jobs import Progress
from tests.core.align.speech_audio import SENTENCES, compose, speak


def _target(index: int, written_s: float, found_s: float | None = None, sure: float = 0.9):
    best = None if found_s is None else Match(found_s, found_s + 3, sure, 0)
    return Target(index, written_s, quote_fragments("Bits are easier"), best)


def test_a_quote_is_looked_for_where_the_nearest_earlier_find_puts_it() -> None:
    targets = [_target(0, 10.0, 19.0), _target(1, 20.0, 60.0, sure=0.3), _target(2, 30.0)]
    assert _expected(targets, 0) == 10.0
    assert _expected(targets, 2) == 39.0  # 9 s late like quote 0; quote 1 is not trusted
    targets[1] = _target(1, 20.0, 24.0)
    assert _expected(targets, 2) == 34.0


def test_each_window_around_the_expected_time_is_wider_and_stays_in_the_file() -> None:
    targets = [_target(0, 100.0)]  # three words: 0.9 s to say, 5 s to spare
    assert _window(targets, 0, 0, 400.0) == (85.0, 65.9)
    assert _window(targets, 0, 1, 400.0) == (40.0, pytest.approx(245.9))
    assert _window(targets, 0, 2, 400.0) == (0.0, 400.0)
    assert _window(targets, 0, 2, 0.0) == (0.0, pytest.approx(705.9))  # length unknown
    assert _window([_target(0, 5.0)], 0, 0, 400.0) == (0.0, pytest.approx(55.9))
    assert _window([_target(0, 500.0)], 0, 0, 400.0) is None  # past the end
    assert _window([_target(0, 414.0)], 0, 0, 400.0) == (399.0, 1.0)  # a second left
    assert _window([_target(0, 415.5)], 0, 0, 400.0) is None  # under a second left


def test_a_window_widens_only_while_a_wider_one_hears_more() -> None:
    targets = [_target(0, 100.0)]
    assert _widens(targets, 0, 0, 400.0, 85.0, 150.9)
    assert _widens(targets, 0, 1, 400.0, 40.0, 285.9)
    assert not _widens(targets, 0, len(WINDOWS) - 1, 400.0, 0.0, 400.0)
    short = [_target(0, 20.0)]
    assert not _widens(short, 0, 1, 60.0, 0.0, 60.0)  # the whole file was heard
    assert _widens(short, 0, 1, 60.0, 0.6, 60.0)
    assert _widens(short, 0, 1, 60.0, 0.0, 59.4)
    assert not _widens(short, 0, 1, 60.0, 0.4, 59.6)  # less than half a second more


def _silence(path: Path, seconds: float) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(bytes(int(seconds * 16_000) * 2))
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_a_silent_copy_is_listened_to_in_widening_windows_and_said_to_be_silent(
    tmp_path: Path, workers: int
) -> None:
    audio = _silence(tmp_path / "silent.wav", 400.0)
    brief = Brief(quotes=(Quote(at=100.0, text="Bits are easier"),))
    steps = []
    result = find_quotes(brief, audio, progress=Progress(steps.append), workers=workers)
    assert result.message == (
        "The audio is silent where the quotes should be; no sync points were made."
    )
    assert result.stats["searched_s"] == pytest.approx(65.9 + 245.9 + 400.0)
    assert result.stats["duration_s"] == 400.0
    assert (result.stats["loudest"], result.stats["heard_words"]) == (0, 0)
    assert [(s.done, s.total, s.message) for s in steps] == [
        (0, 1, "Listening for quotes"),
        (1, 1, "Listening for quotes (1/1)"),
        (1, 1, "Quotes found"),
    ]


def test_a_short_silent_copy_is_heard_whole_once(tmp_path: Path) -> None:
    audio = _silence(tmp_path / "short.wav", 60.0)
    brief = Brief(quotes=(Quote(at=20.0, text="Bits are easier"), Quote(at=90, text="atoms")))
    result = find_quotes(brief, audio, workers=1)
    assert result.stats["searched_s"] == pytest.approx(55.0 + 60.0 + 0.0)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("listening")
    return compose(work / "one.wav", [(1.0, speak(SENTENCES[0], work))], 6.0)


def test_steered_toward_the_quote_the_recogniser_hears_its_words_where_they_are_said(
    spoken: Path,
) -> None:
    quote = [t.text for frag in quote_fragments(SENTENCES[0]) for t in frag]
    heard = speech.hear(str(spoken), 0.0, 6.0, quote, ["river", "bank"])
    assert heard.peak > speech.SILENT_PEAK and (heard.start_s, heard.end_s) == (0.0, 6.0)
    texts = [w.text for w in heard.words]
    in_quote = [w for w in texts if w in quote]
    assert len(set(in_quote)) >= 5, texts
    assert all(1.0 <= w.start_s < w.end_s <= 5.5 for w in heard.words), heard.words
    assert [w.start_s for w in heard.words] == sorted(w.start_s for w in heard.words)
    free = speech.hear(str(spoken), 0.0, 6.0, quote, [], steer=False)
    assert len({w.text for w in free.words} & set(quote)) < len(set(in_quote))


def test_silence_and_a_moment_too_short_hear_nothing(spoken: Path) -> None:
    quiet = speech.hear(str(spoken), 5.6, 0.4, ["river"], [])
    assert quiet.words == () and quiet.peak < speech.SILENT_PEAK
    assert (quiet.start_s, quiet.end_s) == (5.6, 6.0)
    brief = speech.hear(str(spoken), 2.0, 0.25, ["river"], [])
    assert brief.words == () and brief.peak > speech.SILENT_PEAK


def test_the_recogniser_knows_ordinary_words_and_not_made_up_ones() -> None:
    common = speech.common_words()
    assert len(common) > 500 and "the" in common and "" not in common
    assert not any(w.startswith("#") for w in common)
    assert speech.in_dictionary(["river", "zzxqv", "bank"]) == ["river", "bank"]
    assert speech.model_present()
