from __future__ import annotations

from player.core.media.suggest import Candidate, suggest_brief
from player.core.media.tags import MediaInfo

CANDIDATES = [
    Candidate(
        "karpathy",
        "Andrej Karpathy — We're summoning ghosts, not building animals",
        "Dwarkesh Podcast",
        "Andrej Karpathy",
        8_700,
    ),
    Candidate(
        "sutton",
        "Richard Sutton – Father of RL thinks LLMs are a dead end",
        "Dwarkesh Podcast",
        "Richard Sutton",
        4_000,
    ),
    Candidate("cooking", "Bread at home", "Kitchen Radio", "", 1_800),
]


def test_reworded_title_from_another_feed_finds_its_brief() -> None:
    info = MediaInfo(
        path="/x/ep.mp3",
        format="mp3",
        title="#212 Andrej Karpathy: ghosts not animals",
        album="Dwarkesh Podcast",
        duration_s=8_690,
    )
    ranked = suggest_brief(info, CANDIDATES)
    assert ranked[0][0] == "karpathy"
    assert ranked[0][1] > 0.8
    assert "cooking" not in dict(ranked)


def test_untitled_file_is_matched_on_its_file_name() -> None:
    info = MediaInfo(path="/x/richard-sutton_llms-dead-end.mp3", format="mp3")
    assert suggest_brief(info, CANDIDATES)[0][0] == "sutton"


def test_nothing_alike_suggests_nothing() -> None:
    info = MediaInfo(path="/x/a.ogg", format="ogg", title="Weather report", album="Local news")
    assert suggest_brief(info, CANDIDATES) == []
