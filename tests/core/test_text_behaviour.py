"""Words as the linker and search compare them: forms of one word meet, different words stay
apart, and the little words of a sentence carry no meaning."""

from __future__ import annotations

import pytest

from player.core.text import fold, stem, terms, words


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
