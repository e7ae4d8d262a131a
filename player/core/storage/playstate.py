"""Where the listener left each episode, so reopening it picks up mid-sentence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from player.core.storage.database import Database, utc_now

_COLUMNS = "episode_id, position_ms, speed, volume, muted, audio_path, updated_at, audio_length_ms"


class PlayState(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    episode_id: str = Field(min_length=1)
    position_ms: int = Field(default=0, ge=0)
    speed: float = Field(default=1.0, gt=0, le=4.0)
    volume: float = Field(default=1.0, ge=0.0, le=1.0)
    muted: bool = False
    audio_path: str | None = Field(default=None, description="the audio file the listener chose")
    updated_at: str = Field(default_factory=utc_now)
    audio_length_ms: int | None = Field(
        default=None, ge=0, description="the chosen file's length, once the player has read it"
    )


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
            new = PlayState.model_validate({**old.model_dump(), **changes})
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
