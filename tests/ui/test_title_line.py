"""A first line ``Guest — “Title”`` names the guest once and the episode by its own title."""

from __future__ import annotations

from pathlib import Path

from player.core.titles import split_guest_title
from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window


def test_the_header_shows_the_title_without_the_guest_and_the_guest_once(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    w = open_main_window(brief_file, audio=audio_file, data=AppData(tmp_path / "n.db"))
    qtbot.addWidget(w)
    assert w.header.title.text() == "A short test episode"
    assert w.windowTitle() == "A short test episode — Brief Player"
    assert w.header.subtitle.text().count("Test Guest") == 1
    w.action("library").trigger()
    dialog = app_of(w).library.dialog
    titles = [dialog.model.item(r).title for r in range(dialog.model.rowCount())]
    assert "A short test episode" in titles
    assert not any("Test Guest" in t for t in titles)
    dialog.close()
    w.close()


def test_a_first_line_of_another_form_stays_the_title() -> None:
    assert split_guest_title("Andrej Karpathy — “We’re summoning ghosts”") == (
        "Andrej Karpathy",
        "We’re summoning ghosts",
    )
    assert split_guest_title('Guest - "Title"') == ("Guest", "Title")
    assert split_guest_title("Episode 12 — On ghosts") == (None, "Episode 12 — On ghosts")
    assert split_guest_title("“Only a quotation”") == (None, "“Only a quotation”")
