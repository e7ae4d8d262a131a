"""Text from a brief or a note shows as written in rich text, markup and all."""

from __future__ import annotations

import html

import pytest

from player.ui.rich_text import escape


@pytest.mark.parametrize(
    "text",
    ["<b>bold</b>", "Q&A", 'it\'s "quoted"', "a > b < c", "&amp; already", "plain", "", "ü ✓"],
)
def test_escapes_as_the_standard_library_does(text: str) -> None:
    assert escape(text) == html.escape(text, quote=True)
    assert html.unescape(escape(text)) == text


def test_a_quote_with_markup_reads_as_written_once_rendered() -> None:
    from PySide6.QtGui import QTextDocument

    said = "<script>alert(1)</script> & <b>more</b> it's"
    doc = QTextDocument()
    doc.setHtml(f"<p>{escape(said)}</p>")
    assert doc.toPlainText() == said  # the tags stayed characters, nothing became markup
