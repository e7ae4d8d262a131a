"""Finding the brief's episode among a feed's: sure when it can be, candidates when not."""

from __future__ import annotations

from datetime import date

import pytest

from player.core.feed import EpisodeClue, Feed, FeedEpisode, NoMatch, match_episode, pick
from player.core.feed.clue import brief_source
from player.core.feed.reader import Enclosure

KARPATHY = "Andrej Karpathy — “We’re summoning ghosts, not building animals”"


def _feed(*episodes: FeedEpisode) -> Feed:
    return Feed(url="https://example.org/feed", title="Show", episodes=episodes)


def _ep(title: str, day: date, guid: str = "", url: str = "", desc: str = "") -> FeedEpisode:
    enclosure = Enclosure(url or f"https://cdn.example.org/{guid or title[:5]}.mp3")
    return FeedEpisode(guid or title, title, day, description=desc, enclosure=enclosure)


SHOW = _feed(
    _ep("Richard Sutton – Father of RL thinks LLMs are a dead end", date(2025, 9, 26), "s:1"),
    _ep(KARPATHY, date(2025, 10, 17), "s:2", desc="Andrej Karpathy on agents and RL."),
    _ep("Andrej Karpathy — Tesla AI, self-driving, and AGI", date(2022, 10, 29), "s:3"),
    _ep("Sarah Paine – How Russia sabotaged China's rise", date(2025, 10, 3), "s:4"),
)


def test_the_bundled_brief_finds_its_episode_by_title_guest_and_date() -> None:
    source = brief_source(None)  # the bundled Karpathy episode and its episode.json
    assert source.feed_url == "https://api.substack.com/feed/podcast/69345.rss"
    result = match_episode(source.clue, SHOW)
    assert result.best.episode.guid == "s:2"
    assert result.sure
    assert result.best.why == "title 1.00, guest named, same day"
    # The older Karpathy interview shares the guest and ranks second, well behind.
    assert result.candidates[1].episode.guid == "s:3"
    assert result.best.score - result.candidates[1].score > 0.3


def test_a_hand_typed_title_with_straight_quotes_still_matches() -> None:
    clue = EpisodeClue(title='Andrej Karpathy - "We\'re summoning ghosts, not building animals"')
    result = match_episode(clue, SHOW)
    assert result.best.episode.guid == "s:2"
    assert result.best.score >= 0.8 and result.sure


def test_guid_then_enclosure_identify_an_episode_whatever_its_title() -> None:
    renamed = _ep("#212: a conversation", date(2025, 10, 17), "s:2")
    feed = _feed(renamed, *SHOW.episodes[2:])
    by_guid = match_episode(EpisodeClue(title="Something else", guid="s:2"), feed)
    assert (by_guid.best.episode.guid, by_guid.best.why, by_guid.sure) == ("s:2", "GUID", True)
    tracked = "https://tracker.example.net/redirect/cdn.example.org/s:2.mp3?ref=feed"
    by_url = match_episode(EpisodeClue(enclosure_url=tracked), feed)
    assert (by_url.best.episode.guid, by_url.best.why) == ("s:2", "enclosure")


def test_two_alike_episodes_are_offered_not_guessed() -> None:
    twins = _feed(
        _ep("Karpathy on agents (part 1)", date(2025, 10, 17), "p1"),
        _ep("Karpathy on agents (part 2)", date(2025, 10, 17), "p2"),
    )
    clue = EpisodeClue(
        title="Karpathy on agents", guest="Andrej Karpathy", published=date(2025, 10, 17)
    )
    result = match_episode(clue, twins)
    assert not result.sure
    with pytest.raises(NoMatch) as unsure:
        pick(result, twins)
    message = str(unsure.value)
    assert "--guid" in message and "[p1]" in message and "[p2]" in message
    assert pick(result, twins, guid="p2").guid == "p2"


def test_a_feed_without_the_episode_says_so() -> None:
    other = _feed(_ep("Gardening in winter", date(2019, 1, 5), "g1"))
    result = match_episode(brief_source(None).clue, other)
    with pytest.raises(NoMatch, match=r"No episode in Show \(1 episodes\) looks like this brief"):
        pick(result, other)
    with pytest.raises(NoMatch, match="has the GUID 'nope'"):
        pick(result, other, guid="nope")
