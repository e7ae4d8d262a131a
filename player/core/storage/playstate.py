"""Where the listener left each episode, so reopening it picks up mid-sentence."""

from __future__ import annotations

from player.core.record import Record, init
from player.core.storage.database import Database, utc_now

_COLUMNS = "episode_id, position_ms, speed, volume, muted, audio_path, updated_at, audio_length_ms"


class PlayState(Record):
    """A plain record (read before the window's first frame); a value out of range is a
    ``ValueError`` when it is made, so nothing out of range reaches the database."""

    __slots__ = (
        "episode_id",
        "position_ms",
        "speed",
        "volume",
        "muted",
        "audio_path",
        "updated_at",
        "audio_length_ms",
    )
    episode_id: str
    position_ms: int
    speed: float  # above 0, at most 4
    volume: float  # 0 to 1
    muted: bool
    audio_path: str | None  # the audio file the listener chose
    updated_at: str
    audio_length_ms: int | None  # the chosen file's length, once the player has read it

    def __init__(
        self,
        *,
        episode_id: str,
        position_ms: int = 0,
        speed: float = 1.0,
        volume: float = 1.0,
        muted: bool = False,
        audio_path: str | None = None,
        updated_at: str | None = None,  # now
        audio_length_ms: int | None = None,
    ) -> None:
        if not episode_id:
            raise ValueError("a play state needs an episode id")
        if not (position_ms >= 0 and 0 < speed <= 4.0 and 0.0 <= volume <= 1.0):
            raise ValueError(
                f"play state out of range: position {position_ms} ms, "
                f"speed {speed}, volume {volume}"
            )
        if audio_length_ms is not None and audio_length_ms < 0:
            raise ValueError(f"audio length out of range: {audio_length_ms} ms")
        init(self, "episode_id", episode_id)
        init(self, "position_ms", position_ms)
        init(self, "speed", float(speed))
        init(self, "volume", float(volume))
        init(self, "muted", bool(muted))
        init(self, "audio_path", audio_path)
        init(self, "updated_at", utc_now() if updated_at is None else updated_at)
        init(self, "audio_length_ms", audio_length_ms)


def changed(old: PlayState, *, clear_audio: bool = False, **fields: object) -> PlayState:
    """``old`` with the given fields changed (None: kept as it was), as ``save`` stores it and
    a save still waiting in the queue reads back: another audio file forgets the length known
    of the one before, and ``clear_audio`` forgets the file and its length."""
    changes = {name: value for name, value in fields.items() if value is not None}
    path = changes.get("audio_path")
    if path is not None and path != old.audio_path and "audio_length_ms" not in changes:
        changes["audio_length_ms"] = None
    if clear_audio:
        changes["audio_path"] = changes["audio_length_ms"] = None
    return old.replace(**changes)


class PlayStateStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, episode_id: str) -> PlayState | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM playstate WHERE episode_id=?", (episode_id,))
        if not rows:
            return None
        e, pos, speed, vol, muted, audio, updated, length = rows[0]
        return PlayState(
            episode_id=e,
            position_ms=pos,
            speed=speed,
            volume=vol,
            muted=bool(muted),
            audio_path=audio,
            updated_at=updated,
            audio_length_ms=length,
        )

    def save(
        self,
        episode_id: str,
        *,
        position_ms: int | None = None,
        speed: float | None = None,
        volume: float | None = None,
        muted: bool | None = None,
        audio_path: str | None = None,
        clear_audio: bool = False,
        audio_length_ms: int | None = None,
    ) -> PlayState:
        """Change the given fields and keep the rest.

        The window saves the position every few seconds and the speed only when it changes;
        neither should reset the other. ``clear_audio`` forgets the attached audio file.
        Another audio file forgets the length known of the one before.
        """
        with self.db.transaction():
            old = self.get(episode_id) or PlayState(episode_id=episode_id)
            new = changed(
                old,
                position_ms=position_ms,
                speed=speed,
                volume=volume,
                muted=muted,
                audio_path=audio_path,
                clear_audio=clear_audio,
                audio_length_ms=audio_length_ms,
                updated_at=utc_now(),
            )
            self.put(new)
        return new

    def put(self, state: PlayState) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO playstate ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                (
                    state.episode_id,
                    state.position_ms,
                    state.speed,
                    state.volume,
                    int(state.muted),
                    state.audio_path,
                    state.updated_at,
                    state.audio_length_ms,
                ),
            )

    def forget(self, episode_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM playstate WHERE episode_id=?", (episode_id,))
