"""Episodes found in content folders and loaded with links and timeline."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from player.core.episodes import discover_episodes
from player.core.timeline import CueKind

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_bundled_episode_loads_clean() -> None:
    episodes = discover_episodes(CONTENT)
    ep = next(e for e in episodes if e.id == "karpathy-ghosts-not-animals")
    assert ep.meta.show == "Dwarkesh Podcast" and ep.meta.guest == "Andrej Karpathy"
    assert ep.meta.published == datetime.date(2025, 10, 17)
    assert ep.meta.length_s == 8760 and ep.meta.audio_is_standin
    assert ep.audio_path == ep.folder / "standin.opus"
    loaded = ep.load()
    assert loaded.problems == ()
    assert len(loaded.brief.quotes) == 20 and all(c.at for c in loaded.brief.concepts)
    last = loaded.timeline.of_kind(CueKind.QUOTE)[-1]
    assert last.end_ms == 8_760_000


def test_discovery_sorts_and_skips_folders_without_brief(tmp_path: Path, seed_path: Path) -> None:
    for name in ("b-second", "a-first"):
        (tmp_path / name).mkdir()
        shutil.copy(seed_path, tmp_path / name / "brief.txt")
    (tmp_path / "empty").mkdir()
    (tmp_path / "a-first" / "episode.json").write_text(
        '{\n  "title": "First",\n  "length_s": "long"\n}\n', encoding="utf-8"
    )
    episodes = discover_episodes(tmp_path)
    assert [e.id for e in episodes] == ["a-first", "b-second"]
    first = episodes[0]
    assert first.title == "First" and first.meta.length_s is None
    assert str(first.meta_problems[0]).startswith(
        f"{tmp_path / 'a-first' / 'episode.json'}:3: length_s:"
    )
    assert episodes[1].title == "b-second" and not episodes[1].has_audio
    assert first.load().problems == first.meta_problems
    assert discover_episodes(tmp_path / "nowhere") == []
