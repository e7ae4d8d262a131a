"""Words as the quote search compares them: the same speech written two ways meets, fillers and
stage notes are left out, near spellings meet a little less surely, and unrelated short words
never meet."""

from __future__ import annotations

import pytest

from player.core.align.match import TimedWord, locate
from player.core.align.words import normalise, quote_fragments, similarity, split_words, token


def _texts(quote: str) -> list[list[str]]:
    return [[t.text for t in frag] for frag in quote_fragments(quote)]


def test_curly_apostrophes_accents_and_digits_read_as_typed_words() -> None:
    assert split_words("We’re at the Café with 2 Models") == [
        "we're", "at", "the", "cafe", "with", "two", "models"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("heard", "compared"),
    [
        ("Hello", "hello"),
        ("  GHOSTS ", "ghosts"),
        ("don't(2)", "don't"),
        ("A.M.", "am"),  # a pronunciation variant of the recogniser's dictionary
        ("café", "cafe"),
        ("2", "two"),
        ("ten", "ten"),
        ("<sil>", "sil"),
        ("...", ""),
    ],
)
def test_a_recognised_word_is_compared_as_the_brief_writes_it(heard: str, compared: str) -> None:
    assert normalise(heard) == compared


def test_fillers_are_dropped_alone_and_in_pairs_wherever_they_fall() -> None:
    assert _texts("Um, it is kind of great, you know") == [["it", "is", "great"]]
    assert _texts("It's, like, sort of magic... I mean it is") == [["it's", "magic"], ["it", "is"]]
    # "of" alone is a real word, and a pair split across an elision is not a filler
    assert _texts("the kind... of thing") == [["the", "kind"], ["of", "thing"]]


def test_stage_notes_and_elisions_leave_only_the_spoken_words() -> None:
    assert _texts("[laughs] We're building ghosts [...] not animals [On LLMs]") == [
        ["we're", "building", "ghosts"],
        ["not", "animals"],
    ]
    assert _texts("“One… two...” [music]") == [["one"], ["two"]]


def test_little_words_count_for_less_than_words_that_carry_meaning() -> None:
    assert token("the").weight == 0.4
    assert token("ghosts").weight == 1.0


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("ghosts", "ghosts", 1.0),
        ("models", "model", 0.9),
        ("model", "models", 0.9),
        ("don't", "dont", 0.9),
        ("dont", "don't", 0.9),
        ("cats", "cat", 0.9),
        ("cat", "cats", 0.9),
        ("distillation", "distilation", 0.7),
        ("mimic", "mimicking", 0.7),
        ("mimicking", "mimic", 0.7),
        ("it", "its", 0.0),  # short words meet only when equal
        ("its", "it", 0.0),
        ("as", "ask", 0.0),
        ("mode", "model", 0.0),  # four letters in common is not enough for a four-letter word
        ("spirit", "species", 0.0),
    ],
)
def test_near_spellings_meet_a_little_less_surely(a: str, b: str, alike: float) -> None:
    assert similarity(a, b) == alike


@pytest.mark.parametrize("gap", ["...", "…", "[...]", "[ ... ]"])
def test_words_left_out_however_marked_do_not_count_against_the_quote(gap: str) -> None:
    spoken = "we are building ghosts " + "and i mean that in a particular way " * 3 + "not animals"
    words = [TimedWord(w, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(split_words(spoken))]
    match = locate(quote_fragments(f"We are building ghosts {gap} not animals."), words)
    assert match is not None and match.confidence == 1.0
    assert match.end_s == words[-1].end_s
