"""Small dialogs: keyboard shortcuts and the brief's unreadable lines."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.core.brief.models import Problem
from player.ui.actions import shortcut_rows


def shortcuts_dialog(parent: QWidget, actions: dict[str, QAction]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    rows = shortcut_rows(actions)
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcuts_table")
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Command", "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for i, (command, keys) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(command))
        table.setItem(i, 1, QTableWidgetItem(keys))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 560)
    return dialog


def show_shortcuts(parent: QWidget, actions: dict[str, QAction]) -> None:
    shortcuts_dialog(parent, actions).exec()


def show_problems(parent: QWidget, problems: Sequence[Problem]) -> None:
    problems_dialog(parent, problems).exec()


def problems_dialog(parent: QWidget, problems: Sequence[Problem]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("problems_dialog")
    dialog.setWindowTitle("Lines that could not be read")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QPlainTextEdit(dialog)
    text.setObjectName("problems_text")
    text.setAccessibleName("Lines that could not be read")
    text.setReadOnly(True)
    text.setPlainText("\n".join(str(p) for p in problems))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 320)
    return dialog


def app_version() -> str:
    """The installed package's version, for About; "" when run from a bare checkout."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("brief-player")
    except PackageNotFoundError:
        return ""
