"""Where the listener left each episode, so reopening it picks up mid-sentence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from player.core.storage.database import Database, utc_now

_COLUMNS = "episode_id, position_ms, speed, volume, muted, audio_path, updated_at, audio_length_ms"


@dataclass(frozen=True, slots=True, kw_only=True)
class PlayState:
    """A plain record (read before the window's first frame); a value out of range is a
    ``ValueError`` when it is made, so nothing out of range reaches the database."""

    episode_id: str
    position_ms: int = 0
    speed: float = 1.0  # above 0, at most 4
    volume: float = 1.0  # 0 to 1
    muted: bool = False
    audio_path: str | None = None  # the audio file the listener chose
    updated_at: str = field(default_factory=utc_now)
    audio_length_ms: int | None = None  # the chosen file's length, once the player has read it

    def __post_init__(self) -> None:
        if not self.episode_id:
            raise ValueError("a play state needs an episode id")
        if not (self.position_ms >= 0 and 0 < self.speed <= 4.0 and 0.0 <= self.volume <= 1.0):
            raise ValueError(
                f"play state out of range: position {self.position_ms} ms, "
                f"speed {self.speed}, volume {self.volume}"
            )
        if self.audio_length_ms is not None and self.audio_length_ms < 0:
            raise ValueError(f"audio length out of range: {self.audio_length_ms} ms")
        object.__setattr__(self, "speed", float(self.speed))
        object.__setattr__(self, "volume", float(self.volume))
        object.__setattr__(self, "muted", bool(self.muted))


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
            changes: dict[str, object] = {"updated_at": utc_now()}
            for name, value in (
                ("position_ms", position_ms),
                ("speed", speed),
                ("volume", volume),
                ("muted", muted),
                ("audio_path", audio_path),
                ("audio_length_ms", audio_length_ms),
            ):
                if value is not None:
                    changes[name] = value
            if audio_path is not None and audio_path != old.audio_path and audio_length_ms is None:
                changes["audio_length_ms"] = None
            if clear_audio:
                changes["audio_path"] = changes["audio_length_ms"] = None
            new = replace(old, **changes)  # type: ignore[arg-type]
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
