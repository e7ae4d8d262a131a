#!/usr/bin/env python3
"""Build a stand-in audio track for a bundled episode from its brief.

The real recording is not ours to ship, yet the player needs something to play out of the box
so that the brief's quotes light up at the right moments. This script speaks each quote with
espeak-ng at exactly the second the brief gives for it, keeps silence everywhere else, and makes
the track as long as the real episode so every timestamp and every seek lands where it would on
the real audio. A short spoken note at 0:00 tells the listener what they are hearing.

Silence costs almost nothing in Opus with DTX, so a 2 h 26 min track stays well under 1 MB.

Needs Debian's ``espeak-ng``, ``sox`` and ``opus-tools`` (``opusenc``, ``opusdec``). Run::

    python3 scripts/make_standin.py [content/karpathy-ghosts-not-animals]

It writes ``standin.opus`` into that folder, then decodes it again and checks that every quote
starts on its second with silence before it. ``--check`` runs only the check.

The brief is read with a small regex of its own rather than the app's importer, so the track
can be rebuilt with nothing but the standard library and the tools above.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = REPO / "content" / "karpathy-ghosts-not-animals"
DEFAULT_LENGTH_S = 8760

RATE = 16_000  # speech-grade; Opus encodes it as wideband without resampling
BYTES_PER_SAMPLE = 2
VOICE = "en-us"
WORDS_PER_MINUTE = 165
FASTEST_WPM = 400  # beyond this espeak-ng stops being intelligible
GAP_S = 0.6  # silence kept between the end of one utterance and the next start
FADE_S = 0.08  # fade applied when an utterance must be cut short

# Opus settings: mono speech at a low VBR rate. DTX (OPUS_SET_DTX_REQUEST = 4016) lets the
# encoder send near-empty packets during silence; 60 ms frames cut the per-packet overhead to a
# third of the 20 ms default, and a fixed serial number makes rebuilds byte-for-byte repeatable.
OPUS_BITRATE_KBPS = 12
OPUS_FRAME_MS = 60
OPUS_SET_DTX_REQUEST = 4016
OPUS_SET_MAX_BANDWIDTH = 4004
OPUS_BANDWIDTH_WIDEBAND = 1103
OPUS_SERIAL = 20251017

ONSET_TOLERANCE_S = 0.1
SILENCE_WINDOW_S = 0.4  # checked for silence just before each tolerance window
SILENCE_MAX_AMPLITUDE = 0.01  # -40 dBFS
ONSET_THRESHOLD = "1%"  # sox ``silence`` threshold that counts as sound

_QUOTE_LINE = re.compile(r'^- At (?P<time>\d+:\d{2}(?::\d{2})?) - "(?P<body>.*?)"\s*(?:-\s.*)?$')
_NOTE = re.compile(r"^\[[^\]]*\]\s*")
_TOOLS = ("espeak-ng", "sox", "opusenc", "opusdec")


class StandinError(Exception):
    """A problem the person running the script can fix (missing tool, unreadable brief)."""


@dataclass(frozen=True)
class Utterance:
    """Words to be spoken starting at ``at`` seconds; ``line`` is 0 for the intro."""

    at: int
    text: str
    line: int


@dataclass(frozen=True)
class Clip:
    utterance: Utterance
    pcm: bytes  # mono 16-bit little-endian at RATE, speech from its first sample
    wpm: int
    natural_s: float  # length at the normal speaking rate
    truncated: bool

    @property
    def seconds(self) -> float:
        return len(self.pcm) / (RATE * BYTES_PER_SAMPLE)


def clock_seconds(text: str) -> int:
    """``M:SS``, ``MMM:SS`` or ``H:MM:SS`` as whole seconds."""
    parts = [int(p) for p in text.split(":")]
    total = 0
    for p in parts:
        total = total * 60 + p
    return total


def read_quotes(brief: Path) -> tuple[list[Utterance], list[str]]:
    """Quotes in time order, and ``FILE:LINE: message`` for lines that looked like quotes but
    could not be read, so one odd line does not stop the track being built."""
    quotes: list[Utterance] = []
    problems: list[str] = []
    for n, raw in enumerate(brief.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line.startswith("- At "):
            continue
        m = _QUOTE_LINE.match(line)
        if m is None:
            problems.append(f"{brief}:{n}: quote line not understood, skipped")
            continue
        text = _NOTE.sub("", m["body"].strip()).strip()
        if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
            text = text[1:-1].strip()
        if not text:
            problems.append(f"{brief}:{n}: quote has no words, skipped")
            continue
        quotes.append(Utterance(clock_seconds(m["time"]), text, n))
    quotes.sort(key=lambda q: q.at)
    return quotes, problems


def read_title(brief: Path) -> str:
    for line in brief.read_text(encoding="utf-8").splitlines():
        if line.strip():
            return line.strip()
    return ""


def episode_length(folder: Path) -> int:
    meta = folder / "episode.json"
    if meta.is_file():
        try:
            value = json.loads(meta.read_text(encoding="utf-8")).get("length_s")
        except (ValueError, AttributeError) as exc:
            print(
                f"{meta}:1: not readable JSON ({exc}); using {DEFAULT_LENGTH_S} s", file=sys.stderr
            )
            return DEFAULT_LENGTH_S
        if isinstance(value, int | float) and value > 0:
            return round(value)
    return DEFAULT_LENGTH_S


def intro_text(title: str) -> str:
    spoken_title = title.replace("—", ",").replace("“", "").replace("”", "").replace("’", "'")
    return (
        f"This is a stand-in track for the episode: {spoken_title}. "
        "It is made from the episode's brief: each quote is spoken at its moment in the episode. "
        "You can attach your own copy of the real audio."
    )


def _speak(text: str, wpm: int, workdir: Path, name: str) -> bytes:
    """espeak-ng's voice at RATE with its leading and trailing silence removed, so the first
    sample of the clip is the first sound of the first word."""
    wav = workdir / f"{name}-{wpm}.wav"
    raw = workdir / f"{name}-{wpm}.raw"
    subprocess.run(
        ["espeak-ng", "-v", VOICE, "-s", str(wpm), "--stdin", "-w", str(wav)],
        input=text.encode("utf-8"),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["sox", str(wav), "-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1",
         "-r", str(RATE), str(raw),
         "silence", "1", "0.005", "-50d", "reverse", "silence", "1", "0.005", "-50d", "reverse"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return raw.read_bytes()


def _fade_out(pcm: bytes, seconds: float) -> bytes:
    import array

    samples = array.array("h", pcm)
    n = min(len(samples), int(seconds * RATE))
    for i in range(n):
        j = len(samples) - n + i
        samples[j] = int(samples[j] * (n - i) / n)
    return samples.tobytes()


def fit_clip(utterance: Utterance, window_s: float, workdir: Path) -> Clip:
    """Speak ``utterance`` so it ends ``GAP_S`` before the next one starts: faster if it would
    run over, and cut with a short fade if even the fastest rate is too slow."""
    name = f"u{utterance.at:05d}"
    pcm = _speak(utterance.text, WORDS_PER_MINUTE, workdir, name)
    natural = len(pcm) / (RATE * BYTES_PER_SAMPLE)
    wpm = WORDS_PER_MINUTE
    budget = max(window_s - GAP_S, 0.5)
    if natural > budget:
        wpm = min(FASTEST_WPM, int(WORDS_PER_MINUTE * natural / budget * 1.05) + 1)
        pcm = _speak(utterance.text, wpm, workdir, name)
    truncated = False
    limit = int(budget * RATE) * BYTES_PER_SAMPLE
    if len(pcm) > limit:
        pcm = _fade_out(pcm[:limit], FADE_S)
        truncated = True
    return Clip(utterance, pcm, wpm, natural, truncated)


def build_clips(utterances: list[Utterance], length_s: int, workdir: Path) -> list[Clip]:
    windows = [
        (nxt.at if nxt else length_s) - u.at
        for u, nxt in zip(utterances, [*utterances[1:], None], strict=True)
    ]
    with ThreadPoolExecutor() as pool:
        return list(
            pool.map(
                lambda uw: fit_clip(uw[0], uw[1], workdir), zip(utterances, windows, strict=True)
            )
        )


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def write_transcript(clips: list[Clip], out: Path) -> None:
    """What the stand-in says and exactly when: a WebVTT transcript beside the audio.

    The app finds it by its name (same stem as the audio) and shows it as the episode's
    transcript, so the bundled episode demonstrates a transcript that really matches its audio.
    """
    lines = ["WEBVTT - Stand-in audio: quotes from the brief, spoken by a speech synthesizer", ""]
    for clip in clips:
        start = clip.utterance.at
        text = clip.utterance.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [
            f"{_vtt_time(start)} --> {_vtt_time(start + clip.seconds)}",
            f"<v Speech synthesizer>{text}",
            "",
        ]
    out.write_text("\n".join(lines), encoding="utf-8")


def encode(clips: list[Clip], length_s: int, out: Path, title: str) -> None:
    """Stream silence and speech straight into opusenc: the whole track as raw PCM would be
    280 MB, and only the spoken parts are ever held in memory."""
    cmd = [
        "opusenc", "--quiet", "--raw", "--raw-bits", "16", "--raw-rate", str(RATE),
        "--raw-chan", "1", "--raw-endianness", "0",
        "--speech", "--vbr", "--bitrate", str(OPUS_BITRATE_KBPS),
        "--framesize", str(OPUS_FRAME_MS), "--comp", "10",
        "--set-ctl-int", f"{OPUS_SET_DTX_REQUEST}=1",
        "--set-ctl-int", f"{OPUS_SET_MAX_BANDWIDTH}={OPUS_BANDWIDTH_WIDEBAND}",
        "--serial", str(OPUS_SERIAL), "--padding", "0",
        "--title", f"Stand-in: {title}", "--artist", "Brief Player",
        "--comment", "DESCRIPTION=Quotes from the written brief spoken at their timestamps; "
        "not the real episode audio.",
        "-", str(out),
    ]  # fmt: skip
    total = length_s * RATE * BYTES_PER_SAMPLE
    chunk = bytes(RATE * BYTES_PER_SAMPLE * 10)
    tmp = out.with_suffix(".opus.part")
    cmd[-1] = str(tmp)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    written = 0

    def silence_until(pos: int) -> None:
        nonlocal written
        while written < pos:
            piece = chunk[: min(len(chunk), pos - written)]
            proc.stdin.write(piece)
            written += len(piece)

    try:
        for clip in clips:
            silence_until(clip.utterance.at * RATE * BYTES_PER_SAMPLE)
            pcm = clip.pcm[: total - written]
            proc.stdin.write(pcm)
            written += len(pcm)
        silence_until(total)
        proc.stdin.close()
    finally:
        code = proc.wait()
    if code != 0:
        tmp.unlink(missing_ok=True)
        raise StandinError(f"opusenc failed with exit code {code}")
    tmp.replace(out)


@dataclass(frozen=True)
class OnsetCheck:
    utterance: Utterance
    onset_s: float | None  # where sound was found, None when none near the start
    silence_before: float  # peak amplitude just before the tolerance window

    @property
    def deviation_ms(self) -> float | None:
        return None if self.onset_s is None else (self.onset_s - self.utterance.at) * 1000

    @property
    def ok(self) -> bool:
        dev = self.deviation_ms
        return (
            dev is not None
            and abs(dev) <= ONSET_TOLERANCE_S * 1000
            and self.silence_before <= SILENCE_MAX_AMPLITUDE
        )


def _sox_stat(wav: Path, effects: list[str]) -> dict[str, float]:
    result = subprocess.run(
        ["sox", str(wav), "-n", *effects, "stat"], capture_output=True, text=True
    )
    stats: dict[str, float] = {}
    for line in result.stderr.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            with contextlib.suppress(ValueError, IndexError):
                stats[key.strip()] = float(value.split()[0])
    return stats


def check_onsets(wav: Path, utterances: list[Utterance]) -> list[OnsetCheck]:
    """Sox finds the first sound in a window around each start; sound must begin within
    ``ONSET_TOLERANCE_S`` of it, and the stretch just before must be silent."""
    checks = []
    for u in utterances:
        lead = min(u.at, ONSET_TOLERANCE_S + SILENCE_WINDOW_S)
        window_start = u.at - lead
        span = lead + ONSET_TOLERANCE_S
        after = _sox_stat(
            wav,
            ["trim", f"{window_start:.3f}", f"{span:.3f}",
             "silence", "1", "0.002", ONSET_THRESHOLD]
        )  # fmt: skip
        remaining = after.get("Length (seconds)", 0.0)
        onset = window_start + span - remaining if remaining > 0 else None
        quiet_span = max(lead - ONSET_TOLERANCE_S, 0.0)
        before = (
            _sox_stat(wav, ["trim", f"{window_start:.3f}", f"{quiet_span:.3f}"])
            if quiet_span > 0
            else {}
        )
        peak = max(
            abs(before.get("Maximum amplitude", 0.0)), abs(before.get("Minimum amplitude", 0.0))
        )
        checks.append(OnsetCheck(u, onset, peak))
    return checks


def verify(opus: Path, utterances: list[Utterance], length_s: int) -> bool:
    """Decode the track again and print what a listener would notice if it were wrong."""
    with tempfile.TemporaryDirectory(prefix="standin-check-") as tmp:
        wav = Path(tmp) / "decoded.wav"
        subprocess.run(
            ["opusdec", "--quiet", "--rate", str(RATE), str(opus), str(wav)],
            check=True,
            capture_output=True,
        )
        samples = int(
            subprocess.run(
                ["soxi", "-s", str(wav)], check=True, capture_output=True, text=True
            ).stdout
        )
        duration = samples / RATE
        checks = check_onsets(wav, utterances)
    ok = abs(duration - length_s) < 0.05
    print(f"duration: {duration:.3f} s (expected {length_s} s) {'ok' if ok else 'WRONG'}")
    worst = 0.0
    for c in checks:
        dev = c.deviation_ms
        shown = "no sound" if dev is None else f"{dev:+7.1f} ms"
        status = "ok" if c.ok else "FAIL"
        print(
            f"  {c.utterance.at:5d} s  onset {shown}  peak before {c.silence_before:.4f}  {status}"
        )
        if dev is not None:
            worst = max(worst, abs(dev))
        ok = ok and c.ok
    print(f"onsets: {sum(c.ok for c in checks)}/{len(checks)} ok, max deviation {worst:.1f} ms")
    return ok


def _require_tools() -> None:
    missing = [t for t in _TOOLS if shutil.which(t) is None]
    if missing:
        raise StandinError(
            f"missing {', '.join(missing)}: apt-get install espeak-ng sox opus-tools"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--check", action="store_true", help="only verify the existing track")
    parser.add_argument(
        "--transcript-only",
        action="store_true",
        help="only write standin.vtt (speech is deterministic, so it matches the encoded track)",
    )
    args = parser.parse_args(argv)
    folder: Path = args.folder
    brief = folder / "brief.txt"
    out = folder / "standin.opus"
    try:
        _require_tools()
        if not brief.is_file():
            raise StandinError(f"{brief}: no such brief")
        quotes, problems = read_quotes(brief)
        for p in problems:
            print(p, file=sys.stderr)
        if not quotes:
            raise StandinError(f"{brief}:1: no quotes found")
        length_s = episode_length(folder)
        title = read_title(brief)
        if args.check:
            return 0 if verify(out, quotes, length_s) else 1
        started = time.perf_counter()
        utterances = [Utterance(0, intro_text(title), 0), *(q for q in quotes if q.at > 0)]
        with tempfile.TemporaryDirectory(prefix="standin-") as tmp:
            clips = build_clips(utterances, length_s, Path(tmp))
        for c in clips:
            label = "intro" if c.utterance.line == 0 else f"line {c.utterance.line}"
            sped = c.wpm != WORDS_PER_MINUTE
            note = f" at {c.wpm} wpm (natural {c.natural_s:.1f} s)" if sped else ""
            cut = ", cut short" if c.truncated else ""
            print(f"  {c.utterance.at:5d} s  {c.seconds:5.1f} s  {label}{note}{cut}")
        write_transcript(clips, out.with_suffix(".vtt"))
        if args.transcript_only:
            print(f"wrote {out.with_suffix('.vtt')}")
            return 0
        encode(clips, length_s, out, title)
        built = time.perf_counter() - started
        print(f"wrote {out} ({out.stat().st_size} bytes) in {built:.1f} s")
        ok = verify(out, utterances, length_s)
        print(f"total time {time.perf_counter() - started:.1f} s")
        return 0 if ok else 1
    except StandinError as exc:
        print(f"make_standin: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        tool = exc.cmd[0] if isinstance(exc.cmd, list) else exc.cmd
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
        print(f"make_standin: {tool} failed: {detail}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
