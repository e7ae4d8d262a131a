"""What a quote search found, and the rule that decides which finds are trusted.

A find is trusted ("found") only when it is sure enough and agrees with the others: quotes are
heard in the order the brief wrote them, so the trusted finds must form one increasing chain,
and an offset that jumps away from both neighbours while they agree with each other is more
likely a wrong match than an ad on each side. Everything else is "uncertain" (heard somewhere,
not trusted) or "not found"; those quotes stay where the trusted finds map them and are never
written as sync points.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from player.core.sync import SyncMap

FOUND_MIN = 0.4  # trusted from here: wrong places measured at most 0.25 (bench_align.py)
UNCERTAIN_MIN = 0.25  # below this a find is not worth showing
JUMP_MS = 3000  # offsets this far from both agreeing neighbours make a find suspect
SURE = 0.8  # a find this sure is kept even when its offset stands alone


class Status(StrEnum):
    FOUND = "found"
    UNCERTAIN = "uncertain"
    NOT_FOUND = "not found"


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """One quote: where the brief puts it, where it was heard, and how sure that is.

    ``found_ms`` is where the words were heard (None when nowhere); ``placed_ms`` is where the
    quote will light up: ``found_ms`` when trusted, else the time the trusted finds map it to.
    """

    index: int
    written_ms: int
    text: str
    found_ms: int | None
    confidence: float
    status: Status = Status.NOT_FOUND
    placed_ms: int = 0

    @property
    def shift_ms(self) -> int:
        return self.placed_ms - self.written_ms


@dataclass(frozen=True)
class Alignment:
    """The search's answer for one brief against one audio file."""

    quotes: tuple[QuoteResult, ...]
    source: str  # "audio" or "transcript"
    message: str = ""  # said to the listener when nothing could be trusted
    stats: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def found(self) -> list[QuoteResult]:
        return [q for q in self.quotes if q.status is Status.FOUND]

    def to_sync_points(self) -> list[tuple[int, int]]:
        """(brief ms, audio ms) for each trusted find, ready for ``SyncPointStore.set_all``."""
        return [(q.written_ms, q.found_ms) for q in self.found if q.found_ms is not None]

    def to_sync_map(self) -> SyncMap:
        return SyncMap(self.to_sync_points())

    def counts(self) -> dict[str, int]:
        return {s.value: sum(q.status is s for q in self.quotes) for s in Status}


def settle(candidates: list[QuoteResult]) -> list[QuoteResult]:
    """Decide each candidate's status and placed time (see the module's docstring)."""
    chain = _best_chain(candidates)
    chain = _drop_lone_jumps(candidates, chain)
    trusted = {i for i in chain if candidates[i].confidence >= FOUND_MIN}
    points = [(candidates[i].written_ms, candidates[i].found_ms) for i in sorted(trusted)]
    mapping = SyncMap(points)  # the chain is strictly increasing, so this cannot fail
    out = []
    for i, c in enumerate(candidates):
        if i in trusted:
            status = Status.FOUND
        elif c.found_ms is not None and c.confidence >= UNCERTAIN_MIN:
            status = Status.UNCERTAIN
        else:
            status = Status.NOT_FOUND
        placed = c.found_ms if status is Status.FOUND else mapping.to_audio(c.written_ms)
        out.append(replace(c, status=status, placed_ms=int(placed or 0)))
    return out


def _best_chain(c: list[QuoteResult]) -> list[int]:
    """The most confident set of finds increasing in both brief and audio time."""
    usable = [
        i for i, q in enumerate(c) if q.found_ms is not None and q.confidence >= UNCERTAIN_MIN
    ]
    score: dict[int, float] = {}
    back: dict[int, int | None] = {}
    for k, i in enumerate(usable):
        score[i], back[i] = c[i].confidence, None
        for j in usable[:k]:
            if (
                c[j].written_ms < c[i].written_ms
                and c[j].found_ms < c[i].found_ms  # type: ignore[operator]
                and score[j] + c[i].confidence > score[i]
            ):
                score[i], back[i] = score[j] + c[i].confidence, j
    if not score:
        return []
    at: int | None = max(score, key=lambda i: score[i])
    chain = []
    while at is not None:
        chain.append(at)
        at = back[at]
    return chain[::-1]


def _drop_lone_jumps(c: list[QuoteResult], chain: list[int]) -> list[int]:
    def offset(i: int) -> int:
        return int(c[i].found_ms) - c[i].written_ms  # type: ignore[arg-type]

    kept = list(chain)
    for k in range(1, len(chain) - 1):
        before, here, after = chain[k - 1], chain[k], chain[k + 1]
        d0, d, d1 = offset(before), offset(here), offset(after)
        lone = abs(d - d0) > JUMP_MS and abs(d - d1) > JUMP_MS and abs(d1 - d0) <= JUMP_MS
        if lone and c[here].confidence < SURE:
            kept.remove(here)
    return kept
