"""Windows built by the composition root, and the app (features, stores) each belongs to."""

from __future__ import annotations

from player.ui.session import App, open_app

_APPS: dict[int, App] = {}


def open_main_window(*args, **kwargs):
    """The window of an app built exactly as the command builds it."""
    app = open_app(*args, **kwargs)
    _APPS[id(app.window)] = app
    return app.window


def app_of(window) -> App:
    return _APPS[id(window)]


def forget_apps() -> None:
    _APPS.clear()
