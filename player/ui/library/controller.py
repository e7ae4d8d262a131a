"""The library's place in the window: File ▸ Library… opens one dialog, made when first asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from player.ui.library.library_view import LibraryDialog

if TYPE_CHECKING:
    from player.ui.app_data import AppData
    from player.ui.shell import Shell


class LibraryController(QObject):
    def __init__(
        self,
        shell: Shell,
        data: AppData | None,
        *,
        accept_drops: Callable[[QWidget], object] | None = None,
    ) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self._data = data
        self._accept_drops = accept_drops
        self.dialog: LibraryDialog | None = None
        shell.action("library").triggered.connect(lambda _=False: self.show())

    def show(self) -> LibraryDialog:
        if self.dialog is None:
            self.dialog = LibraryDialog(self._shell, self._data, accept_drops=self._accept_drops)
        self.dialog.present()
        return self.dialog
