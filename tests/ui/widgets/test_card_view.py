"""A long list of cards of different heights takes a row in or out without measuring the rest,
and what is in sight stays where it is."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QModelIndex, QPoint, QSize, QStringListModel, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from player.ui.widgets.card_view import CardListView
from tests.ui.repaint import repainted_rows

ROWS = 5_000
D = TypeVar("D", bound=QStyledItemDelegate)


class Measured(QStyledItemDelegate):
    """Cards 20 to 80 px tall by their text; counts how often a height is asked for."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.asked = 0

    def sizeHint(self, option, index) -> QSize:
        self.asked += 1
        return QSize(option.rect.width(), 20 + (len(index.data()) % 7) * 10)


def _made(
    qtbot, texts: list[str], delegate_type: type[D]
) -> tuple[CardListView, QStringListModel, D]:
    """A 400x300 list of ``texts``, not shown yet."""
    model = QStringListModel(texts)
    view = CardListView()
    delegate = delegate_type(view)
    view.setItemDelegate(delegate)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    return view, model, delegate


def _shown(
    qtbot, texts: list[str], delegate_type: type[Measured] = Measured
) -> tuple[CardListView, QStringListModel, Measured]:
    view, model, delegate = _made(qtbot, texts, delegate_type)
    view.show()
    qtbot.waitExposed(view)
    return view, model, delegate


def _view(qtbot, rows: int = ROWS) -> tuple[CardListView, QStringListModel, Measured]:
    """A list short enough to be measured whole while idle; returns once it is."""
    view, model, delegate = _shown(qtbot, [f"card {i}" + "x" * (i % 11) for i in range(rows)])
    bar = view.verticalScrollBar()
    total = sum(20 + (len(s) % 7) * 10 for s in model.stringList())
    qtbot.waitUntil(lambda: bar.maximum() == total - view.viewport().height(), timeout=10_000)
    return view, model, delegate


def _top(view: CardListView, model: QStringListModel, row: int) -> int:
    return view.visualRect(model.index(row)).top()


def test_rows_in_and_out_above_the_cards_in_sight_leave_them_in_place(qtbot) -> None:
    view, model, delegate = _view(qtbot)
    view.scrollTo(model.index(2_500), QAbstractItemView.ScrollHint.PositionAtTop)
    assert _top(view, model, 2_500) == 0
    shown = view.indexAt(view.viewport().rect().center())
    before = _top(view, model, shown.row())
    maximum = view.verticalScrollBar().maximum()

    delegate.asked = 0
    model.insertRows(100, 1)
    model.setData(model.index(100), "a new card, inserted far above")
    qtbot.wait(20)
    assert delegate.asked < 20, "only the new card is measured, not the 5,000 others"
    assert _top(view, model, shown.row() + 1) == before  # the same card, one row further on
    assert view.verticalScrollBar().maximum() > maximum

    delegate.asked = 0
    model.removeRows(100, 1)
    qtbot.wait(20)
    assert delegate.asked < 20
    assert _top(view, model, shown.row()) == before
    assert view.verticalScrollBar().maximum() == maximum


def test_rows_below_what_is_shown_do_not_move_it(qtbot) -> None:
    view, model, _ = _view(qtbot)
    view.scrollTo(model.index(1_000), QAbstractItemView.ScrollHint.PositionAtTop)
    model.insertRows(1_500, 3)
    qtbot.wait(20)
    assert _top(view, model, 1_000) == 0


def test_clicks_keys_and_hit_tests_find_the_card_under_them(qtbot) -> None:
    view, model, _ = _view(qtbot)
    view.scrollTo(model.index(300), QAbstractItemView.ScrollHint.PositionAtTop)
    for row in range(300, 306):
        rect = view.visualRect(model.index(row))
        assert rect.height() == 20 + (len(model.index(row).data()) % 7) * 10
        assert view.indexAt(rect.center()).row() == row
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(302)).center()
    )
    assert view.currentIndex().row() == 302
    assert view.selectionModel().isSelected(model.index(302))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 303
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == ROWS - 1
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))
    assert not view.indexAt(
        view.viewport().rect().bottomRight() + view.rect().bottomRight()
    ).isValid()
    assert view.visualRect(QModelIndex()).isNull()


def test_a_long_list_shows_at_once_and_measures_only_around_what_is_shown(qtbot) -> None:
    view, model, delegate = _shown(qtbot, [f"card {i}" for i in range(100_000)])
    qtbot.wait(300)
    assert delegate.asked < 5_000
    view.scrollTo(model.index(90_000), QAbstractItemView.ScrollHint.PositionAtTop)
    assert view.indexAt(view.viewport().rect().topLeft()).row() == 90_000


