"""Hearing one stretch of audio with pocketsphinx, steered toward the quote being looked for.

Free recognition with the general English model is slow (about a tenth of real time on one
core) and, on anything but clear studio speech, gets most words wrong. Looking for one known
quote is an easier question: the language model here is built from the quote itself (its word
pairs made likely) over a background of the 1,000 commonest English words and the brief's own
vocabulary. Speech that is the quote comes out as the quote's words in order; other speech (an
ad, another part of the talk) comes out as other words, which the matcher scores low. Without
the common words the recogniser forces every sound into the quote's few words: slower, and more
false finds. Measured on the stand-in,
this is several times faster than free recognition and finds quotes free recognition misses
(bench/bench_align.py).

Runs in worker processes: one decoder per process, loaded once (the acoustic model is the slow
part), with a new small language model per search.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from player.core.align.match import TimedWord
from player.core.align.words import normalise
from player.core.audio.decode import RATE, Pcm, read_pcm

FRAMES_PER_S = 100
SILENT_PEAK = 300  # about -40 dBFS: nothing a recogniser could hear
_QUOTE_PAIR_LOG10 = -0.3
_BACKOFF_LOG10 = -1.0

_decoder = None
_searches = 0
_warm = False


@dataclass(frozen=True, slots=True)
class Heard:
    """What one search window held: the words heard and whether there was any sound."""

    start_s: float
    end_s: float
    words: tuple[TimedWord, ...]
    peak: int


def _get_decoder():
    global _decoder
    if _decoder is None:
        from pocketsphinx import Decoder

        _decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)
    return _decoder


@cache
def common_words() -> tuple[str, ...]:
    """Ordinary English the recogniser may hear instead of the quote (see the data file)."""
    text = (Path(__file__).parent / "common_words.txt").read_text(encoding="utf-8")
    return tuple(w for w in text.split("\n") if w and not w.startswith("#"))


def in_dictionary(words: list[str]) -> list[str]:
    """The words the recogniser can say (it cannot hear a word its dictionary lacks)."""
    d = _get_decoder()
    return [w for w in words if d.lookup_word(w)]


def language_model(quote: list[str], background: list[str]) -> str:
    """An ARPA bigram model: every background word possible, the quote's word pairs likely."""
    vocab = sorted(set(background) | set(quote))
    pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=True)))
    unigram = math.log10(1 / (len(vocab) + 2))
    lines = ["\\data\\", f"ngram 1={len(vocab) + 2}", f"ngram 2={len(pairs)}", "", "\\1-grams:"]
    lines += [f"{unigram:.4f} {w} {_BACKOFF_LOG10}" for w in ["<s>", "</s>", *vocab]]
    lines += ["", "\\2-grams:"]
    lines += [f"{_QUOTE_PAIR_LOG10} {a} {b}" for a, b in pairs]
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def hear(
    audio: str,
    start_s: float,
    seconds: float,
    quote: list[str],
    background: list[str],
    steer: bool = True,
) -> Heard:
    """Recognise ``seconds`` of ``audio`` from ``start_s``, listening for ``quote``.

    ``steer=False`` uses the general English model instead, for the benchmark's comparison.
    """
    from pocketsphinx import NGramModel

    global _searches
    pcm = read_pcm(audio, start_s, seconds)
    peak = pcm.peak()
    if peak < SILENT_PEAK or pcm.seconds < 0.3:
        return Heard(pcm.start_s, pcm.end_s, (), peak)
    d = _get_decoder()
    if not steer:
        d.activate_search("_default")
        return Heard(pcm.start_s, pcm.end_s, tuple(_recognise(d, pcm)), peak)
    known = in_dictionary(quote)
    background = in_dictionary([*common_words(), *background])
    with tempfile.NamedTemporaryFile("w", suffix=".arpa", delete=False) as f:
        f.write(language_model(known, background))
        path = f.name
    try:
        _searches += 1
        name = f"quote{_searches}"
        d.add_lm(name, NGramModel(d.config, d.logmath, path))
        d.activate_search(name)
    finally:
        os.unlink(path)
    try:
        words = _recognise(d, pcm)
    finally:
        d.activate_search("_default")
        d.remove_search(name)
    return Heard(pcm.start_s, pcm.end_s, tuple(words), peak)


def _recognise(d, pcm: Pcm) -> list[TimedWord]:  # d: pocketsphinx.Decoder
    global _warm
    words: list[TimedWord] = []
    stretches = speech_stretches(pcm.data)
    if not _warm and stretches:
        # A fresh decoder's loudness normalisation starts from the model's studio default and
        # misses the first words it hears; one pass over the first stretch adapts it.
        d.start_utt()
        d.process_raw(stretches[0][1], full_utt=True)
        d.end_utt()
        _warm = True
    for start, data in stretches:
        d.start_utt()
        d.process_raw(data, full_utt=True)
        d.end_utt()
        origin = pcm.start_s + start
        for seg in d.seg():
            text = spoken_word(seg.word)
            if not text:
                continue
            words.append(
                TimedWord(
                    text,
                    origin + seg.start_frame / FRAMES_PER_S,
                    origin + (seg.end_frame + 1) / FRAMES_PER_S,
                )
            )
    return words


def spoken_word(token: str) -> str:
    """The compared word a recogniser token stands for; '' for a silence or noise marker.

    The model's fillers (``<sil>``, ``[NOISE]``, ``[SPEECH]``) would otherwise read as the words
    "sil", "noise" and "speech", and a cough could pass for a quote's word.
    """
    return "" if token.startswith(("<", "[")) else normalise(token)


def speech_stretches(data: bytes) -> list[tuple[float, bytes]]:
    """(start seconds, samples) of each stretch with speech in it.

    Recognising each stretch as its own utterance matters: the recogniser normalises loudness
    over an utterance, and a minute that is mostly silence or music skews that so badly that
    clear speech inside it is missed.
    """
    from pocketsphinx import Segmenter

    segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, sample_rate=RATE)
    return [(seg.start_time, seg.pcm) for seg in segmenter.segment(io.BytesIO(data))]


def model_present() -> bool:
    """Whether the wheel's English model is installed (it is never downloaded at run time)."""
    try:
        from pocketsphinx import get_model_path
    except ImportError:
        return False
    return (Path(get_model_path()) / "en-us" / "en-us").is_dir()
