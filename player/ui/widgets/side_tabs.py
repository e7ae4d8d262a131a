"""The side panel's tab bar: every tab in sight at any window width.

Seven titles ("Takeaways", "Search", "Summary", "Notes (12)", "Chapters", "Transcript",
"Starred (3)") need about 560 px; at 1024 px or less the panel has 330-450. Scroll arrows hid
the last tabs and shortening the titles left "Se…", "Su…", which say nothing. So when the titles
do not fit, each tab shows a drawn icon instead, the chosen tab keeping its title beside its
icon while there is room; every tab's tooltip names it and its Alt+number key. The titles
themselves never change (screen readers and the View menu read them), only how they are drawn.
"""

from __future__ import annotations

from enum import Enum
from math import cos, radians, sin

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QTabBar, QToolTip, QWidget

ICON = 16  # logical pixels
ICON_GAP = 6  # between a chosen tab's icon and its title


class TabLook(Enum):
    TITLES = "titles"  # every tab shows its title
    CHOSEN_TITLED = "chosen titled"  # icons, and the chosen tab's title beside its icon
    ICONS = "icons"  # icons only


def _draw(kind: str, p: QPainter) -> None:
    """One icon in a 16 x 16 box, in the painter's pen."""
    if kind == "takeaways":  # a light bulb: an idea to keep
        p.drawEllipse(QRectF(3.5, 1.0, 9.0, 9.0))
        p.drawLine(QPointF(6.0, 12.0), QPointF(10.0, 12.0))
        p.drawLine(QPointF(6.5, 14.5), QPointF(9.5, 14.5))
    elif kind == "search":  # a magnifying glass
        p.drawEllipse(QRectF(1.5, 1.5, 9.0, 9.0))
        p.drawLine(QPointF(9.5, 9.5), QPointF(14.5, 14.5))
    elif kind == "summary":  # a page of text
        p.drawRect(QRectF(2.5, 1.5, 11.0, 13.0))
        for y in (5.0, 8.0, 11.0):
            p.drawLine(QPointF(5.0, y), QPointF(11.0, y))
    elif kind == "notes":  # a pencil
        path = QPainterPath(QPointF(2.0, 14.0))
        for x, y in ((3.0, 10.5), (11.0, 2.5), (13.5, 5.0), (5.5, 13.0)):
            path.lineTo(x, y)
        path.closeSubpath()
        p.drawPath(path)
        p.drawLine(QPointF(9.5, 4.0), QPointF(12.0, 6.5))
    elif kind == "chapters":  # a list of marked parts
        for y in (3.0, 8.0, 13.0):
            p.drawEllipse(QPointF(2.5, y), 1.0, 1.0)
            p.drawLine(QPointF(6.0, y), QPointF(14.5, y))
    elif kind == "transcript":  # words spoken: a speech bubble with lines
        path = QPainterPath()
        path.addRoundedRect(QRectF(1.5, 1.5, 13.0, 9.5), 2.0, 2.0)
        p.drawPath(path)
        tail = QPainterPath(QPointF(4.0, 11.0))
        tail.lineTo(4.0, 14.5)
        tail.lineTo(8.0, 11.0)
        p.drawPath(tail)
        for y in (4.5, 7.5):
            p.drawLine(QPointF(4.0, y), QPointF(12.0, y))
    elif kind == "starred":  # a five-pointed star
        star = QPainterPath()
        for i in range(10):
            r = 7.0 if i % 2 == 0 else 3.0
            angle = -90.0 + i * 36.0
            point = QPointF(8.0 + r * cos(radians(angle)), 8.5 + r * sin(radians(angle)))
            star.moveTo(point) if i == 0 else star.lineTo(point)
        star.closeSubpath()
        p.drawPath(star)
    else:  # a tab this bar does not know: a plain square keeps it clickable
        p.drawRect(QRectF(3.5, 3.5, 9.0, 9.0))


