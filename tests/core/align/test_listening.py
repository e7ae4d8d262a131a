"""Listening for quotes, on short real audio: where each window is put and how it widens, what a
silent copy reports, and what the recogniser hears when steered toward a quote."""

from __future__ import annotations

import itertools
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


def _target(_n: int, written_s: float, found_s: float | None = None, sure: float = 0.9):
    best = None if found_s is None else Match(found_s, found_s + 3, sure, 0)
    return Target(written_s, quote_fragments("Bits are easier"), best)


def test_a_quote_is_looked_for_where_the_nearest_earlier_find_puts_it() -> None:
    targets = [_target(0, 10.0, 19.0), _target(1, 20.0, 60.0, sure=0.3), _target(2, 30.0)]
    assert _expected(targets, 0) == 10.0
    assert _expected(targets, 2) == 39.0  # 9 s late like quote 0; quote 1 is not trusted
    targets[1] = _target(1, 20.0, 24.0)
    assert _expected(targets, 2) == 34.0
    later_only = [_target(0, 10.0), _target(1, 20.0), _target(2, 30.0, 45.0)]
    assert _expected(later_only, 1) == 20.0  # a later find says nothing about an earlier quote


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
    assert _window([_target(0, 0.2)], 0, 0, 0.5) is None  # a file shorter than a second


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
    assert not _widens(short, 0, 1, 60.0, 0.5, 60.0) and not _widens(short, 0, 1, 60.0, 0, 59.5)


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
    assert result.source == "audio" and result.quotes[0].confidence == 0.0
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
    assert (free.start_s, free.end_s, free.peak) == (0.0, 6.0, heard.peak)
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


def test_every_quote_listened_for_is_counted_on_the_bar(tmp_path: Path) -> None:
    audio = _silence(tmp_path / "silent.wav", 300.0)
    brief = Brief(quotes=(Quote(at=100.0, text="Bits are easier"), Quote(at=200.0, text="atoms")))
    steps = []
    find_quotes(brief, audio, progress=Progress(steps.append), workers=None)
    assert [s.message for s in steps if "(" in s.message] == [
        "Listening for quotes (1/2)",
        "Listening for quotes (2/2)",
    ]


def _hum(path: Path, peak: int, seconds: float = 8.0) -> Path:
    import math

    samples = [round(peak * math.sin(2 * math.pi * 200 * i / 16_000)) for i in range(16_000)]
    one = b"".join(s.to_bytes(2, "little", signed=True) for s in samples)
    return compose(path, [(0.0, one * int(seconds))], seconds)


@pytest.mark.parametrize(
    ("peak", "said"),
    [
        (299, "The audio is silent where the quotes should be; no sync points were made."),
        (300, "No speech was recognised where the quotes should be (music only?); "
              "no sync points were made."),
    ],
)  # fmt: skip
def test_the_quietest_sound_listened_to(tmp_path: Path, peak: int, said: str) -> None:
    audio = _hum(tmp_path / "hum.wav", peak)
    heard = speech.hear(str(audio), 0.0, 8.0, ["bits"], [])
    assert heard.peak == peak and heard.words == ()
    result = find_quotes(Brief(quotes=(Quote(at=2.0, text="Bits are easier"),)), audio, workers=1)
    assert result.message == said


@pytest.fixture(scope="module")
def found(spoken: Path):
    brief = Brief(quotes=(Quote(at=0.5, text=SENTENCES[0]),))
    return find_quotes(brief, spoken, workers=1)


def test_a_spoken_quote_is_found_where_it_is_said(found) -> None:
    (quote,) = found.quotes
    assert quote.status.value == "found" and abs(quote.found_ms - 1_000) < 600
    assert 0.4 <= quote.confidence <= 1.0 and quote.confidence == round(quote.confidence, 3)
    assert found.message == "" and found.source == "audio"
    assert found.stats["heard_words"] > 0 and found.stats["loudest"] > speech.SILENT_PEAK
    assert found.stats["duration_s"] == 6.0 and found.stats["searched_s"] == 6.0


def test_other_speech_is_heard_but_not_taken_for_the_quote(tmp_path: Path) -> None:
    work = tmp_path
    audio = compose(work / "other.wav", [(1.0, speak(SENTENCES[2], work))], 7.0)
    result = find_quotes(Brief(quotes=(Quote(at=1.0, text=SENTENCES[0]),)), audio, workers=1)
    assert result.stats["heard_words"] > 0
    assert result.message == (
        "None of the 1 quotes was heard in this audio (another episode, or not in "
        "English?); no sync points were made."
    )


