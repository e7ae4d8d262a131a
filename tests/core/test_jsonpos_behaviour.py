"""Hand-edited JSON reported like source code: the same values json.loads gives, each value's
line, and for a broken file the line and the reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.jsonpos import JsonSyntaxError, line_for, loads_with_lines, path_text

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(VALUES, st.sampled_from([None, 0, 2]))
def test_every_document_reads_as_json_loads_reads_it(value, indent) -> None:
    text = json.dumps(value, indent=indent)
    decoded, lines = loads_with_lines(text)
    assert decoded == json.loads(text)
    assert lines[()] == 1
    if indent is None:
        assert set(lines.values()) == {1}


def test_each_value_knows_the_line_it_starts_on() -> None:
    text = '{\n  "title": "x",\n  "quotes": [\n    {"at": 1},\n\n    {"at":\n 2}\n  ]\n}'
    _, lines = loads_with_lines(text)
    assert lines[("title",)] == 2
    assert lines[("quotes",)] == 3
    assert lines[("quotes", 0)] == 4 and lines[("quotes", 0, "at")] == 4
    assert lines[("quotes", 1)] == 6 and lines[("quotes", 1, "at")] == 7
    assert line_for(lines, ("quotes", 1, "at", "deeper")) == 7
    assert line_for(lines, ("missing", 3)) == 1
    assert line_for({}, ("a",)) == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{\n"a": 1\n} x', 3, "unexpected text after the JSON value"),
        ("[\n1\n2]", 3, "expected ',' or ']' in a list"),
        ('{\n"a": 1\n"b": 2}', 3, "expected ',' or '}' in an object"),
        ("{\n1: 2}", 2, "expected a quoted key"),
        ('{"a"\n 1}', 2, "expected ':' after a key"),
        ('{"a": \n', 2, "unexpected end of file: a value is missing"),
        ("\n\n@", 3, "unexpected character '@'"),
        ('["a\\q"]', 1, "bad string: Invalid \\escape"),
        ("[" * 5000 + "]" * 5000, 1, "values are nested too deeply"),
    ],
)
def test_a_broken_file_names_its_line_and_what_is_wrong(text: str, line: int, message: str) -> None:
    with pytest.raises(JsonSyntaxError) as e:
        loads_with_lines(text)
    assert (e.value.line, str(e.value)) == (line, message)


def test_a_place_in_a_document_is_named_as_people_write_it() -> None:
    assert path_text(("quotes", 3, "at")) == "quotes[3].at"
    assert path_text((2, "x")) == "[2].x"
    assert path_text(()) == "(top level)"