def tab_icon(kind: str, color: QColor) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pix = QPixmap(ICON * scale, ICON * scale)
        pix.setDevicePixelRatio(scale)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 1.5, c=Qt.PenCapStyle.RoundCap, j=Qt.PenJoinStyle.RoundJoin))
        _draw(kind, painter)
        painter.end()
        icon.addPixmap(pix)
    return icon


def icon_kind(title: str) -> str:
    """The icon a tab's title asks for: its first word ("Notes (3)" -> "notes")."""
    return title.split(" ", 1)[0].lower()


class SideTabBar(QTabBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)  # the last resort, below the icons
        self.setIconSize(QSize(ICON, ICON))
        self.look = TabLook.TITLES
        self._icons: dict[tuple[str, str], QIcon] = {}
        # Qt asks for each tab's size over and over while the window is built and laid out
        # (some 150 times before the first frame), and every answer measured the title again.
        self._hints: dict[tuple[int, str, TabLook], QSize] = {}
        self.currentChanged.connect(lambda _i: self.fit())

    # which look fits --------------------------------------------------------------------------

    def fit(self, width: int | None = None) -> None:
        """Choose the look whose tabs fit in ``width`` (the panel's width when not given)."""
        if width is None:
            parent = self.parentWidget()
            width = parent.width() if parent is not None else self.width()
        shown = [i for i in range(self.count()) if self.isTabVisible(i)]
        look = TabLook.ICONS
        for candidate in (TabLook.TITLES, TabLook.CHOSEN_TITLED):
            if sum(self._width(i, candidate) for i in shown) <= width:
                look = candidate
                break
        if look != self.look:
            self.look = look
            self.setIconSize(self.iconSize())  # lays the tabs out again at their new sizes
            self.update()

    def _titled(self, index: int, look: TabLook) -> bool:
        return look == TabLook.TITLES or (
            look == TabLook.CHOSEN_TITLED and index == self.currentIndex()
        )

    def _hint(self, index: int) -> QSize:
        """Qt's size for the tab as it is drawn now, measured once per title and look."""
        key = (index, self.tabText(index), self.look)
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = super().tabSizeHint(index)
        return hint

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints.clear()  # the titles measure anew in the new font or style
        super().changeEvent(event)

    def _width(self, index: int, look: TabLook) -> int:
        titled = self._hint(index).width()
        if look == TabLook.TITLES:
            return titled
        if self._titled(index, look):
            return titled + ICON + ICON_GAP
        return ICON + self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, self)

    def tabSizeHint(self, index: int) -> QSize:
        return QSize(self._width(index, self.look), self._hint(index).height())

    def minimumTabSizeHint(self, index: int) -> QSize:
        if self.look == TabLook.TITLES:
            return super().minimumTabSizeHint(index)
        return self.tabSizeHint(index)

    def tabLayoutChange(self) -> None:
        super().tabLayoutChange()
        self.fit()  # a tab came, went or was renamed

    # drawing ----------------------------------------------------------------------------------

    def initStyleOption(self, option: QStyleOptionTab, index: int) -> None:
        super().initStyleOption(option, index)
        if self.look == TabLook.TITLES:
            return
        option.icon = self._icon(icon_kind(self.tabText(index)))
        option.iconSize = QSize(ICON, ICON)
        if not self._titled(index, self.look):
            option.text = ""

    def _icon(self, kind: str) -> QIcon:
        color = self.palette().color(QPalette.ColorRole.WindowText)
        key = (kind, color.name())
        if key not in self._icons:
            self._icons[key] = tab_icon(kind, color)
        return self._icons[key]

    def event(self, event: QEvent) -> bool:
        """Every tab's tooltip names it and its key, wherever its title is hidden or cut."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.tabAt(event.pos())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tab_tip(index), self)
                return True
        return super().event(event)

    def tab_tip(self, index: int) -> str:
        key = f" (Alt+{index + 1})" if index < 9 else ""
        return self.tabText(index) + key