def test_a_quote_said_far_from_its_written_time_is_found_by_a_wider_search(
    tmp_path: Path,
) -> None:
    work = tmp_path
    parts = [(4.0, speak(SENTENCES[2], work)), (80.0, speak(SENTENCES[0], work))]
    audio = compose(work / "far.wav", parts, 90.0)
    result = find_quotes(Brief(quotes=(Quote(at=3.0, text=SENTENCES[0]),)), audio, workers=1)
    (quote,) = result.quotes
    assert quote.status.value == "found" and abs(quote.found_ms - 80_000) < 600


def test_a_file_that_is_not_audio_cannot_be_listened_to(tmp_path: Path) -> None:
    from player.core.align import AlignError

    junk = tmp_path / "notes.mp3"
    junk.write_text("these are my notes, not a recording\n" * 30)
    with pytest.raises(AlignError, match=r"^.*notes\.mp3: not a readable audio file \("):
        find_quotes(Brief(quotes=(Quote(at=1.0, text="Bits are easier"),)), junk, workers=1)


def test_a_fresh_worker_loads_the_recogniser_and_hears_from_its_first_stretch(
    spoken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "_decoder", None)
    monkeypatch.setattr(speech, "_warm", False)
    quote = [t.text for frag in quote_fragments(SENTENCES[0]) for t in frag]
    heard = speech.hear(str(spoken), 0.0, 6.0, quote, [])
    assert speech._warm and speech._decoder is not None
    assert len({w.text for w in heard.words} & set(quote)) >= 5


def test_a_second_of_speech_is_enough_to_hear_words(spoken: Path) -> None:
    quote = [t.text for frag in quote_fragments(SENTENCES[0]) for t in frag]
    heard = speech.hear(str(spoken), 2.5, 1.0, quote, [])
    assert heard.words and all(2.5 <= w.start_s < w.end_s <= 3.5 for w in heard.words)


def test_the_steering_model_is_a_well_formed_arpa_file() -> None:
    text = speech.language_model(["bits", "are", "bits"], ["the", "are", "atoms"])
    lines = text.split("\n")
    assert lines[:5] == ["\\data\\", "ngram 1=6", "ngram 2=4", "", "\\1-grams:"]
    assert text.endswith("\n\n\\end\\\n")
    uni = lines[5 : lines.index("", 5)]
    assert [line.split()[1] for line in uni] == ["<s>", "</s>", "are", "atoms", "bits", "the"]
    assert abs(sum(10 ** float(line.split()[0]) for line in uni) - 1) < 0.0005
    start = lines.index("\\2-grams:")
    bi = lines[start + 1 : lines.index("", start)]
    assert sorted(tuple(line.split()[1:]) for line in bi) == [
        ("<s>", "bits"), ("are", "bits"), ("bits", "</s>"), ("bits", "are")
    ]  # fmt: skip
    assert all(float(line.split()[0]) > float(uni[0].split()[0]) for line in bi)


def test_a_fresh_worker_hearing_only_a_hum_has_nothing_to_adapt_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "_warm", False)
    heard = speech.hear(str(_hum(tmp_path / "hum.wav", 300)), 0.0, 8.0, ["bits"], [])
    assert heard.words == () and not speech._warm


def test_the_models_noise_and_silence_markers_are_never_heard_as_words() -> None:
    from pocketsphinx import get_model_path

    noisedict = Path(get_model_path()) / "en-us" / "en-us" / "noisedict"
    fillers = [line.split()[0] for line in noisedict.read_text().splitlines() if line.strip()]
    assert {"<sil>", "[NOISE]", "[SPEECH]"} <= set(fillers)
    assert [speech.spoken_word(f) for f in fillers] == [""] * len(fillers)
    # A quote that says "noise" is not found in a cough, yet is heard when the word is said.
    assert [speech.spoken_word(w) for w in ("noise", "speech", "the(2)")] == [
        "noise",
        "speech",
        "the",
    ]


def test_words_said_back_to_back_touch_and_never_overlap(spoken: Path) -> None:
    quote = [t.text for frag in quote_fragments(SENTENCES[0]) for t in frag]
    words = speech.hear(str(spoken), 0.0, 6.0, quote, []).words
    pairs = list(itertools.pairwise(words))
    assert all(a.end_s <= b.start_s for a, b in pairs), words
    assert any(a.end_s == b.start_s for a, b in pairs), words


def test_without_the_recogniser_installed_the_search_says_so(
    spoken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from player.core.align import AlignError

    monkeypatch.setitem(sys.modules, "pocketsphinx", None)  # as if it were not installed
    assert not speech.model_present()
    with pytest.raises(AlignError, match=r"^The speech model is not installed \(pip install"):
        find_quotes(Brief(quotes=(Quote(at=1.0, text=SENTENCES[0]),)), spoken, workers=1)
