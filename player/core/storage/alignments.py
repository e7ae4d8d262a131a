"""Quote searches already done, per audio file, so the same file is never decoded twice.

Keyed by the audio file's content key (``audio_key_for``), the brief's quotes (a changed quote
needs a new search) and where the times came from ("audio", or a transcript's own key).
What is kept is each quote's find and confidence; the trust rule is applied again on reading,
so a better rule in a later version improves old results without a new search.
"""

from __future__ import annotations

import json

from player.core.storage.database import Database, utc_now

Row = tuple[int | None, float]  # (found ms or None, confidence) per quote in brief order


class AlignmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, audio_key: str, brief_key: str, source: str) -> list[Row] | None:
        rows = self.db.query(
            "SELECT result FROM alignments WHERE audio_key=? AND brief_key=? AND source=?",
            (audio_key, brief_key, source),
        )
        if not rows:
            return None
        try:
            return [(None if f is None else int(f), float(c)) for f, c in json.loads(rows[0][0])]
        except (ValueError, TypeError):
            return None  # a damaged row is a cache miss, never an error

    def put(self, audio_key: str, brief_key: str, source: str, result: list[Row]) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO alignments (audio_key, brief_key, source, result, "
                "created_at) VALUES (?,?,?,?,?)",
                (audio_key, brief_key, source, json.dumps(result), utc_now()),
            )
