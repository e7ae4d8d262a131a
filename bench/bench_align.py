"""How well, how fast and how lean does ``find_quotes`` place the quotes in a shifted copy?

Test audio no one hand-tunes: the bundled stand-in (2 h 26 min, each quote spoken at its time)
with other synthesized speech inserted as ads of three lengths at three places between quotes,
re-encoded to Opus. The truth for each quote is its written time plus the ads before it.

Printed, for the audio search, the transcript search (the stand-in's WebVTT shifted the same
way) and the baseline of one global offset (what a single manual sync point at the first quote
gives): quotes within 1 s, within 3 s, not found, and wrong (off by more than 3 s) with
confidence >= 0.5; alignment time as a share of the episode's length; peak memory of this
process and of the worker processes; and the second run from the stored result.

Run: .venv/bin/python bench/bench_align.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
EPISODE = REPO / "content" / "karpathy-ghosts-not-animals"

# (insert before this brief second, seconds of ad)
ADS = (
    (300, 40.0),
    (2600, 95.0),
    (6000, 150.0),
)
AD_TEXT = (
    "This episode is brought to you by our sponsor. Fresh meal kits delivered to your door "
    "every week, with fifty percent off your first order. Visit the website today and use the "
    "promo code podcast at checkout. Thinking about a new mattress? Sleep better tonight with a "
    "hundred night trial and free returns. Terms apply. "
)


def make_copy(workdir: Path) -> tuple[Path, Path, list[tuple[float, float]]]:
    """Opus copy with ads, its shifted transcript, and the (brief s, shift s) of each ad."""
    from player.core.audio.decode import BYTES_PER_SAMPLE, RATE, read_pcm

    ad_wav = workdir / "ad.wav"  # kept: the human-speech check reuses it
    subprocess.run(
        ["espeak-ng", "-v", "en-gb+f3", "-s", "170", "-w", str(ad_wav), AD_TEXT * 8], check=True
    )
    ad = read_pcm(ad_wav).data
    pcm = read_pcm(EPISODE / "standin.opus").data
    out, last = [], 0
    for at, seconds in ADS:
        cut = at * RATE * BYTES_PER_SAMPLE
        out.append(pcm[last:cut])
        n = int(seconds * RATE) * BYTES_PER_SAMPLE
        out.append((ad * (1 + n // len(ad)))[:n])
        last = cut
    out.append(pcm[last:])
    shifts = ad_shifts()
    raw = workdir / "copy.raw"
    raw.write_bytes(b"".join(out))
    opus = workdir / "copy-with-ads.opus"
    subprocess.run(
        ["opusenc", "--quiet", "--raw", "--raw-rate", str(RATE), "--raw-chan", "1",
         "--bitrate", "24", str(raw), str(opus)],
        check=True,
    )  # fmt: skip
    raw.unlink()
    vtt = workdir / "copy-with-ads.vtt"
    vtt.write_text(_shifted_vtt((EPISODE / "standin.vtt").read_text(), shifts), encoding="utf-8")
    return opus, vtt, shifts


def ad_shifts() -> list[tuple[float, float]]:
    """(brief second, total shift from there on) for each inserted ad."""
    out, total = [], 0.0
    for at, seconds in ADS:
        total += seconds
        out.append((float(at), total))
    return out


def shift_at(t: float, shifts: list[tuple[float, float]]) -> float:
    return max([s for at, s in shifts if at <= t], default=0.0)


def _shifted_vtt(text: str, shifts: list[tuple[float, float]]) -> str:
    from player.core.formats.webvtt_export import timestamp

    def parse(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    lines = []
    for line in text.splitlines():
        if "-->" in line:
            a, b = (parse(x.strip()) for x in line.split("-->"))
            d = shift_at(a, shifts)
            line = f"{timestamp(a + d)} --> {timestamp(b + d)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def score(rows: list[tuple[float, float | None, float]]) -> dict[str, int]:
    """rows: (truth s, placed s or None when not trusted, confidence)."""
    within1 = sum(1 for t, f, _ in rows if f is not None and abs(f - t) <= 1)
    within3 = sum(1 for t, f, _ in rows if f is not None and abs(f - t) <= 3)
    missing = sum(1 for _, f, _ in rows if f is None)
    wrong = sum(1 for t, f, c in rows if f is not None and abs(f - t) > 3 and c >= 0.5)
    return {"within 1 s": within1, "within 3 s": within3, "not found": missing, "wrong": wrong}


def run_once(brief, audio: Path, transcript: Path | None, store) -> tuple[object, float]:
    from player.core.align import find_quotes

    started = time.perf_counter()
    alignment = find_quotes(brief, audio, transcript, store=store)
    return alignment, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="make the test audio here, or reuse it")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_copy(args.make)
        return 0
    if args.measure:
        return measure(args.measure)
    # Making the copy holds the whole episode as PCM; it runs in a process of its own so the
    # peak memory printed is the search's alone.
    with tempfile.TemporaryDirectory(prefix="bench-align-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if not (work / "copy-with-ads.opus").exists():
            t0 = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--make", str(work)], check=True)
            print(f"test audio made in {time.perf_counter() - t0:.0f} s")
        return subprocess.run([sys.executable, __file__, "--measure", str(work)]).returncode


def measure(work: Path) -> int:
    from player.core.audio.decode import duration_s
    from player.core.brief.parser import load_any
    from player.core.storage.alignments import AlignmentStore
    from player.core.storage.database import open_memory

    brief = load_any(EPISODE / "brief.txt").brief
    audio, vtt, shifts = work / "copy-with-ads.opus", work / "copy-with-ads.vtt", ad_shifts()
    print(
        f"test audio: {audio.stat().st_size:,} bytes Opus, ads of "
        f"{', '.join(f'{s:.0f} s' for _, s in ADS)} before brief "
        f"{', '.join(str(at) for at, _ in ADS)} s"
    )
    length = duration_s(audio)
    truth = [q.at + shift_at(q.at, shifts) for q in brief.quotes]
    store = AlignmentStore(open_memory())

    audio_result, audio_s = run_once(brief, audio, None, store)
    _, cached_s = run_once(brief, audio, None, store)
    text_times = [run_once(brief, audio, vtt, None)[1] for _ in range(5)]
    text_result, _ = run_once(brief, audio, vtt, None)

    def rows(alignment):
        return [
            (t, q.found_ms / 1000 if q.status == "found" else None, q.confidence)
            for t, q in zip(truth, alignment.quotes, strict=True)
        ]

    first = audio_result.quotes[0]
    offset = ((first.found_ms or first.written_ms) - first.written_ms) / 1000
    baseline = [(t, q.at + offset, 1.0) for t, q in zip(truth, brief.quotes, strict=True)]
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(f"episode: {length / 60:.1f} min, {len(brief.quotes)} quotes")
    for name, r in (
        ("audio", rows(audio_result)),
        ("transcript", rows(text_result)),
        ("one global offset", baseline),
    ):
        s = score(r)
        print(f"{name:>18}: " + ", ".join(f"{k} {v}" for k, v in s.items()))
    errors = [abs(f - t) for t, f, _ in rows(audio_result) if f is not None]
    if errors:
        print(
            f"audio error: median {statistics.median(errors) * 1000:.0f} ms, "
            f"max {max(errors) * 1000:.0f} ms"
        )
    confidences = sorted(q.confidence for q in audio_result.quotes)
    lowest, middle = confidences[0], statistics.median(confidences)
    print(f"audio confidence: lowest {lowest:.2f}, median {middle:.2f}")
    print(
        f"audio search: {audio_s:.1f} s = {audio_s / length * 100:.2f} % of the episode; "
        f"{audio_result.stats.get('searched_s', 0) / 60:.1f} min of audio recognised"
    )
    print(f"second run from the stored result: {cached_s * 1000:.0f} ms")
    median_text = statistics.median(text_times)
    print(
        f"transcript search: median {median_text * 1000:.0f} ms "
        f"({median_text / length * 100:.4f} % of the episode)"
    )
    print(f"peak memory: main process {self_mb:.0f} MB, largest worker {child_mb:.0f} MB")
    steered_or_free(brief, audio, truth)
    human_speech(work)
    return 0


def steered_or_free(brief, audio: Path, truth: list[float]) -> None:
    """Each quote's first window heard twice: steered toward the quote, and with the general
    English model; both matched the same way. Also how fast each hears continuous speech."""
    from player.core.align import speech
    from player.core.align.match import locate
    from player.core.align.run import vocabulary
    from player.core.align.search import WINDOWS
    from player.core.align.words import quote_fragments

    background = vocabulary(brief)
    before, after = WINDOWS[0]
    for steer in (True, False):
        placed, spent, heard_s = 0, 0.0, 0.0
        for q, t in zip(brief.quotes, truth, strict=True):
            fragments = quote_fragments(q.text)
            words = [w.text for f in fragments for w in f]
            started = time.perf_counter()
            heard = speech.hear(str(audio), t - before, before + after, words, background, steer)
            spent += time.perf_counter() - started
            heard_s += heard.end_s - heard.start_s
            match = locate(fragments, list(heard.words), t)
            placed += bool(match and match.confidence >= 0.4 and abs(match.start_s - t) <= 1)
        name = "steered" if steer else "general model"
        print(
            f"{name:>13}: {placed}/{len(truth)} first windows place the quote within 1 s, "
            f"{spent:.1f} s for {heard_s / 60:.1f} min"
        )
    speech_s = 60.0  # the first ad: a minute of continuous synthesized speech
    start = ADS[0][0] + 1.0
    for steer in (True, False):
        started = time.perf_counter()
        speech.hear(str(audio), start, min(speech_s, ADS[0][1] - 2), ["sponsor"], background, steer)
        spent = time.perf_counter() - started
        name = "steered" if steer else "general model"
        print(f"{name:>13}: continuous speech heard at {spent / (ADS[0][1] - 2):.3f} x real time")


def human_speech(work: Path) -> None:
    """The LibriVox reading in tests/data with a synthesized ad inserted after 13.5 s."""
    from player.core.align import find_quotes
    from player.core.audio.decode import read_pcm
    from player.core.brief.models import Brief, Quote

    reading = read_pcm(REPO / "tests" / "data" / "librivox" / "sense-and-sensibility.opus")
    quotes = (
        (1.5, "Mr. John Dashwood had then leisure to consider how much there might be prudently "
              "in his power to do for them."),
        (10.1, "He was not an ill-disposed young man"),
        (14.59, "unless to be rather cold-hearted and rather selfish is to be ill-disposed."),
        (21.39, "Had he married a more amiable woman, he might have been made still more "
                "respectable than he was"),
        (28.94, "he might even have been made amiable himself."),
    )  # fmt: skip
    ad = read_pcm(work / "ad.wav").data[: 7 * 16000 * 2]
    cut = int(13.5 * 16000) * 2
    copy = work / "reading-with-ad.wav"
    import wave

    with wave.open(str(copy), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(reading.data[:cut] + ad + reading.data[cut:])
    brief = Brief(quotes=tuple(Quote(at=t, text=s) for t, s in quotes))
    result = find_quotes(brief, copy, workers=1)
    rows = [
        (t + (7 if t > 13.5 else 0), q.found_ms / 1000 if q.status == "found" else None,
         q.confidence)
        for (t, _), q in zip(quotes, result.quotes, strict=True)
    ]  # fmt: skip
    s = score(rows)
    print(
        "human speech (LibriVox, 5 quotes, 7 s ad): " + ", ".join(f"{k} {v}" for k, v in s.items())
    )
    print("  confidences: " + " ".join(f"{c:.2f}" for _, _, c in rows))


if __name__ == "__main__":
    sys.exit(main())
