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