def test_cards_sit_on_the_lists_base_colour_as_in_any_list(qtbot) -> None:
    """Behind the cards and below the last one, the list shows the palette's Base colour, like
    Qt's own lists, not the grey of the window around it."""
    view, _model, _ = _shown(qtbot, ["one card", "two"])
    palette = view.palette()
    base = palette.color(palette.ColorRole.Base)
    assert base != palette.color(palette.ColorRole.Window)  # else the test could not tell
    picture = view.viewport().grab().toImage()
    assert picture.pixelColor(picture.width() // 2, picture.height() - 5) == base


def _same_picture_as_a_fresh_view(qtbot, view: CardListView, model: QStringListModel) -> bool:
    """What ``view`` shows now is what a new view of the same rows, scrolled alike, paints."""
    fresh = CardListView()
    fresh.setItemDelegate(Measured(fresh))
    fresh.setModel(model)
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    bar = fresh.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == view.verticalScrollBar().maximum())
    bar.setValue(view.verticalScrollBar().value())
    qtbot.wait(20)
    return _on_screen(fresh) == _on_screen(view)


def _on_screen(view: CardListView):
    """The list's pixels as last painted (the window's backing store), not painted anew: a
    card the view forgot to paint again still shows its old look here."""
    QTest.qWait(50)  # what was marked is painted a few ms later, all of it at once
    shown = view.screen().grabWindow(view.winId()).toImage()
    return shown.copy(view.viewport().geometry())


