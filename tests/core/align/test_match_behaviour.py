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
        ("summon digital ghosts morning", 4 / 4.8),  # both little words missed
    ],
)
def test_how_sure_a_find_is_is_the_share_of_the_quote_heard(heard: str, sure: float) -> None:
    words = _stream(f"{_other(5)} {heard} {_other(5)}")
    match = locate(quote_fragments("Summon the digital ghosts of morning"), words)
    assert match is not None and match.confidence == pytest.approx(sure)
    assert match.first_word == 5 and match.end_s == words[4 + len(heard.split())].end_s
    assert match.start_s == words[5].start_s


@pytest.mark.parametrize(
    ("quote", "heard", "sure"),
    [
        # one misheard word is forgiven, in a short quote too
        ("summon spirit ghosts", "summon coffee ghosts", 2 / 3),
        ("summon the spirit ghosts", "summon coffee ghosts", 2 / 3.4),
        ("summon it in to the ghosts", "summon coffee paper table window ghosts", 2 / 3.6),
        # two content words misheard in a row break the quote in two: the surer half counts
        ("summon digital spirit ghosts", "summon coffee paper ghosts", 1 / 4),
        (
            "summon digital ghosts river forest spirit morning",
            "summon coffee ghosts paper table window morning",
            2 / 7,
        ),
    ],
)
def test_how_many_misheard_words_a_find_bridges(quote: str, heard: str, sure: float) -> None:
    words = _stream(f"{_other(5)} {heard} {_other(5)}")
    match = locate(quote_fragments(quote), words)
    assert match is not None and match.confidence == pytest.approx(sure)


def test_a_quote_with_two_words_misheard_in_its_middle_still_ends_at_its_last_word() -> None:
    words = _stream(f"{_other(5)} summon digital coffee paper river forest human {_other(5)}")
    match = locate(quote_fragments("summon digital ghosts spirit river forest human"), words)
    assert match is not None and match.confidence == pytest.approx(5 / 7)
    assert match.end_s == words[11].end_s


def test_a_long_quote_is_found_whole_in_a_long_stream() -> None:
    quote = " ".join(QUOTE_WORDS * 3)  # 42 words
    words = _stream(f"{_other(2000)} {quote} {_other(300)}")
    match = locate(quote_fragments(quote), words)
    assert match is not None and (match.first_word, match.confidence) == (2000, 1.0)
    assert match.end_s == words[2041].end_s


def test_a_last_word_after_an_elision_can_be_the_last_word_heard() -> None:
    words = _stream(f"{_other(20)} summon digital ghosts {_other(10)} morning")
    match = locate(quote_fragments("Summon digital ghosts... morning"), words)
    assert match is not None and match.confidence == 1.0 and match.end_s == words[-1].end_s


def test_quote_words_said_here_and_there_do_not_hide_the_quote() -> None:
    """Its words scattered through a long talk, each alone, outnumber the one true place."""
    scattered = " ".join(f"{_other(150, k)} {QUOTE_WORDS[k % 6]}" for k in range(12))
    quote = " ".join(QUOTE_WORDS[:6])
    words = _stream(f"{scattered} {_other(50)} {quote} {_other(50)}")
    match = locate(quote_fragments(quote), words)
    at = len(scattered.split()) + 50
    assert match is not None and (match.first_word, match.confidence) == (at, 1.0)


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
    # three words heard are enough to time
    words = _stream(f"{_other(20)} digital ghosts river {_other(5)}", step=0.5)
    match = locate(quote_fragments("Summon human digital ghosts river"), words)
    assert match is not None
    assert match.start_s == pytest.approx(words[20].start_s - 2 * (2 * 0.5 + 0.4) / 3)


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
    halfway = (words[900].start_s + words[1806].start_s) / 2
    assert locate(quote, words, near_s=halfway).first_word == 900  # as near: the first
    short = _twice(said, said, 100)
    assert locate(quote, short).first_word == 100
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
