"""Horizontal bars split by sex, one bar per group (category, role, day), with the counts on them."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.i18n.catalogs import _, grouped, listed
from workshop_app.models.stakeholders.figures import SexBreakdown
from workshop_app.models.vocabulary import SEXES
from workshop_app.ui import palette

# Okabe-Ito colours: told apart with the common colour-vision deficiencies and on a projector.
SEX_COLOURS = {sex: QColor(value) for sex, value in palette.SEX_COLOURS.items()}
_ROW = 30
_LEGEND = 28


class SexBarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list[SexBreakdown] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_groups(self, groups: list[SexBreakdown]) -> None:
        self.groups = groups
        self.setAccessibleDescription(grouped(
            f"{_(group.label)}: "
            + listed(f"{_(SEXES[sex])} {count}" for sex, count in group.counts.items() if count)
            for group in groups))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, _LEGEND + _ROW * max(len(self.groups), 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        metrics = painter.fontMetrics()
        text_colour = self.palette().windowText().color()
        x = 0
        for sex, colour in SEX_COLOURS.items():  # legend
            painter.fillRect(QRectF(x, 6, 12, 12), colour)
            label = _(SEXES[sex])
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + 16, 0, 200, 24), Qt.AlignVCenter | Qt.AlignLeft, label)
            x += 16 + metrics.horizontalAdvance(label) + 18
        if not self.groups:
            return
        label_width = min(max(metrics.horizontalAdvance(_(group.label)) for group in self.groups) + 12,
                          self.width() // 3)
        total_width = metrics.horizontalAdvance("0000") + 8
        bar_width = max(self.width() - label_width - total_width, 50)
        largest = max(group.total for group in self.groups) or 1
        for row, group in enumerate(self.groups):
            top = _LEGEND + row * _ROW
            painter.setPen(text_colour)
            label = metrics.elidedText(_(group.label), Qt.ElideRight, label_width - 8)
            painter.drawText(QRectF(0, top, label_width - 8, _ROW - 6), Qt.AlignVCenter | Qt.AlignRight, label)
            left = float(label_width)
            for sex, count in group.counts.items():
                if not count:
                    continue
                width = bar_width * count / largest
                segment = QRectF(left, top + 3, width, _ROW - 12)
                painter.fillRect(segment, SEX_COLOURS[sex])
                if metrics.horizontalAdvance(str(count)) + 4 < width:
                    painter.setPen(Qt.white if sex in ("male", "other") else Qt.black)
                    painter.drawText(segment, Qt.AlignCenter, str(count))
                left += width
            painter.setPen(text_colour)
            painter.drawText(QRectF(left + 6, top, total_width, _ROW - 6), Qt.AlignVCenter | Qt.AlignLeft,
                             str(group.total))
