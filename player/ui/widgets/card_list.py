"""List views that show cards: pixel scrolling, wrapping, hover, no frame, one selection.

Every card list in the window (the synced pane, takeaways, search hits, notes) is set up here,
so they scroll and respond alike.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

V = TypeVar("V", bound=QAbstractItemView)


def configure_card_list(view: V, name: str) -> V:
    view.setAccessibleName(name)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if isinstance(view, QListView):  # a CardListView wraps and follows its width itself
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMouseTracking(True)
    view.setFrameShape(QListView.Shape.NoFrame)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def card_list(parent: QWidget, name: str) -> QListView:
    return configure_card_list(QListView(parent), name)
