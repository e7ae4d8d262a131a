"""The brief offered for an opened file, and how sure the offer is: the title counts 55 %, the
show 15 %, the guest named anywhere in the tags 20 %, lengths within 10 % of each other 10 %."""

from __future__ import annotations

import pytest

from player.core.media.suggest import Candidate, suggest_brief
from player.core.media.tags import MediaInfo


def _info(**fields) -> MediaInfo:
    return MediaInfo(**{"path": "/x/ep.mp3", "format": "mp3", **fields})


def _score(info: MediaInfo, candidate: Candidate) -> float:
    return dict(suggest_brief(info, [candidate], min_score=0.0)).get(candidate.episode_id, 0.0)


def test_each_clue_adds_its_share_of_the_certainty() -> None:
    title = "Ghosts not animals"
    assert _score(_info(title=title), Candidate("e", title)) == 0.55
    assert _score(_info(title=title, album="Dwarkesh"), Candidate("e", title, "Dwarkesh")) == 0.7
    assert (
        _score(
            _info(title=title, artist="Karpathy"), Candidate("e", title, guest="Andrej Karpathy")
        )
        == 0.65
    )
    assert _score(_info(title=title, duration_s=1000), Candidate("e", title, length_s=1000)) == 0.65
    assert _score(_info(title=title, duration_s=950), Candidate("e", title, length_s=1000)) == 0.6
    assert _score(_info(title=title, duration_s=500), Candidate("e", title, length_s=1000)) == 0.55
    full = Candidate("e", title, "Dwarkesh", "Karpathy", 1000)
    assert (
        _score(_info(title=title, album="Dwarkesh", artist="Karpathy", duration_s=1000), full)
        == 1.0
    )


def test_a_show_or_a_length_known_on_one_side_only_adds_nothing() -> None:
    title = "Ghosts not animals"
    assert _score(_info(title=title), Candidate("e", title, "Dwarkesh", length_s=1000)) == 0.55
    assert (
        _score(_info(title=title, album="Dwarkesh", duration_s=1000), Candidate("e", title)) == 0.55
    )


def test_a_title_with_only_noise_words_matches_nothing() -> None:
    assert _score(_info(title="The Podcast, episode 12"), Candidate("e", "The Podcast")) == 0.0
    assert _score(_info(title="Ghosts"), Candidate("e", "")) == 0.0


def test_word_overlap_counts_less_when_one_title_is_much_longer() -> None:
    short = _score(_info(title="Ghosts animals"), Candidate("e", "Ghosts animals"))
    longer = _score(
        _info(title="Ghosts animals"), Candidate("e", "Ghosts animals summoning decade agents")
    )
    assert short == 0.55
    assert longer == pytest.approx(0.55 * (0.6 + 0.4 * 2 / 5), abs=1e-4)
    typo = _score(_info(title="Karpaty ghosts"), Candidate("e", "Karpathy ghosts"))
    assert 0.45 < typo < 0.55  # characters still nearly agree


def test_the_file_name_stands_in_for_a_missing_title() -> None:
    info = MediaInfo(path="/x/ghosts_not-animals.mp3", format="mp3")
    assert _score(info, Candidate("e", "Ghosts not animals")) == 0.55


def test_the_best_offer_comes_first_and_ties_by_name_and_weak_ones_are_left_out() -> None:
    info = _info(title="Ghosts not animals", album="Dwarkesh")
    ranked = suggest_brief(
        info,
        [
            Candidate("b", "Ghosts not animals"),
            Candidate("a", "Ghosts not animals"),
            Candidate("c", "Ghosts not animals", "Dwarkesh"),
            Candidate("d", "Bread at home"),
        ],
        min_score=0.55,
    )
    assert ranked == [("c", 0.7), ("a", 0.55), ("b", 0.55)]


def test_a_title_misspelt_in_every_word_keeps_most_of_its_share() -> None:
    misspelt = _score(
        _info(title="Karpaty Gosts Animls"), Candidate("e", "Karpathy ghosts animals")
    )
    assert 0.9 * 0.55 < misspelt < 0.55  # no word is the same, yet the letters nearly all are
    turned = _score(_info(title="Karpathy ghosts animals"), Candidate("e", "Karpaty Gosts Animls"))
    assert turned == misspelt


def test_offers_no_listener_could_tell_apart_tie_and_are_listed_by_name() -> None:
    info = _info(title="Ghosts not animals", duration_s=1000)
    ranked = suggest_brief(
        info,
        [
            Candidate("b", "Ghosts not animals", length_s=1000.0),
            Candidate("a", "Ghosts not animals", length_s=1000.01),  # a hundredth of a second
        ],
    )
    assert ranked == [("a", 0.65), ("b", 0.65)]