def test_a_card_coming_or_going_paints_only_the_cards_it_moves(qtbot) -> None:
    """Among 100,000 notes, painting the cards in sight is most of what one change costs: a
    card added below them paints none, one added among them paints it and those below."""
    view, model, _ = _view(qtbot, rows=200)
    view.scrollTo(model.index(50), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    sight = view.viewport().rect()
    shown = [r for r in range(model.rowCount()) if sight.contains(view.visualRect(model.index(r)))]
    assert len(shown) >= 6
    middle = shown[len(shown) // 2]

    def insert(row: int) -> None:
        model.insertRows(row, 1)
        model.setData(model.index(row), "new card xxxxx")  # as tall as the empty row it was

    assert repainted_rows(qtbot, view, lambda: insert(shown[-1] + 5)) == set()
    painted = repainted_rows(qtbot, view, lambda: insert(middle))
    assert not painted & set(shown[: len(shown) // 2]), "the cards above it stay as painted"
    assert set(shown[len(shown) // 2 :]) <= painted
    assert _same_picture_as_a_fresh_view(qtbot, view, model)

    painted = repainted_rows(qtbot, view, lambda: model.removeRows(middle, 1))
    assert not painted & set(shown[: len(shown) // 2])
    assert set(shown[len(shown) // 2 :]) <= painted
    assert _same_picture_as_a_fresh_view(qtbot, view, model)
    assert repainted_rows(qtbot, view, lambda: model.removeRows(shown[-1] + 5, 1)) == set()


def test_a_card_given_longer_words_grows_and_pushes_the_cards_below(qtbot) -> None:
    view, model, delegate = _view(qtbot, rows=50)
    index = model.index(3)
    model.setData(index, "x" * 14)  # 20 px
    qtbot.wait(20)
    assert view.visualRect(index).height() == 20
    model.setData(index, "x" * 13)  # 80 px
    qtbot.wait(20)
    assert view.visualRect(index).height() == 80
    assert view.visualRect(model.index(4)).top() == view.visualRect(index).bottom() + 1
    assert _same_picture_as_a_fresh_view(qtbot, view, model)

    asked = delegate.asked
    model.dataChanged.emit(index, index, [Qt.ItemDataRole.UserRole])  # lit, starred: same size
    qtbot.wait(20)
    assert delegate.asked == asked


def test_words_changed_above_below_or_at_the_ends_leave_every_card_where_it_belongs(
    qtbot,
) -> None:
    """A card above those in sight that grows moves nothing in sight; one in sight pushes the
    cards below it; the first and last rows, and two rows at once, are measured too. What is on
    screen is what a new view paints, and the scroll bar counts the new heights."""
    view, model, _ = _view(qtbot, rows=120)
    view.scrollTo(model.index(40), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    bar = view.verticalScrollBar()

    def total() -> int:
        return sum(20 + (len(t) % 7) * 10 for t in model.stringList())

    def grow(row: int, last: int | None = None) -> None:
        for r in range(row, (last if last is not None else row) + 1):
            model.setData(model.index(r), "x" * (13 + 7 * (r % 3)))  # 80 px
        qtbot.wait(20)

    shown = view.indexAt(view.viewport().rect().center()).row()
    before = _top(view, model, shown)
    model.setData(model.index(10), "x" * 13)  # above what is shown: 80 px
    qtbot.wait(20)
    assert _top(view, model, shown) == before
    assert bar.maximum() == total() - view.viewport().height()
    assert _same_picture_as_a_fresh_view(qtbot, view, model)

    grow(shown)
    assert view.visualRect(model.index(shown)).height() == 80
    assert _top(view, model, shown + 1) == view.visualRect(model.index(shown)).bottom() + 1
    assert _same_picture_as_a_fresh_view(qtbot, view, model)

    grow(0)
    grow(119)
    texts = model.stringList()
    texts[shown + 1 : shown + 3] = ["y" * 13, "y" * 13]
    model.blockSignals(True)
    model.setStringList(texts)  # the words change where the view cannot see...
    model.blockSignals(False)
    model.dataChanged.emit(model.index(shown + 1), model.index(shown + 2))  # ...till told: 2 rows
    qtbot.wait(20)
    assert view.visualRect(model.index(shown + 2)).height() == 80
    assert bar.maximum() == total() - view.viewport().height()
    assert _same_picture_as_a_fresh_view(qtbot, view, model)

    # Rows that arrive too many at once to measure on the spot carry the mean height so far:
    # the heights measured again count in it once each, with their new values.
    heights = [20 + (len(t) % 7) * 10 for t in model.stringList()]
    model.insertRows(len(heights), 100)  # checked before the idle measuring gets to them
    estimate = round(sum(heights) / len(heights))
    assert bar.maximum() == sum(heights) + 100 * estimate - view.viewport().height()


class StatesSeen(Measured):
    """Remembers the state each card was last painted with."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.states: dict[int, object] = {}

    def paint(self, painter, option, index) -> None:
        self.states[index.row()] = option.state
        super().paint(painter, option, index)


def test_cards_are_painted_chosen_focused_and_under_the_mouse_as_they_are(qtbot) -> None:
    """The delegates draw the ring and the hover shade from the state the view hands them: the
    chosen card is selected (and focused while the list has the keyboard), the card under the
    mouse is hovered, and no other card is either."""
    from PySide6.QtWidgets import QStyle

    texts = [f"card {i:02d}" for i in range(8)]  # 20 px each: all in sight
    view, model, seen = _shown(qtbot, texts, StatesSeen)
    view.setFocus()
    view.setCurrentIndex(model.index(2))
    qtbot.mouseMove(view.viewport(), view.visualRect(model.index(4)).center())
    view.viewport().update()
    qtbot.waitUntil(lambda: len(seen.states) == 8)
    seen.states.clear()
    view.viewport().update()
    qtbot.waitUntil(lambda: len(seen.states) == 8)
    flag = QStyle.StateFlag

    def has(row: int, state) -> bool:
        return bool(seen.states[row] & state)

    assert [r for r in range(8) if has(r, flag.State_Selected)] == [2]
    assert [r for r in range(8) if has(r, flag.State_HasFocus)] == [2]
    assert [r for r in range(8) if has(r, flag.State_MouseOver)] == [4]
    assert all(has(r, flag.State_Enabled) for r in range(8))  # the rest of the state is kept


def _sixty_cards(qtbot, delegate_type=Measured) -> tuple[CardListView, QStringListModel]:
    """Sixty cards of 20 px, all measured."""
    view, model, _ = _shown(qtbot, [f"card {i:02d}" for i in range(60)], delegate_type)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 60 * 20 - view.viewport().height())
    return view, model


def test_the_keys_walk_the_cards_one_a_page_and_to_either_end(qtbot) -> None:
    """Down and Up step one card and stop at the ends; Page Down and Page Up move a list's
    height of cards; Home and End go to the first and last; from no card, Down or Up starts at
    the first and Page Down counts from it."""
    view, _ = _sixty_cards(qtbot)
    view.setFocus()
    height = view.viewport().height()

    def down(row: int) -> int:  # the card a list's height further down
        return min(59, (20 * row + height) // 20)

    def up(row: int) -> int:
        return max(0, 20 * row - height) // 20

    def key(k: Qt.Key) -> int:
        qtbot.keyClick(view, k)
        return view.currentIndex().row()

    view.setCurrentIndex(QModelIndex())
    assert key(Qt.Key.Key_Up) == 0
    view.setCurrentIndex(QModelIndex())
    assert key(Qt.Key.Key_Down) == 0
    assert key(Qt.Key.Key_Up) == 0  # the first card stays the first
    assert key(Qt.Key.Key_Down) == 1
    assert key(Qt.Key.Key_Down) == 2
    assert key(Qt.Key.Key_Up) == 1
    assert key(Qt.Key.Key_PageDown) == down(1) > 1 + 10
    assert key(Qt.Key.Key_PageDown) == down(down(1))
    assert key(Qt.Key.Key_PageUp) == up(down(down(1)))
    assert key(Qt.Key.Key_PageUp) == up(up(down(down(1))))
    assert key(Qt.Key.Key_PageUp) == 0  # not past the first
    assert key(Qt.Key.Key_End) == 59
    assert key(Qt.Key.Key_Down) == 59  # the last card stays the last
    assert key(Qt.Key.Key_PageDown) == 59
    assert key(Qt.Key.Key_Home) == 0
    view.setCurrentIndex(QModelIndex())
    assert key(Qt.Key.Key_PageDown) == down(0)


def test_a_card_is_brought_into_sight_where_it_is_asked_for(qtbot) -> None:
    """At the top, at the bottom, in the middle, or (by default) just far enough to be seen."""
    view, model = _sixty_cards(qtbot)
    height = view.viewport().height()
    Hint = QAbstractItemView.ScrollHint

    def rect_after(row: int, hint=Hint.EnsureVisible):
        view.scrollTo(model.index(row), hint)
        return view.visualRect(model.index(row))

    assert rect_after(30, Hint.PositionAtTop).top() == 0
    assert rect_after(30, Hint.PositionAtBottom).bottom() == height - 1
    assert rect_after(30, Hint.PositionAtCenter).top() == (height - 20) // 2
    view.verticalScrollBar().setValue(0)
    assert rect_after(40).bottom() == height - 1  # below: just far enough
    assert rect_after(5).top() == 0  # above: just far enough
    value = view.verticalScrollBar().value()
    assert rect_after(10).isValid() and view.verticalScrollBar().value() == value  # in sight


def test_the_card_under_the_mouse_is_shaded_and_painted_again_as_it_comes_and_goes(
    qtbot,
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QStyle

    view, model = _sixty_cards(qtbot, StatesSeen)
    seen: StatesSeen = view.itemDelegate()  # type: ignore[assignment]
    over = QStyle.StateFlag.State_MouseOver

    def hovered() -> list[int]:
        seen.states.clear()
        view.viewport().update()
        qtbot.waitUntil(lambda: len(seen.states) > 5)
        return [r for r, state in seen.states.items() if state & over]

    def to(row: int) -> None:
        qtbot.mouseMove(view.viewport(), view.visualRect(model.index(row)).center())

    to(3)
    assert hovered() == [3]
    assert {3, 5} <= repainted_rows(qtbot, view, lambda: to(5))
    assert hovered() == [5]
    leave = QEvent(QEvent.Type.Leave)
    assert 5 in repainted_rows(qtbot, view, lambda: QApplication.sendEvent(view.viewport(), leave))
    assert hovered() == []


class Logged(Measured):
    """Logs each card measured and each card painted, in order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.log: list[tuple[str, int]] = []

    def sizeHint(self, option, index) -> QSize:
        self.log.append(("measured", index.row()))
        return super().sizeHint(option, index)

    def paint(self, painter, option, index) -> None:
        self.log.append(("painted", index.row()))
        super().paint(painter, option, index)


L = TypeVar("L", bound=Logged)


def _opened_at(
    qtbot, rows: int, at: int, *, shown_first: bool = False, delegate_type: type[L] = Logged
) -> tuple[CardListView, QStringListModel, L]:
    """A list opened on card ``at`` in its middle, as the pane opens on the quote playing. The
    pane is shown first and then brought there (``shown_first``), still before its first frame,
    among cards not yet measured."""
    QCursor.setPos(far := QPoint(5_000, 5_000))  # no card under the mouse to shade
    assert QCursor.pos() == far
    texts = [f"card {i}" + "x" * (i % 11) for i in range(rows)]
    view, model, delegate = _made(qtbot, texts, delegate_type)
    if shown_first:
        view.show()
    view.scrollTo(model.index(at), QAbstractItemView.ScrollHint.PositionAtCenter)
    view.show()
    qtbot.waitUntil(lambda: ("painted", at) in delegate.log)
    return view, model, delegate


def test_the_cards_in_sight_are_painted_before_any_card_out_of_sight_is_measured(qtbot) -> None:
    """Measuring the rest of a long list while idle waits for the list's first frame: before
    it, a slice of that measuring would only hold the cards in sight back."""
    view, model, delegate = _opened_at(qtbot, 2_000, at=1_000)
    first = delegate.log.index(("painted", 1_000))
    while first > 0 and delegate.log[first - 1][0] == "painted":
        first -= 1  # where the first frame began
    frame = [row for kind, row in delegate.log[first:] if kind == "painted"]
    in_sight = [
        r
        for r in range(900, 1_100)
        if view.visualRect(model.index(r)).intersects(view.viewport().rect())
    ]
    assert frame[: len(in_sight)] == in_sight
    measured_before = {row for kind, row in delegate.log[:first] if kind == "measured"}
    assert measured_before <= set(in_sight)
    bar = view.verticalScrollBar()  # and the rest is measured after it, all of it
    total = sum(20 + (len(s) % 7) * 10 for s in model.stringList())
    qtbot.waitUntil(lambda: bar.maximum() == total - view.viewport().height(), timeout=10_000)


def test_a_list_opened_in_its_middle_is_painted_once_and_stays_put_while_the_rest_is_measured(
    qtbot,
) -> None:
    """Cards above the ones in sight get their real heights while idle and the list scrolls by
    the difference: what is shown does not move, so nothing is painted again for it."""
    view, model, delegate = _opened_at(qtbot, 2_000, at=1_000, shown_first=True)
    where = view.visualRect(model.index(1_000))
    assert view.viewport().rect().contains(where)
    bar = view.verticalScrollBar()
    total = sum(20 + (len(s) % 7) * 10 for s in model.stringList())
    qtbot.waitUntil(lambda: bar.maximum() == total - view.viewport().height(), timeout=10_000)
    painted = [row for kind, row in delegate.log if kind == "painted"]
    assert painted.count(1_000) == 1, "the card playing was painted once, as the list appeared"
    assert view.visualRect(model.index(1_000)) == where  # where it first showed
    assert _same_picture_as_a_fresh_view(qtbot, view, model)


class RangeSeen(Logged):
    """Notes, as its first card is painted, the scroll bar's range and the rows' heights."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.at_first_paint: tuple[int, int] | None = None

    def paint(self, painter, option, index) -> None:
        if self.at_first_paint is None:
            view = self.parent()
            rows = view.model().rowCount()
            total = sum(view.row_height(r) for r in range(rows))
            self.at_first_paint = (view.verticalScrollBar().maximum(), total)
        super().paint(painter, option, index)


def test_a_list_brought_to_a_card_shows_the_scroll_bar_for_its_cards_in_the_same_frame(
    qtbot,
) -> None:
    """The cards a scroll brings into sight get their real heights before they are painted,
    and the scroll bar its range with them: the bar does not jump a frame later."""
    view, _model, seen = _opened_at(qtbot, 20_000, 1_000, shown_first=True, delegate_type=RangeSeen)
    assert seen.at_first_paint is not None
    maximum, total = seen.at_first_paint
    assert maximum == total - view.viewport().height()
    # The listener drags the bar far down, among cards not yet measured: one scroll, no aiming.
    seen.at_first_paint = None
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() * 3 // 4)
    qtbot.waitUntil(lambda: seen.at_first_paint is not None)
    maximum, total = seen.at_first_paint
    assert maximum == total - view.viewport().height()


def test_a_card_far_away_among_cards_not_yet_measured_lands_where_it_is_asked_for(qtbot) -> None:
    """The cards a jump brings into sight are measured as it lands; those between the top edge
    and the card asked for would move it, so it is aimed again with their real heights."""
    Hint = QAbstractItemView.ScrollHint
    view, model, _ = _shown(qtbot, [f"card {i}" + "x" * (i % 11) for i in range(20_000)])
    sight = view.viewport().rect()
    for row, hint in ((15_000, Hint.EnsureVisible), (12_000, Hint.PositionAtCenter)):
        view.scrollTo(model.index(row), hint)
        rect = view.visualRect(model.index(row))
        assert sight.contains(rect), (row, hint)
        if hint == Hint.PositionAtCenter:
            assert abs(rect.center().y() - sight.center().y()) <= 1
    view.scrollTo(model.index(17_000), Hint.PositionAtBottom)
    assert view.visualRect(model.index(17_000)).bottom() == sight.bottom()
    view.scrollTo(model.index(16_000), Hint.PositionAtTop)
    assert view.visualRect(model.index(16_000)).top() == 0
