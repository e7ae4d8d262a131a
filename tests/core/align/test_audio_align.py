"""Quotes found by listening: espeak-ng speech with an "ad" of other speech inserted."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from player.core.align import AlignError, Status, find_quotes
from player.core.align.result import FOUND_MIN
from player.core.brief.models import Brief, Quote
from player.core.jobs import Cancelled, CancelToken, Progress
from player.core.storage.alignments import AlignmentStore
from player.core.storage.database import open_memory
from player.core.storage.syncpoints import SyncPointStore, audio_key_for
from tests.core.align.speech_audio import AD, SENTENCES, compose, speak

WRITTEN = (2.0, 14.0, 26.0)
AD_AT, AD_S = 9.0, 9.0  # an ad inserted between the first and second quote


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("align-audio")


@pytest.fixture(scope="module")
def brief() -> Brief:
    return Brief(quotes=tuple(Quote(at=t, text=s) for t, s in zip(WRITTEN, SENTENCES, strict=True)))


@pytest.fixture(scope="module")
def copy_with_ad(work: Path) -> Path:
    parts = [(WRITTEN[0], speak(SENTENCES[0], work))]
    parts.append((AD_AT, speak(AD, work, "en-gb+f3")[: int(AD_S * 16000) * 2]))
    parts += [(t + AD_S, speak(s, work)) for t, s in zip(WRITTEN[1:], SENTENCES[1:], strict=True)]
    return compose(work / "copy.wav", parts, 40.0)


@pytest.fixture(scope="module")
def found(brief: Brief, copy_with_ad: Path):
    return find_quotes(brief, copy_with_ad, workers=1)


def test_every_quote_is_found_within_a_second_of_where_it_is_spoken(found) -> None:
    truth = [WRITTEN[0], WRITTEN[1] + AD_S, WRITTEN[2] + AD_S]
    assert [q.status for q in found.quotes] == [Status.FOUND] * 3
    for q, t in zip(found.quotes, truth, strict=True):
        assert abs(q.found_ms / 1000 - t) < 1.0, (q, t)
        assert q.confidence >= FOUND_MIN
    assert found.to_sync_map().to_audio(round(WRITTEN[2] * 1000)) == found.quotes[2].found_ms
    assert found.message == ""


def test_a_second_run_reuses_the_stored_search(brief: Brief, copy_with_ad: Path) -> None:
    store = AlignmentStore(open_memory())
    first = find_quotes(brief, copy_with_ad, workers=1, store=store)
    again = find_quotes(brief, copy_with_ad, workers=1, store=store)
    assert again.stats["cached"] == 1.0 and first.stats["cached"] == 0.0
    assert again.quotes == first.quotes


def test_cancel_stops_the_search_and_writes_nothing(brief: Brief, copy_with_ad: Path) -> None:
    points = SyncPointStore(open_memory())
    key = audio_key_for(copy_with_ad)
    points.set_all(key, [(1000, 1500)])
    token = CancelToken()
    steps = []

    def report(step) -> None:
        steps.append(step)
        token.cancel()

    with pytest.raises(Cancelled):
        find_quotes(brief, copy_with_ad, progress=Progress(report, token), workers=1)
    assert steps  # it had started
    assert [tuple(p) for p in points.get(key)] == [(1000, 1500)]


def _no_trusted_find(brief: Brief, audio: Path, words: str) -> None:
    result = find_quotes(brief, audio, workers=1)
    assert result.found == [] and result.to_sync_points() == []
    assert words in result.message


def test_silence_says_so(brief: Brief, work: Path) -> None:
    _no_trusted_find(brief, compose(work / "silence.wav", [], 30.0), "silent")


def test_a_tone_is_not_speech(brief: Brief, work: Path) -> None:
    tone = work / "tone.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(tone),
                    "synth", "30", "sine", "440", "vol", "0.5"], check=True)  # fmt: skip
    result = find_quotes(brief, tone, workers=1)
    assert result.found == [] and result.message


def test_another_language_is_not_taken_for_the_quotes(brief: Brief, work: Path) -> None:
    german = (
        "Der schnelle braune Fuchs springt über den faulen Hund am Ufer des Flusses. "
        "Wissenschaftler entdeckten eine neue Art von Schmetterling im tropischen Wald. "
        "Jeden Morgen öffnet der Bäcker seinen Laden und verkauft frisches warmes Brot."
    )
    audio = compose(work / "german.wav", [(2.0, speak(german, work, "de"))], 30.0)
    _no_trusted_find(brief, audio, "None of the 3 quotes")


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty"), (b"RIFF\x00\x00\x00\x00WAVEjunk" * 50, "not a readable audio file")],
)
def test_unreadable_audio_is_a_clear_error(
    brief: Brief, tmp_path: Path, content: bytes, words: str
) -> None:
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(content)
    with pytest.raises(AlignError, match=words):
        find_quotes(brief, bad, workers=1)


def test_a_truncated_file_finds_what_it_holds(brief: Brief, copy_with_ad: Path, work: Path):
    cut = work / "cut.wav"
    subprocess.run(["sox", str(copy_with_ad), str(cut), "trim", "0", "12"], check=True)
    result = find_quotes(brief, cut, workers=1)
    assert result.quotes[0].status is Status.FOUND
    assert [q.status for q in result.quotes][1:] == [Status.NOT_FOUND] * 2


def test_a_brief_without_quotes_is_refused(copy_with_ad: Path) -> None:
    with pytest.raises(AlignError, match="no quotes"):
        find_quotes(Brief(), copy_with_ad, workers=1)


def test_human_speech_is_found_after_an_inserted_ad(work: Path) -> None:
    """A LibriVox reading (tests/data/librivox) quoted as a book would print it."""
    from player.core.audio.decode import read_pcm
    from tests.conftest import REPO

    reading = read_pcm(REPO / "tests" / "data" / "librivox" / "sense-and-sensibility.opus")
    quotes = (
        (1.5, "Mr. John Dashwood had then leisure to consider how much there might be prudently "
              "in his power to do for them."),
        (10.1, "He was not an ill-disposed young man"),
        (21.39, "Had he married a more amiable woman, he might have been made still more "
                "respectable than he was"),
        (28.94, "he might even have been made amiable himself."),
    )  # fmt: skip
    ad_at, ad = 13.5, speak(AD, work, "en-gb+f3")[: 7 * 16000 * 2]
    cut = int(ad_at * 16000) * 2
    parts = [(0.0, reading.data[:cut]), (ad_at, ad), (ad_at + 7, reading.data[cut:])]
    copy = compose(work / "reading-with-ad.wav", parts, reading.seconds + 7)
    brief = Brief(quotes=tuple(Quote(at=t, text=s) for t, s in quotes))
    result = find_quotes(brief, copy, workers=1)
    for q, (at, _) in zip(result.quotes, quotes, strict=True):
        truth = at + (7 if at > ad_at else 0)
        assert q.status is Status.FOUND, q
        assert abs(q.found_ms / 1000 - truth) < 1.0, (q, truth)
