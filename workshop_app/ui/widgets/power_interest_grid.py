"""The power/interest grid: each organization placed by influence (up) and interest (right;
left in a right-to-left window, which mirrors the whole grid). Drag an organization, or select
it and use the arrow keys, to change its scores (undoable)."""

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.ui.language import isolated
from workshop_app.ui.palette import colour, quadrant_colours

SCALE = 5
_TRAY = 190  # width of the strip that holds organizations not yet placed
_CHIP_HEIGHT = 20
_MARGIN = 34


class PowerInterestGrid(QWidget):
    moved = Signal(str, int, int)  # organization id, influence, interest

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.organizations: list[dict] = []
        self.selected: str | None = None
        self._chips: dict[str, QRectF] = {}
        self._dragging: str | None = None
        self._drag_at = QPointF()
        self.movable = True  # False for a workshop open read-only: chips are selected, never moved
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAccessibleName(_("Power/interest grid"))

    def set_organizations(self, organizations: list[dict]) -> None:
        self.organizations = organizations
        self._layout_chips()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_chips()

    def chip_rect(self, organization_id: str) -> QRectF:
        return self._chips[organization_id]

    def sizeHint(self) -> QSize:
        return QSize(900, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(600, 420)

    # ------------------------------------------------------------------ geometry

    # Geometry is worked out from the left, as a left-to-right window shows it, and mirrored for
    # a right-to-left one: the axis and its scores on the right, interest growing leftwards, the
    # tray of unplaced organizations on the left. Painter alignments mirror themselves.

    def mirrored(self, rect: QRectF) -> QRectF:
        if not self.isRightToLeft():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def _from_left(self, point: QPointF) -> QPointF:
        return QPointF(self.width() - point.x(), point.y()) if self.isRightToLeft() else point

    def _grid_from_left(self) -> QRectF:
        return QRectF(_MARGIN + 8, 8, self.width() - _TRAY - _MARGIN - 24, self.height() - _MARGIN - 16)

    def _cell_from_left(self, influence: int, interest: int) -> QRectF:
        grid = self._grid_from_left()
        width, height = grid.width() / SCALE, grid.height() / SCALE
        return QRectF(grid.left() + (interest - 1) * width, grid.top() + (SCALE - influence) * height, width, height)

    def grid_rect(self) -> QRectF:
        return self.mirrored(self._grid_from_left())

    def tray_rect(self) -> QRectF:
        return self.mirrored(QRectF(self.width() - _TRAY, 0, _TRAY, self.height()))

    def cell_rect(self, influence: int, interest: int) -> QRectF:
        return self.mirrored(self._cell_from_left(influence, interest))

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        grid = self._grid_from_left()
        point = self._from_left(point)
        if not grid.contains(point):
            return None
        interest = int((point.x() - grid.left()) / (grid.width() / SCALE)) + 1
        influence = SCALE - int((point.y() - grid.top()) / (grid.height() / SCALE))
        return max(1, min(SCALE, influence)), max(1, min(SCALE, interest))

    def _layout_chips(self) -> None:
        """Chips flow in reading order inside their cell and wrap; unplaced ones stack in the tray."""
        metrics = self.fontMetrics()
        self._chips = {}
        cursors: dict[tuple[int, int], QPointF] = {}
        tray_row = 0
        tray_left = self.width() - _TRAY + 6
        for organization in self.organizations:
            label = organization["acronym"] or organization["name"]
            width = float(metrics.horizontalAdvance(label) + 14)
            key = (organization["influence"], organization["interest"])
            if not (key[0] and key[1]):
                self._chips[organization["id"]] = QRectF(tray_left, 30 + tray_row * (_CHIP_HEIGHT + 3),
                                                         min(width, _TRAY - 12), _CHIP_HEIGHT)
                tray_row += 1
                continue
            cell = self._cell_from_left(*key)
            width = min(width, cell.width() - 8)
            at = cursors.get(key, QPointF(cell.left() + 4, cell.top() + 4))
            if at.x() + width > cell.right() - 4 and at.x() > cell.left() + 4:
                at = QPointF(cell.left() + 4, at.y() + _CHIP_HEIGHT + 3)
            self._chips[organization["id"]] = QRectF(at.x(), at.y(), width, _CHIP_HEIGHT)
            cursors[key] = QPointF(at.x() + width + 4, at.y())
        self._chips = {key: self.mirrored(rect) for key, rect in self._chips.items()}

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        palette = self.palette()
        grid = self.grid_rect()
        # Scores 4 and 5 count as high, 1 to 3 as low.
        plain = self._grid_from_left()
        split = QPointF(self._cell_from_left(1, 4).left(), self._cell_from_left(4, 1).bottom())
        quadrants = (
            # Translators: the four quadrants of the power/interest grid say what to do with the stakeholders in each
            (self.mirrored(QRectF(plain.topLeft(), split)), _("Keep satisfied")),
            (self.mirrored(QRectF(QPointF(split.x(), plain.top()), QPointF(plain.right(), split.y()))),
             _("Manage closely")),
            # Translators: a quadrant of the power/interest grid: keep an eye on these stakeholders (a verb)
            (self.mirrored(QRectF(QPointF(plain.left(), split.y()), QPointF(split.x(), plain.bottom()))), _("Monitor")),
            (self.mirrored(QRectF(split, plain.bottomRight())), _("Keep informed")),
        )
        caption = QFont(self.font())
        caption.setItalic(True)
        for (rect, label), fill in zip(quadrants, quadrant_colours()):
            painter.fillRect(rect, fill)
            painter.setFont(caption)
            painter.setPen(colour("muted"))
            painter.drawText(rect.adjusted(6, 0, -6, -4), Qt.AlignBottom | Qt.AlignRight, label)
        painter.setFont(self.font())
        painter.setPen(QPen(palette.mid().color(), 1))
        for step in range(SCALE + 1):
            x = grid.left() + step * grid.width() / SCALE
            y = grid.top() + step * grid.height() / SCALE
            painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()))
            painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y))
        painter.setPen(palette.windowText().color())
        for score in range(1, SCALE + 1):
            cell = self.cell_rect(score, score)
            painter.drawText(QRectF(cell.left(), grid.bottom() + 2, cell.width(), 16), Qt.AlignCenter, str(score))
            painter.drawText(self.mirrored(QRectF(plain.left() - 18, cell.top(), 14, cell.height())), Qt.AlignCenter,
                             str(score))
        # Translators: the grid's horizontal axis; the arrow points to more interest
        interest = _("Interest →")
        if self.isRightToLeft():  # interest grows leftwards in a mirrored grid
            interest = interest.replace("→", "←")
        painter.drawText(QRectF(grid.left(), grid.bottom() + 16, grid.width(), 18), Qt.AlignCenter, interest)
        painter.save()
        painter.translate(self.width() - 12 if self.isRightToLeft() else 12, grid.center().y())
        painter.rotate(-90)
        # Translators: the grid's vertical axis; the arrow points to more influence
        painter.drawText(QRectF(-grid.height() / 2, -10, grid.height(), 20), Qt.AlignCenter, _("Influence →"))
        painter.restore()
        tray = self.tray_rect()
        painter.fillRect(tray, palette.alternateBase())
        # Translators: the strip beside the grid holding the organizations with no scores yet
        painter.drawText(tray.adjusted(6, 4, -6, 0), Qt.AlignTop | Qt.AlignLeft, _("Not yet placed"))

        for organization in self.organizations:
            rect = self._chips[organization["id"]]
            if organization["id"] == self._dragging:
                rect = QRectF(self._drag_at - QPointF(rect.width() / 2, rect.height() / 2), rect.size())
            selected = organization["id"] == self.selected
            painter.setPen(QPen(palette.highlight().color() if selected else colour("grid_line"), 2 if selected else 1))
            painter.setBrush(palette.base())
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(palette.text().color())
            label = painter.fontMetrics().elidedText(organization["acronym"] or organization["name"], Qt.ElideRight,
                                                     int(rect.width()) - 8)
            painter.drawText(rect, Qt.AlignCenter, isolated(label))  # "Embassy of…", not "…Embassy of"

    # ------------------------------------------------------------------ interaction

    def organization_at(self, point: QPointF) -> str | None:
        for organization_id, rect in reversed(list(self._chips.items())):
            if rect.contains(point):
                return organization_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.selected = self.organization_at(event.position())
        self._dragging = self.selected if self.movable else None
        self._drag_at = event.position()
        self._show_tooltip()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._drag_at = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged, self._dragging = self._dragging, None
        cell = self.cell_at(event.position())
        if dragged and cell is not None:
            self.moved.emit(dragged, *cell)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key_Up: (1, 0), Qt.Key_Down: (-1, 0), Qt.Key_Right: (0, 1), Qt.Key_Left: (0, -1)}
        if self.isRightToLeft():  # the arrow keys move a chip the way it looks, towards more interest on the left
            steps[Qt.Key_Right], steps[Qt.Key_Left] = steps[Qt.Key_Left], steps[Qt.Key_Right]
        organization = next((o for o in self.organizations if o["id"] == self.selected), None)
        if organization is None or event.key() not in steps or not self.movable:
            super().keyPressEvent(event)
            return
        influence, interest = organization["influence"] or 3, organization["interest"] or 3
        d_influence, d_interest = steps[event.key()]
        new = (max(1, min(SCALE, influence + d_influence)), max(1, min(SCALE, interest + d_interest)))
        if organization["influence"] is None or new != (influence, interest):
            self.moved.emit(organization["id"], *new)

    def _show_tooltip(self) -> None:
        organization = next((o for o in self.organizations if o["id"] == self.selected), None)
        self.setToolTip("" if organization is None else organization["name"])
