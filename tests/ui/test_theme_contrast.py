"""Highlighted cards stay readable: WCAG AA contrast (4.5:1) for text on every kind's fill."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from player.core.timeline import CueKind


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(top: QColor, bottom: QColor) -> QColor:
    a = top.alphaF()
    return QColor.fromRgbF(
        top.redF() * a + bottom.redF() * (1 - a),
        top.greenF() * a + bottom.greenF() * (1 - a),
        top.blueF() * a + bottom.blueF() * (1 - a),
    )


@pytest.fixture
def restore_palette(qapp):
    before = qapp.palette()
    yield
    qapp.setPalette(before)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_on_every_active_fill_meets_wcag_aa(qapp, restore_palette, theme: str) -> None:
    from player.ui import palette
    from player.ui.theme import apply_theme

    assert apply_theme(theme) == theme
    pal = qapp.palette()
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    ratios = {}
    for kind in CueKind:
        fill = over(palette.active_fill(kind), base)
        ratios[kind.value] = round(contrast(text, fill), 2)
        # The time of an active card is drawn in the kind's own colour on the same fill.
        ratios[f"{kind.value} time"] = round(contrast(palette.kind_color(kind), fill), 2)
    low = {k: r for k, r in ratios.items() if r < 4.5}
    assert low == {}, f"{theme}: {ratios}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_muted_text_stays_readable(qapp, restore_palette, theme: str) -> None:
    from player.ui import palette
    from player.ui.theme import apply_theme

    apply_theme(theme)
    base = qapp.palette().color(QPalette.ColorRole.Base)
    assert contrast(palette.muted_text(), base) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_transport_icons_contrast_with_the_window(qtbot, window, restore_palette, theme) -> None:
    from player.ui.theme import apply_theme

    apply_theme(theme)
    qtbot.wait(10)
    bg = window.transport.palette().color(QPalette.ColorRole.Window)
    for button in (window.transport.play_button, window.transport.next_cue_button):
        image = button.icon().pixmap(24, 24).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked, button.accessibleName()
        assert max(contrast(c, bg) for c in inked) >= 4.5, button.accessibleName()


def _ink_contrast(image, rect) -> float:
    """The strongest contrast between any pixel and the most common one (the background)."""
    counts: dict[int, int] = {}
    pixels = []
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
            pixels.append(rgb)
    background = QColor.fromRgb(max(counts, key=counts.__getitem__))
    return max(contrast(QColor.fromRgb(rgb), background) for rgb in set(pixels))


def _texts_below_aa(window) -> dict[str, float]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    image = window.grab().toImage()
    scale = image.devicePixelRatio()
    low = {}
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text().strip() or widget.width() < 4:
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = widget.rect().translated(top_left)
        rect = rect.intersected(window.rect())
        if scale != 1:
            continue
        ratio = _ink_contrast(image, rect)
        if ratio < 4.5:
            low[f"{type(widget).__name__} {widget.text()[:40]!r}"] = round(ratio, 2)
    return low


@pytest.mark.parametrize("first,then", [("light", "dark"), ("dark", "light")])
def test_every_text_in_the_live_window_is_readable_after_a_theme_switch(
    qtbot, window, restore_palette, first: str, then: str
) -> None:
    from player.ui.theme import apply_theme

    apply_theme(first)
    window.header.set_episode("A short test episode", "Test Show · Test Guest · 2025-10-17")
    window.header.banner.show_message("info", "The audio is a stand-in made by a synthesizer.")
    qtbot.wait(20)
    assert _texts_below_aa(window) == {}, first
    apply_theme(then)  # as Preferences does, with the window open
    qtbot.wait(20)
    low = _texts_below_aa(window)
    assert low == {}, f"{first} -> {then}: {low}"
