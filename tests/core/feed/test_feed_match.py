"""Finding the brief's episode among a feed's: sure when it can be, candidates when not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from player.core.feed import EpisodeClue, Feed, FeedEpisode, NoMatch, match_episode, pick
from player.core.feed.clue import brief_source
from player.core.feed.match import title_similarity
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


def _ranked(clue: EpisodeClue, *episodes: FeedEpisode) -> list[tuple[str, float, str]]:
    result = match_episode(clue, _feed(*episodes))
    return [(c.episode.guid, c.score, c.why) for c in result.candidates]


def test_an_identified_episode_scores_full_marks() -> None:
    renamed = _ep("#212: a conversation", date(2025, 10, 17), "s:2")
    by_guid = match_episode(EpisodeClue(guid=" s:2 "), _feed(renamed))
    assert (by_guid.best.score, by_guid.best.why) == (1.0, "GUID")
    by_url = match_episode(EpisodeClue(enclosure_url=renamed.enclosure.url), _feed(renamed))
    assert (by_url.best.score, by_url.best.why) == (1.0, "enclosure")
    perfect = match_episode(
        EpisodeClue(title=KARPATHY, guest="Andrej Karpathy", published=date(2025, 10, 17)), SHOW
    )
    assert perfect.best.score == 1.0


def test_an_episode_without_audio_or_a_clue_without_an_address_is_still_ranked() -> None:
    silent = FeedEpisode("n:1", "Karpathy on agents", date(2025, 10, 17))
    for clue in (
        EpisodeClue(title="Karpathy on agents"),
        EpisodeClue(title="Karpathy on agents", enclosure_url="https://cdn.example.org/x.mp3"),
    ):
        assert _ranked(clue, silent) == [("n:1", 0.9, "title 1.00")]


def test_a_title_alone_is_never_full_marks() -> None:
    """Without the guest or the day, even the exact title leaves room for doubt."""
    assert _ranked(EpisodeClue(title=KARPATHY), SHOW.episodes[1])[0][1:] == (0.9, "title 1.00")


def test_with_nothing_to_compare_every_episode_scores_nothing() -> None:
    assert _ranked(EpisodeClue(), *SHOW.episodes[:2]) == [
        ("s:1", 0.0, "nothing to compare"),
        ("s:2", 0.0, "nothing to compare"),
    ]
    with pytest.raises(NoMatch) as e:
        pick(match_episode(EpisodeClue(), SHOW), SHOW)
    assert str(e.value) == (
        "No episode in Show (4 episodes) looks like this brief. Check the feed address, "
        "or list its episodes with --list."
    )


@pytest.mark.parametrize(
    ("days", "why"),
    [
        (0, "title 1.00, same day"),
        (1, "title 1.00, date 0.9"),
        (2, "title 1.00, date 0.6"),
        (3, "title 1.00, date 0.6"),
        (4, "title 1.00, date 0.3"),
        (7, "title 1.00, date 0.3"),
        (8, "title 1.00, date 0.0"),
    ],
)
def test_a_date_a_few_days_off_counts_less_the_further_it_is(days: int, why: str) -> None:
    """A brief often carries the video's date, a day or two off the audio's."""
    episode = _ep("Weekly news", date(2025, 10, 17), "w:1")
    clue = EpisodeClue(title="Weekly news", published=date(2025, 10, 17) - timedelta(days=days))
    [(_, score, said)] = _ranked(clue, episode)
    assert said == why
    assert score == round((0.55 + 0.2 * float(why.split()[-1].replace("day", "1"))) / 0.75, 4)


def test_the_length_tells_two_episodes_of_one_title_apart() -> None:
    long_one = FeedEpisode("l:1", "Weekly news", duration_s=1800.0)
    right = FeedEpisode("l:2", "Weekly news", duration_s=3600.0)
    clue = EpisodeClue(title="Weekly news", length_s=3600.0)
    assert _ranked(clue, long_one, right) == [
        ("l:2", 1.0, "title 1.00, length 1.00"),
        ("l:1", round((0.55 + 0.05 * 0.5) / 0.6, 4), "title 1.00, length 0.50"),
    ]


@pytest.mark.parametrize(
    ("guest", "people", "words", "score"),
    [
        ("Dave Jones", ("Dave Jones",), "", 1.0),
        ("Dave Jones", ("Someone Else",), "", 0.0),
        ("Dave Jones", (), "A talk with Dave Jones.", 1.0),
        ("Mary Ann Smith", (), "Dr. Smith on sleep.", 0.6),
        ("Mary Ann Smith", (), "Ann on sleep.", 0.0),
        ("Wei Sun", (), "Sun on the solar cycle.", 0.6),
        ("Jo Li", (), "Li on tea.", 0.0),
        ("Mary Ann Smith", (), "Smithsonian field notes.", 0.0),
        ("???", (), "??? on everything.", 0.0),
    ],
)
def test_the_guest_is_found_by_name_in_the_people_or_the_show_notes(
    guest: str, people: tuple[str, ...], words: str, score: float
) -> None:
    """A surname alone counts for less, and one of two letters for nothing."""
    episode = FeedEpisode("g:1", "An episode", description=words, people=people)
    [(_, got, why)] = _ranked(EpisodeClue(guest=guest), episode)
    assert got == score
    assert why == ("guest named" if score else "")


@pytest.mark.parametrize(
    "title",
    [
        "Andrej Karpathy — We’re summoning ghosts, not building animals",
        "Andrej Karpathy - We're summoning ghosts, not building animals",
        "andrej karpathy: were summoning ghosts not building animals",
        "Andrej Kárpáthy — “We’re summoning ghosts, not building animals”",
    ],
)
def test_quotes_dashes_accents_and_case_do_not_change_a_title(title: str) -> None:
    assert title_similarity(title, KARPATHY) == 1.0


def test_a_typo_or_a_title_part_still_finds_the_episode_but_a_short_one_does_not() -> None:
    assert title_similarity("Episode 3: the Futrue", "Episode 3 - The Future") > 0.9
    # Every word of a three-word title in a longer one: nearly as good as the same title.
    assert title_similarity("ghosts not animals", KARPATHY) == 0.95
    assert title_similarity("Karpathy: ghosts, not animals", KARPATHY) == 0.95
    # Two words are too few: "The Future" is in many titles.
    assert title_similarity("The Future", "The Future of Podcasting and the Past") < 0.5
    assert title_similarity("???", KARPATHY) == title_similarity(KARPATHY, "") == 0.0


@pytest.mark.parametrize(
    ("clue_url", "feed_url", "same"),
    [
        ("https://cdn.example.org/ep.mp3", "https://cdn.example.org/ep.mp3", True),
        ("https://cdn.example.org/ep.mp3", "https://cdn.example.org/other.mp3", False),
        (
            "https://cdn.example.org/ep.mp3",
            "https://dts.example.net/r/cdn.example.org/ep.mp3?x=1",
            True,
        ),
        ("https://example.org/", "https://dts.example.net/redirect/example.org/", False),
        ("https://dts.example.net/redirect/example.org/", "https://example.org/", False),
    ],
)
def test_an_address_names_the_same_file_through_a_tracker_but_a_bare_host_names_none(
    clue_url: str, feed_url: str, same: bool
) -> None:
    episode = FeedEpisode("e:1", "Ep", enclosure=Enclosure(feed_url))
    best = match_episode(EpisodeClue(enclosure_url=clue_url), _feed(episode)).best
    assert (best.why == "enclosure") is same


def test_an_unsure_match_lists_the_five_likeliest_with_their_scores() -> None:
    alike = [_ep(f"Karpathy on agents (part {i})", date(2025, 10, 17), f"p{i}") for i in range(7)]
    feed = _feed(*alike)
    clue = EpisodeClue(title="Karpathy on agents", published=date(2025, 10, 17))
    result = match_episode(clue, feed)
    with pytest.raises(NoMatch) as unsure:
        pick(result, feed)
    lines = [f"  {c.score:.2f}  {c.episode.title}  [{c.episode.guid}]" for c in result.candidates]
    assert str(unsure.value) == (
        "More than one episode could be this brief's; choose one by its GUID (--guid):\n"
        + "\n".join(lines[:5])
    )


def test_a_guid_not_in_the_feed_names_the_feed() -> None:
    result = match_episode(EpisodeClue(), SHOW)
    with pytest.raises(NoMatch) as e:
        pick(result, SHOW, guid="nope")
    assert str(e.value) == "No episode in Show has the GUID 'nope'."
    untitled = Feed(url="https://example.org/feed", title="", episodes=SHOW.episodes)
    with pytest.raises(NoMatch) as e:
        pick(result, untitled, guid="nope")
    assert str(e.value) == "No episode in https://example.org/feed has the GUID 'nope'."
