"""The library's place in the window: File ▸ Library… opens one dialog, made when first asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from player.ui.app_data import AppData
    from player.ui.library.library_view import DropHook, LibraryDialog
    from player.ui.shell import Shell


class LibraryController(QObject):
    def __init__(self, shell: Shell, data: AppData | None, **dialog_options: DropHook) -> None:
        """``dialog_options`` go to the dialog (``accept_drops``), made when first asked for."""
        super().__init__(shell.as_widget())
        self._shell, self._data, self._options = shell, data, dialog_options
        self.dialog: LibraryDialog | None = None
        shell.action("library").triggered.connect(lambda _=False: self.show())

    def show(self) -> LibraryDialog:
        if self.dialog is None:
            # Imported when first asked for: the list's models and covers cost start-up time.
            from player.ui.library.library_view import LibraryDialog

            self.dialog = LibraryDialog(self._shell, self._data, **self._options)
        self.dialog.present()
        return self.dialog
