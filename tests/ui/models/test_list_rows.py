"""The plain lists (search hits, the library, notes): what each row says, which row an episode
is on, and nothing made up for a row that is not there or a question a row has no answer to."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.library_entries import LibraryItem
from player.core.storage.notes import Note
from player.ui.library.library_model import LibraryModel
from player.ui.models.search_model import HIT_ROLE, SearchModel, SearchRow
from player.ui.notes.notes_model import NotesModel


def test_a_search_hit_is_heard_as_its_kind_and_words_and_hovering_it_shows_no_tip(qtbot) -> None:
    hits = [
        SearchRow("quote", "Ghosts of the internet.", ((0, 6),), 1_000),
        SearchRow("note", "Ask about ghosts.", ((10, 16),), None),
    ]
    model = SearchModel()
    model.set_rows(hits)
    first, second = model.index(0), model.index(1)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "quote: Ghosts of the internet."
    assert second.data(Qt.ItemDataRole.DisplayRole) == "note: Ask about ghosts."
    assert second.data(HIT_ROLE) is hits[1]  # a click goes to the hit itself
    assert first.data(Qt.ItemDataRole.ToolTipRole) is None
    assert first.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(2).data(Qt.ItemDataRole.DisplayRole) is None  # past the last hit
    model.set_rows([])
    assert model.rowCount() == 0


def test_the_library_finds_the_row_of_each_episode(qtbot) -> None:
    items = [LibraryItem(f"ep{i}", f"Episode {i}") for i in range(3)]
    model = LibraryModel()
    model.set_items(items)
    assert [model.row_of(f"ep{i}") for i in range(3)] == [0, 1, 2]
    assert model.row_of("gone") is None
    assert model.items() == items
    model.set_items([items[2], items[2]])  # the same episode twice: the first row is its place
    assert model.row_of("ep2") == 0


def test_a_note_in_the_notes_list_is_heard_whole(qtbot) -> None:
    model = NotesModel()
    model.set_notes([Note(episode_id="ep", start_ms=61_000, text="Look this up.", tags=("todo",))])
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "1:01 — note — Look this up. — #todo"
    )
