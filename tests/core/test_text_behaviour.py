"""Words as the linker and search compare them: forms of one word meet, different words stay
apart, and the little words of a sentence carry no meaning."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from player.core.text import clip_words, fold, stem, terms, words


@pytest.mark.parametrize(
    "forms",
    [
        ("agent", "agents"),
        ("collapse", "collapsed", "collapses"),
        ("story", "stories"),
        ("study", "studied", "studies"),
        ("city", "cities"),
        ("fix", "fixes"),
        ("realize", "realized", "realizing", "realization"),
        ("organization", "organizations"),
        ("payment", "payments"),
        ("kind", "kindness"),
        ("happily", "happiness"),
        ("idea", "ideas"),
        ("thing", "things"),
        ("ability", "abilities"),
    ],
)
def test_forms_of_one_word_meet(forms: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1, {w: stem(w) for w in forms}


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("class", "class"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("bring", "bring"),
        ("gas", "gas"),
        ("used", "used"),
        ("sing", "sing"),
        ("we're", "we"),
    ],
)
def test_short_words_and_words_that_only_look_plural_keep_their_ending(
    word: str, kept: str
) -> None:
    assert stem(word) == kept


def test_different_words_stay_apart() -> None:
    assert stem("bus") != stem("bug")
    assert stem("cities") != stem("cite")
    assert stem("classes") != stem("clash")


def test_only_words_that_carry_meaning_are_terms() -> None:
    assert terms("The Agents were collapsing, a b I x9 we're AGENTS") == [
        "agent",
        "collaps",
        "x9",
        "agent",
    ]


def test_words_keep_their_place_in_the_text_and_fold_accents_and_case() -> None:
    assert list(words("Café — WE’RE, naïve")) == [
        (0, 4, "cafe"),
        (7, 12, "we're"),
        (14, 19, "naive"),
    ]
    assert fold("ÉCOLE’s") == "ecole's"


def test_a_word_with_several_apostrophes_is_its_first_part() -> None:
    assert terms("rock'n'roll agents") == ["rock", "agent"]


def test_a_little_word_with_several_apostrophes_is_still_a_little_word() -> None:
    assert terms("I'd've we'd've agents") == ["agent"]


def _fits(text: str, limit: int) -> str:
    """The longest run of whole words that fits, the slow obvious way."""
    ws = text.split()
    n = max(k for k in range(len(ws) + 1) if len(" ".join(ws[:k])) <= limit)
    return " ".join(ws[:n]) if n else " ".join(ws)[:limit]


@given(
    st.lists(
        st.sampled_from(["We", "summon", "ghosts.", "—", "agents,", "a", "decade;"]), max_size=30
    ).map(" ".join)
    | st.text(" \n\tab.,…-", max_size=120),
    st.integers(5, 100),
)
def test_a_long_label_shows_the_whole_words_that_fit_and_one_ellipsis(
    text: str, limit: int
) -> None:
    """The status line after starring a note or quote names it in at most ``limit`` characters."""
    plain = " ".join(text.split())
    shown = clip_words(text, limit)
    if len(plain) <= limit:
        assert shown == plain
    else:
        assert shown == _fits(plain, limit).rstrip(" .,;:…-–—") + "…"


def test_a_label_is_cut_at_eighty_characters_unless_asked() -> None:
    words = "ghosts " * 11 + "summoned."  # 86 characters
    assert clip_words(words) == ("ghosts " * 11).strip() + "…"
    assert clip_words("x" * 80) == "x" * 80
    assert clip_words("x" * 40 + " " + "y" * 40) == "x" * 40 + "…"
    assert clip_words("We summon ghosts. We summon.", 17) == "We summon ghosts…"
    assert clip_words("Model X and Model Y", 8) == "Model X…"
