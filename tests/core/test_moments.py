"""Links to a moment and the text copied from one."""

from __future__ import annotations

import pytest

from player.core.moment_link import (
    MomentLink,
    MomentLinkError,
    is_moment_url,
    moment_url,
    parse_moment_url,
)
from player.core.moments import Moment, copy_text


def test_a_link_names_the_episode_and_the_time_as_people_read_it() -> None:
    url = moment_url("karpathy-ghosts-not-animals", 3_910_000)
    assert url == "brief-player://open?episode=karpathy-ghosts-not-animals&t=1:05:10"
    assert parse_moment_url(url) == MomentLink("karpathy-ghosts-not-animals", 3_910_000)
    assert is_moment_url(url)
    assert not is_moment_url("/home/me/brief.txt")


def test_odd_ids_and_hand_made_times_go_through() -> None:
    url = moment_url("my show/ep 1&2", 5_000)
    assert parse_moment_url(url).episode_id == "my show/ep 1&2"
    assert parse_moment_url("brief-player://open?episode=x&t=65m").at_ms == 3_900_000
    assert parse_moment_url("BRIEF-PLAYER://open?episode=x&t=3910").at_ms == 3_910_000
    assert parse_moment_url("brief-player:open?episode=x").at_ms == 0
    assert parse_moment_url("brief-player:/open?episode=x&t=90").at_ms == 90_000


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://example.org/?episode=x", "not a brief-player"),
        ("brief-player://delete?episode=x", "open a moment"),
        ("brief-player:/Xopen?episode=x", "not 'xopen'"),
        ("brief-player://open?t=1:00", r"^the link names no episode \(episode=\.\.\.\)$"),
        ("brief-player://open?episode=x&t=soon", "cannot be read"),
    ],
)
def test_a_bad_link_says_what_is_wrong(url: str, why: str) -> None:
    with pytest.raises(MomentLinkError, match=why):
        parse_moment_url(url)


def test_copied_text_has_the_time_the_words_and_the_source() -> None:
    quote = Moment("quote", 3_901_000, "There's a very large\ndemo-to-product gap.", ref=12)
    assert (
        copy_text(quote, "Karpathy")
        == "1:05:01 “There's a very large demo-to-product gap.” (Karpathy)"
    )
    assert quote.starrable and not quote.is_note
    assert copy_text(Moment("takeaway", None, "Build things."), "") == "Build things."
    assert not Moment("note", 0, "n", note_id="a").starrable
