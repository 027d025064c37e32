"""Horizontal bars split by sex, one bar per group (category, role, day), with the counts on them."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.i18n.catalogs import _, grouped, listed
from workshop_app.models.stakeholders.figures import SexBreakdown
from workshop_app.models.vocabulary import SEXES
from workshop_app.ui import palette
from workshop_app.ui.language import isolated

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

    def mirrored(self, rect: QRectF) -> QRectF:
        """`rect`, laid out from the left, where it goes in this widget's direction: a
        right-to-left window reads the chart from the right, legend, labels and bars alike."""
        if not self.isRightToLeft():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def legend_rects(self, metrics) -> list[tuple[str, QRectF, QRectF]]:
        """(sex, colour square, label) of the legend, in reading order from the chart's start."""
        rects, x = [], 0
        for sex in SEX_COLOURS:
            width = metrics.horizontalAdvance(_(SEXES[sex])) + 2
            rects.append((sex, self.mirrored(QRectF(x, 6, 12, 12)), self.mirrored(QRectF(x + 16, 0, width, 24))))
            x += 16 + width + 16
        return rects

    def total_rect(self, row: int, metrics) -> QRectF:
        """Where a group's total is written, after the end of its bar."""
        group = self.groups[row]
        label_width, total_width, bar_width = self._widths(metrics)
        largest = max(g.total for g in self.groups) or 1
        end = label_width + bar_width * sum(group.counts.values()) / largest
        return self.mirrored(QRectF(end + 6, _LEGEND + row * _ROW, total_width, _ROW - 6))

    def _widths(self, metrics) -> tuple[int, int, int]:
        label_width = min(max(metrics.horizontalAdvance(_(group.label)) for group in self.groups) + 12,
                          self.width() // 3)
        # The widest total the chart shows, so that the longest bar's stays inside the widget.
        total_width = max(metrics.horizontalAdvance(str(group.total)) for group in self.groups) + 8
        return label_width, total_width, max(self.width() - label_width - total_width - 6, 50)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Rectangles are worked out from the left and mirrored in a right-to-left window;
        # painter alignments (AlignLeft, AlignRight) mirror themselves with it.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        metrics = painter.fontMetrics()
        text_colour = self.palette().windowText().color()
        for sex, square, label in self.legend_rects(metrics):
            painter.fillRect(square, SEX_COLOURS[sex])
            painter.setPen(text_colour)
            painter.drawText(label, Qt.AlignVCenter | Qt.AlignLeft, _(SEXES[sex]))
        if not self.groups:
            return
        label_width, _total_width, bar_width = self._widths(metrics)
        largest = max(group.total for group in self.groups) or 1
        for row, group in enumerate(self.groups):
            top = _LEGEND + row * _ROW
            painter.setPen(text_colour)
            label = metrics.elidedText(_(group.label), Qt.ElideRight, label_width - 8)
            painter.drawText(self.mirrored(QRectF(0, top, label_width - 8, _ROW - 6)),
                             Qt.AlignVCenter | Qt.AlignRight, isolated(label))
            left = float(label_width)
            for sex, count in group.counts.items():
                if not count:
                    continue
                width = bar_width * count / largest
                segment = self.mirrored(QRectF(left, top + 3, width, _ROW - 12))
                painter.fillRect(segment, SEX_COLOURS[sex])
                if metrics.horizontalAdvance(str(count)) + 4 < width:
                    painter.setPen(Qt.white if sex in ("male", "other") else Qt.black)
                    painter.drawText(segment, Qt.AlignCenter, str(count))
                left += width
            painter.setPen(text_colour)
            painter.drawText(self.total_rect(row, metrics), Qt.AlignVCenter | Qt.AlignLeft, str(group.total))
