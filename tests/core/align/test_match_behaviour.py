"""Where a quote is in a stream of timed words: found word for word wherever it sits, however
long the stream; how sure the find is when words were misheard, added or missed; where it
starts when its first words were not heard; which of two places is taken."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.align.match import TimedWord, locate
from player.core.align.words import quote_fragments, split_words

QUOTE_WORDS = [
    "ghosts",
    "animals",
    "summon",
    "spirit",
    "entity",
    "digital",
    "mimic",
    "human",
    "bread",
    "river",
    "forest",
    "butterfly",
    "baker",
    "morning",
]
OTHER_WORDS = [
    "talk",
    "walk",
    "chalk",
    "stone",
    "paper",
    "table",
    "window",
    "garden",
    "coffee",
    "yellow",
    "purple",
    "number",
]


def _stream(text: str, step: float = 0.3, at: float = 0.0) -> list[TimedWord]:
    return [
        TimedWord(w, at + i * step, at + i * step + step * 0.8)
        for i, w in enumerate(split_words(text))
    ]


def _other(n: int, seed: int = 0) -> str:
    return " ".join(OTHER_WORDS[(i * 7 + seed) % len(OTHER_WORDS)] for i in range(n))


def test_nothing_to_look_for_or_nothing_heard_finds_nothing() -> None:
    assert locate([], _stream("ghosts animals")) is None
    assert locate(quote_fragments("ghosts animals"), []) is None
    assert locate(quote_fragments("ghosts animals"), _stream(_other(40))) is None
    assert locate(quote_fragments("ghosts animals"), _stream(_other(2000))) is None


def test_a_quote_heard_word_for_word_is_found_from_its_first_to_its_last_word() -> None:
    words = _stream(f"{_other(10)} summon the digital ghosts {_other(10)}")
    match = locate(quote_fragments("Summon the digital ghosts."), words)
    assert match is not None
    assert (match.first_word, match.confidence) == (10, 1.0)
    assert (match.start_s, match.end_s) == (words[10].start_s, words[13].end_s)


@pytest.mark.parametrize(
    ("heard", "sure"),
    [
        ("summon the digital ghosts of morning", 1.0),
        ("summon the digital coffee of morning", 1 - 1 / 4.8),  # one word misheard
        ("summon the digital ghosts coffee of morning", 1.0),  # one word more
        ("summon the digital of morning", 1 - 1 / 4.8),  # one word missed
        ("summon the digital ghost of morning", 1 - 0.1 / 4.8),  # a near spelling
        ("summon a digital ghosts of morning", 1 - 0.4 / 4.8),  # a little word misheard
    ],
)
def test_how_sure_a_find_is_is_the_share_of_the_quote_heard(heard: str, sure: float) -> None:
    words = _stream(f"{_other(5)} {heard} {_other(5)}")
    match = locate(quote_fragments("Summon the digital ghosts of morning"), words)
    assert match is not None and match.confidence == pytest.approx(sure)
    assert match.first_word == 5 and match.end_s == words[4 + len(heard.split())].end_s


def test_a_stretch_of_other_words_ends_the_find() -> None:
    """Misheard words cost more than they bring: a find does not run on into what follows."""
    words = _stream(f"{_other(5)} summon digital ghosts {_other(30)} mimic {_other(5)}")
    match = locate(quote_fragments("summon digital ghosts and then we mimic"), words)
    assert match is not None and match.end_s == words[7].end_s
    assert match.confidence == pytest.approx(3 / 5.2)


@pytest.mark.parametrize(
    ("step", "per_word"),
    [(0.3, (5 * 0.3 + 0.24) / 6), (0.05, 0.15), (1.0, 0.6)],
    ids=["even pace", "fast speech counted at 0.15 s", "slow speech counted at 0.6 s"],
)
def test_a_quote_whose_first_words_were_not_heard_starts_where_they_were_said(
    step: float, per_word: float
) -> None:
    words = _stream(f"{_other(20)} digital ghosts of the river forest {_other(5)}", step=step)
    match = locate(quote_fragments("Summon human digital ghosts of the river forest"), words)
    assert match is not None and match.first_word == 20
    assert match.start_s == pytest.approx(words[20].start_s - 2 * per_word)


def test_a_find_too_short_to_time_counts_an_ordinary_pace_for_the_words_missed() -> None:
    words = _stream(f"{_other(20)} digital ghosts {_other(5)}", step=1.0)
    match = locate(quote_fragments("Summon human digital ghosts"), words)
    assert match is not None and match.start_s == pytest.approx(words[20].start_s - 2 * 0.33)


def test_a_find_never_starts_before_the_audio() -> None:
    words = _stream("digital ghosts of the river forest", step=0.3, at=0.2)
    match = locate(quote_fragments("Summon human digital ghosts of the river forest"), words)
    assert match is not None and match.start_s == 0.0


def _twice(first: str, second: str, n: int) -> list[TimedWord]:
    return _stream(f"{_other(n)} {first} {_other(n, 3)} {second} {_other(n, 5)}")


@pytest.mark.parametrize("n", [100, 900], ids=["short stream", "long stream"])
def test_of_two_places_the_one_where_more_of_the_quote_was_heard_wins(n: int) -> None:
    quote = quote_fragments("summon the digital ghosts of morning")
    words = _twice(
        "summon the digital coffee of morning", "summon the digital ghosts of morning", n
    )
    for near in (None, words[n].start_s):
        match = locate(quote, words, near_s=near)
        assert match is not None and match.confidence == 1.0 and match.first_word == 2 * n + 6


def test_of_two_equally_good_places_the_one_nearest_the_expected_time_wins() -> None:
    quote = quote_fragments("summon the digital ghosts of morning")
    said = "summon the digital ghosts of morning"
    words = _twice(said, said, 900)
    assert locate(quote, words, near_s=words[1806].start_s).first_word == 1806
    assert locate(quote, words, near_s=words[900].start_s + 5).first_word == 900
    assert locate(quote, words).first_word == 900  # no expected time: the first saying
    # nearly as sure counts as equally good: the nearer place wins
    words = _twice(
        "summon the digital ghosts of morning", "summon the digital ghost of morning", 900
    )
    assert locate(quote, words, near_s=words[1806].start_s).first_word == 1806


_quote_word = st.sampled_from(QUOTE_WORDS)


@settings(max_examples=60, deadline=None)
@given(
    fragments=st.lists(st.lists(_quote_word, min_size=2, max_size=5), min_size=1, max_size=3),
    gaps=st.lists(st.integers(0, 60), min_size=2, max_size=2),
    before=st.integers(0, 3000),
    after=st.integers(0, 400),
    seed=st.integers(0, 11),
)
def test_a_quote_said_word_for_word_is_found_exactly_wherever_it_sits(
    fragments: list[list[str]], gaps: list[int], before: int, after: int, seed: int
) -> None:
    """Left-out stretches of up to 60 words at each "...", in streams short and long."""
    said = " ".join(
        " ".join(frag) + (" " + _other(gap, seed) if k < len(fragments) - 1 else "")
        for k, (frag, gap) in enumerate(zip(fragments, [*gaps, 0], strict=False))
    )
    words = _stream(f"{_other(before, seed)} {said} {_other(after, seed + 1)}")
    quote = " ... ".join(" ".join(frag) for frag in fragments)
    match = locate(quote_fragments(quote), words)
    assert match is not None
    assert (match.first_word, match.confidence) == (before, 1.0)
    assert match.end_s == words[before + len(said.split()) - 1].end_s
