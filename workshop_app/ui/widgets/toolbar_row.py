"""A page's row of toolbar buttons that never cuts a word.

The buttons show an icon and their words. When the words of all of them do not fit the width
(a narrow window, or French and Spanish words a third longer than English), the buttons from
the right of the row show their icon alone, their words staying in the tooltip, until the row
fits; wider again, they get their words back.
"""

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget


class ToolbarRow(QWidget):
    def __init__(self, buttons: Sequence[QToolButton], parent: QWidget | None = None):
        super().__init__(parent)
        self._buttons = list(buttons)
        self._wanted = [button.toolButtonStyle() for button in self._buttons]
        self._fitting = False
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for button in self._buttons:
            self._layout.addWidget(button)
        self._layout.addStretch(1)

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 - as QLayout names it
        self._layout.setSpacing(spacing)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the icons alone: the row never forces the window wider."""
        width = sum(self._icon_width(button) for button in self._buttons if not button.isHidden())
        width += self._layout.spacing() * max(len(self._buttons) - 1, 0)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            for button, style in zip(self._buttons, self._wanted):
                button.setToolButtonStyle(style)
            for button in reversed(self._buttons):
                if self._needed() <= width:
                    break
                if button.toolButtonStyle() != Qt.ToolButtonIconOnly and not button.icon().isNull():
                    button.setToolButtonStyle(Qt.ToolButtonIconOnly)
        finally:
            self._fitting = False

    def _needed(self) -> int:
        shown = [button for button in self._buttons if not button.isHidden()]
        return sum(button.sizeHint().width() for button in shown) + self._layout.spacing() * max(len(shown) - 1, 0)

    @staticmethod
    def _icon_width(button: QToolButton) -> int:
        style = button.toolButtonStyle()
        button.setToolButtonStyle(Qt.ToolButtonIconOnly)
        width = button.sizeHint().width()
        button.setToolButtonStyle(style)
        return width
