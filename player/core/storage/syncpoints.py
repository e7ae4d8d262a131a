"""How the listener's own audio file lines up with the brief's times.

The same episode comes as different files (an ad-free feed, a re-encode, a file with a longer
intro), so alignment is kept per audio file, not per episode. The key must survive the file
being renamed, moved or copied, but must tell apart two episodes of one show whose files start
with the same large cover image: hence size, the first MiB and the last 64 KiB.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from player.core.digest import sha256
from player.core.storage.database import Database

_HEAD = 1 << 20
_TAIL = 1 << 16


class SyncPoint(NamedTuple):
    brief_ms: int
    audio_ms: int


def audio_key_for(path: str | Path) -> str:
    """A stable id for an audio file's content, cheap even for a three-hour episode."""
    p = Path(path)
    size = p.stat().st_size
    h = sha256(str(size).encode())
    with p.open("rb") as f:
        h.update(f.read(_HEAD))
        if size > _HEAD:
            f.seek(max(_HEAD, size - _TAIL))
            h.update(f.read(_TAIL))
    return f"sha256:{h.hexdigest()[:40]}:{size}"


class SyncPointStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, audio_key: str) -> list[SyncPoint]:
        rows = self.db.query(
            "SELECT brief_ms, audio_ms FROM syncpoints WHERE audio_key=? ORDER BY brief_ms",
            (audio_key,),
        )
        return [SyncPoint(int(b), int(a)) for b, a in rows]

    def set_all(self, audio_key: str, points: list[SyncPoint] | list[tuple[int, int]]) -> None:
        """Replace the file's points at once (one brief time keeps its last audio time)."""
        clean = {int(b): int(a) for b, a in points}
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM syncpoints WHERE audio_key=?", (audio_key,))
            conn.executemany(
                "INSERT INTO syncpoints (audio_key, brief_ms, audio_ms) VALUES (?,?,?)",
                [(audio_key, b, a) for b, a in clean.items()],
            )

    def add(self, audio_key: str, brief_ms: int, audio_ms: int) -> None:
        """Add a point, replacing one already at the same brief time."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO syncpoints (audio_key, brief_ms, audio_ms) VALUES (?,?,?)",
                (audio_key, int(brief_ms), int(audio_ms)),
            )

    def remove(self, audio_key: str, brief_ms: int) -> bool:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "DELETE FROM syncpoints WHERE audio_key=? AND brief_ms=?", (audio_key, brief_ms)
            )
        return cur.rowcount > 0
